'use client';
import { useState } from 'react';
import { CHART_TYPES, ML_STAGES } from '@/lib/analysis/types';
import type { CodebookToday } from '@/components/hooks/useCodebook';
import { useLabelMap, useSetLabelMapping, useSetSuggestions } from '@/components/hooks/useMachineCoder';
import { ErrorState, Skeleton } from '@/components/ui/States';

// One select per code: the chart type or ML stage the code stands for. With it, the agreement page
// treats the analysis engine as one more coder. Option values are "field:value" ("chartType:bar").
const OPTIONS: Array<[string, string[]]> = [
  ['chartType', [...CHART_TYPES]],
  ['mlStage', [...ML_STAGES]],
];

export function MachineLabelsPanel({ studyId, data, names, canManage }: { studyId: number; data: CodebookToday; names: Map<number, string>; canManage: boolean }) {
  const map = useLabelMap(studyId);
  const setMapping = useSetLabelMapping(studyId);
  const setSuggestions = useSetSuggestions(studyId);
  const [confirming, setConfirming] = useState(false);
  if (map.error) return <ErrorState error={map.error} />;
  if (!map.data) return <Skeleton height={40} count={4} />;
  const current = new Map(map.data.mappings.map((m) => [m.codeId, `${m.field}:${m.value}`]));
  const live = data.codes.filter((c) => c.kind === 'code' && c.status !== 'merged');
  const on = map.data.showMachineSuggestions;
  const change = (codeId: number, v: string) => {
    const [field, value] = v.split(':');
    setMapping.mutate(field ? ({ codeId, field, value } as never) : { codeId, field: null });
  };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <p className="sub">
        Map codes to the analysis engine&apos;s chart types or ML stages: the agreement page then shows the machine as a coder against the
        consensus and each coder (Cohen&apos;s κ, Krippendorff&apos;s α, confusion matrix).
      </p>
      <table className="list" aria-label="Code to machine label">
        <thead>
          <tr><th>Code</th><th>Machine label</th></tr>
        </thead>
        <tbody>
          {live.map((c) => (
            <tr key={c.id}>
              <td>{names.get(c.id) ?? c.name}</td>
              <td>
                <select aria-label={`Machine label for ${names.get(c.id) ?? c.name}`} value={current.get(c.id) ?? ''} disabled={!canManage || setMapping.isPending} onChange={(e) => change(c.id, e.target.value)}>
                  <option value="">— none —</option>
                  {OPTIONS.map(([field, values]) => (
                    <optgroup key={field} label={field === 'chartType' ? 'Chart type' : 'ML stage'}>
                      {values.map((v) => <option key={v} value={`${field}:${v}`}>{v.replace(/_/g, ' ')}</option>)}
                    </optgroup>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {setMapping.error && <ErrorState error={setMapping.error} />}
      <section className="panel" aria-label="Machine suggestions">
        <h2>Machine suggestions in the workspace</h2>
        <p className="sub">{on ? 'On: coders see the machine’s chart type and stage (never on a blind double-coded item before they submit it).' : 'Off: coders code without the machine’s labels.'}</p>
        {canManage && !confirming && (
          <button className="btn" onClick={() => (on ? setSuggestions.mutate(false) : setConfirming(true))}>{on ? 'Turn off' : 'Turn on…'}</button>
        )}
        {confirming && (
          <div role="alert" className="panel" style={{ borderColor: '#e0a019' }}>
            <p><strong>Anchoring bias.</strong> A coder who sees a suggestion tends to agree with it: codings drift towards the machine, and agreement with it (and between coders) is inflated. Keep it off while you measure reliability.</p>
            <button className="btn" onClick={() => (setSuggestions.mutate(true), setConfirming(false))}>Turn on anyway</button>{' '}
            <button className="btn" onClick={() => setConfirming(false)}>Cancel</button>
          </div>
        )}
      </section>
    </div>
  );
}
