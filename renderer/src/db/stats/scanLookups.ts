/**
 * The people and places the dashboard's scans measure their activities with (db/stats/dashboard.ts),
 * and every one of them for a recount. The middleware keeps its own per transaction (db/stats/lookups.ts).
 */
import type { Table } from 'dexie';
import type { Activity } from '../../domain/records';
import { communeOfPlace, followedPersonOf, type CountLookups, type FollowedPerson, type PlaceCommune } from '../../domain/stats/activityStats';
import type { RelaisDatabase } from '../schema';

type Synced = Table<{ id: string; seq?: number }, string>;

/**
 * Records the dashboard's scans read before, per database and table, while the table is as it was then:
 * every write to a record gives it a new change counter (`seq`) or changes the count, so both, two
 * index reads, tell when they must be read again. A filter change over the same edge days then reads no
 * person or place twice (each is a whole record: ~0.1 ms apiece at the bench).
 */
const scanned = new WeakMap<Synced, { token: string; views: Map<string, unknown> }>();

/** The records of `ids` in `table` as `view` sees them, through the cache above. */
async function viewsOf<T>(table: Synced, ids: Set<string>, view: (record: unknown) => T | undefined): Promise<(id: string) => T | undefined> {
  if (ids.size === 0) return () => undefined;
  const [count, newest] = await Promise.all([table.count(), table.orderBy('seq').reverse().limit(1).keys()]);
  const token = `${count}/${String(newest[0] ?? '')}`;
  let cached = scanned.get(table);
  if (cached?.token !== token) scanned.set(table, (cached = { token, views: new Map() }));
  const { views } = cached;
  const missing = [...ids].filter((id) => !views.has(id));
  const found = missing.length > 0 ? await table.bulkGet(missing) : [];
  missing.forEach((id, i) => views.set(id, view(found[i])));
  return (id) => views.get(id) as T | undefined;
}

/**
 * The followed people and places' communes of these activities, as the counts see them. `places`: every
 * place's commune already read (the dashboard's directory), else the places these activities name are read.
 */
export async function scanLookupsOf(
  db: RelaisDatabase, activities: ReadonlyArray<Pick<Activity, 'beneficiaryIds' | 'placeId'>>, places?: Map<string, string>,
): Promise<CountLookups> {
  const people = new Set<string>();
  const placeIds = new Set<string>();
  for (const a of activities) {
    for (const id of a.beneficiaryIds ?? []) people.add(id);
    if (a.placeId && !places) placeIds.add(a.placeId);
  }
  const [followed, placeCommune] = await Promise.all([
    viewsOf<FollowedPerson>(db.beneficiaries, people, followedPersonOf),
    places ? ((id: string) => places.get(id)) as PlaceCommune : viewsOf<string>(db.places, placeIds, communeOfPlace),
  ]);
  return { people: followed, placeCommune };
}

/** Every record of a table as `view` sees it, read a chunk at a time (a region's people fit; their records at once may not). */
async function everyView<T>(table: Table<{ id: string }, string>, view: (record: unknown) => T | undefined, chunkSize: number): Promise<(id: string) => T | undefined> {
  const views = new Map<string, T | undefined>();
  let chunk = await table.orderBy(':id').limit(chunkSize).toArray();
  for (;;) {
    for (const record of chunk) views.set(record.id, view(record));
    if (chunk.length < chunkSize) break;
    chunk = await table.where(':id').above(chunk[chunk.length - 1].id).limit(chunkSize).toArray();
  }
  return (id) => views.get(id);
}

/** Every followed person and place commune, as a recount needs them (`beneficiaries` and `places`, raw tables welcome: a migration's). */
export async function everyCountLookup(people: Table<{ id: string }, string>, places: Table<{ id: string }, string>, chunkSize = 5000): Promise<CountLookups> {
  return { people: await everyView(people, followedPersonOf, chunkSize), placeCommune: await everyView(places, communeOfPlace, chunkSize) };
}
