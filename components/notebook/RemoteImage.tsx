'use client';

/**
 * A markdown image from another host, not loaded: fetching it would tell that host who reads which
 * notebook (and the page's CSP refuses it anyway). The reader may open it on purpose, in a new tab
 * (no referrer), which leaves this page's policy strict.
 */
export function RemoteImage({ src, alt }: { src: string; alt?: string }) {
  const host = hostOf(src);
  return (
    <span className="remote-image" data-testid="remote-image" data-host={host}>
      <span className="sub">
        Image{alt ? ` “${alt}”` : ''} from <strong>{host}</strong> not loaded.{' '}
      </span>
      <a href={src} target="_blank" rel="noopener noreferrer" title={`Opens ${src} in a new tab; ${host} then sees that you asked for it.`}>
        Load images from {host} (new tab)
      </a>
    </span>
  );
}

function hostOf(src: string): string {
  try {
    return new URL(src).host;
  } catch {
    return 'an unknown host';
  }
}
