/**
 * Pure helpers behind the village screens: sorting, searching, and the latest survey of a village.
 * Kept out of the components so they can be tested in Node.
 */
import { normaliseName } from '../../domain/communes';
import type { Stored, Survey, Village } from '../../domain/records';

/** Newest first: the village added last is the one a mediator is most likely working on. */
export { newestFirst } from '../../domain/records';

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

/** Surveys of a village, most recent date first (several the same day: the last created first). */
export function surveysNewestFirst<T extends Survey & { createdAt: string }>(surveys: T[]): T[] {
  return [...surveys].sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
}

export function latestSurvey<T extends Survey & { createdAt: string }>(surveys: T[]): T | undefined {
  return surveysNewestFirst(surveys)[0];
}

/** Records that are live (neither soft-deleted nor erased). */
export function live<T extends { deleted: 0 | 1; erased: 0 | 1 }>(records: T[]): T[] {
  return records.filter((r) => r.deleted === 0 && r.erased === 0);
}

export type StoredVillage = Stored<Village>;
