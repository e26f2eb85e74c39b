import { requirePageRole } from '@/lib/auth/page-session';
import { supervisorRoles } from '@/lib/auth/roles';
import { StrategyView } from './StrategyView';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageRole(`/strategies/${id}`, supervisorRoles);
  return <StrategyView id={Number(id)} />;
}
