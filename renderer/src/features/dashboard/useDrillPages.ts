/**
 * The drill-down's next pages (issue 10): its first screen is the dashboard's limited read
 * (`drillDown`); "show the next 100" reads on from the last row shown (a keyset on date and id, through
 * the same indexes: the date range, or the author's), keeping the records the dashboard's one predicate
 * (`matches`) selects, until a page is filled or `PAGED_SCAN_BUDGET` activities were looked at (then
 * "continue the search"). A new first screen (another figure, or the data changed) starts again.
 */
import { useEffect, useRef, useState } from 'react';
import { getRelais } from '../../db';
import { PAGED_SCAN_BUDGET, readDrillStep, stepOutcome, type ListCursor } from '../../db/activities';
import type { Activity, Stored } from '../../domain/records';
import type { DrillDown } from '../../domain/stats/filters';

export type DrillStatus = 'more' | 'reading' | 'budget' | 'done' | 'failed';

export interface DrillPages {
  items: Stored<Activity>[];
  status: DrillStatus;
  /** The date of the last activity looked at, when a step stopped on its budget. */
  reachedDate: string | undefined;
  next: () => void;
}

interface State {
  /** The first screen these pages follow: pages of another one are never shown. */
  first: unknown;
  items: Stored<Activity>[];
  cursor: ListCursor | undefined;
  status: DrillStatus;
}

const cursorOf = (items: Stored<Activity>[]): ListCursor | undefined => {
  const last = items[items.length - 1];
  return last ? { date: last.date, id: last.id } : undefined;
};

export function useDrillPages(drill: DrillDown, first: { activities: Stored<Activity>[]; more: boolean } | undefined, pageSize: number): DrillPages | undefined {
  const initial = (): State | undefined => first && { first, items: first.activities, cursor: cursorOf(first.activities), status: first.more ? 'more' : 'done' };
  const [state, setState] = useState<State | undefined>(initial);
  const running = useRef<{ stopped: boolean } | undefined>(undefined);
  // Leaving the page, or another first screen: the step under way is abandoned.
  useEffect(() => () => { if (running.current) running.current.stopped = true; }, [first]);
  const current = state && state.first === first ? state : initial();
  if (!current) return undefined;

  const next = () => {
    if (current.status !== 'more' && current.status !== 'budget' && current.status !== 'failed') return;
    const token = { stopped: false };
    running.current = token;
    setState({ ...current, status: 'reading' });
    readDrillStep(getRelais().db, drill, { after: current.cursor, want: pageSize, budget: PAGED_SCAN_BUDGET, stopped: () => token.stopped }).then((step) => {
      if (token.stopped || step.abandoned) return;
      setState({ ...current, items: current.items.concat(step.found), cursor: step.cursor, status: stepOutcome(step, pageSize) });
    }, (error: unknown) => {
      if (token.stopped) return;
      console.error(error);
      setState({ ...current, status: 'failed' });
    });
  };
  return { items: current.items, status: current.status, reachedDate: current.status === 'budget' ? current.cursor?.date : undefined, next };
}
