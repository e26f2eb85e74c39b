import type { NotebookDetail } from '../hooks/types';

type Kaggle = NonNullable<NotebookDetail['kaggle']>;

/** The Kaggle metadata of a collected notebook, as a compact definition list. */
export function KaggleMeta({ kaggle }: { kaggle: Kaggle }) {
  const rows: [string, React.ReactNode][] = [
    ['Kaggle', <a key="ref" href={`https://www.kaggle.com/code/${kaggle.ref}`} rel="noreferrer noopener" target="_blank">{kaggle.ref}</a>],
    ['Author', kaggle.author],
    ['Votes', kaggle.votes],
    ['Version', kaggle.versionNumber],
    ['Last run', kaggle.lastRunTime ? new Date(kaggle.lastRunTime).toLocaleString('en-GB') : null],
    ['Language', kaggle.language],
    ['Docker image', kaggle.dockerImage],
    ['Competitions', kaggle.competitions.join(', ') || null],
    ['Datasets', kaggle.datasets.join(', ') || null],
    ['Medal', kaggle.medal],
    ['Stored', kaggle.storedForm === 'with-outputs' ? 'with outputs (last run)' : kaggle.storedForm === 'source' ? 'source only (no outputs)' : 'Meta Kaggle Code'],
  ];
  return (
    <dl className="panel kaggle-meta" aria-label="Kaggle metadata">
      {rows
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}
