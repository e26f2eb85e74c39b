import { requirePageRole } from '@/lib/auth/page-session';
import { supervisorRoles } from '@/lib/auth/roles';
import { WorkersView } from './WorkersView';

export const metadata = { title: 'Workers · vizmine' };
export const dynamic = 'force-dynamic';

export default async function Page() {
  await requirePageRole('/workers', supervisorRoles);
  return <WorkersView />;
}
