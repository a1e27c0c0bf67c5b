/** The trainer's calendar: upcoming sessions in order, and the two changes a plan needs (move, cancel). */
import type { WorkshopSession } from './types';

type Dated = Pick<WorkshopSession, 'date' | 'heure' | 'statut'>;

function sortKey(s: Dated): string {
  return `${s.date}T${s.heure ?? '00:00'}`;
}

/** Planned sessions from `today` on (cancelled and closed ones are history), earliest first. */
export function upcomingSessions<T extends Dated>(sessions: readonly T[], today: string): T[] {
  return sessions.filter((s) => s.statut === 'prevue' && s.date >= today).sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}

export function sortSessions<T extends Dated>(sessions: readonly T[]): T[] {
  return [...sessions].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}

/** Only a planned session can move or be cancelled: a closed one already became an activity. */
export function canChange(session: Pick<WorkshopSession, 'statut'>): boolean {
  return session.statut === 'prevue';
}

export function movedSession(session: WorkshopSession, date: string, heure?: string): WorkshopSession {
  if (!canChange(session)) throw new Error(`cannot move a session that is ${session.statut}`);
  return { ...session, date, heure: heure || undefined };
}

export function cancelledSession(session: WorkshopSession): WorkshopSession {
  if (!canChange(session)) throw new Error(`cannot cancel a session that is ${session.statut}`);
  return { ...session, statut: 'annulee' };
}

/** Dates every `stepDays` days from `first` (a weekly series: 7), as YYYY-MM-DD. */
export function recurringDates(first: string, count: number, stepDays = 7): string[] {
  const [y, m, d] = first.split('-').map(Number);
  return Array.from({ length: Math.max(0, count) }, (_, i) => new Date(Date.UTC(y, m - 1, d + i * stepDays)).toISOString().slice(0, 10));
}

// --- The calendar view (month and week), Monday first as in France ---

/** The YYYY-MM-DD of `iso` shifted by `days` (calendar arithmetic in UTC: no time-zone surprises). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The Monday of the week of `iso`. */
export function weekStart(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(iso, -weekday);
}

/** The seven days of the week of `iso`, Monday to Sunday. */
export function weekOf(iso: string): string[] {
  const monday = weekStart(iso);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The weeks (Monday to Sunday) that show the month of `iso`, days of the months around included. */
export function monthGrid(iso: string): string[][] {
  const first = `${iso.slice(0, 7)}-01`;
  const weeks: string[][] = [];
  for (let monday = weekStart(first); monday.slice(0, 7) <= first.slice(0, 7) || weeks.length === 0; monday = addDays(monday, 7)) {
    weeks.push(weekOf(monday));
  }
  return weeks;
}

/** The same day `months` months later (the last day of the month when it has fewer days). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Sessions by day, each day's in time order. */
export function sessionsByDay<T extends Dated>(sessions: readonly T[]): Map<string, T[]> {
  const days = new Map<string, T[]>();
  for (const session of sortSessions(sessions)) days.set(session.date, [...(days.get(session.date) ?? []), session]);
  return days;
}
