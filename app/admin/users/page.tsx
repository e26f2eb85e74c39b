import { requirePageRole } from '@/lib/auth/page-session';
import { adminRoles } from '@/lib/auth/roles';
import { UsersAdmin } from './UsersAdmin';

export const metadata = { title: 'Users · vizmine' };
export const dynamic = 'force-dynamic';

export default async function Page() {
  const user = await requirePageRole('/admin/users', adminRoles);
  return <UsersAdmin me={user.id} />;
}
