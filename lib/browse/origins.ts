// Originals (imported notebooks) apart from reproductions (their executed copies). In a file of its own
// so client components can import it without the zod schemas.
export const origins = ['originals', 'reproductions', 'both'] as const;
export type Origin = (typeof origins)[number];

/** The origin a URL or query asked for; originals when absent or unknown. */
export const originOf = (v: string | null | undefined): Origin => (origins as readonly string[]).includes(v ?? '') ? (v as Origin) : 'originals';
