import { Suspense } from 'react';
import { NotebookView } from './NotebookView';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  return (
    <Suspense>
      <NotebookView id={id} />
    </Suspense>
  );
}
