import { Suspense } from 'react';
import { ProgressView } from './ProgressView';

export default function Page() {
  return (
    <Suspense>
      <ProgressView />
    </Suspense>
  );
}
