import { sample } from './heap';

export interface Timed<T> { ms: number; value: T }

/** Wall time of an async step, measured in the page (no driver round trips inside the figure). */
export async function timed<T>(run: () => Promise<T>): Promise<Timed<T>> {
  const start = performance.now();
  const value = await run();
  const ms = performance.now() - start;
  sample();
  return { ms, value };
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
