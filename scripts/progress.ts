import { MultiBar, Presets, type SingleBar } from 'cli-progress';

/** Progress of a long command, on stderr (stdout stays for results, e.g. `--json` lines). */
export interface Progress {
  /** Where the work is: `value` of `total` (0 when unknown), and a short note. */
  update(value: number, total: number, note: string): void;
  /** A line that stays (a failed file, a finished phase), printed above the bar. */
  log(line: string): void;
  stop(): void;
}

const PLAIN_EVERY_MS = 5_000;

/**
 * A cli-progress bar when stderr is a terminal; otherwise (a log file, CI, a pipe) plain lines, at
 * most one every 5 s and the last one at the end, so logs hold no carriage returns or escape codes.
 */
export function progress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  return stream.isTTY ? barProgress(label, stream) : plainProgress(label, stream);
}

function barProgress(label: string, stream: NodeJS.WriteStream): Progress {
  const bars = new MultiBar(
    { format: `${label} [{bar}] {value}/{total} | {eta_formatted} left | {note}`, stream, hideCursor: true, clearOnComplete: false },
    Presets.shades_classic,
  );
  let bar: SingleBar | null = null;
  return {
    update(value, total, note) {
      const t = Math.max(total, value, 1);
      if (!bar) bar = bars.create(t, value, { note });
      else {
        bar.setTotal(t);
        bar.update(value, { note });
      }
    },
    log: (line) => bars.log(`${line}\n`),
    stop: () => bars.stop(),
  };
}

function plainProgress(label: string, stream: NodeJS.WriteStream): Progress {
  let last = 0;
  let pending: string | null = null;
  const write = (line: string) => stream.write(`${line}\n`);
  return {
    update(value, total, note) {
      pending = `${label}: ${value}${total ? `/${total}` : ''}${note ? ` · ${note}` : ''}`;
      if (Date.now() - last < PLAIN_EVERY_MS) return;
      last = Date.now();
      write(pending);
      pending = null;
    },
    log: write,
    stop() {
      if (pending) write(pending);
      pending = null;
    },
  };
}
