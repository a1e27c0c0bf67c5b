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
