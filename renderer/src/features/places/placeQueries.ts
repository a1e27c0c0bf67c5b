/**
 * What the place screens read and compute: pure helpers (tested in Node) and the database lookups
 * behind them. Screens write only through `getRelais().places` (the repository).
 */
import { normaliseName } from '../../domain/communes';
import { newestFirst, type CommuneRef, type Place, type Stored, type Village } from '../../domain/records';
import type { RelaisDatabase } from '../../db/schema';


/** Search by name, address or commune (accents, hyphens and case ignored) or postcode prefix. */
export function searchPlaces<T extends Place>(places: T[], query: string): T[] {
  const q = query.trim();
  if (q === '') return places;
  if (/^\d+$/.test(q)) return places.filter((p) => p.commune.codePostal.startsWith(q));
  const nq = normaliseName(q);
  return places.filter((p) => [p.nom, p.adresse, p.commune.nom].some((text) => normaliseName(text).includes(nq)));
}

export function filterByVillage<T extends Place>(places: T[], villageId: string): T[] {
  return villageId === '' ? places : places.filter((p) => p.villageId === villageId);
}

/** Live (not deleted, not erased) places, newest first. Places are few: one read is enough. */
export async function livePlaces(db: RelaisDatabase): Promise<Stored<Place>[]> {
  const rows = await db.places.where('deleted').equals(0).toArray();
  return newestFirst(rows.filter((p) => p.erased === 0));
}

export async function liveVillages(db: RelaisDatabase): Promise<Stored<Village>[]> {
  const rows = await db.villages.where('deleted').equals(0).toArray();
  return rows.filter((v) => v.erased === 0).sort((a, b) => a.commune.nom.localeCompare(b.commune.nom, 'fr'));
}

/**
 * The followed village of a commune, if any: a place is attached to it automatically, so the village
 * page lists it without the mediator having to say so.
 */
export async function villageForCommune(db: RelaisDatabase, commune: CommuneRef | undefined): Promise<Stored<Village> | undefined> {
  if (!commune) return undefined;
  const rows = await db.villages.where('commune.codeInsee').equals(commune.codeInsee).toArray();
  return rows.find((v) => v.deleted === 0 && v.erased === 0);
}
