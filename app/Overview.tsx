'use client';
import Link from 'next/link';
import { useStats } from '@/components/hooks/useStats';
import { useCanSupervise } from '@/components/hooks/useSession';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/States';
import { VegaChart } from '@/components/charts/VegaChart';
import { barChartSpec } from '@/components/charts/specs/bar-chart';

export function Overview() {
  const { data, error, isPending } = useStats();
  const supervises = useCanSupervise();
  if (isPending) return <Skeleton height={90} count={3} />;
  if (error) return <ErrorState error={error} />;
  const empty = data.notebooks.imported + data.notebooks.rejected === 0;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Corpus overview</h1>
          <p className="sub">Notebooks imported into this study and the visualisations extracted from them.</p>
        </div>
      </div>
      {empty ? (
        <EmptyState title="No notebooks yet" action={supervises ? { href: '/import', label: 'Import notebooks' } : undefined}>
          Drop .ipynb files or a .zip on the import page, or run <code>npm run vizmine -- import &lt;folder&gt;</code>.
        </EmptyState>
      ) : (
        <>
          <div className="stats">
            <Stat label="notebooks imported" value={data.notebooks.imported} href="/notebooks" />
            <Stat label="visualisations" value={data.visualisations} href="/visualisations" />
            <Stat label="cells" value={data.notebooks.cells} />
            <Stat label="error outputs" value={data.notebooks.errors} />
            <Stat label="rejected (not Python)" value={data.notebooks.rejected} href="/notebooks?status=rejected" />
            <Stat label="files that failed" value={data.failures} href={supervises ? '/import' : undefined} />
          </div>
          {data.pendingThumbnails > 0 && (
            <p className="sub" role="status">
              Computing thumbnails and near-duplicate hashes: {data.pendingThumbnails} images to go…
            </p>
          )}
          <div className="grid-2">
            <div className="panel">
              <h2>Visualisations by plotting library</h2>
              <VegaChart
                label="visualisations by library"
                spec={barChartSpec(data.byLibrary.map((r) => ({ label: r.library, count: r.count })), { x: 'visualisations', y: 'library' })}
              />
            </div>
            <div className="panel">
              <h2>Notebooks with the most visualisations</h2>
              <VegaChart
                label="visualisations per notebook"
                spec={barChartSpec(
                  data.topNotebooks.slice(0, 15).map((n) => ({ label: n.title.slice(0, 40), count: n.visualisations })),
                  { x: 'visualisations', y: 'notebook' },
                )}
              />
            </div>
          </div>
        </>
      )}
    </>
  );
}

function Stat({ label, value, href }: { label: string; value: number; href?: string }) {
  const body = (
    <>
      <div className="value">{value.toLocaleString('en')}</div>
      <div className="label">{label}</div>
    </>
  );
  return href ? (
    <Link className="stat" href={href} style={{ color: 'inherit' }}>
      {body}
    </Link>
  ) : (
    <div className="stat">{body}</div>
  );
}
