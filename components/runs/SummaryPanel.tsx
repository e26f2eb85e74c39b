'use client';
import { VegaChart } from '@/components/charts/VegaChart';
import { blockersSpec, statusSharesSpec, topExceptionsSpec } from '@/components/charts/specs/reproducibility';
import { executionsCsvUrl, summaryCsvUrl, type Summary } from '@/components/hooks/useRuns';
import { formatDuration, formatShare } from './format';

/** The reproducibility summary: the figures a paper reports, with CSV downloads. */
export function SummaryPanel({ summary: s }: { summary: Summary }) {
  return (
    <section className="panel" data-testid="summary" style={{ display: 'flex', flexDirection: 'column', gap: 14 }}>
      <div className="row" style={{ justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <div>
          <h2 style={{ margin: 0 }}>Reproducibility</h2>
          <p className="sub" style={{ fontSize: 12.5 }}>
            The latest execution of each notebook and configuration: {s.n} execution{s.n === 1 ? '' : 's'}
            {s.counts.infrastructure > 0 && (
              <>
                , of which <strong data-testid="infrastructure-count">{s.counts.infrastructure}</strong> infrastructure error{s.counts.infrastructure === 1 ? '' : 's'} (ours, left out of the shares)
              </>
            )}
            {s.missingDatasets > 0 && (
              <>
                ; <strong data-testid="missing-datasets-count">{s.missingDatasets}</strong> not run for missing data (left out of the shares)
              </>
            )}
            .
          </p>
        </div>
        <div className="row">
          <a className="btn" href={summaryCsvUrl} download>
            Summary CSV
          </a>
          <a className="btn" href={executionsCsvUrl} download>
            Executions CSV
          </a>
        </div>
      </div>
      {s.n === 0 && <p className="sub">The figures appear here as the first jobs finish.</p>}
      {s.notebookOutcomes > 0 && <VegaChart spec={statusSharesSpec({ ok: s.counts.ok, exception: s.counts.exception, timeout: s.counts.timeout, killed: s.counts.killed })} label="share of notebook outcomes" />}
      {s.blockers.length > 0 && (
        <div data-testid="blockers">
          <div className="section-title" style={{ marginTop: 0 }}>Blocked by a missing module or dataset</div>
          <VegaChart spec={blockersSpec(s.blockers)} label="notebooks blocked by a missing module or dataset" />
        </div>
      )}
      {s.n > 0 && (
      <div className="grid-2">
        <div>
          <div className="section-title" style={{ marginTop: 0 }}>Top exception types</div>
          {s.topExceptions.length === 0 ? (
            <p className="sub">No notebook raised an exception.</p>
          ) : (
            <VegaChart spec={topExceptionsSpec(s.topExceptions)} label="top exception types" />
          )}
        </div>
        <div>
          <div className="section-title" style={{ marginTop: 0 }}>Figures and static flags</div>
          <table className="list" data-testid="summary-table">
            <tbody>
              <Metric label="ok" value={formatShare(s.shares.ok)} n={`${s.counts.ok} of ${s.notebookOutcomes}`} />
              <Metric label="exception" value={formatShare(s.shares.exception)} n={`${s.counts.exception}`} />
              <Metric label="timeout" value={formatShare(s.shares.timeout)} n={`${s.counts.timeout}`} />
              <Metric label="killed" value={formatShare(s.shares.killed)} n={`${s.counts.killed}`} />
              <Metric label="same figure (of pairs with an original)" value={formatShare(s.figures.sameRate)} n={`${s.figures.same} of ${s.figures.pairs} pairs`} />
              <Metric label="new figures / missing figures" value={`${s.figures.new} / ${s.figures.missing}`} />
              <Metric label="out-of-order execution" value={formatShare(s.staticFlags.outOfOrderShare)} n={`${s.staticFlags.outOfOrder} of ${s.n}`} />
              <Metric label="skipped execution counts" value={formatShare(s.staticFlags.skippedCountsShare)} n={`${s.staticFlags.skippedCounts} of ${s.n}`} />
              <Metric label="never-executed cells" value={formatShare(s.staticFlags.neverExecutedShare)} n={`${s.staticFlags.neverExecuted} of ${s.n}`} />
              <Metric label="median duration" value={formatDuration(s.medianSeconds)} />
            </tbody>
          </table>
        </div>
      </div>
      )}
    </section>
  );
}

function Metric({ label, value, n }: { label: string; value: string; n?: string }) {
  return (
    <tr data-metric={label}>
      <td>{label}</td>
      <td className="num">
        <strong>{value}</strong>
      </td>
      <td className="num sub" style={{ fontSize: 12 }}>{n ?? ''}</td>
    </tr>
  );
}
