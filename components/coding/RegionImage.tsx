'use client';
import { useEffect, useRef, useState } from 'react';
import type { Region } from '@/lib/db/schema/coding';
import styles from './coding.module.css';

export interface ShownRegion {
  region: Region;
  colour: string;
  label: string;
  mine: boolean;
}

/**
 * The figure, zoomable (wheel over it, or +/− keys via `zoom`), with coded regions drawn over it.
 * In drawing mode a drag draws the draft rectangle; coordinates are fractions of the image, so they
 * survive any zoom level or screen.
 */
export function RegionImage(props: {
  src: string;
  alt: string;
  zoom: number;
  onZoom: (by: 1 | -1) => void;
  regions: ShownRegion[];
  draft: Region | null;
  drawing: boolean;
  onDraft: (r: Region) => void;
  onDraftDone: () => void;
}) {
  const { src, alt, zoom, onZoom, regions, draft, drawing, onDraft, onDraftDone } = props;
  const box = useRef<HTMLDivElement>(null);
  const img = useRef<HTMLImageElement>(null);
  const [base, setBase] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const start = useRef<{ x: number; y: number } | null>(null);
  const zoomRef = useRef(onZoom);
  zoomRef.current = onZoom;

  // A non-passive wheel listener: zooming must not also scroll the page.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      zoomRef.current(e.deltaY < 0 ? 1 : -1);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  // Zoom is relative to the fitted width, measured once the image is laid out.
  useEffect(() => {
    if (zoom !== 1 && base === null && img.current?.clientWidth) setBase(img.current.clientWidth);
  }, [zoom, base]);

  const at = (e: React.MouseEvent) => {
    const r = img.current!.getBoundingClientRect();
    return { x: Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)), y: Math.min(1, Math.max(0, (e.clientY - r.top) / r.height)) };
  };
  const rect = (a: { x: number; y: number }, b: { x: number; y: number }): Region => {
    const round = (v: number) => Math.round(v * 1000) / 1000;
    return { x: round(Math.min(a.x, b.x)), y: round(Math.min(a.y, b.y)), w: round(Math.max(0.01, Math.abs(a.x - b.x))), h: round(Math.max(0.01, Math.abs(a.y - b.y))) };
  };

  if (failed) return <p className="sub" style={{ padding: 16 }}>This image could not be decoded by the browser.</p>;
  const width = zoom === 1 || !base ? undefined : Math.round(base * zoom);
  return (
    <div ref={box} className={styles.imageBox} data-testid="figure">
      <div
        className={`${styles.imageWrap} ${drawing ? styles.drawing : ''}`}
        onMouseDown={(e) => {
          if (!drawing) return;
          e.preventDefault();
          start.current = at(e);
          onDraft(rect(start.current, start.current));
        }}
        onMouseMove={(e) => start.current && onDraft(rect(start.current, at(e)))}
        onMouseUp={(e) => {
          if (!start.current) return;
          onDraft(rect(start.current, at(e)));
          start.current = null;
          onDraftDone();
        }}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- an <img> never runs an SVG's scripts */}
        <img
          ref={img}
          src={src}
          alt={alt}
          draggable={false}
          style={width ? { width, maxWidth: 'none' } : undefined}
          onLoad={(e) => zoom === 1 && setBase(e.currentTarget.clientWidth)}
          onError={() => setFailed(true)}
        />
        {regions.map((r, i) => (
          <div
            key={i}
            className={styles.region}
            data-testid={r.mine ? 'my-region' : 'other-region'}
            style={{ left: `${r.region.x * 100}%`, top: `${r.region.y * 100}%`, width: `${r.region.w * 100}%`, height: `${r.region.h * 100}%`, borderColor: r.colour, borderStyle: r.mine ? 'solid' : 'dashed' }}
          >
            <span style={{ background: r.colour }}>{r.label}</span>
          </div>
        ))}
        {draft && <div className={styles.draft} data-testid="draft-region" style={{ left: `${draft.x * 100}%`, top: `${draft.y * 100}%`, width: `${draft.w * 100}%`, height: `${draft.h * 100}%` }} />}
      </div>
    </div>
  );
}
