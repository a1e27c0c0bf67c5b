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
 *   old commune and into the new one, in the same transaction (`PLACE_COMMUNES`, db/stats/lookups.ts).
 *
 * A place deleted (a tombstone) keeps its commune: its activities took place there all the same.
 */
import { accumulatePlaceChange, communeOfPlace } from '../../domain/stats/activityStats';
import { leadingIdRange, type ReferenceKind } from './lookups';

export const PLACES = 'places';

/**
 * Places as the rows count them (their commune): a write to `places` that changes a place's commune
 * moves the activities held there (through `[placeId+date]`) out of the old commune and into the new.
 */
export const PLACE_COMMUNES: ReferenceKind<string> = {
  known: (known) => known.places,
  view: communeOfPlace,
  same: (a, b) => a === b,
  index: '[placeId+date]',
  range: leadingIdRange,
  recount: (deltas, activity, before, after) => accumulatePlaceChange(deltas, activity, after.people, before, after.placeCommune),
};
