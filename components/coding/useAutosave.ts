'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '@/lib/api-client';

export type SaveState = { kind: 'idle' | 'dirty' | 'saving' | 'saved' } | { kind: 'error'; message: string; permanent: boolean };

/**
 * Debounced autosave of a value: every change is saved `delay` ms after the last one, one save at a
 * time, the newest value always winning; a failed save is retried. `flush()` saves now and resolves
 * when everything is stored — called before leaving the item, so nothing typed is ever lost.
 */
export function useAutosave<T>(save: (value: T) => Promise<unknown>, delay = 500) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const latest = useRef<{ value: T; version: number } | null>(null);
  const saved = useRef(0);
  const inflight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;

  const run = useCallback(async (): Promise<void> => {
    if (inflight.current) await inflight.current;
    const job = latest.current;
    if (!job || job.version <= saved.current) return;
    setState({ kind: 'saving' });
    const p = (async () => {
      try {
        await saveRef.current(job.value);
        saved.current = Math.max(saved.current, job.version);
        setState(latest.current && latest.current.version > saved.current ? { kind: 'dirty' } : { kind: 'saved' });
      } catch (e) {
        setState({ kind: 'error', message: e instanceof Error ? e.message : String(e), permanent: e instanceof ApiError && e.permanent });
        throw e;
      }
    })();
    inflight.current = p.catch(() => {}).finally(() => (inflight.current = null));
    await p;
    if (latest.current && latest.current.version > saved.current) await run();
  }, []);

  const schedule = useCallback(
    (value: T) => {
      latest.current = { value, version: (latest.current?.version ?? 0) + 1 };
      setState({ kind: 'dirty' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        run().catch((e) => {
          // A network hiccup or a server error is retried on its own (the indicator says what went
          // wrong meanwhile); a refusal (a submitted item, a merged code) would only fail again.
          if (e instanceof ApiError && e.permanent) return;
          timer.current = setTimeout(() => run().catch(() => {}), 3000);
        });
      }, delay);
    },
    [delay, run],
  );

  const flush = useCallback(async () => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    await run();
  }, [run]);

  const reset = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    latest.current = null;
    saved.current = 0;
    setState({ kind: 'idle' });
  }, []);

  // Leaving the page with unsaved work: save with keepalive is not possible for PUT bodies via
  // fetch in every browser, so ask the browser to warn instead.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (latest.current && latest.current.version > saved.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  return { state, schedule, flush, reset };
}
