import { Suspense } from 'react';
import { Overview } from './Overview';

export default function Page() {
  return (
    <Suspense>
      <Overview />
    </Suspense>
  );
}
