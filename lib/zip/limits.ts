// Caps on what a zip may inflate to. Imports hold each notebook in memory, so their caps are sized for
// a 2-core, 24 GB machine running two imports at once; dataset zips go to disk, so theirs are larger.
// Every cap is read when used, so a test or an operator can change it through the environment.

const MB = 1024 * 1024;

function env(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export interface ZipLimits {
  /** Inflated bytes one entry may have. */
  maxEntryBytes: number;
  /** Inflated bytes all entries read from one archive may have together (nested zips included). */
  maxTotalBytes: number;
}

/** Zips of notebooks (CLI import, web upload): each notebook is read into memory. */
export function importZipLimits(): ZipLimits & { maxDepth: number } {
  return {
    maxEntryBytes: env('VIZMINE_ZIP_MAX_ENTRY_MB', 512) * MB,
    maxTotalBytes: env('VIZMINE_ZIP_MAX_TOTAL_MB', 8192) * MB,
    // Zips inside the archive opened this many levels down (outer.zip/a.zip/b.zip); deeper ones are reported as skipped.
    maxDepth: Math.floor(env('VIZMINE_ZIP_MAX_DEPTH', 2)),
  };
}

/** Dataset zips extracted to disk for reproductions: streamed, so only the disk bounds them. */
export function datasetZipLimits(): ZipLimits {
  return {
    maxEntryBytes: env('VIZMINE_DATASET_MAX_ENTRY_MB', 20 * 1024) * MB,
    maxTotalBytes: env('VIZMINE_DATASET_MAX_TOTAL_MB', 50 * 1024) * MB,
  };
}

export function formatMb(bytes: number): string {
  if (bytes < MB) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
}
