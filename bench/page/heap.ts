/**
 * JS heap peak while a scenario runs. Chromium exposes `performance.memory` (precise with
 * --enable-precise-memory-info, which the driver passes). A timer samples it every 10 ms; scenarios
 * also call `sample()` between chunks, because a long synchronous step starves the timer.
 */
interface MemoryInfo { usedJSHeapSize: number }

function usedHeap(): number {
  return (performance as unknown as { memory?: MemoryInfo }).memory?.usedJSHeapSize ?? 0;
}

let peak = 0;
let timer: ReturnType<typeof setInterval> | undefined;

export function sample(): void {
  peak = Math.max(peak, usedHeap());
}

export function startHeap(): number {
  stopHeap();
  const base = usedHeap();
  peak = base;
  timer = setInterval(sample, 10);
  return base;
}

/** Peak used heap (bytes) since `startHeap()`. */
export function stopHeap(): number {
  if (timer !== undefined) clearInterval(timer);
  timer = undefined;
  sample();
  return peak;
}

export function currentHeap(): number {
  return usedHeap();
}
