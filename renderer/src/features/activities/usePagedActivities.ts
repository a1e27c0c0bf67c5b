/**
 * The activity list above the in-memory ceiling (`listLimit.ts`): paged, newest first, never the whole
 * list in memory (issue 10, a region's million activities).
 *
 * Each step reads from where the last one stopped (a keyset on date and id, db/activities.ts
 * `readPagedStep`): with no filter, or only a period or an author (the index ranges), the next
 * `PAGE_SIZE`; with any other filter, it scans newest first in chunks, keeping the matches of the
 * list's own pure filter (`filterActivities`: both modes select the same records), until a page is
 * filled or `PAGED_SCAN_BUDGET` activities were looked at; the person then asks to continue. A new filter
 * abandons the running step at once and shows nothing of the old one. When the data changes (`restartKey`:
 * the number of live activities and their last change: a delete, its undo, an import, an edit), the list
 * re-reads from the newest as far as it had gone, and shows what it had until then: a coordinator 600
 * rows down, or one who deletes a row there, stays where she was instead of being sent back to the
 * first 200.
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
  // The state the effect below finds when the data changes (an effect sees the render it was made in).
  const latest = useRef(state);
  latest.current = state;

  /**
   * One step after `from`'s cursor, its matches added to `from`'s items; `shown` stays on screen while it
   * reads. A refresh passes an empty `from` and wants as many as were shown, within as large a budget.
   */
  const run = useCallback((from: State, shown: State = from, want = PAGE_SIZE, budget = PAGED_SCAN_BUDGET) => {
    if (running.current) running.current.stopped = true;
    const token = { stopped: false };
    running.current = token;
    setState({ ...shown, matches: from.matches, restartKey: from.restartKey, status: 'reading' });
    readPagedStep(getRelais().db, pagedRangeOf(filters), matches, {
      after: from.cursor, want, budget, stopped: () => token.stopped,
    }).then((step) => {
      if (token.stopped || step.abandoned) return;
      setState({ ...from, items: from.items.concat(step.found), looked: from.looked + step.looked, cursor: step.cursor, status: stepOutcome(step, want) });
    }, (error: unknown) => {
      if (token.stopped) return;
      console.error(error);
      setState({ ...from, status: 'failed' });
    });
  }, [filters, matches]);

  useEffect(() => {
    if (!enabled) return;
    const before = latest.current;
    const fresh: State = { ...START, matches, restartKey };
    if (before.matches === matches && before.restartKey !== restartKey && before.items.length > 0) {
      // The same filter, the data changed: as far as the list had gone (a page further when it had reached
      // the end: what came in is shown too), the rows shown meanwhile; a step's budget past what it looked at.
      const want = Math.max(PAGE_SIZE, before.items.length + (before.status === 'done' ? PAGE_SIZE : 0));
      run(fresh, before, want, before.looked + PAGED_SCAN_BUDGET);
    } else {
      run(fresh);
    }
    return () => {
      if (running.current) running.current.stopped = true;
    };
  }, [enabled, run, matches, restartKey]);

  if (!enabled) return undefined;
  // The render between a new filter and its step's start shows nothing of the old filter's results; the
  // render between a change of data and its refresh's start still shows the rows (see the effect).
  if (state.matches !== matches) return { ...START, reachedDate: undefined, next: () => {} };
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
