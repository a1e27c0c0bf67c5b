/**
 * Which records an export takes: a period and the filters the screens have (type, village, commune,
 * thematique). One object so that the dashboard's filters (issue 10) extend it without touching the
 * writers: a new criterion is a field here and a line in `activityMatches`.
 */
import type { ActivityType, Thematique } from '../codes';
import type { Activity, Survey } from '../records';

export interface ExportFilter {
  /** YYYY-MM-DD, included. */
  from?: string;
  /** YYYY-MM-DD, included. */
  to?: string;
  types?: readonly ActivityType[];
  villageIds?: readonly string[];
  /** INSEE codes: where the activity took place (its commune, its place's, or its structure's when remote). */
  communes?: readonly string[];
  /** Any of these (a démarche sub-theme counts under "aide aux démarches"). */
  thematiques?: readonly Thematique[];
}

const some = <T>(list: readonly T[] | undefined): list is readonly T[] => list !== undefined && list.length > 0;

export function inPeriod(filter: ExportFilter, date: string): boolean {
  return !(filter.from && date < filter.from) && !(filter.to && date > filter.to);
}

/** `communeOf` gives the INSEE code where an activity took place (it may need the place's commune). */
export function activityMatches(filter: ExportFilter, a: Activity, communeOf: (a: Activity) => string | undefined): boolean {
  if (!inPeriod(filter, a.date)) return false;
  if (some(filter.types) && !filter.types.includes(a.type)) return false;
  if (some(filter.villageIds) && !(a.villageId && filter.villageIds.includes(a.villageId))) return false;
  if (some(filter.thematiques) && !a.thematiques.some((t) => filter.thematiques?.includes(t))) return false;
  if (some(filter.communes)) {
    const insee = communeOf(a);
    if (!insee || !filter.communes.includes(insee)) return false;
  }
  return true;
}

/** Surveys take the period and the villages (the other criteria are about activities). */
export function surveyMatches(filter: ExportFilter, s: Survey): boolean {
  return inPeriod(filter, s.date) && (!some(filter.villageIds) || filter.villageIds.includes(s.villageId));
}
