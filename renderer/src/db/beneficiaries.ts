/** Followed people (pseudonymous codes only): the reads of the beneficiary, activity and workshop screens, and a person's history. */
import { compareCodes } from '../domain/collation';
import type { Activity, Beneficiary, Stored } from '../domain/records';
import type { WorkshopSeries } from '../domain/workshops/types';
import { liveRecords, liveRecordsWhere } from './live';
import type { RelaisDatabase } from './schema';
import { ownDeviceIds } from './device';

/** A followed person who still has a code: not anonymised by retention. */
export type FollowedPerson = Stored<Beneficiary> & { code: string };

/** Followed people still in use (not deleted, not erased, not anonymised), by code. */
export async function liveBeneficiaries(db: RelaisDatabase): Promise<FollowedPerson[]> {
  const people = (await liveRecords(db.beneficiaries)).filter((b): b is FollowedPerson => typeof b.code === 'string');
  return people.sort((a, b) => compareCodes(a.code, b.code));
}

/**
 * Codes still stored on this device, deleted people's included, to suggest the next free one. Read
 * from the `code` index: no record is decoded, and erased people (who have no code any more) are not in it.
 */
export async function allBeneficiaryCodes(db: RelaisDatabase): Promise<string[]> {
  const codes = await db.beneficiaries.orderBy('code').keys();
  return codes.filter((code): code is string => typeof code === 'string');
}

/**
 * This laptop's own followed people: codes are unique per author, so the next code and "code taken"
 * look only here (another laptop's B-0001 is another person, shown with its author).
 */
export async function ownBeneficiaries(db: RelaisDatabase): Promise<FollowedPerson[]> {
  // Both reads at once: a person just created must be in the list as soon as the form picks her.
  const [people, own] = await Promise.all([liveBeneficiaries(db), ownDeviceIds(db)]);
  return people.filter((b) => own.has(b.authorDevice));
}

/** This laptop's codes, deleted people's included (as `allBeneficiaryCodes`), to suggest the next free one. */
export async function ownBeneficiaryCodes(db: RelaisDatabase): Promise<string[]> {
  const own = await ownDeviceIds(db);
  const people = await db.beneficiaries.where('code').above('').toArray();
  return people.filter((b) => own.has(b.authorDevice) && typeof b.code === 'string').map((b) => b.code as string);
}

/** What a followed person took part in: their activities, and the workshop series they are enrolled in. */
export interface BeneficiaryHistory {
  /** Individual sessions and workshops they are counted in, newest first. */
  activities: Stored<Activity>[];
  /** Series they are enrolled in, with the sessions of it they attended. */
  series: Array<{ series: Stored<WorkshopSeries>; attended: number; planned: number }>;
}

/**
 * A followed person's history. Activities come from the `*beneficiaryIds` index; series and sessions
 * are few (a trainer's season), so they are read whole and matched here.
 */
export async function beneficiaryHistory(db: RelaisDatabase, id: string): Promise<BeneficiaryHistory> {
  const [activities, series, sessions] = await Promise.all([
    liveRecordsWhere(db.activities, 'beneficiaryIds', id),
    liveRecords(db.workshopSeries),
    liveRecords(db.workshopSessions),
  ]);
  const enrolled = series.filter((s) => s.participantIds.includes(id) || sessions.some((x) => x.seriesId === s.id && x.presents.includes(id)));
  return {
    activities: activities.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt)),
    series: enrolled.map((s) => {
      const own = sessions.filter((x) => x.seriesId === s.id);
      return { series: s, attended: own.filter((x) => x.presents.includes(id)).length, planned: own.filter((x) => x.statut !== 'annulee').length };
    }),
  };
}
