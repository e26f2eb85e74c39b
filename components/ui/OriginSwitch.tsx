'use client';
import { origins, type Origin } from '@/lib/browse/origins';

const LABEL: Record<Origin, string> = { originals: 'Originals', reproductions: 'Reproductions', both: 'Both' };

/** Which notebooks a page counts: the imported originals (the default), their reproductions, or both. */
export function OriginSwitch({ value, onChange }: { value: Origin; onChange: (o: Origin) => void }) {
  return (
    <div className="segmented" role="group" aria-label="originals or reproductions">
      {origins.map((o) => (
        <button key={o} type="button" className={value === o ? 'on' : ''} aria-pressed={value === o} onClick={() => onChange(o)}>
          {LABEL[o]}
        </button>
      ))}
    </div>
  );
}

/** What a count counts, for the words after a number: "(originals)". */
export const originWords = (o: Origin) => (o === 'both' ? 'originals and reproductions' : o);
