import { requirePageRole } from '@/lib/auth/page-session';
import { supervisorRoles } from '@/lib/auth/roles';
import { StrategyList } from './StrategyList';

export const dynamic = 'force-dynamic';

export default async function Page() {
  await requirePageRole('/strategies', supervisorRoles);
  return <StrategyList />;
}
