// The normalised notebook shape every importer stage works on. Whatever the file said
// (nbformat 3 or 4, strings split into line arrays or not), it arrives here as nbformat 4 with
// every multi-line text joined into one string, so downstream code never has to care.
export type CellType = 'code' | 'markdown' | 'raw';

export interface NbOutput {
  output_type: 'stream' | 'display_data' | 'execute_result' | 'error' | 'update_display_data';
  /** Stream name (stdout / stderr). */
  name?: string;
  /** Stream text, joined to one string. */
  text?: string;
  /**
   * MIME bundle. String-array values are joined into one string; JSON MIME types
   * (application/json, *+json) are kept exactly as the file had them (normally parsed objects).
   */
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  execution_count?: number | null;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

export interface NbCell {
  cell_type: CellType;
  /** Joined source text. */
  source: string;
  /** Code cells only; null for other cells. */
  execution_count: number | null;
  /** Empty for non-code cells. */
  outputs: NbOutput[];
  metadata: Record<string, unknown>;
  /** Markdown/raw cell attachments: file name -> MIME type -> base64 data (joined). */
  attachments?: Record<string, Record<string, string>>;
}

export interface ParsedNotebook {
  nbformat: 4;
  nbformatMinor: number;
  originalNbformat: 3 | 4;
  metadata: Record<string, unknown>;
  cells: NbCell[];
  /**
   * Lower-cased, from metadata.kernelspec.language, metadata.language_info.name, or (nbformat 3)
   * metadata.language / the code cells' language; null when the notebook says nothing.
   */
  language: string | null;
  /** metadata.kernelspec.name, or null. */
  kernelName: string | null;
}
