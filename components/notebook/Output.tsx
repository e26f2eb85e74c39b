'use client';
import Link from 'next/link';
import type { NbOutput } from '@/lib/notebooks/types';
import { SandboxedHtml } from './SandboxedHtml';
import { stripAnsi } from './strip-ansi';
import { InteractiveFigure } from '../visualisation/InteractiveFigure';

export interface OutputVisualisation {
  id: number;
  kind: string;
  blobSha256: string | null;
  spec: unknown;
}

type Data = Record<string, unknown>;
// Only our own references: a notebook could write {"$blob": "../settings"} into an output we do not extract.
const blobOf = (v: unknown) => {
  const sha = v && typeof v === 'object' && '$blob' in v ? String((v as { $blob: unknown }).$blob) : null;
  return sha && /^[0-9a-f]{64}$/.test(sha) ? sha : null;
};

/** One cell output, rendered like Jupyter, but with nothing from the notebook able to run script. */
export function Output({ output, visualisation }: { output: NbOutput; visualisation?: OutputVisualisation }) {
  if (output.output_type === 'stream') {
    return (
      <div className="output">
        <pre className={output.name === 'stderr' ? 'stderr' : undefined}>{stripAnsi(output.text ?? '')}</pre>
      </div>
    );
  }
  if (output.output_type === 'error') {
    return (
      <div className="output">
        <pre className="error">{stripAnsi((output.traceback ?? [`${output.ename}: ${output.evalue}`]).join('\n'))}</pre>
      </div>
    );
  }
  const data = (output.data ?? {}) as Data;
  return (
    <div className="output">
      {visualisation ? <VisualisationOutput data={data} vis={visualisation} /> : <RichOutput data={data} />}
    </div>
  );
}

function VisualisationOutput({ data, vis }: { data: Data; vis: OutputVisualisation }) {
  const image = vis.blobSha256;
  return (
    <div id={`vis-${vis.id}`}>
      {vis.kind !== 'image' && vis.spec ? (
        <InteractiveFigure kind={vis.kind} spec={vis.spec} fallbackSha={image} />
      ) : image ? (
        // eslint-disable-next-line @next/next/no-img-element -- an <img> never runs an SVG's scripts
        <img src={`/api/blobs/${image}`} alt={`figure ${vis.id}`} loading="lazy" />
      ) : (
        <RichOutput data={data} />
      )}
      <div className="vis-link">
        <Link href={`/visualisations/${vis.id}`}>Open visualisation #{vis.id} →</Link>
      </div>
    </div>
  );
}

function RichOutput({ data }: { data: Data }) {
  for (const mime of ['image/png', 'image/jpeg', 'image/svg+xml']) {
    const sha = blobOf(data[mime]);
    // eslint-disable-next-line @next/next/no-img-element
    if (sha) return <img src={`/api/blobs/${sha}`} alt="output" loading="lazy" />;
  }
  if (typeof data['text/html'] === 'string') return <SandboxedHtml html={data['text/html']} height={estimateHeight(data['text/html'])} />;
  if (typeof data['text/markdown'] === 'string') return <pre>{data['text/markdown']}</pre>;
  if (typeof data['text/plain'] === 'string') return <pre>{stripAnsi(data['text/plain'])}</pre>;
  const mimes = Object.keys(data);
  return mimes.length ? <pre className="sub">[{mimes.join(', ')}]</pre> : null;
}

// Tables are the usual HTML output: size the frame by their row count, within bounds.
function estimateHeight(html: string): number {
  const rows = (html.match(/<tr/g) ?? []).length;
  return Math.min(480, Math.max(60, rows * 28 + 40));
}
