/**
 * The activity list above the in-memory ceiling (`listLimit.ts`): paged, newest first, never the whole
 * list in memory (issue 10, a region's million activities).
 *
 * Each step reads from where the last one stopped (a keyset on date and id, db/activities.ts
 * `readPagedStep`): with no filter, or only a period or an author (the index ranges), the next
 * `PAGE_SIZE`; with any other filter, it scans newest first in chunks, keeping the matches of the
 * list's own pure filter (`filterActivities`: both modes select the same records), until a page is
 * filled or `PAGED_SCAN_BUDGET` activities were looked at; the person then asks to continue. A new filter
 * abandons the running step at once and shows nothing of the old one. `restartKey` (the number of live
 * activities) starts again from the newest when the data changes (a delete, its undo, an import).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { getRelais } from '../../db';
import { PAGED_SCAN_BUDGET, readPagedStep, stepOutcome, type ListCursor, type PagedRange } from '../../db/activities';
import type { Activity, Stored } from '../../domain/records';
import type { ActivityFilters } from './filter';

/** Shown per step: more than fills the tallest screen, read and drawn at once. */
export const PAGE_SIZE = 200;

export type PagedStatus =
  /** A step is running. */
  | 'reading'
  /** The last step filled a page: there may be more. */
  | 'more'
  /** The last step spent its budget before filling a page: the search can go on. */
  | 'budget'
  /** Every activity of the range was looked at. */
  | 'done'
  | 'failed';

export interface PagedList {
  items: Stored<Activity>[];
  /** Activities looked at so far, over every step. */
  looked: number;
  /** The date of the last activity looked at: the search went back to there. */
  reachedDate: string | undefined;
  status: PagedStatus;
  /** Reads the next step (ignored while one is running or when all was looked at). */
  next: () => void;
}

/** The filters an index range answers: the author and the period. The others are scanned. */
export function pagedRangeOf(f: ActivityFilters): PagedRange {
  return { author: f.author || undefined, from: f.from || undefined, to: f.to || undefined };
}

type State = Omit<PagedList, 'next' | 'reachedDate'> & {
  cursor: ListCursor | undefined;
  /** The filter and data these items were read for: items of another one are never shown. */
  matches: unknown;
  restartKey: unknown;
};
const START: Omit<State, 'matches' | 'restartKey'> = { items: [], looked: 0, cursor: undefined, status: 'reading' };

export function usePagedActivities(
  enabled: boolean, filters: ActivityFilters, matches: (chunk: Stored<Activity>[]) => Stored<Activity>[], restartKey: unknown,
): PagedList | undefined {
  const [state, setState] = useState<State>({ ...START, matches, restartKey });
  const running = useRef<{ stopped: boolean } | undefined>(undefined);

  const run = useCallback((from: State) => {
    if (running.current) running.current.stopped = true;
    const token = { stopped: false };
    running.current = token;
    setState({ ...from, status: 'reading' });
    readPagedStep(getRelais().db, pagedRangeOf(filters), matches, {
      after: from.cursor, want: PAGE_SIZE, budget: PAGED_SCAN_BUDGET, stopped: () => token.stopped,
    }).then((step) => {
      if (token.stopped || step.abandoned) return;
      setState({ ...from, items: from.items.concat(step.found), looked: from.looked + step.looked, cursor: step.cursor, status: stepOutcome(step, PAGE_SIZE) });
    }, (error: unknown) => {
      if (token.stopped) return;
      console.error(error);
      setState({ ...from, status: 'failed' });
    });
  }, [filters, matches]);

  useEffect(() => {
    if (!enabled) return;
    run({ ...START, matches, restartKey });
    return () => {
      if (running.current) running.current.stopped = true;
    };
  }, [enabled, run, matches, restartKey]);

  if (!enabled) return undefined;
  // The render between a new filter and its step's start shows nothing of the old filter's results.
  if (state.matches !== matches || state.restartKey !== restartKey) return { ...START, reachedDate: undefined, next: () => {} };
  return {
    items: state.items,
    looked: state.looked,
    reachedDate: state.cursor?.date,
    status: state.status,
    next: () => {
      if (state.status === 'more' || state.status === 'budget') run(state);
    },
  };
}
