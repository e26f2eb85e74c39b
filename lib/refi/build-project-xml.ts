import type { Region } from '../db/schema';
import { codesXml } from './export-qdc';
import { guidFor } from './guid';
import type { ProjectCoding, ProjectData, ProjectSource } from './read-project-data';
import { attrs, xmlEscape } from './xml';

export const CONSENSUS_USER = 'consensus';
const EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/svg+xml': 'svg', 'image/webp': 'webp' };

/** The file name of a source's image inside Sources/ (and its internal:// path). */
export function sourceFileName(s: Pick<ProjectSource, 'visualisationId' | 'mime'>): string {
  return `${guidFor('source', s.visualisationId)}.${EXT[s.mime] ?? 'bin'}`;
}

/** A region (fractions of the image) in integer pixels, top-left then bottom-right; no region = the whole image. */
export function regionToPixels(region: Region | null, width: number, height: number): { firstX: number; firstY: number; secondX: number; secondY: number } {
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, Math.round(v * max)));
  if (!region) return { firstX: 0, firstY: 0, secondX: width, secondY: height };
  return { firstX: clamp(region.x, width), firstY: clamp(region.y, height), secondX: clamp(region.x + region.w, width), secondY: clamp(region.y + region.h, height) };
}

interface Note {
  guid: string;
  userId: string;
  at: Date;
  text: string;
  name: string;
}

const userGuid = (id: string) => guidFor('user', id);
const iso = (d: Date) => new Date(d).toISOString();

/** project.qde: Users, CodeBook, Sources (PictureSource + PictureSelection + Coding), Notes, Description, in the schema's order. */
export function buildProjectXml(data: ProjectData): string {
  const notes: Note[] = [];
  const codingXml = (c: ProjectCoding, pad: string): string => {
    const guid = guidFor(c.consensus ? 'consensus-coding' : 'coding', c.id);
    const creator = c.consensus ? CONSENSUS_USER : c.userId;
    const lines = [`${pad}<Coding${attrs({ guid, creatingUser: userGuid(creator), creationDateTime: iso(c.createdAt) })}>`, `${pad}  <CodeRef${attrs({ targetGUID: guidFor('code', c.codeId) })}/>`];
    if (c.memo.trim()) {
      const note = { guid: guidFor('note', `${guid}`), userId: creator, at: c.createdAt, text: c.memo, name: 'Coding memo' };
      notes.push(note);
      lines.push(`${pad}  <NoteRef${attrs({ targetGUID: note.guid })}/>`);
    }
    lines.push(`${pad}</Coding>`);
    return lines.join('\n');
  };

  const sourceXml = (s: ProjectSource): string => {
    const guid = guidFor('source', s.visualisationId);
    // One selection per coder and region, holding that coder's codings of it.
    const groups = new Map<string, ProjectCoding[]>();
    for (const c of s.codings) {
      const key = `${c.consensus ? CONSENSUS_USER : `u:${c.userId}`}|${c.region ? [c.region.x, c.region.y, c.region.w, c.region.h].join(',') : 'whole'}`;
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    const selections = [...groups.entries()].map(([key, cs]) => {
      const px = regionToPixels(cs[0].region, s.width, s.height);
      const creator = cs[0].consensus ? CONSENSUS_USER : cs[0].userId;
      const name = `${creator === CONSENSUS_USER ? 'Consensus' : (data.userNames.get(creator) ?? creator)}: ${cs[0].region ? 'region' : 'whole image'}`;
      return [
        `      <PictureSelection${attrs({ guid: guidFor('selection', `${s.visualisationId}|${key}`), name, ...px, creatingUser: userGuid(creator), creationDateTime: iso(cs[0].createdAt) })}>`,
        ...cs.map((c) => codingXml(c, '        ')),
        '      </PictureSelection>',
      ].join('\n');
    });
    const memoRefs = s.memos.map((m) => {
      const note = { guid: guidFor('note', `memo:${s.visualisationId}:${m.userId}`), userId: m.userId, at: m.at, text: m.memo, name: `Memo by ${data.userNames.get(m.userId) ?? m.userId}` };
      notes.push(note);
      return `      <NoteRef${attrs({ targetGUID: note.guid })}/>`;
    });
    return [`    <PictureSource${attrs({ guid, name: s.name, path: `internal://${sourceFileName(s)}` })}>`, ...selections, ...memoRefs, '    </PictureSource>'].join('\n');
  };

  const users = [...data.userIds, ...(data.sources.some((s) => s.codings.some((c) => c.consensus)) ? [CONSENSUS_USER] : [])];
  const sources = data.sources.map(sourceXml);
  const { study } = data;
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="urn:QDA-XML:project:1.0"${attrs({ name: study.name, origin: 'vizmine', creatingUserGUID: userGuid(study.createdBy), creationDateTime: iso(study.createdAt), modifiedDateTime: iso(new Date()) })}>`,
  ];
  if (users.length) out.push('  <Users>', ...users.map((u) => `    <User${attrs({ guid: userGuid(u), name: u === CONSENSUS_USER ? 'Consensus' : (data.userNames.get(u) ?? u), id: u })}/>`), '  </Users>');
  if (data.codes.some((c) => c.status !== 'merged')) out.push('  <CodeBook>', '    <Codes>', codesXml(data.codes, '      '), '    </Codes>', '  </CodeBook>');
  if (sources.length) out.push('  <Sources>', ...sources, '  </Sources>');
  if (notes.length) {
    out.push('  <Notes>');
    for (const n of notes) {
      out.push(`    <Note${attrs({ guid: n.guid, name: n.name, creatingUser: userGuid(n.userId), creationDateTime: iso(n.at) })}>`, `      <PlainTextContent>${xmlEscape(n.text)}</PlainTextContent>`, '    </Note>');
    }
    out.push('  </Notes>');
  }
  if (study.description.trim()) out.push(`  <Description>${xmlEscape(study.description)}</Description>`);
  out.push('</Project>', '');
  return out.join('\n');
}
