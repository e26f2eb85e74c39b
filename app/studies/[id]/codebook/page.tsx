import { CodebookPage } from './CodebookPage';

export const metadata = { title: 'Codebook · vizmine' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  return <CodebookPage studyId={Number((await params).id)} />;
}
