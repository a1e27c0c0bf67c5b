/** Searching and filtering places: pure helpers behind the places list, tested in Node. */
import { normaliseName } from '../../domain/communes';
import type { Place } from '../../domain/records';

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
