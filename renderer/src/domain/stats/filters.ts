/**
 * The dashboard's filters, as La Coop's statistics page offers them (period, type, mediator, structure,
 * département, commune, place, thématique, démarche, tag), and the one predicate that says whether an
 * activity passes them: the indexed scan (two filters or more) and the drill-down both use it, so a
 * figure and the list behind it always agree. Pure.
 */
import type { Activity } from '../records';
import { departementOfInsee, durationBucket, type Authored, type DurationBucket, type StatDimension } from './activityStats';

export interface DashboardFilters {
  /** YYYY-MM, both included; the rows are per month. */
  fromMonth?: string;
  toMonth?: string;
  type?: string;
  author?: string;
  structure?: string;
  departement?: string;
  commune?: string;
  place?: string;
  thematique?: string;
  demarche?: string;
  tag?: string;
}

/** A drill-down: the filters, narrowed to the part of one figure (one month, one bucket, one commune…). */
export interface DrillDown extends DashboardFilters {
  duration?: DurationBucket;
}

/** The filter fields besides the period, and the row dimension each one reads. */
export const FILTER_DIMENSIONS = {
  type: 'type', author: 'author', structure: 'structure', departement: 'dept', commune: 'commune', place: 'place',
  thematique: 'them', demarche: 'dem', tag: 'tag',
} as const satisfies Record<string, StatDimension>;
export type FilterField = keyof typeof FILTER_DIMENSIONS;
export const FILTER_FIELDS = Object.keys(FILTER_DIMENSIONS) as FilterField[];

export function activeFilterFields(f: DashboardFilters): FilterField[] {
  return FILTER_FIELDS.filter((field) => f[field] !== undefined && f[field] !== '');
}

/** The commune (INSEE) of an activity: its place's when it has one, else its own. */
export type PlaceCommune = (placeId: string) => string | undefined;

export function communeOfActivity(a: Pick<Activity, 'placeId' | 'commune'>, placeCommune: PlaceCommune): string | undefined {
  return a.placeId ? placeCommune(a.placeId) : a.commune?.codeInsee;
}

export function matches(a: Activity & Authored, f: DrillDown, placeCommune: PlaceCommune): boolean {
  const month = a.date.slice(0, 7);
  if (f.fromMonth && month < f.fromMonth) return false;
  if (f.toMonth && month > f.toMonth) return false;
  if (f.type && a.type !== f.type) return false;
  if (f.author && a.authorDevice !== f.author) return false;
  if (f.structure && a.structureEmployeuse?.nom !== f.structure) return false;
  if (f.place && a.placeId !== f.place) return false;
  if (f.thematique && !(a.thematiques ?? []).includes(f.thematique as never)) return false;
  if (f.demarche && !(a.thematiquesDemarche ?? []).includes(f.demarche as never)) return false;
  if (f.tag && !(a.tags ?? []).includes(f.tag)) return false;
  if (f.duration && durationBucket(a.duree) !== f.duration) return false;
  if (f.commune || f.departement) {
    const commune = communeOfActivity(a, placeCommune);
    if (f.commune && commune !== f.commune) return false;
    if (f.departement && (!commune || departementOfInsee(commune) !== f.departement)) return false;
  }
  return true;
}
