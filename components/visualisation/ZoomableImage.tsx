'use client';
import { useState } from 'react';

/** Click (or press Z) to toggle between fit-to-panel and actual pixels, scrollable when zoomed. */
export function ZoomableImage({ src, alt, zoomed, onToggle }: { src: string; alt: string; zoomed: boolean; onToggle: () => void }) {
  const [failed, setFailed] = useState(false);
  if (failed) return <p className="sub" style={{ padding: 16 }}>This image could not be decoded by the browser.</p>;
  return (
    <div className={`zoom ${zoomed ? 'zoomed' : ''}`} onClick={onToggle} title={zoomed ? 'Click to fit' : 'Click to zoom to actual size'}>
      {/* eslint-disable-next-line @next/next/no-img-element -- an <img> never runs an SVG's scripts */}
      <img src={src} alt={alt} onError={() => setFailed(true)} />
    </div>
  );
}
