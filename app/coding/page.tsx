import { Suspense } from 'react';
import { QueuePage } from './QueuePage';

export default function Page() {
  return (
    <Suspense>
      <QueuePage />
    </Suspense>
  );
}
