'use client';
import { useCodeCodings } from '@/components/hooks/useCodebook';
import { ErrorState, Skeleton } from '@/components/ui/States';

/** "c:12" for a coding, "k:3" for a consensus coding → the index of the new code it goes to. */
export type SplitChoice = Record<string, number>;

/** Which of the code's codings go to which new code; the rest stay on the original. */
export function SplitChooser({ studyId, codeId, parts, choice, onChange }: { studyId: number; codeId: number; parts: string[]; choice: SplitChoice; onChange: (c: SplitChoice) => void }) {
  const { data, error, isPending } = useCodeCodings(studyId, codeId, true);
  if (error) return <ErrorState error={error} />;
  if (isPending) return <Skeleton height={60} />;
  if (!data.codings.length) return <p className="sub">No codings use this code yet; only the new codes are created.</p>;
  return (
    <div className="cb-split-list" data-testid="split-codings">
      <div className="section-title">Move codings to the new codes ({data.codings.length})</div>
      {data.codings.map((c) => {
        const key = `${c.consensus ? 'k' : 'c'}:${c.id}`;
        return (
          <label key={key} className="cb-split-row">
            {c.blobSha256 ? <img src={`/api/blobs/${c.blobSha256}/thumbnail`} alt={`visualisation ${c.visualisationId}`} width={56} height={40} /> : <span className="cb-split-nothumb">#{c.visualisationId}</span>}
            <span className="cb-split-who">
              {c.consensus ? <span className="badge accent">consensus</span> : (c.userName ?? c.userId)}
              {c.region && <span className="badge">region</span>}
              {c.memo && <span className="sub"> “{c.memo.slice(0, 40)}”</span>}
            </span>
            <select
              aria-label={`New code for coding ${c.id}${c.consensus ? ' (consensus)' : ''}`}
              value={choice[key] ?? -1}
              onChange={(e) => {
                const next = { ...choice };
                if (Number(e.target.value) < 0) delete next[key];
                else next[key] = Number(e.target.value);
                onChange(next);
              }}
            >
              <option value={-1}>stays</option>
              {parts.map((p, i) => (
                <option key={i} value={i}>
                  → {p}
                </option>
              ))}
            </select>
          </label>
        );
      })}
    </div>
  );
}

/** The split request's parts, with the chosen codings of each. */
export function partsWithCodings(parts: string[], choice: SplitChoice) {
  return parts.map((name, i) => {
    const mine = Object.entries(choice).filter(([, p]) => p === i).map(([k]) => k);
    return {
      name,
      codingIds: mine.filter((k) => k.startsWith('c:')).map((k) => Number(k.slice(2))),
      consensusCodingIds: mine.filter((k) => k.startsWith('k:')).map((k) => Number(k.slice(2))),
    };
  });
}
