// Plotting libraries we facet on, keyed by the top-level module a notebook imports.
const PLOTTING_MODULES: Record<string, string> = {
  matplotlib: 'matplotlib',
  pylab: 'matplotlib',
  seaborn: 'seaborn',
  plotly: 'plotly',
  cufflinks: 'plotly',
  bokeh: 'bokeh',
  altair: 'altair',
  plotnine: 'plotnine',
  ggplot: 'plotnine',
  pygal: 'pygal',
  folium: 'folium',
  wordcloud: 'wordcloud',
  missingno: 'missingno',
  yellowbrick: 'yellowbrick',
  scikitplot: 'scikit-plot',
  holoviews: 'holoviews',
  hvplot: 'hvplot',
  pyLDAvis: 'pyldavis',
  shap: 'shap',
  graphviz: 'graphviz',
  squarify: 'squarify',
  networkx: 'networkx',
};

const IMPORT_RE = /^[ \t]*(?:from[ \t]+([A-Za-z_][\w]*)[\w.]*[ \t]+import|import[ \t]+([^\n#;]+))/gm;

/** The plotting libraries a notebook imports, in first-import order. */
export function detectLibraries(codeSources: string[]): string[] {
  const found = new Set<string>();
  for (const src of codeSources) {
    for (const m of src.matchAll(IMPORT_RE)) {
      const modules = m[1] ? [m[1]] : m[2].split(',').map((part) => part.trim().split(/[\s.]/)[0]);
      for (const mod of modules) {
        const lib = PLOTTING_MODULES[mod];
        if (lib) found.add(lib);
      }
    }
  }
  return [...found];
}

// Call patterns that identify the library drawing a cell's figure, most specific first.
const CALL_PATTERNS: [RegExp, string][] = [
  [/\bsns\.|\bseaborn\./, 'seaborn'],
  [/\bpx\.|\bgo\.Figure|\bplotly\.|\.iplot\(|\bpy\.iplot|\bff\.create_/, 'plotly'],
  [/\bbokeh\.|\bshow\(p\)|\bfigure\(.*tools=/, 'bokeh'],
  [/\balt\.Chart|\baltair\./, 'altair'],
  [/\bWordCloud\b/, 'wordcloud'],
  [/\bmsno\.|\bmissingno\./, 'missingno'],
  [/\bshap\./, 'shap'],
  [/\bggplot\(/, 'plotnine'],
  [/\bfolium\./, 'folium'],
  [/\bnx\.draw/, 'networkx'],
  [/\bplt\.|\bmatplotlib\.|\.plot\(|\.hist\(|\.imshow\(|\.boxplot\(|\bpylab\./, 'matplotlib'],
];

/** Best guess of the library that drew a figure, from its generating cell and the notebook's imports. */
export function libraryOfCell(source: string, notebookLibraries: string[]): string | null {
  for (const [re, lib] of CALL_PATTERNS) if (re.test(source)) return lib;
  return notebookLibraries[0] ?? null;
}
