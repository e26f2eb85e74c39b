import Link from 'next/link';

export function EmptyState({ title, children, action }: { title: string; children?: React.ReactNode; action?: { href: string; label: string } }) {
  return (
    <div className="empty">
      <h2>{title}</h2>
      {children && <p>{children}</p>}
      {action && (
        <Link className="btn primary" href={action.href}>
          {action.label}
        </Link>
      )}
    </div>
  );
}

export function ErrorState({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="error-box" role="alert">
      <strong>Could not load this.</strong> {message}
    </div>
  );
}

export function Skeleton({ height = 120, count = 1 }: { height?: number; count?: number }) {
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="skeleton" style={{ height, marginBottom: 12 }} aria-busy="true" />
      ))}
    </>
  );
}
