/** A place under Kaggle's input folder that a notebook's code names. */
export interface DatasetRead {
  path: string; // as written, up to the first file or slug: "/kaggle/input/titanic", "../input/train.csv"
  slug: string | null; // the data source's folder; null for a file at the top of ../input (the old single-source layout)
}

const INPUT = /(?:\/kaggle\/input|(?:^|[^\w.])\.\.\/input)\/([^/'"{}\s]*)/g;

/**
 * The data sources behind the paths the analysis engine found the code reading (lib/analysis
 * datasets): `/kaggle/input/<slug>/…` and `../input/<slug>/…` name a source folder;
 * `../input/train.csv` (a name with an extension) is a file at the top of the old single-source layout.
 */
export function inputSources(paths: string[]): DatasetRead[] {
  const found = new Map<string, DatasetRead>();
  for (const s of paths) {
    for (const m of s.matchAll(INPUT)) {
      const first = m[1];
      if (!first) continue; // "../input/" + name: nothing to say which
      const absolute = m[0].includes('/kaggle/input');
      const isFile = /\.[A-Za-z0-9]{1,8}$/.test(first);
      const path = `${absolute ? '/kaggle/input' : '../input'}/${first}`;
      if (!found.has(path)) found.set(path, { path, slug: isFile ? null : first });
    }
  }
  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
}
