import { SamplesPage } from './SamplesPage';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  return <SamplesPage studyId={Number((await params).id)} />;
}
