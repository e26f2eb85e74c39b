import fs from 'node:fs';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Db } from '../db/client';
import { blobPath } from '../extract/blob-store';
import { buildProjectXml, sourceFileName } from './build-project-xml';
import { readProjectData } from './read-project-data';

export interface QdpxExport {
  bytes: Uint8Array;
  sources: number;
  codings: number;
  /** Coded visualisations left out: no image (an interactive figure not rendered yet, or whose rendering failed) or the image file is missing. */
  skippedWithoutImage: number;
  missingImages: number;
}

/** The study as a REFI-QDA project: a zip of project.qde and Sources/<guid>.<ext> with each coded image. */
export async function exportQdpx(db: Db, blobDir: string, studyId: number): Promise<QdpxExport> {
  const data = await readProjectData(db, studyId);
  const files: Zippable = {};
  let missingImages = 0;
  const present = [];
  for (const s of data.sources) {
    const file = blobPath(blobDir, s.sha256);
    if (!fs.existsSync(file)) {
      missingImages++;
      continue;
    }
    // Images are compressed already: stored, not deflated again.
    files[`Sources/${sourceFileName(s)}`] = [new Uint8Array(await fs.promises.readFile(file)), { level: 0 }];
    present.push(s);
  }
  const kept = { ...data, sources: present };
  files['project.qde'] = strToU8(buildProjectXml(kept));
  return {
    bytes: zipSync(files),
    sources: present.length,
    codings: present.reduce((n, s) => n + s.codings.length, 0),
    skippedWithoutImage: data.skippedWithoutImage,
    missingImages,
  };
}
