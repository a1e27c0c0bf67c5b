/**
 * The figures on the home screen, read through indexes only: counting today's or this month's own
 * activities walks the `[authorDevice+deleted+date]` index range and never loads a record, so it stays instant with
 * 100 000 activities.
 */
import Dexie from 'dexie';
import type { Stored, Village } from '../domain/records';
import { countOwnActivitiesBetween } from './activities';
import { liveVillagesByName } from './villages';
import type { RelaisDatabase } from './schema';

/** First and last calendar day keys of the month of `isoDate` (string comparison on YYYY-MM-DD). */
export function monthRange(isoDate: string): [string, string] {
  const month = isoDate.slice(0, 7);
  return [`${month}-01`, `${month}-31`];
}

/**
 * Followed villages that have no survey yet, by name: the diagnostics still to do. Surveys are few
 * (a handful per village), so reading their live rows is cheap.
 */
async function villagesToSurvey(db: RelaisDatabase): Promise<{ villages: number; toSurvey: Stored<Village>[] }> {
  const surveys = await db.surveys.where('[deleted+date]').between([0, Dexie.minKey], [0, Dexie.maxKey]).toArray();
  const surveyed = new Set(surveys.map((s) => s.villageId));
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
