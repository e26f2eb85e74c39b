import { requirePageRole } from '@/lib/auth/page-session';
import { supervisorRoles } from '@/lib/auth/roles';
import { ImportPage } from './ImportPage';

export const dynamic = 'force-dynamic';

export default async function Page() {
  await requirePageRole('/import', supervisorRoles);
  return <ImportPage />;
}
