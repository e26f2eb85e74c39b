import { NotebookView } from './NotebookView';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  return <NotebookView id={Number((await params).id)} />;
}
