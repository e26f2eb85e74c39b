'use client';
import { useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api-client';
import type { AnalysisReport } from '@/lib/analyse-one/report';
import { ErrorState } from '@/components/ui/States';
import { ReportView } from '@/components/analyse/ReportView';

type Result = { report: AnalysisReport; imported: { status: string; notebookId?: number } | null };

export function AnalysePage() {
  const [over, setOver] = useState(false);
  const [alsoImport, setAlsoImport] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const analyse = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.set('file', file);
      if (alsoImport) form.set('import', 'on');
      return fetchJson<Result>('/api/analyse', { method: 'POST', body: form });
    },
  });
  const take = (list: FileList | null) => {
    const file = list?.[0];
    if (file) analyse.mutate(file);
  };
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Analyse one notebook</h1>
          <p className="sub">The notebook is analysed here and not stored, unless you tick “also import it”. Its figures, stages, lints, text and reproducibility flags, as a report you can download.</p>
        </div>
      </div>
      <div
        className={`dropzone ${over ? 'over' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          take(e.dataTransfer.files);
        }}
      >
        <h2>Drop a .ipynb notebook here</h2>
        <p className="sub">or</p>
        <button className="btn primary" onClick={() => input.current?.click()}>
          Choose a notebook…
        </button>
        <input ref={input} type="file" accept=".ipynb" hidden onChange={(e) => take(e.target.files)} data-testid="file-input" />
        <p>
          <label>
            <input type="checkbox" checked={alsoImport} onChange={(e) => setAlsoImport(e.target.checked)} /> also import it into the corpus (admins and supervisors)
          </label>
        </p>
      </div>
      {analyse.isPending && <p className="sub" role="status">Analysing…</p>}
      {analyse.error && <ErrorState error={analyse.error} />}
      {analyse.data?.imported && (
        <p className="sub" role="status">
          Imported: {analyse.data.imported.status}
          {analyse.data.imported.notebookId ? <> — <a href={`/notebooks/${analyse.data.imported.notebookId}`}>open it</a></> : null}
        </p>
      )}
      {analyse.data && <ReportView report={analyse.data.report} />}
    </>
  );
}
