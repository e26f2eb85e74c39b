import { Suspense } from 'react';
import { VisualisationView } from './VisualisationView';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  return (
    <Suspense>
      <VisualisationView id={id} />
    </Suspense>
  );
}
