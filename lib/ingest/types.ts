export type ImportStatus = 'imported' | 'duplicate' | 'rejected' | 'failed';

/** What happened to one file; the CLI prints it as one JSON line, the upload page shows it. */
export interface ImportResult {
  file: string;
  status: ImportStatus;
  error?: { code: string; message: string; where: string | null };
  notebookId?: number;
  cells?: { code: number; markdown: number; raw: number; headings?: number }; // headings: converted nbformat 3 heading cells
  visualisations?: { total: number; byMime: Record<string, number> };
  bytes: number;
}

/**
 * One input file: its bytes, or the reason it could not even be read (e.g. a bad zip entry), with a
 * failure code (default `unreadable`; `too-large` past a zip cap, `nested-zip` for a zip too deep to open).
 */
export type ImportSource =
  | { file: string; bytes: Uint8Array }
  | { file: string; readError: string; code?: 'unreadable' | 'too-large' | 'nested-zip' };
