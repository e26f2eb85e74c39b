// What the code says about the ML pipeline: datasets read, models fitted, metrics computed.
import type { Program } from './program';
import type { Call } from './statements';

export interface DatasetRead {
  path: string;
  cell: number;
  /** The reading call ('pandas.read_csv'), or null when only the path was seen in a string. */
  via: string | null;
}
export interface ModelFit {
  /** The estimator's class, as resolved ('sklearn.ensemble.RandomForestClassifier'). */
  estimator: string;
  cell: number;
  line: number;
}
export interface MetricUse {
  name: string;
  cell: number;
  line: number;
}

const INPUT_PATH = /(["'])((?:\/kaggle\/input|\.\.\/input|\.\/input|input)\/[^"'\n]*)\1/g;
// A path inside a longer string, such as a shell command (`os.system('cp -r /kaggle/input/x .')`).
const INPUT_IN_TEXT = /(?<=[\s=:])(?:\/kaggle\/input|\.\.\/input)\/[^\s"']+/g;
const READER = /(^|\.)(read_\w+|loadtxt|genfromtxt|load_dataset|read)$/;
const FIT = new Set(['fit', 'fit_generator', 'train', 'partial_fit']);
const METRIC = /^sklearn\.(metrics\.[a-z]\w*|model_selection\.(cross_val_score|cross_validate|learning_curve|validation_curve))$/;

/** Calls actually run: top-level statements' calls, notebook helpers followed. */
export function executedCalls(program: Program): Call[] {
  return program.stmts.filter((s) => !s.helperCalls).flatMap(program.callsOf);
}

export function datasetsRead(program: Program): DatasetRead[] {
  const found = new Map<string, DatasetRead>();
  for (const c of executedCalls(program)) {
    const first = c.args[0] ?? c.kwargs.filepath_or_buffer ?? c.kwargs.path;
    if (!READER.test(c.name) || !first) continue;
    const literal = /^[rbuf]*(["'])(.*)\1$/s.exec(first.trim());
    const path = literal ? literal[2] : first;
    if (!found.has(path)) found.set(path, { path, cell: c.cell, via: c.name });
  }
  for (const { cell, text } of program.inputStrings) {
    const whole = [...text.matchAll(INPUT_PATH)].map((m) => m[2]);
    for (const path of whole.length > 0 ? whole : text.match(INPUT_IN_TEXT) ?? []) {
      if (![...found.keys()].some((p) => p.includes(path))) found.set(path, { path, cell, via: null });
    }
  }
  return [...found.values()];
}

export function modelsFitted(program: Program): ModelFit[] {
  const found = new Map<string, ModelFit>();
  for (const c of executedCalls(program)) {
    const owner = c.name.slice(0, -(c.attr.length + 1));
    // An estimator is a class instance: its type's last part is a class name.
    if (!FIT.has(c.attr) || !c.receiverType || !/(^|\.)[A-Z]\w*$/.test(owner) || owner !== c.receiverType) continue;
    if (/^pandas\./.test(owner)) continue;
    if (!found.has(owner)) found.set(owner, { estimator: owner, cell: c.cell, line: c.line });
  }
  return [...found.values()];
}

export function metricsComputed(program: Program): MetricUse[] {
  const found = new Map<string, MetricUse>();
  for (const c of executedCalls(program)) {
    const isScore = (c.attr === 'score' || c.attr === 'evaluate') && c.receiverType !== null && /(^|\.)[A-Z]\w*$/.test(c.receiverType);
    if (!METRIC.test(c.name) && !isScore) continue;
    if (!found.has(c.name)) found.set(c.name, { name: c.name, cell: c.cell, line: c.line });
  }
  return [...found.values()];
}
