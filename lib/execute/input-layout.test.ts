import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layOutInput } from './input-layout';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-layout-'));
const asHost = (dir: string, ds: { slug: string; hostPath: string }[]) => layOutInput(dir, ds, (d) => d.hostPath, (d, at) => fs.symlinkSync(d.hostPath, at));

describe('layOutInput', () => {
  it('puts a single source at <slug>/ and its files at the top, as old notebooks read them', () => {
    const src = tmp();
    fs.writeFileSync(path.join(src, 'train.csv'), 'a\n1\n');
    fs.mkdirSync(path.join(src, 'images'));
    const input = path.join(tmp(), 'input');
    asHost(input, [{ slug: 'titanic', hostPath: src }]);
    expect(fs.readdirSync(input).sort()).toEqual(['images', 'titanic', 'train.csv']);
    expect(fs.readFileSync(path.join(input, 'train.csv'), 'utf8')).toBe('a\n1\n');
    expect(fs.readFileSync(path.join(input, 'titanic', 'train.csv'), 'utf8')).toBe('a\n1\n');
  });
  it('puts several sources at their slugs only; containers get empty mount points and in-container links', () => {
    const [a, b] = [tmp(), tmp()];
    fs.writeFileSync(path.join(a, 'x.csv'), '');
    const input = path.join(tmp(), 'input');
    asHost(input, [{ slug: 'a', hostPath: a }, { slug: 'b', hostPath: b }]);
    expect(fs.readdirSync(input).sort()).toEqual(['a', 'b']);

    const box = path.join(tmp(), 'input');
    layOutInput(box, [{ slug: 'a', hostPath: a }], (d) => `/kaggle/input/${d.slug}`, (_d, at) => fs.mkdirSync(at));
    expect(fs.statSync(path.join(box, 'a')).isDirectory()).toBe(true);
    expect(fs.readlinkSync(path.join(box, 'x.csv'))).toBe('/kaggle/input/a/x.csv');
  });
});
