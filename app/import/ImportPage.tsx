'use client';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { useUpload, type UploadItem } from '@/components/hooks/useUpload';
import { fetchJson } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Failure } from '@/components/hooks/types';
import { plural } from '@/lib/text/plural';
import { DropZone } from '@/components/ui/DropZone';

const ACCEPT = /\.(ipynb|zip)$/i;

export function ImportPage() {
  const { items, upload } = useUpload();
  const failures = useQuery({ queryKey: queryKeys.imports.failures(), queryFn: () => fetchJson<{ failures: Failure[] }>('/api/imports/failures') });
  const take = (list: FileList | null) => {
    const files = [...(list ?? [])].filter((f) => ACCEPT.test(f.name));
    if (files.length) upload(files);
  };
  const sent = items.reduce((n, it) => n + it.size * it.progress, 0);
  const total = items.reduce((n, it) => n + it.size, 0);

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Import notebooks</h1>
          <p className="sub">
            Jupyter notebooks (.ipynb, nbformat 3 or 4) or .zip archives of them. For large folders use the CLI:{' '}
            <code>npm run vizmine -- import &lt;folder&gt;</code>
          </p>
        </div>
      </div>
      <DropZone title="Drop .ipynb or .zip files here" button="Choose files…" accept=".ipynb,.zip" multiple onFiles={take} />

      {items.length > 0 && (
        <div className="panel" style={{ marginTop: 16 }}>
          <div className="row" style={{ marginBottom: 10 }}>
            <div className="progress" style={{ flex: 1 }} role="progressbar" aria-valuenow={Math.round((100 * sent) / (total || 1))}>
              <div style={{ width: `${(100 * sent) / (total || 1)}%` }} />
            </div>
            <span className="sub">
              {items.filter((i) => i.state === 'done' || i.state === 'error').length} of {plural(items.length, 'file')}
            </span>
          </div>
          <table className="list" data-testid="upload-results">
            <tbody>
              {items.map((it, i) => (
                <UploadRow key={i} item={it} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {failures.data && failures.data.failures.length > 0 && (
        <div style={{ marginTop: 24 }}>
          <h2>Files that could not be imported</h2>
          <table className="list">
            <thead>
              <tr>
                <th>File</th>
                <th>Problem</th>
                <th>Where</th>
              </tr>
            </thead>
            <tbody>
              {failures.data.failures.map((f) => (
                <tr key={f.id}>
                  <td>{f.fileName}</td>
                  <td>{f.message}</td>
                  <td>{f.location ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function UploadRow({ item }: { item: UploadItem }) {
  const status =
    item.state === 'error' ? <span className="badge danger">{item.error}</span>
    : item.state === 'done' ? null
    : <span className="badge">{item.state === 'importing' ? 'importing…' : item.state === 'uploading' ? `uploading ${Math.round(item.progress * 100)}%` : 'waiting'}</span>;
  return (
    <>
      <tr>
        <td colSpan={3}>
          <strong>{item.name}</strong> <span className="sub">{(item.size / 1e6).toFixed(1)} MB</span> {status}
        </td>
      </tr>
      {item.results.map((r) => (
        <tr key={r.file} data-status={r.status}>
          <td style={{ paddingLeft: 28 }}>
            <span className={`badge ${r.status === 'imported' ? 'ok' : r.status === 'duplicate' ? '' : 'danger'}`}>{r.status}</span> {r.file.replace(/^upload\//, '')}
          </td>
          <td>
            {r.error ? `${r.error.message}` : r.visualisations ? `${plural(r.cells!.code, 'code cell')}, ${plural(r.cells!.markdown, 'markdown cell')}, ${plural(r.visualisations.total, 'visualisation')}` : 'already imported'}
          </td>
          <td>{r.notebookId && r.status !== 'failed' ? <Link href={`/notebooks/${r.notebookId}`}>open</Link> : null}</td>
        </tr>
      ))}
    </>
  );
}
