import { StudyOverview } from './StudyOverview';

export const metadata = { title: 'Study · vizmine' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  return <StudyOverview id={Number((await params).id)} />;
}
