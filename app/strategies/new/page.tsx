import { requirePageRole } from '@/lib/auth/page-session';
import { supervisorRoles } from '@/lib/auth/roles';
import { NewStrategy } from './NewStrategy';

export const dynamic = 'force-dynamic';

export default async function Page() {
  await requirePageRole('/strategies/new', supervisorRoles);
  return <NewStrategy />;
}
