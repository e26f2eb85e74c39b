/**
 * Where to go after signing in: `next` comes from the URL, so only a path on this site is taken
 * ("//evil.example" and "/\evil.example" are other sites to a browser); anything else goes home.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  try {
    const url = new URL(next, 'http://vizmine.invalid');
    return url.host === 'vizmine.invalid' ? url.pathname + url.search + url.hash : '/';
  } catch {
    return '/';
  }
}
