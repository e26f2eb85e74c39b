import { Suspense } from 'react';
import { RunsView } from './RunsView';

export const metadata = { title: 'Runs · vizmine' };

export default function Page() {
  return (
    <Suspense>
      <RunsView />
    </Suspense>
  );
}
