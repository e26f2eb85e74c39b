import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { eq } from 'drizzle-orm';
import { assignments, blobs, consensusCodings, visualisations } from '../../lib/db/schema';
import { blobPath } from '../../lib/extract/blob-store';
import { createCode } from '../../lib/coding/codebook/create-code';
import { mergeCodes } from '../../lib/coding/codebook/merge-codes';
import { deprecateCode } from '../../lib/coding/codebook/deprecate-code';
import { getCodebook } from '../../lib/coding/codebook/get-codebook';
import { importCodebook } from '../../lib/coding/codebook/import-codebook';
import { exportCodebookCsv } from '../../lib/coding/codebook/export-codebook-csv';
import { parseCodebookCsv } from '../../lib/coding/codebook/parse-codebook-csv';
import type { CodeSnapshot } from '../../lib/coding/codebook/snapshot';
import { pathsOf } from '../../lib/coding/codebook/tree';
import { exportQdc } from '../../lib/refi/export-qdc';
import { parseQdc } from '../../lib/refi/parse-qdc';
import { exportQdpx } from '../../lib/refi/export-qdpx';
import { guidFor } from '../../lib/refi/guid';
import { createTestStore, type TestStore } from '../helpers/db';
import { importFigures, makeSample, makeStudy, submitCoding } from '../helpers/codebook-fixture';
import { validateWithXmllint } from '../helpers/xmllint';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { computeDerivatives } from '../../lib/extract/compute-derivatives';
import { rawSql } from '../../lib/db/client';

const SUP = 'sup-1';

/** A codebook by path, without ids or times: what must survive an export and import. */
function comparable(codes: CodeSnapshot[]) {
  const live = codes.filter((c) => c.status !== 'merged');
  const paths = pathsOf(live);
  return live
    .map((c) => ({ path: paths.get(c.id)!.join(' / '), kind: c.kind, shortDefinition: c.shortDefinition, definition: c.definition, whenToUse: c.whenToUse, whenNotToUse: c.whenNotToUse, colour: c.colour, shortcut: c.shortcut, status: c.status }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

describe('codebook exports and imports (CSV, REFI-QDA)', () => {
  let store: TestStore;
  let studyId: number;
  beforeAll(async () => {
    store = await createTestStore();
    studyId = await makeStudy(store.db, 'Vis & ML <testing>');
    const chart = await createCode(store.db, SUP, studyId, { name: 'Chart type', kind: 'category', shortDefinition: 'What kind of chart', colour: '#112233' });
    await createCode(store.db, SUP, studyId, {
      name: 'Bar "chart"',
      parentId: chart.id,
      shortcut: 'b',
      shortDefinition: 'Bars & columns',
      definition: 'Rectangles whose length <encodes> a value.\nSecond line, with a comma, and “quotes”.',
      whenToUse: 'Counts per category',
      whenNotToUse: 'Histograms (use Histogram)',
      colour: '#aabbcc',
    });
    const hist = await createCode(store.db, SUP, studyId, { name: 'Histogram', parentId: chart.id, definition: 'binned' });
    const purpose = await createCode(store.db, SUP, studyId, { name: 'Purpose', kind: 'category' });
    const evaluation = await createCode(store.db, SUP, studyId, { name: 'Evaluation', kind: 'category', parentId: purpose.id });
    await createCode(store.db, SUP, studyId, { name: 'Confusion matrix', parentId: evaluation.id, shortcut: 'x', whenToUse: 'a grid of counts' });
    const old = await createCode(store.db, SUP, studyId, { name: 'Old idea', parentId: purpose.id, definition: 'retired' });
    await deprecateCode(store.db, SUP, studyId, old.id, 'not used');
    const dup = await createCode(store.db, SUP, studyId, { name: 'Histo', parentId: chart.id });
    await mergeCodes(store.db, SUP, studyId, { survivorId: hist.id, mergedIds: [dup.id], reason: 'duplicate' });
  });
  afterAll(() => store?.close());

  it('exports a .qdc that the REFI-QDA Codebook.xsd accepts, with stable GUIDs', async () => {
    const { codes } = await getCodebook(store.db, studyId);
    const qdc = exportQdc(codes);
    const check = validateWithXmllint(qdc, 'Codebook.xsd');
    expect(check.output).toContain('validates');
    expect(check.ok).toBe(true);
    expect(qdc).toContain(`guid="${guidFor('code', codes.find((c) => c.name === 'Histogram')!.id)}"`);
    expect(qdc).not.toContain('Histo"'); // the merged code is gone
    expect(exportQdc((await getCodebook(store.db, studyId)).codes)).toBe(qdc);
    // Categories and deprecated codes cannot be applied.
    expect(qdc).toMatch(/name="Chart type" isCodable="false" color="#112233"/);
    expect(qdc).toMatch(/name="Old idea" isCodable="false"/);
    expect(qdc).toMatch(/name="Histogram" isCodable="true"/);
  });

  it('a .qdc export imported into another study gives back the same codebook', async () => {
    const { codes } = await getCodebook(store.db, studyId);
    const entries = parseQdc(exportQdc(codes));
    const target = await makeStudy(store.db, 'Copy');
    expect(await importCodebook(store.db, SUP, target, entries)).toEqual({ created: 7, updated: 0, unchanged: 0 });
    expect(comparable((await getCodebook(store.db, target)).codes)).toEqual(comparable(codes));
    // Importing again changes nothing.
    expect(await importCodebook(store.db, SUP, target, entries)).toEqual({ created: 0, updated: 0, unchanged: 7 });
  });

  it('reads a .qdc written by another tool: nested codes, short colours, plain descriptions', async () => {
    const foreign = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="OtherQDA">
  <Codes>
    <Code guid="11111111-2222-3333-4444-555555555555" name="Themes" isCodable="false" color="#F0A">
      <Description>Top theme &amp; more&#10;second line</Description>
      <Code guid="11111111-2222-3333-4444-555555555556" name="Trust" isCodable="true"/>
    </Code>
  </Codes>
</CodeBook>`;
    expect(validateWithXmllint(foreign, 'Codebook.xsd').ok).toBe(true);
    const entries = parseQdc(foreign);
    expect(entries.map((e) => [e.path.join('/'), e.kind, e.colour, e.definition])).toEqual([
      ['Themes', 'category', '#ff00aa', 'Top theme & more\nsecond line'],
      ['Themes/Trust', 'code', undefined, ''],
    ]);
    expect(() => parseQdc('<CodeBook><Codes>')).toThrow(/not well-formed|CodeBook/);
    expect(() => parseQdc('<Other/>')).toThrow(/no <CodeBook>/);
  });

  it('CSV export and import round-trip the codebook, and bad rows are named', async () => {
    const { codes } = await getCodebook(store.db, studyId);
    const csv = exportCodebookCsv(codes);
    expect(csv.split('\r\n')[0]).toBe('path,kind,name,short_definition,definition,when_to_use,when_not_to_use,colour,shortcut,status');
    expect(csv).toContain('"Chart type / Bar ""chart""",code,"Bar ""chart"""');
    const target = await makeStudy(store.db, 'CSV copy');
    expect((await importCodebook(store.db, SUP, target, parseCodebookCsv(csv))).created).toBe(7);
    expect(comparable((await getCodebook(store.db, target)).codes)).toEqual(comparable(codes));
    // A later CSV that edits a definition updates that code only.
    const edited = csv.replace('binned', 'binned counts');
    expect(await importCodebook(store.db, SUP, target, parseCodebookCsv(edited))).toEqual({ created: 0, updated: 1, unchanged: 6 });
    await expect(importCodebook(store.db, SUP, target, parseCodebookCsv('path,kind\nNowhere / Lost,code\n'))).rejects.toThrow(/Row 2: its parent “Nowhere” is neither in the file nor in the codebook/);
    expect(() => parseCodebookCsv('path,kind\nA,thing\n')).toThrow(/Row 2: kind is "code" or "category"/);
    expect(() => parseCodebookCsv('path,kind\n"Open,code\nB,code\n')).toThrow(/CSV line 2: a quoted field is never closed/);
    await expect(importCodebook(store.db, SUP, target, parseCodebookCsv('path,shortcut\nNew one,b\n'))).rejects.toThrow(/Row 2: The shortcut “b” is already used by code “Bar "chart"”/);
  });

  it('exports the study as a .qdpx whose project.qde validates, with the images, pixel regions, consensus and memos', async () => {
    const s = await makeStudy(store.db, 'Project');
    const [v1, v2, v3] = await importFigures(store.db, store.blobDir, [[200, 100], [80, 40]], { plotly: 1, name: 'qdpx' });
    const [i1, i2, i3] = await makeSample(store.db, s, [v1, v2, v3]);
    const cat = await createCode(store.db, SUP, s, { name: 'Chart', kind: 'category' });
    const bar = await createCode(store.db, SUP, s, { name: 'Bar', parentId: cat.id });
    const line = await createCode(store.db, SUP, s, { name: 'Line', parentId: cat.id });
    await submitCoding(store.db, i1, 'ana', new Date(), [{ codeId: bar.id, region: { x: 0.1, y: 0.25, w: 0.5, h: 0.5 }, memo: 'left half' }, bar.id]);
    await submitCoding(store.db, i1, 'ben', new Date(), [line.id]);
    await submitCoding(store.db, i2, 'ana', null, [line.id]); // a draft: left out
    await submitCoding(store.db, i3, 'ana', new Date(), [bar.id]); // plotly, no image: left out, counted
    await store.db.update(assignments).set({ memo: 'looks like a bar chart' }).where(eq(assignments.sampleItemId, i1));
    await store.db.insert(consensusCodings).values({ sampleItemId: i1, codeId: bar.id, decidedBy: SUP, memo: 'agreed' });

    const out = await exportQdpx(store.db, store.blobDir, s);
    expect(out).toMatchObject({ sources: 1, codings: 4, skippedWithoutImage: 1, missingImages: 0 });
    const zip = unzipSync(out.bytes);
    const [sha1] = await store.db.select({ sha: blobs.sha256 }).from(visualisations).innerJoin(blobs, eq(blobs.sha256, visualisations.blobSha256)).where(eq(visualisations.id, v1));
    const imageName = `Sources/${guidFor('source', v1)}.png`;
    expect(Object.keys(zip).sort()).toEqual([imageName, 'project.qde'].sort());
    expect(Buffer.from(zip[imageName]).equals(fs.readFileSync(blobPath(store.blobDir, sha1.sha)))).toBe(true);

    const qde = strFromU8(zip['project.qde']);
    const check = validateWithXmllint(qde, 'Project-mrt2019.xsd');
    expect(check.output).toContain('validates');
    expect(check.ok).toBe(true);

    const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => ['User', 'PictureSelection', 'Coding', 'Note', 'NoteRef', 'Code'].includes(n) }).parse(qde).Project;
    expect(doc.Users.User.map((u: Record<string, string>) => u['@_name']).sort()).toEqual(['Consensus', 'ana', 'ben', 'sup-1']);
    const source = doc.Sources.PictureSource;
    expect(source['@_path']).toBe(`internal://${guidFor('source', v1)}.png`);
    const sel = source.PictureSelection.map((p: Record<string, unknown>) => ({
      box: ['firstX', 'firstY', 'secondX', 'secondY'].map((k) => Number(p[`@_${k}`])),
      codes: (p.Coding as Array<{ CodeRef: Record<string, string> }>).map((c) => c.CodeRef['@_targetGUID']),
      user: p['@_creatingUser'],
    }));
    expect(sel).toEqual([
      { box: [20, 25, 120, 75], codes: [guidFor('code', bar.id)], user: guidFor('user', 'ana') },
      { box: [0, 0, 200, 100], codes: [guidFor('code', bar.id)], user: guidFor('user', 'ana') },
      { box: [0, 0, 200, 100], codes: [guidFor('code', line.id)], user: guidFor('user', 'ben') },
      { box: [0, 0, 200, 100], codes: [guidFor('code', bar.id)], user: guidFor('user', 'consensus') },
    ]);
    expect(doc.Notes.Note.map((n: { PlainTextContent: string }) => n.PlainTextContent).sort()).toEqual(['agreed', 'left half', 'looks like a bar chart', 'looks like a bar chart']);
    expect(source.NoteRef).toHaveLength(2); // ana's and ben's memos on the item
    // A re-export keeps every GUID.
    const again = strFromU8(unzipSync((await exportQdpx(store.db, store.blobDir, s)).bytes)['project.qde']);
    const guids = (x: string) => [...x.matchAll(/guid="([^"]+)"/gi)].map((m) => m[1]);
    expect(guids(again)).toEqual(guids(qde));
  });
  // width="100%" used to be read as 100 px, so a region's pixels in the .qdpx were wrong for such SVGs.
  it('sizes an SVG with width="100%" by its viewBox, exports a region on it in those pixels, and re-sizes stored rows', async () => {
    const s = await makeStudy(store.db, 'SVG');
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="100%" viewBox="0 0 640 480"><rect x="10" y="10" width="300" height="200" fill="#36c"/></svg>';
    const cell = { cell_type: 'code', metadata: {}, execution_count: 1, source: 'plot()', outputs: [{ output_type: 'display_data', metadata: {}, data: { 'image/svg+xml': svg, 'text/plain': '<Figure>' } }] };
    const nb = { nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3', language: 'python' } }, cells: [cell] };
    const r = await importNotebook(store.db, { file: 'svg.ipynb', bytes: Buffer.from(JSON.stringify(nb)), blobDir: store.blobDir });
    const [v] = await store.db.select({ id: visualisations.id, sha: visualisations.blobSha256 }).from(visualisations).where(eq(visualisations.notebookId, r.notebookId!));
    const size = async () => (await store.db.select({ w: blobs.width, h: blobs.height }).from(blobs).where(eq(blobs.sha256, v.sha!)))[0];
    expect(await size()).toEqual({ w: 640, h: 480 });

    const [item] = await makeSample(store.db, s, [v.id]);
    const code = await createCode(store.db, SUP, s, { name: 'Bars' });
    await submitCoding(store.db, item, 'ana', new Date(), [{ codeId: code.id, region: { x: 0.25, y: 0.5, w: 0.5, h: 0.25 } }]);
    const boxes = async () => {
      const qde = strFromU8(unzipSync((await exportQdpx(store.db, store.blobDir, s)).bytes)['project.qde']);
      const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'PictureSelection' }).parse(qde).Project;
      return doc.Sources.PictureSource.PictureSelection.map((p: Record<string, string>) => ['firstX', 'firstY', 'secondX', 'secondY'].map((k) => Number(p[`@_${k}`])));
    };
    expect(await boxes()).toEqual([[160, 240, 480, 360]]);

    // A row stored by the old reader (100 × 100) is re-sized by the migration and the derivative pass.
    await store.db.update(blobs).set({ width: 100, height: 100 }).where(eq(blobs.sha256, v.sha!));
    const migration = fs.readFileSync(new URL('../../drizzle/0007_resize-svg-blobs.sql', import.meta.url), 'utf8');
    await rawSql(store.db).unsafe(migration);
    await computeDerivatives(store.db, store.blobDir);
    expect(await size()).toEqual({ w: 640, h: 480 });
    expect(await boxes()).toEqual([[160, 240, 480, 360]]);
  });
});
