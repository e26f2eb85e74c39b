// The tiny script that lists what a Python environment can import at top level: the standard
// library, built-in modules, everything pkgutil finds on sys.path, and namespace packages (folders
// without __init__.py, e.g. mpl_toolkits, which pkgutil does not report).
export const LIST_MODULES_PY = `
import json, os, pkgutil, sys
names = set(sys.stdlib_module_names) | set(sys.builtin_module_names)
names |= {m.name for m in pkgutil.iter_modules()}
for d in sys.path:
    if os.path.isdir(d):
        names |= {n for n in os.listdir(d) if n.isidentifier() and os.path.isdir(os.path.join(d, n))}
print(json.dumps({"python": sys.version.split()[0], "modules": sorted(names)}))
`;

export function parseModuleList(stdout: string): { python: string; modules: string[] } {
  const line = stdout.trim().split('\n').pop() ?? '';
  const parsed = JSON.parse(line) as { python: string; modules: string[] };
  if (!Array.isArray(parsed.modules)) throw new Error('the module list is not a list');
  return parsed;
}
