import { Workspace } from '@/components/coding/Workspace';

export default async function Page({ params }: { params: Promise<{ assignmentId: string }> }) {
  const id = Number((await params).assignmentId);
  return <Workspace key={id} assignmentId={id} />;
}
