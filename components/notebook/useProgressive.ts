'use client';
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Which slice [start, end) of a long list to render: a screenful at once, then more whenever the
 * sentinel (put it after the rendered items) comes within a few screens of view. A 50,000-cell
 * notebook rendered whole took about 32 s before anything showed; this way the first cells show at
 * once and the rest follow as the reader scrolls. `from` starts the slice near an item linked to
 * (#cell-31000), so that link opens as fast as the top; earlier items come back on request.
 */
export function useProgressive(total: number, { first = 80, step = 400, from = 0 } = {}) {
  const [start, setStart] = useState(() => Math.max(0, Math.min(from - 10, total - first)));
  const [end, setEnd] = useState(() => Math.min(total, start + first));
  useEffect(() => setEnd((n) => Math.min(total, Math.max(n, start + first))), [total, start, first]);
  const observer = useRef<IntersectionObserver | null>(null);
  // Give the sentinel `key={end}`: a new element each time, so it is observed afresh even if it stays in view.
  const sentinel = useCallback(
    (el: HTMLElement | null) => {
      observer.current?.disconnect();
      if (!el) return;
      observer.current = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) setEnd((n) => Math.min(total, n + step));
      }, { rootMargin: '3000px 0px' });
      observer.current.observe(el);
    },
    [total, step],
  );
  useEffect(() => () => observer.current?.disconnect(), []);
  return {
    start,
    end,
    sentinel,
    showEarlier: () => setStart((s) => Math.max(0, s - step)),
    showAll: () => (setStart(0), setEnd(total)),
  };
}
