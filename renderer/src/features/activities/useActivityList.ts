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
import Dexie, { liveQuery } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { getRelais } from '../../db';
import type { RelaisDatabase } from '../../db/schema';
import type { Activity, Stored } from '../../domain/records';

/** More than fills the tallest screen; small enough to read and render at once. */
export const PREVIEW_SIZE = 200;

type Activities = RelaisDatabase['activities'];

/** Live (not deleted) activities in `[deleted+date]` order, i.e. by date, then by id. */
function liveByDate(activities: Activities) {
  return activities.where('[deleted+date]').between([0, Dexie.minKey], [0, Dexie.maxKey], true, true);
}

/** The newest activities, newest first. */
export function readNewest(activities: Activities, limit: number): Promise<Stored<Activity>[]> {
  return liveByDate(activities).reverse().limit(limit).toArray();
}

/** Records decoded per read: about a tenth of a second of work on a slow machine. */
export const CHUNK_SIZE = 2000;

/** Newest first, as the `[deleted+date]` index read backwards: by date, then by id, both descending. */
function newestFirst(a: Stored<Activity>, b: Stored<Activity>): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.id !== b.id) return a.id < b.id ? 1 : -1;
  return 0;
}

/**
 * Every live activity, newest first: the same order as `readNewest`. Read in primary-key chunks (each one
 * `getAll()`, the fastest read there is) inside one read transaction (one consistent snapshot), sorted at
 * the end. `stopped()` is asked between chunks: when it says yes the (unwanted) result is left partial.
 */
export function readAllNewestFirst(activities: Activities, stopped: () => boolean = () => false): Promise<Stored<Activity>[]> {
  return activities.db.transaction('r', activities, async () => {
    const live: Stored<Activity>[] = [];
    let after: string | undefined;
    while (!stopped()) {
      const chunk = await (after === undefined ? activities.toCollection() : activities.where(':id').above(after))
        .limit(CHUNK_SIZE).toArray();
      for (const a of chunk) if (a.deleted === 0) live.push(a);
      if (chunk.length < CHUNK_SIZE) break;
      after = chunk[chunk.length - 1].id;
    }
    return live.sort(newestFirst);
  });
}

/**
 * Every live activity, kept up to date by a live query, shared by the page's visits: the list is kept
 * `KEEP_AFTER_LEAVING_MS` after the page is left, so coming back from editing an activity shows the
 * whole list at once instead of reading it all again. Past that, reading stops and memory is freed.
 */
export const KEEP_AFTER_LEAVING_MS = 60_000;

const allActivities = {
  list: undefined as Stored<Activity>[] | undefined,
  listeners: new Set<() => void>(),
  stop: undefined as (() => void) | undefined,
  releaseTimer: undefined as ReturnType<typeof setTimeout> | undefined,
};

function startReadingAll() {
  let stopped = false;
  const subscription = liveQuery(() => readAllNewestFirst(getRelais().db.activities, () => stopped)).subscribe({
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
    allActivities.releaseTimer = setTimeout(() => allActivities.stop?.(), KEEP_AFTER_LEAVING_MS);
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

export function useActivityList(): ActivityList {
  const preview = useLiveQuery(() => readNewest(getRelais().db.activities, PREVIEW_SIZE), []);
  // Fewer than PREVIEW_SIZE: the preview already is the whole list, no second read needed.
  const previewIsAll = preview !== undefined && preview.length < PREVIEW_SIZE;
  // A list still in memory from a recent visit is used (and kept live) from the first render.
  const [readAll, setReadAll] = useState(() => currentAll() !== undefined);
  const startFullRead = preview !== undefined && !previewIsAll && !readAll;
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
  const all = useAllActivities(readAll);
  if (all !== undefined) return { items: all, complete: true };
  return { items: preview, complete: previewIsAll };
}
