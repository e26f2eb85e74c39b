/**
 * The sort direction as an inline SVG: the ▲/▼ characters it replaces depend on the machine's fonts
 * and showed as a box (or as a colour emoji) where none had them.
 */
export function SortIcon({ dir }: { dir: 'asc' | 'desc' }) {
  return (
    <svg className="icon" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
      <path d={dir === 'asc' ? 'M5 2 9 8H1z' : 'M5 8 1 2h8z'} fill="currentColor" />
    </svg>
  );
}
