'use client';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useState } from 'react';
import { useSession, useSignOut } from '@/components/hooks/useSession';
import { canSupervise } from '@/lib/auth/roles';

// `supervise`: pages only supervisors and admins may open (their server pages check it too).
const LINKS = [
  { href: '/', label: 'Overview' },
  { href: '/notebooks', label: 'Notebooks' },
  { href: '/visualisations', label: 'Visualisations' },
  { href: '/strategies', label: 'Strategies', supervise: true },
  { href: '/runs', label: 'Runs', supervise: true },
  { href: '/studies', label: 'Studies' },
  { href: '/coding', label: 'Coding' },
  { href: '/agreement', label: 'Agreement' },
  { href: '/progress', label: 'Progress' },
  { href: '/analytics', label: 'Analytics' },
  { href: '/analyse', label: 'Analyse' },
];

export function Nav() {
  const path = usePathname();
  const router = useRouter();
  const [query, setQuery] = useState('');
  const session = useSession();
  const signOut = useSignOut();
  const user = session.data;
  const supervises = canSupervise(user?.role);
  // A collection run belongs to its strategy, so its page lights up Strategies; workers and
  // executions belong to Runs (which links to Workers).
  const active = (href: string) =>
    href === '/' ? path === '/' : path.startsWith(href) || (href === '/strategies' && path.startsWith('/collection-runs')) || (href === '/runs' && (path.startsWith('/executions') || path.startsWith('/workers')));
  const onSignOut = () => signOut.mutate(undefined, { onSettled: () => window.location.assign('/sign-in') });
  if (path.startsWith('/sign-in')) {
    return (
      <nav className="nav">
        <span className="brand">
          viz<span>mine</span>
        </span>
      </nav>
    );
  }
  return (
    <nav className="nav">
      <Link href="/" className="brand">
        viz<span>mine</span>
      </Link>
      {LINKS.filter((l) => !l.supervise || supervises).map((l) => (
        <Link key={l.href} href={l.href} className={`link ${active(l.href) ? 'active' : ''}`}>
          {l.label}
        </Link>
      ))}
      <div className="spacer" />
      <form
        role="search"
        className="nav-search"
        onSubmit={(e) => {
          e.preventDefault();
          if (query.trim()) router.push(`/search?q=${encodeURIComponent(query.trim())}`);
        }}
      >
        <input type="search" placeholder="Search cells…" aria-label="search markdown and code" value={query} onChange={(e) => setQuery(e.target.value)} />
      </form>
      {user?.role === 'admin' && (
        <Link href="/admin/users" className={`link ${active('/admin') ? 'active' : ''}`}>
          Users
        </Link>
      )}
      {supervises && (
        <>
          <Link href="/settings" className={`link ${active('/settings') ? 'active' : ''}`}>
            Settings
          </Link>
          <Link href="/import" className={`link ${active('/import') ? 'active' : ''}`}>
            Import
          </Link>
        </>
      )}
      {user && (
        <span className="nav-user" data-testid="nav-user">
          {user.name} <span className="badge">{user.role}</span>
          <button className="btn nav-signout" onClick={onSignOut} disabled={signOut.isPending}>
            Sign out
          </button>
        </span>
      )}
    </nav>
  );
}
