'use client';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useFacets, useGallery } from '@/components/hooks/useVisualisations';
import { useCanSupervise } from '@/components/hooks/useSession';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/States';
import { FACETS, filterQuery, filtersFrom, isSelected, toggled, type Filters } from '@/components/visualisation/filters';
import { Thumbnail } from '@/components/visualisation/Thumbnail';
import type { Facets } from '@/components/hooks/types';
import { OriginSwitch, originWords } from '@/components/ui/OriginSwitch';
import { originOf } from '@/lib/browse/origins';
import { plural } from '@/lib/text/plural';

// The sidebar's order: the labels first (what researchers filter by most), the many-valued lists
// (notebook, competition, medal, near-duplicates) last, since they arrive in slower requests of their own.
const SIDEBAR: ReadonlyArray<(typeof FACETS)[number]> = ['chartType', 'stage', 'library', 'multiPanel', 'kind', 'mime', 'context', 'notebook', 'competition', 'medal', 'group'];

const FACET_TITLES: Record<(typeof FACETS)[number], string> = {
  kind: 'Kind',
  mime: 'Format',
  chartType: 'Chart type',
  stage: 'ML stage',
  library: 'Library',
  multiPanel: 'Several panels',
  context: 'Has markdown context',
  notebook: 'Notebook',
  group: 'Near-duplicate groups',
  competition: 'Competition',
  medal: 'Medal',
};

export function Gallery() {
  const params = useSearchParams();
  const router = useRouter();
  const filters = filtersFrom(params);
  const gallery = useGallery(filters);
  const facets = useFacets(filters);
  const supervises = useCanSupervise();
  const toggle = (facet: string, value: string) => router.replace(`/visualisations${filterQuery(toggled(filters, facet, value))}`);

  // Load the next page when the end of the grid scrolls into view.
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el) return;
    const io = new IntersectionObserver((e) => e[0].isIntersecting && gallery.hasNextPage && !gallery.isFetchingNextPage && gallery.fetchNextPage());
    io.observe(el);
    return () => io.disconnect();
  }, [gallery]);

  const items = gallery.data?.pages.flatMap((p) => p.items) ?? [];
  const total = facets.data?.kind.reduce((n, f) => n + f.count, 0);
  const active = [...FACETS.filter((f) => filters[f]).map((f) => FACET_TITLES[f]), ...(filters.q ? [`text “${filters.q}”`] : [])];
  const [text, setText] = useState(String(filters.q ?? ''));
  const searchText = (q: string) => router.replace(`/visualisations${filterQuery({ ...filters, q: q.trim() || undefined })}`);
  const origin = originOf(filters.origin as string | undefined);

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Visualisations</h1>
          <p className="sub">
            {total !== undefined ? `${plural(total, 'visualisation')} (${originWords(origin)})` : ' '}
            {active.length > 0 && (
              <>
                {' '}· filtered by {active.join(', ')} ·{' '}
                <Link href={`/visualisations${filterQuery({ origin: filters.origin })}`}>clear filters</Link>
              </>
            )}
          </p>
        </div>
        <div className="row">
          <OriginSwitch value={origin} onChange={(o) => router.replace(`/visualisations${filterQuery({ ...filters, origin: o === 'originals' ? undefined : o })}`)} />
        </div>
      </div>
      <form
        className="row gallery-search"
        onSubmit={(e) => {
          e.preventDefault();
          searchText(text);
        }}
      >
        <input
          type="search"
          placeholder='Figures whose code or markdown mention… (e.g. fairness, "learning curve", sns.heatmap)'
          aria-label="search figures by their code and markdown"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select aria-label="where to search" value={String(filters.qKind ?? '')} onChange={(e) => router.replace(`/visualisations${filterQuery({ ...filters, qKind: e.target.value || undefined })}`)}>
          <option value="">code and markdown</option>
          <option value="markdown">markdown only</option>
          <option value="code">code only</option>
        </select>
        <button className="btn">Search</button>
      </form>
      <div className="gallery-layout">
        <aside className="facets panel" aria-label="facets">
          {facets.data ? (
            <>
              {total === 0 && active.length === 0 && <p className="sub" data-testid="no-facets">Filters appear here once there are figures to filter.</p>}
              {SIDEBAR.map((f) => <Facet key={f} name={f} title={FACET_TITLES[f]} values={facets.data?.[f as keyof Facets] ?? []} filters={filters} onToggle={toggle} />)}
              {facets.listsPending && <p className="sub" data-testid="facet-lists-pending">Counting notebooks and competitions…</p>}
              {facets.listsError && <p className="field-error">The notebook and competition lists could not be counted: {facets.listsError.message}</p>}
              {facets.groupsPending && <p className="sub" data-testid="facet-groups-pending">Finding near-duplicate groups…</p>}
              {facets.groupsError && <p className="field-error">The near-duplicate groups could not be counted: {facets.groupsError.message}</p>}
            </>
          ) : (
            <Skeleton height={200} />
          )}
        </aside>
        <section>
          {gallery.error ? (
            <ErrorState error={gallery.error} />
          ) : gallery.isPending ? (
            <div className="thumbs">
              <Skeleton height={190} count={8} />
            </div>
          ) : items.length === 0 ? (
            active.length ? (
              <EmptyState title="Nothing matches these filters">Remove a filter on the left to see more.</EmptyState>
            ) : (
              <EmptyState title="No visualisations yet" action={supervises ? { href: '/import', label: 'Import notebooks' } : undefined}>
                Visualisations are extracted from the outputs of imported notebooks.
              </EmptyState>
            )
          ) : (
            <div className="thumbs">
              {items.map((v) => (
                <Thumbnail key={v.id} vis={v} href={`/visualisations/${v.id}${filterQuery(filters)}`} />
              ))}
            </div>
          )}
          <div ref={sentinel} style={{ height: 1 }} />
          {gallery.isFetchingNextPage && <p className="sub">Loading more…</p>}
        </section>
      </div>
    </>
  );
}

// Label values are identifiers (`confusion_matrix`, `not_analysed`): shown as words.
const words = (s: string) => s.replace(/_/g, ' ');

function Facet(props: { name: string; title: string; values: { value: string; label: string; count: number }[]; filters: Filters; onToggle: (f: string, v: string) => void }) {
  if (props.values.length === 0) return null;
  return (
    <div className="facet">
      <h3>{props.title}</h3>
      {props.values.slice(0, 20).map((v) => (
        <button key={v.value} className={isSelected(props.filters, props.name, v.value) ? 'on' : ''} onClick={() => props.onToggle(props.name, v.value)} aria-pressed={isSelected(props.filters, props.name, v.value)}>
          <span className="l" title={v.label}>{words(v.label)}</span>
          <span className="n">{v.count}</span>
        </button>
      ))}
    </div>
  );
}
