'use client';
import { useRef, useState } from 'react';
import { useImportCodebook } from '@/components/hooks/useCodebook';

/** Downloads (CSV, REFI-QDA codebook and project) and a codebook import from a .qdc or CSV file. */
export function ImportExport({ studyId, canManage, hasCodes }: { studyId: number; canManage: boolean; hasCodes: boolean }) {
  const file = useRef<HTMLInputElement>(null);
  const imp = useImportCodebook(studyId);
  const [done, setDone] = useState<string | null>(null);
  const onFile = async (f: File | undefined) => {
    if (!f) return;
    setDone(null);
    const format = /\.(qdc|qde|xml)$/i.test(f.name) ? 'qdc' : /\.csv$/i.test(f.name) ? 'csv' : undefined;
    imp.mutate(
      { text: await f.text(), format, reason: `imported ${f.name}` },
      { onSuccess: (r) => setDone(`${f.name}: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged.`) },
    );
    if (file.current) file.current.value = '';
  };
  const href = (name: string) => `/api/studies/${studyId}/export/${name}`;
  return (
    <div className="cb-io">
      <div className="row" style={{ flexWrap: 'wrap' }}>
        <span className="sub">Export:</span>
        <a className="btn" href={href('codebook.csv')} download>
          Codebook CSV
        </a>
        {/* REFI-QDA wants at least one code in a codebook. */}
        {hasCodes && (
          <a className="btn" href={href('codebook.qdc')} download>
            REFI-QDA codebook (.qdc)
          </a>
        )}
        {canManage && (
          <a className="btn" href={href('project.qdpx')} download title="The whole study with images and every coder's codings, for ATLAS.ti, MAXQDA, NVivo…">
            REFI-QDA project (.qdpx)
          </a>
        )}
        {canManage && (
          <>
            <span className="sub" style={{ marginLeft: 8 }}>
              Import:
            </span>
            <label className="btn">
              {imp.isPending ? 'Importing…' : 'Codebook from .qdc or CSV…'}
              <input ref={file} type="file" accept=".qdc,.csv,.xml,text/csv,application/xml" hidden onChange={(e) => onFile(e.target.files?.[0])} data-testid="codebook-import" />
            </label>
          </>
        )}
      </div>
      {done && (
        <p className="sub" role="status">
          {done}
        </p>
      )}
      {imp.error && (
        <div className="error-box" role="alert">
          <strong>Import failed; nothing was changed.</strong> {imp.error.message}
        </div>
      )}
    </div>
  );
}
