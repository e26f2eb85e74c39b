/** 0.4 s, 42 s, 3 min 20 s, 2 h 5 min; — when unknown. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds)) return '—';
  if (seconds < 10) return `${Number(seconds.toFixed(1))} s`;
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** 22.2 %; — when there is nothing to divide by. */
export function formatShare(share: number | null | undefined): string {
  return share == null ? '—' : `${(share * 100).toFixed(1)} %`;
}
