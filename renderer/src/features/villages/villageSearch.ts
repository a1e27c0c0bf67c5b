/** Searching villages: a pure helper behind the village list, kept out of the component to be tested in Node. */
import { normaliseName } from '../../domain/communes';
import type { Village } from '../../domain/records';

/**
 * Search by name (accents, hyphens and case ignored, as in the commune picker) or by postcode prefix.
 * An empty query keeps everything.
 */
export function searchVillages<T extends Village>(villages: T[], query: string): T[] {
  const q = query.trim();
  if (q === '') return villages;
  if (/^\d+$/.test(q)) return villages.filter((v) => v.commune.codePostal.startsWith(q));
  const nq = normaliseName(q);
  return villages.filter((v) => normaliseName(v.commune.nom).includes(nq));
}
