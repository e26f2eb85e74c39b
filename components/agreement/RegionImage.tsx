'use client';
import type { Region } from '@/lib/db/schema/coding';

export interface DrawnRegion {
  region: Region;
  colour: string;
  label: string;
}

/** The item's image with coded regions drawn over it (regions are fractions of the image's size). */
export function RegionImage({ sha, alt, regions, maxHeight = 360 }: { sha: string | null; alt: string; regions: DrawnRegion[]; maxHeight?: number }) {
  if (!sha) {
    return <div className="kind-tile" style={{ padding: 24 }}>This figure has no image (an interactive figure): open it from the visualisation page.</div>;
  }
  return (
    <div style={{ position: 'relative', display: 'inline-block', maxWidth: '100%', lineHeight: 0 }}>
      {/* eslint-disable-next-line @next/next/no-img-element -- blobs are served by our API, sized by the browser */}
      <img src={`/api/blobs/${sha}`} alt={alt} style={{ maxWidth: '100%', maxHeight, display: 'block' }} />
      {regions.map((r, i) => (
        <div
          key={i}
          title={r.label}
          data-region={r.label}
          style={{
            position: 'absolute',
            left: `${r.region.x * 100}%`,
            top: `${r.region.y * 100}%`,
            width: `${r.region.w * 100}%`,
            height: `${r.region.h * 100}%`,
            border: `2px solid ${r.colour}`,
            background: `${r.colour}22`,
            boxSizing: 'border-box',
            pointerEvents: 'none',
          }}
        >
          <span style={{ position: 'absolute', top: -1, left: -1, background: r.colour, color: '#fff', fontSize: 11, lineHeight: '15px', padding: '0 4px', whiteSpace: 'nowrap' }}>{r.label}</span>
        </div>
      ))}
    </div>
  );
}
