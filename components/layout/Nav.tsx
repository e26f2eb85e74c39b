'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: 'Overview' },
  { href: '/notebooks', label: 'Notebooks' },
  { href: '/visualisations', label: 'Visualisations' },
  { href: '/strategies', label: 'Strategies' },
  { href: '/runs', label: 'Runs' },
  { href: '/workers', label: 'Workers' },
];

export function Nav() {
  const path = usePathname();
  // A collection run belongs to its strategy, so its page lights up Strategies.
  const active = (href: string) =>
    href === '/' ? path === '/' : path.startsWith(href) || (href === '/strategies' && path.startsWith('/collection-runs')) || (href === '/runs' && path.startsWith('/executions'));
  return (
    <nav className="nav">
      <Link href="/" className="brand">
        viz<span>mine</span>
      </Link>
      {LINKS.map((l) => (
        <Link key={l.href} href={l.href} className={`link ${active(l.href) ? 'active' : ''}`}>
          {l.label}
        </Link>
      ))}
      <div className="spacer" />
      <Link href="/settings" className={`link ${active('/settings') ? 'active' : ''}`}>
        Settings
      </Link>
      <Link href="/import" className={`link ${active('/import') ? 'active' : ''}`}>
        Import notebooks
      </Link>
    </nav>
  );
}
