import type { StrategyPreview } from '@/components/hooks/useStrategies';
import { Skeleton } from '@/components/ui/States';

/** What a strategy would collect now: counts, competitions, and the first notebooks of the sample. */
export function PreviewResults({ preview }: { preview?: StrategyPreview }) {
  if (!preview)
    return (
      <>
        <p className="sub" style={{ marginBottom: 12 }}>
          Listing the notebooks the strategy matches and drawing its sample; nothing is downloaded. This can take a few seconds.
        </p>
        <Skeleton height={64} />
        <Skeleton height={36} count={4} />
      </>
    );
  return (
    <div data-testid="preview">
      <div className="stats">
        <Stat value={preview.found} label="notebooks found" testId="preview-found" />
        <Stat value={preview.sampled} label="sampled" testId="preview-sampled" />
        <Stat value={preview.competitions.length} label={preview.competitions.length === 1 ? 'competition' : 'competitions'} testId="preview-competitions" />
      </div>
      {preview.competitions.length > 0 && (
        <p style={{ margin: '0 0 12px' }}>
          {preview.competitions.map((c) => (
            <span key={c} className="badge accent">
              {c}
            </span>
          ))}
        </p>
      )}
      {preview.first.length === 0 ? (
        <div className="empty">
          <h2>Nothing would be collected</h2>
          <p>No notebook matches these filters and scope. Loosen the filters, or choose other competitions.</p>
        </div>
      ) : (
        <>
          <p className="sub" style={{ marginBottom: 8 }}>
            {preview.first.length < preview.sampled ? `The first ${preview.first.length} of the ${preview.sampled.toLocaleString('en')} sampled notebooks:` : 'The sampled notebooks:'}
          </p>
          <table className="list" data-testid="preview-first">
            <thead>
              <tr>
                <th>Notebook</th>
                <th>Author</th>
                <th>Competition</th>
                <th className="num">Votes</th>
                <th className="num">Rank</th>
              </tr>
            </thead>
            <tbody>
              {preview.first.map((k) => (
                <tr key={k.ref}>
                  <td>
                    <a href={`https://www.kaggle.com/code/${k.ref}`} target="_blank" rel="noreferrer">
                      {k.title || k.ref}
                    </a>
                    <div className="sub" style={{ fontSize: 12 }}>
                      {k.ref}
                    </div>
                  </td>
                  <td>{k.author ?? '—'}</td>
                  <td>{k.competition ?? '—'}</td>
                  <td className="num">{k.votes.toLocaleString('en')}</td>
                  <td className="num">{k.rank}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

export function Stat({ value, label, testId }: { value: number | string; label: string; testId?: string }) {
  return (
    <div className="stat" data-testid={testId}>
      <div className="value">{typeof value === 'number' ? value.toLocaleString('en') : value}</div>
      <div className="label">{label}</div>
    </div>
  );
}
