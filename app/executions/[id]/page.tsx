import { ExecutionView } from './ExecutionView';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  return <ExecutionView id={Number((await params).id)} />;
}
