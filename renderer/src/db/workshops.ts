/**
 * Workshops in the database: the reads of the workshop screens, and the steps that change several
 * records at once, each one Dexie transaction built from repository writes (so every record carries
 * per-field versions and travels in bundles).
 */
import { writeTransaction } from './identity';
import type { Relais } from './index';
import { dataOf, type Activity, type CommuneRef, type Stored, type StructureEmployeuse } from '../domain/records';
import { liveRecords, liveRecordsWhere } from './live';
import type { RelaisDatabase } from './schema';
import { closeSession, type ClosingNotes } from '../domain/workshops/close';
import { cancelledSession, movedSession } from '../domain/workshops/calendar';
import { starterTemplate, type StarterLanguage } from '../domain/workshops/starterTemplates';
import type { WorkshopSeries, WorkshopSession, WorkshopTemplate } from '../domain/workshops/types';

export type WorkshopStore = Pick<Relais, 'db' | 'activities' | 'workshopTemplates' | 'workshopSeries' | 'workshopSessions'>;

export function liveTemplates(db: RelaisDatabase): Promise<Stored<WorkshopTemplate>[]> {
  return liveRecords(db.workshopTemplates);
}

export function liveSeries(db: RelaisDatabase): Promise<Stored<WorkshopSeries>[]> {
  return liveRecords(db.workshopSeries);
}

export function liveSessions(db: RelaisDatabase): Promise<Stored<WorkshopSession>[]> {
  return liveRecords(db.workshopSessions);
}

export function liveSessionsOfSeries(db: RelaisDatabase, seriesId: string | undefined): Promise<Stored<WorkshopSession>[]> {
  return seriesId ? liveRecordsWhere(db.workshopSessions, 'seriesId', seriesId) : Promise.resolve([]);
}

export class SessionNotClosableError extends Error {
  constructor(readonly reason: 'notFound' | 'notPlanned' | 'noParticipant') {
    super(`session cannot be closed: ${reason}`);
    this.name = 'SessionNotClosableError';
  }
}

/**
 * The database copy of a built-in starter, created on first use in the user's language.
 * An existing (not deleted) copy of the same starter is reused, so using a starter twice gives one template.
 */
export async function copyStarter(store: WorkshopStore, key: string, language: StarterLanguage): Promise<Stored<WorkshopTemplate>> {
  const [existing] = await liveRecordsWhere(store.db.workshopTemplates, 'starterKey', key);
  if (existing) return existing;
  const template = starterTemplate(key, language);
  if (!template) throw new Error(`unknown starter template: ${key}`);
  return store.workshopTemplates.create(template);
}

/** A copy the trainer can change freely (no longer linked to the starter it came from). */
export async function duplicateTemplate(store: WorkshopStore, source: WorkshopTemplate, titre: string): Promise<Stored<WorkshopTemplate>> {
  const data = dataOf(source as Stored<WorkshopTemplate>);
  return store.workshopTemplates.create({ ...data, titre, starter: undefined, starterKey: undefined });
}

export interface PlannedSession {
  date: string;
  heure?: string;
  /** Itinerant series: the commune of this session (else the series' place or commune). */
  commune?: CommuneRef;
}

/** A series and its first dated sessions, all or nothing. */
export async function createSeries(store: WorkshopStore, series: WorkshopSeries, sessions: PlannedSession[]): Promise<Stored<WorkshopSeries>> {
  const { db } = store;
  return writeTransaction(db, [db.workshopSeries, db.workshopSessions], async () => {
    const created = await store.workshopSeries.create(series);
    for (const planned of sessions) await store.workshopSessions.create(newSession(created.id, planned));
    return created;
  });
}

export function newSession(seriesId: string, planned: PlannedSession): WorkshopSession {
  return {
    seriesId, date: planned.date, heure: planned.heure || undefined, commune: planned.commune,
    statut: 'prevue', presents: [], walkIns: [], etapesCouvertes: [],
  };
}

async function sessionData(store: WorkshopStore, id: string): Promise<WorkshopSession> {
  const stored = await store.workshopSessions.get(id);
  if (!stored || stored.deleted) throw new SessionNotClosableError('notFound');
  return dataOf(stored);
}

export async function moveSession(store: WorkshopStore, id: string, date: string, heure?: string): Promise<void> {
  await store.workshopSessions.update(id, movedSession(await sessionData(store, id), date, heure));
}

export async function cancelSession(store: WorkshopStore, id: string): Promise<void> {
  await store.workshopSessions.update(id, cancelledSession(await sessionData(store, id)));
}

/**
 * Close a session: create its workshop activity and mark the session closed, in ONE transaction,
 * so a crash or a validation error leaves neither an orphan activity nor a closed session without one.
 * `notes` words the steps covered and the note to review into the activity's notes.
 */
/**
 * `notes`: what the trainer adds when closing; `structure`: the employing structure the activity
 * carries, as every new activity (La Coop).
 */
export async function closeSessionInDb(store: WorkshopStore, sessionId: string, notes?: ClosingNotes, structure?: StructureEmployeuse): Promise<Stored<Activity>> {
  const { db } = store;
  return writeTransaction(db, [db.workshopSessions, db.workshopSeries, db.workshopTemplates, db.activities], async () => {
    const session = await sessionData(store, sessionId);
    const series = await store.workshopSeries.get(session.seriesId);
    const template = series ? await store.workshopTemplates.get(series.templateId) : undefined;
    if (!series || !template) throw new SessionNotClosableError('notFound');
    const activity = closeSession(session, dataOf(series), dataOf(template), session, notes);
    if (!activity) throw new SessionNotClosableError('notPlanned');
    if (activity.beneficiaryIds.length === 0 && !activity.participantsAnonymes) throw new SessionNotClosableError('noParticipant');
    const created = await store.activities.create(structure ? { ...activity, structureEmployeuse: structure } : activity);
    await store.workshopSessions.update(sessionId, { ...session, statut: 'cloturee', activityId: created.id });
    return created;
  });
}

/**
 * Change a session from its latest stored state (read and written in one transaction), so two quick
 * clicks on the session screen never overwrite each other with a stale copy.
 */
export async function changeSession(store: WorkshopStore, id: string, change: (s: WorkshopSession) => WorkshopSession): Promise<void> {
  const { db } = store;
  await writeTransaction(db, [db.workshopSessions], async () => {
    await store.workshopSessions.update(id, change(await sessionData(store, id)));
  });
}

export async function changeSeries(store: WorkshopStore, id: string, change: (s: WorkshopSeries) => WorkshopSeries): Promise<void> {
  const { db } = store;
  await writeTransaction(db, [db.workshopSeries], async () => {
    const current = await store.workshopSeries.get(id);
    if (!current || current.deleted) throw new Error(`series not found: ${id}`);
    await store.workshopSeries.update(id, change(dataOf(current)));
  });
}

/**
 * Delete a series and its sessions (soft: tombstones that travel), in one transaction. Workshop
 * activities already recorded from closed sessions stay: they are the record of what happened.
 * Returns the ids deleted, so that "undo" restores exactly those.
 */
export async function deleteSeries(store: WorkshopStore, seriesId: string): Promise<string[]> {
  const { db } = store;
  return writeTransaction(db, [db.workshopSeries, db.workshopSessions], async () => {
    const sessions = await liveSessionsOfSeries(db, seriesId);
    for (const session of sessions) await store.workshopSessions.remove(session.id);
    await store.workshopSeries.remove(seriesId);
    return [seriesId, ...sessions.map((s) => s.id)];
  });
}

export async function restoreSeries(store: WorkshopStore, deletedIds: readonly string[]): Promise<void> {
  const { db } = store;
  const [seriesId, ...sessionIds] = deletedIds;
  await writeTransaction(db, [db.workshopSeries, db.workshopSessions], async () => {
    await store.workshopSeries.restore(seriesId);
    for (const id of sessionIds) await store.workshopSessions.restore(id);
  });
}
