import { requirePageRole } from '@/lib/auth/page-session';
import { supervisorRoles } from '@/lib/auth/roles';
import { ExecutionView } from './ExecutionView';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageRole(`/executions/${id}`, supervisorRoles);
  return <ExecutionView id={Number(id)} />;
}
