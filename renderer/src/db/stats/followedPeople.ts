/**
 * Followed people in the dashboard's rows (issue 10, "people helped … per age band / gender / social
 * status"). An activity counts each followed person it lists once (one per accompaniment, like
 * `followed`) under the gender, age band and status of that person's own record (domain/stats
 * `measuresOf`), so the three sections add up to the people helped. This is the middleware's part
 * for them (db/stats/middleware.ts calls it):
 *
 * - a write to `activities` reads the records of the people its activities list (`peopleFor`), once per
 *   transaction (`knownPeople`: an import writes its people before their activities, db/sync/tables.ts,
 *   and they are remembered as written, so it reads none);
 * - a write to `beneficiaries` that changes how a person counts (gender, status, age band or year of
 *   birth; deleted, erased, restored, arrived after the activities that list them) re-counts that
 *   person's activities, found through the `beneficiaryIds` index, in the same transaction
 *   (`peopleChangeDeltas`).
 *
 * Like the middleware, no `async`/`await`: Dexie follows its transaction through its own promises only.
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
import type { DBCoreMutateRequest, DBCoreMutateResponse } from 'dexie';
import { accumulatePeopleChange, followedPersonOf, sameFollowedPerson, type PeopleLookup, type StatRow } from '../../domain/stats/activityStats';
import { activitiesNaming, countedChanges, idRange, knownIn, lookupsFor, type CountedTables } from './lookups';

export const BENEFICIARIES = 'beneficiaries';

/**
 * A write to `beneficiaries` (already applied to the table, `before` being what it replaced): the row
 * deltas of re-counting the activities of every person who now counts differently, added to `deltas`.
 * Updates what this transaction knows of these people.
 */
export function peopleChangeDeltas(
  tables: CountedTables, req: DBCoreMutateRequest, before: unknown[], response: DBCoreMutateResponse, deltas: Map<string, StatRow>,
): Promise<Map<string, StatRow>> {
  const { trans } = req;
  const known = knownIn(trans).people;
  const was = countedChanges(req, before, (i) => response.failures[i] !== undefined, known, followedPersonOf, sameFollowedPerson);
  return activitiesNaming(tables.activities, trans, 'beneficiaryIds', idRange, was.keys()).then((ids) => {
    if (ids.length === 0) return deltas;
    return tables.activities.getMany({ trans, keys: ids }).then((listing: unknown[]) => lookupsFor(tables, trans, listing).then((after) => {
      const beforeChange: PeopleLookup = (id) => (was.has(id) ? was.get(id) : after.people(id));
      for (const activity of listing) accumulatePeopleChange(deltas, activity, beforeChange, after.people, after.placeCommune);
      return deltas;
    }));
  });
}
