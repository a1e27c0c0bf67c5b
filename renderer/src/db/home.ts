/**
 * The figures on the home screen, read through indexes only: counting today's or this month's own
 * activities walks the `[authorDevice+deleted+date]` index range and never loads a record, so it stays instant with
 * 100 000 activities.
 */
import Dexie from 'dexie';
import type { Activity, Stored, Village } from '../domain/records';
import { monthPeriod } from '../domain/stats/filters';
import { ownDeviceIds } from './device';
import { readMediators } from './mediators';
import { readDashboard } from './stats/dashboard';
import { countOwnActivitiesBetween } from './activities';
import { liveVillagesByName } from './villages';
import type { RelaisDatabase } from './schema';

/** First and last calendar day keys of the month of `isoDate` (string comparison on YYYY-MM-DD). */
export function monthRange(isoDate: string): [string, string] {
  const month = isoDate.slice(0, 7);
  return [`${month}-01`, `${month}-31`];
}

/**
 * Followed villages that have no survey yet, by name: the diagnostics still to do. Read from indexes
 * only (no survey decoded): the live surveys' ids from `[deleted+date]`, and each survey's village from
 * the `villageId` index, its keys and primary keys read in the same order.
 */
async function villagesToSurvey(db: RelaisDatabase): Promise<{ villages: number; toSurvey: Stored<Village>[] }> {
  const surveyed = await db.transaction('r', db.surveys, async () => {
    const byVillage = db.surveys.orderBy('villageId');
    const [live, villageIds, ids] = await Promise.all([
      db.surveys.where('[deleted+date]').between([0, Dexie.minKey], [0, Dexie.maxKey]).primaryKeys(), byVillage.keys(), byVillage.primaryKeys(),
    ]);
    const liveIds = new Set(live);
    return new Set(villageIds.filter((_, i) => liveIds.has(ids[i])));
  });
  const villages = await liveVillagesByName(db);
  return { villages: villages.length, toSurvey: villages.filter((v) => !surveyed.has(v.id)) };
}

export interface HomeStats {
  /** This laptop's own activities (others' work imported here is the dashboard's, not "my activity"). */
  today: number;
  month: number;
  /** Villages followed: with none, "every village has a diagnostic" would be true and misleading. */
  villageCount: number;
  villagesToSurvey: Stored<Village>[];
}

export async function readHomeStats(db: RelaisDatabase, today: string): Promise<HomeStats> {
  const [from, to] = monthRange(today);
  const [todayCount, month, villages] = await Promise.all([
    countOwnActivitiesBetween(db, today, today), countOwnActivitiesBetween(db, from, to), villagesToSurvey(db),
  ]);
  return { today: todayCount, month, villageCount: villages.villages, villagesToSurvey: villages.toSurvey };
}

export interface UpcomingSession {
  id: string;
  seriesId: string;
  date: string;
  heure?: string;
  titre: string;
}

/**
 * A trainer's next sessions, from today: planned, live, this laptop's own series (others' sessions are
 * theirs to run), soonest first, through the sessions' `date` index.
 */
export async function nextOwnSessions(db: RelaisDatabase, today: string, limit: number): Promise<UpcomingSession[]> {
  const own = await ownDeviceIds(db);
  const sessions = await db.workshopSessions.where('date').aboveOrEqual(today)
    .filter((s) => s.deleted === 0 && s.erased === 0 && s.statut === 'prevue' && own.has(s.authorDevice)).limit(limit).toArray();
  const series = new Map((await db.workshopSeries.bulkGet([...new Set(sessions.map((s) => s.seriesId))]))
    .filter((s) => s !== undefined).map((s) => [s.id, s]));
  return sessions
    .sort((a, b) => a.date.localeCompare(b.date) || (a.heure ?? '').localeCompare(b.heure ?? ''))
    .map((s) => ({ id: s.id, seriesId: s.seriesId, date: s.date, heure: s.heure, titre: series.get(s.seriesId)?.titre ?? '' }));
}

/** A mediator's day: this laptop's activities of today, newest first. */
export function ownActivitiesOn(db: RelaisDatabase, today: string): Promise<Stored<Activity>[]> {
  return ownDeviceIds(db).then(async (own) => {
    const lists = await Promise.all([...own].map((device) => db.activities.where('[authorDevice+deleted+date]').equals([device, 0, today]).toArray()));
    return lists.flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  });
}

export interface TerritoryStats {
  /** This month, everyone's (the dashboard's rows). */
  month: { activities: number; people: number };
  mediators: number;
  quiet: number;
}

/** A coordinator's territory at a glance: this month's work of the whole team, and who has gone quiet. */
export async function readTerritory(db: RelaisDatabase, today: string): Promise<TerritoryStats> {
  const month = today.slice(0, 7);
  // A whole month: its rows, no place read.
  const [figures, mediators] = await Promise.all([readDashboard(db, monthPeriod(month)), readMediators(db)]);
  return {
    month: { activities: figures.totals.activities, people: figures.totals.followed + figures.totals.anonymous },
    mediators: mediators.rows.filter((row) => row.enrolled).length,
    quiet: mediators.rows.filter((row) => row.enrolled && row.quiet).length,
  };
}
