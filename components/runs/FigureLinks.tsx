'use client';
import Link from 'next/link';
import { useFigureLinks } from '@/components/hooks/useRuns';
import { OutcomeBadge } from './Badges';

/** On a visualisation page: its original (when it is a reproduced figure) or its reproductions. */
export function FigureLinks({ visualisationId }: { visualisationId: number }) {
  const { data } = useFigureLinks(visualisationId);
  const links = data?.links ?? [];
  if (links.length === 0) return null;
  return (
    <div className="panel" style={{ marginTop: 16 }} data-testid="figure-links">
      <div className="section-title" style={{ marginTop: 0 }}>Reproduction</div>
      {links.map((l, i) => (
        <div key={i} className="row" style={{ fontSize: 13 }}>
          <OutcomeBadge outcome={l.outcome} />
          {l.visualisationId ? (
            <Link href={`/visualisations/${l.visualisationId}`}>{l.role === 'original' ? 'original' : 'reproduced'} figure #{l.visualisationId}</Link>
          ) : (
            <span className="sub">{l.role === 'original' ? 'no original figure in this cell' : 'not produced by the reproduction'}</span>
          )}
          {l.distance != null && <span className="sub">dHash distance {l.distance}</span>}
          <Link href={`/executions/${l.executionId}`} className="sub">
            execution #{l.executionId} (side by side) →
          </Link>
        </div>
      ))}
    </div>
  );
}
