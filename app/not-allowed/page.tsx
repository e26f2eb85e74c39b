import Link from 'next/link';
import { pageUser } from '@/lib/auth/page-session';
import { homePath, userRoles } from '@/lib/auth/roles';
import { safeNextPath } from '@/lib/auth/next-path';

export const metadata = { title: 'Not allowed · vizmine' };
export const dynamic = 'force-dynamic';

// Where requirePageRole sends a user whose role may not open a page. `page` and `need` come from
// the URL, so only a local path and known role names are shown.
export default async function Page({ searchParams }: { searchParams: Promise<{ page?: string; need?: string }> }) {
  const user = await pageUser('/');
  const { page, need } = await searchParams;
  const path = safeNextPath(page);
  const roles = (need ?? '').split(',').filter((r) => (userRoles as readonly string[]).includes(r));
  const home = homePath(user.role);
  return (
    <div className="error-box" role="alert" data-testid="not-allowed">
      <h1>Not allowed</h1>
      <p>
        <code>{path}</code> is for {roles.length ? `the ${roles.join(' or ')} role` : 'other roles'}; you are signed in as a <strong>{user.role}</strong>. Ask an
        admin of this vizmine if you need it.
      </p>
      <p>
        <Link className="btn primary" href={home}>
          {home === '/coding' ? 'Go to your coding queue' : 'Go to the overview'}
        </Link>
      </p>
    </div>
  );
}
