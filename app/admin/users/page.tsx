import { pageUser } from '@/lib/auth/page-session';
import { UsersAdmin } from './UsersAdmin';

export const metadata = { title: 'Users · vizmine' };
export const dynamic = 'force-dynamic';

export default async function Page() {
  const user = await pageUser('/admin/users', ['admin']);
  if (!user) {
    return (
      <div className="error-box" role="alert">
        <strong>Only admins manage accounts.</strong> Ask an admin of this vizmine to create, change or remove an account.
      </div>
    );
  }
  return <UsersAdmin me={user.id} />;
}
