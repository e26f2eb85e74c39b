import { RunView } from './RunView';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  return <RunView id={Number((await params).id)} />;
}
