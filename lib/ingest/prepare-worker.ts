// What a thread of prepare-pool.ts runs: prepareNotebook on the bytes it is handed.
import { prepareNotebook } from './prepare-notebook';

export default function prepare({ file, bytes }: { file: string; bytes: Uint8Array }) {
  return prepareNotebook(file, bytes);
}
