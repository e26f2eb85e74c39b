// OCR of figure images with tesseract.js, entirely offline: the wasm core comes from tesseract.js-core
// in node_modules, the worker script from tesseract.js, and the English model from the
// @tesseract.js-data/eng package's folder (never the CDN default). One worker is kept alive across calls
// (starting one costs ~1 s); terminateOcr() ends it.
import { createRequire } from 'node:module';
import path from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';

const require = createRequire(import.meta.url);

function localPaths() {
  const data = path.dirname(require.resolve('@tesseract.js-data/eng/package.json'));
  const tess = path.dirname(require.resolve('tesseract.js/package.json'));
  return {
    // The integer-quantised LSTM model: smaller and faster, enough for chart titles and axis labels.
    langPath: path.join(data, '4.0.0_best_int'),
    workerPath: path.join(tess, 'src', 'worker-script', 'node', 'index.js'),
  };
}

let worker: Promise<Worker> | null = null;
let queue: Promise<unknown> = Promise.resolve();

function getWorker(): Promise<Worker> {
  if (!worker) {
    const { langPath, workerPath } = localPaths();
    worker = createWorker('eng', OEM.LSTM_ONLY, { langPath, workerPath, gzip: true, cacheMethod: 'none' });
    worker.catch(() => { worker = null; });
  }
  return worker;
}

/** Text read from a PNG/JPEG image. Calls are serialised on the one worker. */
export function ocrText(image: Buffer): Promise<string> {
  const run = queue.then(async () => {
    const w = await getWorker();
    const { data } = await w.recognize(image);
    return data.text;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Ends the OCR worker (tests, CLI and bench call this before exiting). */
export async function terminateOcr(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await (await w).terminate();
}
