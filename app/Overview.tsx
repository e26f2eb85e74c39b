'use client';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useStats } from '@/components/hooks/useStats';
import { useCanSupervise } from '@/components/hooks/useSession';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/States';
import { VegaChart } from '@/components/charts/VegaChart';
import { barChartSpec } from '@/components/charts/specs/bar-chart';
import { OriginSwitch, originWords } from '@/components/ui/OriginSwitch';
import { originOf, type Origin } from '@/lib/browse/origins';
import { noun } from '@/lib/text/plural';

export function Overview() {
  const params = useSearchParams();
  const router = useRouter();
  const origin = originOf(params.get('origin'));
  const setOrigin = (o: Origin) => router.replace(o === 'originals' ? '/' : `/?origin=${o}`);
  const { data, error, isPending } = useStats(origin);
  const supervises = useCanSupervise();
  if (isPending) return <Skeleton height={90} count={3} />;
  if (error) return <ErrorState error={error} />;
  const empty = data.notebooks.imported + data.notebooks.rejected === 0 && origin === 'originals';
  const what = originWords(origin);
  const q = origin === 'originals' ? '' : `?origin=${origin}`;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Corpus overview</h1>
          <p className="sub">Every notebook imported into vizmine (the corpus all studies sample from) and the visualisations extracted from them.</p>
        </div>
        <div className="row">
          <OriginSwitch value={origin} onChange={setOrigin} />
        </div>
      </div>
      {empty ? (
        <EmptyState title="No notebooks yet" action={supervises ? { href: '/import', label: 'Import notebooks' } : undefined}>
          Drop .ipynb files or a .zip on the import page, or run <code>npm run vizmine -- import &lt;folder&gt;</code>.
        </EmptyState>
      ) : (
        <>
          <div className="stats" data-testid="overview-stats">
            <Stat value={data.notebooks.imported} one="notebook imported" many="notebooks imported" what={what} href={`/notebooks${q}`} />
            <Stat value={data.visualisations} one="visualisation" many="visualisations" what={what} href={`/visualisations${q}`} />
            <Stat value={data.notebooks.cells} one="cell" many="cells" what={what} />
            <Stat value={data.notebooks.errors} one="error output" many="error outputs" what={what} />
            <Stat value={data.notebooks.rejected} one="file rejected (not Python)" many="files rejected (not Python)" href="/notebooks?status=rejected" />
            <Stat value={data.failures} one="file that failed" many="files that failed" href={supervises ? '/import' : undefined} />
          </div>
          {data.pendingThumbnails > 0 && (
            <p className="sub" role="status">
              Computing thumbnails and near-duplicate hashes: {data.pendingThumbnails} images to go…
            </p>
          )}
          <div className="grid-2">
            <div className="panel">
              <h2>Visualisations by plotting library ({what})</h2>
              <VegaChart
                label="visualisations by library"
                spec={barChartSpec(data.byLibrary.map((r) => ({ label: r.library, count: r.count })), { x: 'visualisations', y: 'library' })}
              />
            </div>
            <div className="panel">
              <h2>Notebooks with the most visualisations ({what})</h2>
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

/** One figure, with a label that agrees with it in number and says what it counts. */
function Stat({ value, one, many, what, href }: { value: number; one: string; many: string; what?: string; href?: string }) {
  const body = (
    <>
      <div className="value">{value.toLocaleString('en')}</div>
      <div className="label">
        {noun(value, one, many)}
        {what ? ` (${what})` : ''}
      </div>
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
