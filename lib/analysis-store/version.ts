// The analyser's version, stored with every result. Bump ANALYSER_REVISION by hand whenever
// lib/analysis changes what it labels or slices: the re-analysis job (lib/jobs) then re-analyses every
// notebook whose stored results carry another version.
export const ANALYSER_REVISION = 1;
export const ANALYSER_VERSION = `analysis-v${ANALYSER_REVISION}`;
