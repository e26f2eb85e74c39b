/** Reading Kaggle's error shapes out of response bodies. */

/** `{"code": ≥400, "message"}` or `{"error": {"code": ≥400, "message"}}` (the latter used for 429). */
export function responseError(parsed: unknown): { code: number; message?: string } | undefined {
  if (!parsed || typeof parsed !== 'object') return undefined;
  const top = parsed as { code?: unknown; message?: unknown; error?: unknown };
  const candidate = typeof top.code === 'number' ? top : (top.error as { code?: unknown; message?: unknown } | undefined);
  if (!candidate || typeof candidate !== 'object' || typeof candidate.code !== 'number' || candidate.code < 400) return undefined;
  return { code: candidate.code, message: typeof candidate.message === 'string' ? candidate.message : undefined };
}

/** A short detail for an error message: Kaggle's own message when the body has one, else the start of the text. */
export async function readErrorBody(res: Response): Promise<string | undefined> {
  let text: string;
  try {
    text = await res.text();
  } catch {
    return undefined;
  }
  try {
    const inner = responseError(JSON.parse(text));
    if (inner?.message) return inner.message;
  } catch {
    // not JSON: fall through to the raw text
  }
  const trimmed = text.trim().replace(/\s+/g, ' ');
  return trimmed ? trimmed.slice(0, 200) : undefined;
}
