import Link from 'next/link';
import type { GalleryPage } from '../hooks/types';
import { cellLabel } from '@/lib/notebooks/cell-label';

export function Thumbnail({ vis, href }: { vis: GalleryPage['items'][number]; href: string }) {
  return (
    <Link href={href} className="thumb" data-testid="thumb">
      <div className="img">
        {vis.blobSha256 ? (
          // eslint-disable-next-line @next/next/no-img-element -- served by our blob API, sized by CSS
          <img src={`/api/blobs/${vis.blobSha256}/thumbnail`} alt={`visualisation ${vis.id}`} loading="lazy" data-rendered={vis.rendered ? '' : undefined} />
        ) : (
          <div className="kind-tile">
            <strong>{vis.kind}</strong>
            <br />
            {vis.renderError ? 'could not be drawn' : 'interactive figure (being drawn)'}
          </div>
        )}
      </div>
      <div className="meta">
        <div className="t" title={`${vis.notebookTitle} — ${vis.notebookRef}`}>{vis.notebookTitle}</div>
        <div className="sub ref" title={vis.notebookRef}>{vis.notebookRef}</div>
        <div className="sub" title={`${cellLabel(vis.cellPosition)} · ${vis.library ?? 'unknown'} · ${vis.mime}`}>
          {cellLabel(vis.cellPosition)} · {vis.library ?? 'unknown'} · {vis.mime.replace(/^image\//, '')}
        </div>
      </div>
    </Link>
  );
}
