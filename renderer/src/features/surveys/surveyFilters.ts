/** Filtering the surveys list: by village, by date range (inclusive) and by free text. */
import { normaliseName } from '../../domain/communes';
import type { Survey, Village } from '../../domain/records';

export interface SurveyFilters {
  villageId: string;
  from: string;
  to: string;
  query: string;
}

export const NO_FILTERS: SurveyFilters = { villageId: '', from: '', to: '', query: '' };

export function hasFilters(filters: SurveyFilters): boolean {
  return Object.values(filters).some((value) => value.trim() !== '');
}

/**
 * `villages` maps an id to the live village: surveys of a deleted village are left out (they come
 * back with the village when its deletion is undone). The text search looks at the village name,
 * its postcode, the author and the notes.
 */
export function filterSurveys<T extends Survey>(surveys: T[], villages: Map<string, Village>, filters: SurveyFilters): T[] {
  const q = normaliseName(filters.query);
  return surveys.filter((s) => {
    const village = villages.get(s.villageId);
    if (!village) return false;
    if (filters.villageId && s.villageId !== filters.villageId) return false;
    if (filters.from && s.date < filters.from) return false;
    if (filters.to && s.date > filters.to) return false;
    if (q === '') return true;
    const haystack = normaliseName([village.commune.nom, village.commune.codePostal, s.author, s.notes ?? ''].join(' '));
    return haystack.includes(q);
  });
}
