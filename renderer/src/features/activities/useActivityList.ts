/**
 * The activities the list page shows, fast with 100 000 of them (issue 4, scenario 7).
 *
 * Reading every activity takes seconds at that size (decoding 100 000 records on the page's thread), so
 * the page first shows the newest `PREVIEW_SIZE` (a limited query on the `[deleted+date]` index: a few
 * milliseconds), then reads the whole list once that first screen is painted, in chunks, so clicks and
 * keystrokes are served between chunks, and stops reading if the page is left. `complete` tells the page
 * whether `items` is the whole list: until it is, the page must not show a count or say "no match".
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { liveQuery } from 'dexie';
import { getRelais } from '../../db';
import { readAllNewestFirst, readNewest } from '../../db/activities';
import type { Activity, Stored } from '../../domain/records';
import { useRead } from '../../ui/useRead';

/** More than fills the tallest screen; small enough to read and render at once. */
const PREVIEW_SIZE = 200;

/**
 * Every live activity, kept up to date by a live query, shared by the page's visits: once read whole,
 * the list is kept `KEEP_AFTER_LEAVING_MS` after the page is left, so coming back from editing an
 * activity shows the whole list at once instead of reading it all again. Past that, reading stops and
 * memory is freed; a page left before the whole list was read stops reading at once.
 */
const KEEP_AFTER_LEAVING_MS = 60_000;

const allActivities = {
  list: undefined as Stored<Activity>[] | undefined,
  listeners: new Set<() => void>(),
  stop: undefined as (() => void) | undefined,
  releaseTimer: undefined as ReturnType<typeof setTimeout> | undefined,
};

function startReadingAll() {
  let stopped = false;
  const subscription = liveQuery(() => readAllNewestFirst(getRelais().db, () => stopped)).subscribe({
    next: (list) => {
      if (stopped) return;
      allActivities.list = list;
      allActivities.listeners.forEach((listener) => listener());
    },
    error: (error: unknown) => console.error(error),
  });
  allActivities.stop = () => {
    stopped = true;
    subscription.unsubscribe();
    allActivities.list = undefined;
    allActivities.stop = undefined;
  };
}

function subscribeToAll(listener: () => void): () => void {
  clearTimeout(allActivities.releaseTimer);
  allActivities.listeners.add(listener);
  if (!allActivities.stop) startReadingAll();
  return () => {
    allActivities.listeners.delete(listener);
    if (allActivities.listeners.size > 0) return;
    // A read still under way stops at once: finishing it would slow down the page the person went to
    // (a home page's counts waited seconds behind it). A whole list already read is kept a while.
    if (allActivities.list === undefined) allActivities.stop?.();
    else allActivities.releaseTimer = setTimeout(() => allActivities.stop?.(), KEEP_AFTER_LEAVING_MS);
  };
}

const subscribeToNothing = () => () => {};
const currentAll = () => allActivities.list;

/** Every live activity once `enabled` (or at once if a recent visit left the list in memory). */
function useAllActivities(enabled: boolean): Stored<Activity>[] | undefined {
  return useSyncExternalStore(enabled ? subscribeToAll : subscribeToNothing, currentAll);
}

export interface ActivityList {
  /** `undefined` until the first read answers. */
  items: Stored<Activity>[] | undefined;
  /** `items` holds every live activity (not only the first screen). */
  complete: boolean;
}

/**
 * `inMemory`: the number of live activities is at or below the ceiling (features/activities/listLimit.ts);
 * `undefined` while that number is read (a few milliseconds), `false` above it: the whole list is then
 * never read (the page pages instead, `usePagedActivities`).
 */
export function useActivityList(inMemory: boolean | undefined): ActivityList {
  const preview = useRead(readNewest, PREVIEW_SIZE);
  // Fewer than PREVIEW_SIZE: the preview already is the whole list, no second read needed.
  const previewIsAll = preview !== undefined && preview.length < PREVIEW_SIZE;
  // A list still in memory from a recent visit is used (and kept live) from the first render.
  const [readAll, setReadAll] = useState(() => currentAll() !== undefined);
  const startFullRead = inMemory === true && preview !== undefined && !previewIsAll && !readAll;
  useEffect(() => {
    if (!startFullRead) return;
    // requestAnimationFrame runs just before the paint, a timeout queued there runs just after it: the
    // first screen is on screen before the long read (and the decoding of every record) begins.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => { timer = setTimeout(() => setReadAll(true), 0); });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [startFullRead]);
  const all = useAllActivities(readAll && inMemory !== false);
  if (all !== undefined) return { items: all, complete: true };
  return { items: preview, complete: previewIsAll };
}
