// A figure's labels from the analysis engine, each with its confidence, and the evidence behind them.
import { words } from './stages';

export interface Labels {
  chartType: string;
  library: string;
  mlStage: string;
  multiPanel: boolean;
  confidence: Record<string, number>;
  evidence: string[];
  analyserVersion: string;
  usedOcr: boolean;
}

export function FigureLabels({ labels }: { labels: Labels | null }) {
  if (!labels) return <p className="sub" data-testid="labels">Not analysed yet.</p>;
  const rows: Array<[string, string, number | undefined]> = [
    ['Chart type', words(labels.chartType), labels.confidence.chartType],
    ['ML stage', words(labels.mlStage), labels.confidence.mlStage],
    ['Library', labels.library, labels.confidence.library],
    ['Several panels', labels.multiPanel ? 'yes' : 'no', labels.confidence.multiPanel],
  ];
  return (
    <div className="panel" data-testid="labels" style={{ marginTop: 12, padding: 8 }}>
      <table className="labels-table">
        <tbody>
          {rows.map(([name, value, c]) => (
            <tr key={name}>
              <th>{name}</th>
              <td><strong>{value}</strong></td>
              <td className="sub">{c === undefined ? '' : `confidence ${Math.round(c * 100)} %`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="sub" style={{ marginTop: 6 }}>Evidence{labels.usedOcr ? ' (image read)' : ''}:</div>
      <ul style={{ margin: '2px 0 0 16px', fontSize: 13 }}>
        {labels.evidence.map((e, i) => <li key={i}>{e}</li>)}
      </ul>
      <div className="sub" style={{ fontSize: 11 }}>{labels.analyserVersion}</div>
    </div>
  );
}
