/** Places (where mediation happens): the reads of the place, activity, survey and workshop screens. */
import { newestFirst, type Place, type Stored } from '../domain/records';
import { liveRecords, liveRecordsWhere } from './live';
import type { RelaisDatabase } from './schema';
import { compareFrench } from '../domain/collation';

/** Every live place (in storage order: screens sort them). Places are few: one read is enough. */
export function livePlaces(db: RelaisDatabase): Promise<Stored<Place>[]> {
  return liveRecords(db.places);
}

/** Every live place, the newest first (the places list). */
export async function livePlacesNewestFirst(db: RelaisDatabase): Promise<Stored<Place>[]> {
  return newestFirst(await livePlaces(db));
}

/** Every live place, by name (place pickers). */
export async function livePlacesByName(db: RelaisDatabase): Promise<Stored<Place>[]> {
  return (await livePlaces(db)).sort((a, b) => compareFrench(a.nom, b.nom));
}

export function livePlacesOfVillage(db: RelaisDatabase, villageId: string): Promise<Stored<Place>[]> {
  return liveRecordsWhere(db.places, 'villageId', villageId);
}
