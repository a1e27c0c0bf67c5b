/**
 * Filtering the activity list: pure, so it is tested in Node and stays fast with thousands of rows
 * (one pass; lookups are maps built once, never a query per row).
 */
import type { ActivityType, Thematique } from '../../domain/codes';
import type { Activity, Stored } from '../../domain/records';

export interface ActivityFilters {
  from: string;
  to: string;
  type: ActivityType | '';
  thematique: Thematique | '';
  villageId: string;
  search: string;
}

export const NO_FILTERS: ActivityFilters = { from: '', to: '', type: '', thematique: '', villageId: '', search: '' };

export function hasFilters(f: ActivityFilters): boolean {
  return Object.values(f).some((v) => v !== '');
}

/** Lower-case, accents removed: "Démarches" matches "demarches". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** The text a search looks through: title, tags, notes, commune and thematique labels. */
export function searchableText(a: Activity, thematiqueLabel: (code: Thematique) => string): string {
  return fold([
    a.titreAtelier ?? '', ...a.tags, a.notes ?? '', a.commune?.nom ?? '', ...a.thematiques.map(thematiqueLabel),
  ].join(' \u0000 '));
}

export function filterActivities<T extends Stored<Activity>>(
  activities: T[], f: ActivityFilters, thematiqueLabel: (code: Thematique) => string,
): T[] {
  const words = fold(f.search).split(/\s+/).filter(Boolean);
  return activities.filter((a) => {
    if (f.from && a.date < f.from) return false;
    if (f.to && a.date > f.to) return false;
    if (f.type && a.type !== f.type) return false;
    if (f.thematique && !a.thematiques.includes(f.thematique)) return false;
    if (f.villageId && a.villageId !== f.villageId) return false;
    if (words.length === 0) return true;
    const text = searchableText(a, thematiqueLabel);
    return words.every((w) => text.includes(w));
  });
}
