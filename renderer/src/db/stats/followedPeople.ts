/**
 * Followed people in the dashboard's rows (issue 10, "people helped … per age band / gender / social
 * status"). An activity counts each followed person it lists once (one per accompaniment, like
 * `followed`) under the gender, age band and status of that person's own record (domain/stats
 * `measuresOf`), so the three sections add up to the people helped. This is the middleware's part
 * for them (db/stats/middleware.ts calls it):
 *
 * - a write to `activities` reads the records of the people its activities list, once per transaction
 *   (db/stats/lookups.ts: an import writes its people before their activities, db/sync/tables.ts, and
 *   they are remembered as written, so it reads none);
 * - a write to `beneficiaries` that changes how a person counts (gender, status, age band or year of
 *   birth; deleted, erased, restored, arrived after the activities that list them) re-counts that
 *   person's activities, found through the `beneficiaryIds` index, in the same transaction
 *   (`FOLLOWED_PEOPLE`, db/stats/lookups.ts).
 *
 * Writes to activities and people inside one transaction must follow one another (every writer awaits
 * each write, as it must for the rows of activities already): a person's change racing an activity's
 * write could count that person under the wrong record.
 *
 * Rule read in La Coop's statistics (coop-mediation-numerique, mes-statistiques/_queries/
 * getBeneficiaireStats.ts): its gender, age band and status sections count every beneficiary, followed
 * or anonymous, from the beneficiary's record, "non communiqué" when not given — but DISTINCT people over
 * the filtered period, where an anonymous person is one record per accompaniment. Relais counts a
 * followed person once per accompaniment instead, like its "people helped" figure (`followed`), so the
 * sections add up to that figure and stay sums of per-month rows (distinct people over a period cannot
 * be added up from months).
 */
import { accumulatePeopleChange, followedPersonOf, sameFollowedPerson, type FollowedPerson } from '../../domain/stats/activityStats';
import { idRange, type ReferenceKind } from './lookups';

export const BENEFICIARIES = 'beneficiaries';

/**
 * Followed people as the rows count them: a write to `beneficiaries` that changes how a person counts
 * re-counts the activities that list them (through `beneficiaryIds`), their gender, age and status only.
 */
export const FOLLOWED_PEOPLE: ReferenceKind<FollowedPerson> = {
  known: (known) => known.people,
  view: followedPersonOf,
  same: sameFollowedPerson,
  index: 'beneficiaryIds',
  range: idRange,
  recount: (deltas, activity, before, after) => accumulatePeopleChange(deltas, activity, before, after.people, after.placeCommune),
};
