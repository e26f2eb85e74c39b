import path from 'node:path';

// Every setting is optional; see README "Configuration".
export function dataDir(): string {
  // Resolved at run time; the comment keeps Next's file tracing from pulling in the whole project.
  return path.resolve(/*turbopackIgnore: true*/ process.env.VIZMINE_DATA_DIR || '.vizmine');
}

export function blobDir(root = dataDir()): string {
  return path.join(root, 'blobs');
}
