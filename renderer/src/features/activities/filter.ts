/**
 * Filtering the activity list: pure, so it is tested in Node and stays fast with thousands of rows
 * (one pass; lookups are maps built once, never a query per row).
 */
import type { ActivityType, Thematique } from '../../domain/codes';
import type { Activity, Stored } from '../../domain/records';
import { byAuthor } from '../../domain/authorFilter';

export interface ActivityFilters {
  from: string;
  to: string;
  type: ActivityType | '';
  thematique: Thematique | '';
  villageId: string;
  /** Author device id ('' for all): whose work. */
  author: string;
  /** Employing structure's name ('' for all). */
  structure: string;
  search: string;
}

export const NO_FILTERS: ActivityFilters = { from: '', to: '', type: '', thematique: '', villageId: '', author: '', structure: '', search: '' };

export function hasFilters(f: ActivityFilters): boolean {
  return Object.values(f).some((v) => v !== '');
}

const NON_ASCII = /[^ -~]/; // anything outside printable ASCII (accents, but also tabs: rare, still correct)

/** Lower-case, accents removed: "Démarches" matches "demarches". */
export function fold(text: string): string {
  // Plain ASCII has no accents to strip: skipping normalize() halves the cost on most words.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** The code of a followed person by id (`B-0042`), so a search for a code finds the person's activities. */
export type CodeOf = (beneficiaryId: string) => string | undefined;
const noCodes: CodeOf = () => undefined;

/** The codes of the followed people of an activity. */
function codesOf(a: Activity, codeOf: CodeOf): string[] {
  return (a.beneficiaryIds ?? []).map(codeOf).filter((code): code is string => code !== undefined);
}

/** The text a search looks through: title, tags, notes, commune, thematique labels and the codes of the people followed. */
export function searchableText(a: Activity, thematiqueLabel: (code: Thematique) => string, codeOf: CodeOf = noCodes): string {
  return fold([
    a.titreAtelier ?? '', ...a.tags, a.notes ?? '', a.commune?.nom ?? '', ...a.thematiques.map(thematiqueLabel), ...codesOf(a, codeOf),
  ].join(' \u0000 '));
}

/** The folded search text of one activity (see `searchIndex`). */
export type SearchTextOf = (a: Stored<Activity>) => string;

/**
 * Folded search texts of a whole list, computed once per list load (not per keystroke) and only when a
 * search is first typed. The same strings recur across thousands of records (tags, communes, thematique
 * labels), so each distinct string is folded once. Gives exactly `searchableText`.
 */
export function searchIndex(activities: readonly Stored<Activity>[], thematiqueLabel: (code: Thematique) => string, codeOf: CodeOf = noCodes): SearchTextOf {
  let texts: Map<string, string> | undefined;
  const folded = new Map<string, string>();
  const foldOnce = (text: string) => {
    let result = folded.get(text);
    if (result === undefined) {
      result = fold(text);
      folded.set(text, result);
    }
    return result;
  };
  const build = () => new Map(activities.map((a) => [a.id, [
    fold(a.titreAtelier ?? ''), ...a.tags.map(foldOnce), fold(a.notes ?? ''), foldOnce(a.commune?.nom ?? ''),
    ...a.thematiques.map((code) => foldOnce(thematiqueLabel(code))), ...codesOf(a, codeOf).map(foldOnce),
  ].join(' \u0000 ')]));
  return (a) => {
    texts ??= build();
    // A record not in this list (never the case in the page) is still searched correctly.
    return texts.get(a.id) ?? searchableText(a, thematiqueLabel, codeOf);
  };
}

export function filterActivities<T extends Stored<Activity>>(
  activities: T[], f: ActivityFilters, thematiqueLabel: (code: Thematique) => string,
  textOf: SearchTextOf = (a) => searchableText(a, thematiqueLabel),
): T[] {
  const words = fold(f.search).split(/\s+/).filter(Boolean);
  const ofAuthor = byAuthor<T>(f, (a) => a.structureEmployeuse?.nom);
  return activities.filter((a) => {
    if (f.from && a.date < f.from) return false;
    if (f.to && a.date > f.to) return false;
    if (f.type && a.type !== f.type) return false;
    if (f.thematique && !a.thematiques.includes(f.thematique)) return false;
    if (f.villageId && a.villageId !== f.villageId) return false;
    if (!ofAuthor(a)) return false;
    if (words.length === 0) return true;
    const text = textOf(a);
    return words.every((w) => text.includes(w));
  });
}
