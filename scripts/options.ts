// The options every entry point takes, spelled and parsed the same way (commander everywhere):
// `npm run vizmine -- --data-dir X …`, `npm run worker -- --data-dir X`, `npm start -- --data-dir X`.
import { InvalidArgumentError, Option } from 'commander';

export const dataDirOption = () =>
  new Option('--data-dir <dir>', 'data directory (blobs, embedded database); default VIZMINE_DATA_DIR or ./.vizmine');

export const concurrencyOption = () =>
  new Option('-c, --concurrency <n>', 'reproduction jobs run at once; default VIZMINE_WORKER_CONCURRENCY or the number of cores').argParser(positiveInt);

export function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return n;
}

/** The worker concurrency an option or VIZMINE_WORKER_CONCURRENCY asks for; undefined: the worker's default. */
export function concurrencyFrom(option: number | undefined): number | undefined {
  if (option !== undefined) return option;
  const env = process.env.VIZMINE_WORKER_CONCURRENCY;
  return env ? positiveInt(env) : undefined;
}
