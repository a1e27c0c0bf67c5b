/**
 * Places in the dashboard's rows: an activity held at a place counts in its place's commune and
 * département (domain/stats `dimensionsOf`), so the commune and département filters read rows, and a
 * row's `where` counts carry a key per commune rather than per place. This is the middleware's part for
 * places (db/stats/middleware.ts calls it):
 *
 * - a write to `activities` reads the communes of the places its activities name, once per transaction
 *   (db/stats/lookups.ts; an import writes its places before their activities, db/sync/tables.ts);
 * - a write to `places` that changes a place's commune (edited, arrived after its activities, removed
 *   for good) re-counts that place's activities, found through the `[placeId+date]` index, out of the
 *   old commune and into the new one, in the same transaction (`placeChangeDeltas`).
 *
 * A place deleted (a tombstone) keeps its commune: its activities took place there all the same.
 * Like the middleware, no `async`/`await`: Dexie follows its transaction through its own promises only.
 */
import type { DBCoreMutateRequest, DBCoreMutateResponse } from 'dexie';
import { accumulatePlaceChange, communeOfPlace, type PlaceCommune, type StatRow } from '../../domain/stats/activityStats';
import { activitiesNaming, countedChanges, knownIn, leadingIdRange, lookupsFor, type CountedTables } from './lookups';

export const PLACES = 'places';

/**
 * A write to `places` (already applied to the table, `before` being what it replaced): the row deltas
 * of moving the activities of every place whose commune changed, added to `deltas`. Updates what this
 * transaction knows of these places.
 */
export function placeChangeDeltas(
  tables: CountedTables, req: DBCoreMutateRequest, before: unknown[], response: DBCoreMutateResponse, deltas: Map<string, StatRow>,
): Promise<Map<string, StatRow>> {
  const { trans } = req;
  const known = knownIn(trans).places;
  const was = countedChanges(req, before, (i) => response.failures[i] !== undefined, known, communeOfPlace, (a, b) => a === b);
  return activitiesNaming(tables.activities, trans, '[placeId+date]', leadingIdRange, was.keys()).then((ids) => {
    if (ids.length === 0) return deltas;
    return tables.activities.getMany({ trans, keys: ids }).then((held: unknown[]) => lookupsFor(tables, trans, held).then((after) => {
      const beforeChange: PlaceCommune = (id) => (was.has(id) ? was.get(id) : after.placeCommune(id));
      for (const activity of held) accumulatePlaceChange(deltas, activity, after.people, beforeChange, after.placeCommune);
      return deltas;
    }));
  });
}
