/** Filtering the surveys list: by village, by date range (inclusive), by author or structure and by free text. */
import { byAuthor, type AuthorFilter } from '../../domain/authorFilter';
import { normaliseName } from '../../domain/communes';
import type { Survey, Village } from '../../domain/records';

export interface SurveyFilters extends AuthorFilter {
  villageId: string;
  from: string;
  to: string;
  query: string;
}

export const NO_FILTERS: SurveyFilters = { villageId: '', from: '', to: '', query: '', author: '', structure: '' };

export function hasFilters(filters: SurveyFilters): boolean {
  return Object.values(filters).some((value) => value.trim() !== '');
}

/**
 * `villages` maps an id to the live village: surveys of a deleted village are left out (they come
 * back with the village when its deletion is undone). The text search looks at the village name,
 * its postcode, the author and the notes. `structureOf` gives a survey's structure (its author's).
 */
export function filterSurveys<T extends Survey & { authorDevice: string }>(
  surveys: T[], villages: Map<string, Village>, filters: SurveyFilters, structureOf: (s: T) => string | undefined = () => undefined,
): T[] {
  const q = normaliseName(filters.query);
  const ofAuthor = byAuthor(filters, structureOf);
  return surveys.filter((s) => {
    const village = villages.get(s.villageId);
    if (!village) return false;
    if (!ofAuthor(s)) return false;
    if (filters.villageId && s.villageId !== filters.villageId) return false;
    if (filters.from && s.date < filters.from) return false;
    if (filters.to && s.date > filters.to) return false;
    if (q === '') return true;
    const haystack = normaliseName([village.commune.nom, village.commune.codePostal, s.author, s.notes ?? ''].join(' '));
    return haystack.includes(q);
  });
}
