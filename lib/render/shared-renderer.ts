import { launchRenderer, type FigureRenderer } from './renderer';

/**
 * One long-lived browser per worker process, launched when the first figure needs it and again if
 * it crashes. `get` is what renderFigures takes; `close` ends it when the worker stops.
 */
export function sharedRenderer(): { get(): Promise<FigureRenderer>; close(): Promise<void> } {
  let current: Promise<FigureRenderer> | null = null;
  return {
    async get() {
      if (current && !(await current.then((r) => r.connected(), () => false))) current = null;
      current ??= launchRenderer();
      return current;
    },
    async close() {
      const r = current;
      current = null;
      await r?.then((x) => x.close(), () => {});
    },
  };
}
