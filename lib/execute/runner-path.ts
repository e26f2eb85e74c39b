import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The Python runner (workers/runner/run_notebook.py): run directly by the host executor and
// mounted read-only into containers.
export const RUNNER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../workers/runner');
