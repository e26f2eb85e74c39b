import { requirePageRole } from '@/lib/auth/page-session';
import { supervisorRoles } from '@/lib/auth/roles';
import { RunView } from './RunView';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageRole(`/collection-runs/${id}`, supervisorRoles);
  return <RunView id={Number(id)} />;
}
