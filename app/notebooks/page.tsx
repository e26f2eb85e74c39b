import { Suspense } from 'react';
import { NotebookList } from './NotebookList';

export default function Page() {
  return (
    <Suspense>
      <NotebookList />
    </Suspense>
  );
}
