import { Suspense } from 'react';
import { ItemReview } from './ItemReview';

export default async function Page({ params }: { params: Promise<{ sampleItemId: string }> }) {
  const { sampleItemId } = await params;
  return (
    <Suspense>
      <ItemReview sampleItemId={Number(sampleItemId)} />
    </Suspense>
  );
}
