// Every way an uploaded file can fail to be a notebook gets its own code, so the importer can
// count failures by kind, and a message a person can act on ("what is wrong, and where").
export type NotebookErrorCode =
  | 'empty'
  | 'binary'
  | 'encoding'
  | 'json'
  | 'truncated'
  | 'nbformat'
  | 'structure'
  | 'base64'
  | 'too-large'
  | 'too-deep';

export class NotebookError extends Error {
  /**
   * @param where Short location such as `line 120, column 7`, `byte 1234`, `cell 12` or
   *   `cell 3 output 1 image/png`; null when the problem concerns the whole file. Cell and
   *   output numbers are 1-based because they are read by people, not programs.
   */
  constructor(
    public code: NotebookErrorCode,
    message: string,
    public where: string | null,
  ) {
    super(message);
    this.name = 'NotebookError';
  }
}
