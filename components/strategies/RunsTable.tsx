import Link from 'next/link';
import type { RunSummary } from '@/components/hooks/useCollectionRuns';
import { RunStatusBadge, SOURCE_LABELS, when } from './RunStatusBadge';

/** A strategy's collection runs, newest first, each linking to its progress page. */
export function RunsTable({ runs }: { runs: RunSummary[] }) {
  return (
    <table className="list" data-testid="runs">
      <thead>
        <tr>
          <th>Run</th>
          <th>Status</th>
          <th>Source</th>
          <th className="num">Found</th>
          <th className="num">Sampled</th>
          <th className="num">Imported</th>
          <th className="num">Duplicates</th>
          <th className="num">Failed</th>
          <th>Started</th>
          <th>Finished</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr key={r.id}>
            <td>
              <Link href={`/collection-runs/${r.id}`}>Run #{r.id}</Link>
            </td>
            <td>
              <RunStatusBadge status={r.status} />
              {r.status === 'running' && r.phase ? <span className="sub">{r.phase}</span> : null}
            </td>
            <td>{SOURCE_LABELS[r.source] ?? r.source}</td>
            <td className="num">{r.found.toLocaleString('en')}</td>
            <td className="num">{r.sampled.toLocaleString('en')}</td>
            <td className="num">{r.imported.toLocaleString('en')}</td>
            <td className="num">{r.duplicates.toLocaleString('en')}</td>
            <td className="num">{r.failed > 0 ? <span className="badge danger">{r.failed}</span> : 0}</td>
            <td>{when(r.startedAt ?? r.createdAt)}</td>
            <td>{when(r.finishedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
