import { Suspense } from 'react';
import { AnalyticsView } from './AnalyticsView';

export default function Page() {
  return (
    <Suspense>
      <AnalyticsView />
    </Suspense>
  );
}
