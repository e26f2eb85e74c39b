import type { VisualizationSpec } from 'vega-embed';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

// Krippendorff's reading of α: ≥ .800 reliable, ≥ .667 tentative conclusions only, below that not.
const bands = { domain: ['≥ 0.80 reliable', '0.667–0.80 tentative', '< 0.667 unreliable'], range: ['#2e9d5b', '#e0a019', '#d2473b'] };
const band = (a: number) => (a >= 0.8 ? bands.domain[0] : a >= 0.667 ? bands.domain[1] : bands.domain[2]);

/** Krippendorff's α per code (codes whose α is undefined are left out: the table says why). */
export function alphaPerCodeSpec(rows: { code: string; alpha: number | null; items: number; coders: number }[]): VisualizationSpec {
  const values = rows.filter((r) => r.alpha !== null).map((r) => ({ ...r, band: band(r.alpha!) }));
  const low = Math.min(0, ...values.map((v) => v.alpha!));
  return {
    $schema: SCHEMA,
    width: 'container',
    height: { step: 22 },
    data: { values },
    mark: { type: 'bar', cornerRadiusEnd: 3 },
    encoding: {
      y: { field: 'code', type: 'nominal', sort: '-x', title: 'Code' },
      x: { field: 'alpha', type: 'quantitative', title: "Krippendorff's α (nominal: applied or not)", scale: { domain: [low, 1] } },
      color: { field: 'band', type: 'nominal', scale: bands, title: 'Reliability' },
      tooltip: [
        { field: 'code', title: 'Code' },
        { field: 'alpha', title: 'α', format: '.3f' },
        { field: 'items', title: 'Items' },
        { field: 'coders', title: 'Coders' },
      ],
    },
  };
}

/** Agreement over time: α, Cohen's κ (two coders) and % agreement over the items submitted up to each day. */
export function agreementOverTimeSpec(points: { date: string; alpha: number | null; cohenKappa: number | null; percentAgreement: number | null; items: number }[]): VisualizationSpec {
  const series = [
    ['alpha', 'α (MASI)'],
    ['cohenKappa', "Cohen's κ"],
    ['percentAgreement', '% agreement'],
  ] as const;
  const values = points.flatMap((p) =>
    series.filter(([k]) => p[k] !== null).map(([k, label]) => ({ date: p.date, coefficient: label, value: p[k], items: p.items })),
  );
  return {
    $schema: SCHEMA,
    width: 'container',
    height: 220,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'date', type: 'temporal', title: 'Submitted up to', timeUnit: 'utcyearmonthdate' },
      y: { field: 'value', type: 'quantitative', title: 'Agreement', scale: { domain: [Math.min(0, ...values.map((v) => v.value!)), 1] } },
      color: { field: 'coefficient', type: 'nominal', title: 'Coefficient', scale: { domain: series.map(([, l]) => l), range: ['#3559e0', '#e45756', '#7a8699'] } },
      tooltip: [
        { field: 'date', type: 'temporal', title: 'Up to', timeUnit: 'utcyearmonthdate' },
        { field: 'coefficient', title: 'Coefficient' },
        { field: 'value', title: 'Value', format: '.3f' },
        { field: 'items', title: 'Items' },
      ],
    },
  };
}
