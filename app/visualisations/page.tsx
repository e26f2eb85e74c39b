import { Suspense } from 'react';
import { Gallery } from './Gallery';

export default function Page() {
  return (
    <Suspense>
      <Gallery />
    </Suspense>
  );
}
