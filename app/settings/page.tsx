import { requirePageRole } from '@/lib/auth/page-session';
import { supervisorRoles } from '@/lib/auth/roles';
import { SettingsPage } from './SettingsPage';

export const dynamic = 'force-dynamic';

export default async function Page() {
  await requirePageRole('/settings', supervisorRoles);
  return <SettingsPage />;
}
