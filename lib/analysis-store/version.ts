// The analyser's version, stored with every result. Bump ANALYSER_REVISION by hand whenever
// lib/analysis changes what it labels, slices or stores (facts, imports): the re-analysis job (lib/jobs)
// then re-analyses every notebook whose stored results carry another version, and the reproduction
// pre-flight trusts only results at this version.
// 2: imports and datasets read from the parsed code (no longer a regex over the cell text).
export const ANALYSER_REVISION = 2;
export const ANALYSER_VERSION = `analysis-v${ANALYSER_REVISION}`;
