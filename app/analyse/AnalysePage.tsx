'use client';
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api-client';
import type { AnalysisReport } from '@/lib/analyse-one/report';
import { ErrorState } from '@/components/ui/States';
import { DropZone } from '@/components/ui/DropZone';
import { ReportView } from '@/components/analyse/ReportView';

type Result = { report: AnalysisReport; imported: { status: string; notebookId?: number } | null };

export function AnalysePage() {
  const [alsoImport, setAlsoImport] = useState(false);
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
      <DropZone title="Drop a .ipynb notebook here" button="Choose a notebook…" accept=".ipynb" onFiles={take}>
        <p>
          <label>
            <input type="checkbox" checked={alsoImport} onChange={(e) => setAlsoImport(e.target.checked)} /> also import it into the corpus (admins and supervisors)
          </label>
        </p>
      </DropZone>
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
