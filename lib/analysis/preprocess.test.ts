import { describe, it, expect } from 'vitest';
import { preprocessCell, rewritePython2 } from './preprocess';
import { getParser, parseCell } from './parser';

describe('preprocessCell', () => {
  it('turns line magics, shell escapes and help into pass, keeping every line and its indentation', () => {
    const src = ['%matplotlib inline', '!pip install -q shap', 'for f in files:', '    !head $f', 'df?', '??len', 'x = 1'].join('\n');
    const out = preprocessCell(src);
    expect(out.code.split('\n')).toEqual(['pass', 'pass', 'for f in files:', '    pass', 'pass', 'pass', 'x = 1']);
    expect(out.cellMagic).toBeNull();
  });

  it('keeps an assignment from a shell escape or a magic, with None as its value', () => {
    expect(preprocessCell('files = !ls ../input\nt = %timeit -o f()').code).toBe('files = None\nt = None');
  });

  it('keeps the body of %%time and blanks a non-Python cell magic', () => {
    const timed = preprocessCell('%%time\nmodel.fit(X, y)\n');
    expect(timed).toEqual({ code: '\nmodel.fit(X, y)\n', cellMagic: 'time', foreign: false });
    const bash = preprocessCell('%%bash\nls -la\necho hi');
    expect(bash).toEqual({ code: '\n\n', cellMagic: 'bash', foreign: true });
  });

  it('leaves lines inside a triple-quoted string alone, and leaves != comparisons', () => {
    const src = 's = """\n%not a magic\n!not a shell\n"""\nok = a != b';
    expect(preprocessCell(src).code).toBe(src);
  });
});

describe('parseCell', () => {
  it('parses magics and shell escapes without a syntax error, line numbers unchanged', async () => {
    const parser = await getParser();
    const cell = parseCell(parser, '%matplotlib inline\n!pip install x\nimport seaborn as sns\nsns.histplot(df)');
    expect(cell.error).toBeNull();
    const calls = cell.tree.rootNode.descendantsOfType('call');
    expect(calls.map((c) => c!.startPosition.row)).toEqual([3]);
    cell.tree.delete();
  });

  it('reads Python 2 cells (print and exec statements, except X, e, backticks, <>) with no syntax error', async () => {
    const parser = await getParser();
    const src = 'print "rows:", len(df)\nexec "x = 1"\ntry:\n    f()\nexcept ValueError, e:\n    print `e`\nif a <> b:\n    plt.plot(a)\n';
    const p2 = parseCell(parser, src);
    expect(p2.error).toBeNull();
    const calls = p2.tree.rootNode.descendantsOfType('call').map((c) => [c!.startPosition.row, c!.childForFieldName('function')!.text]);
    expect(calls).toEqual([[0, 'len'], [3, 'f'], [7, 'plt.plot']]);
    p2.tree.delete();
  });

  it('records the line of a real syntax error and keeps the rest of the tree', async () => {
    const parser = await getParser();
    const bad = parseCell(parser, 'import pandas as pd\ndf = pd.read_csv("a.csv"\nplt.plot(df.x)\nx = = 2\n');
    expect(bad.error).not.toBeNull();
    expect(bad.error!.line).toBeGreaterThanOrEqual(1);
    expect(bad.tree.rootNode.descendantsOfType('import_statement')).toHaveLength(1);
    bad.tree.delete();
  });
});

describe('rewritePython2', () => {
  it('rewrites line by line, never adding or removing a line', () => {
    const src = 'if a <> b:\n    raise ValueError, "bad"\nn = 10L\nmode = 0777\ny = 0.05';
    const out = rewritePython2(src);
    expect(out).toBe('if a != b:\n    raise ValueError("bad")\nn = 10\nmode = 0o777\ny = 0.05');
  });
});
