import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIBRARY_SCRIPTS, figureDocument, htmlDocument } from './figure-document';
import { vendorScript, vendorScriptFile } from './vendor-scripts';

const cspOf = (doc: string) => /content="([^"]*)"/.exec(doc)![1];

describe('figureDocument', () => {
  it('allows only the scripts it is given, and no network', () => {
    const csp = cspOf(figureDocument({ library: 'plotly', scriptSrcs: ['http://a.test/vendor/plotly'] }));
    expect(csp).toContain("default-src 'none'; connect-src 'none'; frame-src 'none'");
    expect(csp).toMatch(/script-src http:\/\/a\.test\/vendor\/plotly 'unsafe-inline'; /);
    expect(csp).not.toContain('unsafe-eval');
  });
  it("lets vega (which compiles its expressions) eval, and no other library", () => {
    expect(cspOf(figureDocument({ library: 'vega', scriptSrcs: ['v'] }))).toContain("'unsafe-eval'");
    expect(cspOf(figureDocument({ library: 'bokeh', scriptSrcs: ['b'] }))).not.toContain("'unsafe-eval'");
  });
  it('loads the scripts in their order, with URLs that cannot leave their attribute', () => {
    const doc = figureDocument({ library: 'vega', scriptSrcs: ['x/vega', 'x/vega-lite"><script>alert(1)</script>'] });
    expect(doc.indexOf('src="x/vega"')).toBeLessThan(doc.indexOf('src="x/vega-lite&quot;>&lt;script>'));
    expect(doc).not.toContain('<script>alert(1)');
  });
  it('carries no figure: figures arrive by message, so the document is the same for every figure', () => {
    expect(figureDocument({ library: 'plotly', scriptSrcs: ['p'] })).toBe(figureDocument({ library: 'plotly', scriptSrcs: ['p'] }));
  });
});

describe('htmlDocument', () => {
  it('runs and loads nothing, and renames nested frames and plugins away', () => {
    const doc = htmlDocument('<p>hi</p><iframe src="http://x.test"></iframe><OBJECT data="y"></OBJECT><embed src=z>');
    const csp = cspOf(doc);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(doc).toContain('<body inert');
    expect(doc).not.toMatch(/<(iframe|object|embed)[\s>]/i);
    expect(doc).toContain('<vizmine-removed-iframe src="http://x.test"></vizmine-removed-iframe>');
  });
});

describe('vendor scripts', () => {
  it('serves every script a library needs, from node_modules', () => {
    for (const name of Object.values(LIBRARY_SCRIPTS).flat()) expect(fs.existsSync(vendorScriptFile(name)!), name).toBe(true);
  });
  it('serves nothing else', () => {
    for (const name of ['', '__proto__', 'constructor', 'toString', '../package.json', 'plotly/../../x']) expect(vendorScriptFile(name)).toBeNull();
    expect(vendorScript('hasOwnProperty')).toBeNull();
  });
  it('reads a script once', async () => {
    expect(vendorScript('bokeh')).toBe(vendorScript('bokeh'));
    expect((await vendorScript('bokeh')!).length).toBe(fs.statSync(vendorScriptFile('bokeh')!).size);
  });
});
