/**
 * The one filter model for activities, as La Coop's statistics page offers it (period, type, mediator,
 * structure, département, commune, place, thématique, démarche, tag), plus the village, and the one
 * predicate that says whether an activity passes: the dashboard's scan and drill-down and every export
 * use it, so a figure, the list behind it and the exported file always agree. Followed people and
 * village surveys take the criteria that apply to them: the mediator and structure (`authorFilterOf`,
 * with the lists' `byAuthor`), and for surveys the period and where (`surveyMatches`). Pure.
 */
import type { AuthorFilter } from '../authorFilter';
import type { Activity, Survey } from '../records';
import { communeOfActivity, departementOfInsee, durationBucket, type Authored, type DurationBucket, type PlaceCommune, type StatDimension } from './activityStats';

export interface ActivityFilters {
  /** YYYY-MM-DD, both included: the period is by day everywhere (the count rows are per month: db/stats). */
  from?: string;
  to?: string;
  type?: string;
  /** A device id (`authorDevice`): the mediator. */
  author?: string;
  structure?: string;
  departement?: string;
  /** INSEE code where the activity took place: its place's commune when it has a place, else its own. */
  commune?: string;
  place?: string;
  thematique?: string;
  demarche?: string;
  tag?: string;
  village?: string;
}

/** A drill-down: the filters, narrowed to the part of one figure (one month, one bucket, one commune…). */
export interface DrillDown extends ActivityFilters {
  duration?: DurationBucket;
}

/**
 * The criteria a count row answers, and the row dimension each one reads. The type is not among them:
 * it is part of every row's key (domain/stats/activityStats.ts), so it combines with any one of these.
 */
export const FILTER_DIMENSIONS = {
  author: 'author', structure: 'structure', departement: 'dept', commune: 'commune', place: 'place',
  thematique: 'them', demarche: 'dem', tag: 'tag',
} as const satisfies Record<string, StatDimension>;
export type RowField = keyof typeof FILTER_DIMENSIONS;

/** Every criterion besides the period: the type, those of the rows' dimensions, the one no row answers (the village) last. */
export const FILTER_FIELDS = ['type', ...(Object.keys(FILTER_DIMENSIONS) as RowField[]), 'village'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export function activeFilterFields(f: ActivityFilters): FilterField[] {
  return FILTER_FIELDS.filter((field) => f[field] !== undefined && f[field] !== '');
}

/** How the count rows answer a set of filters: the type (or every type) and at most one dimension's value. */
export interface RowsQuery {
  type?: string;
  field?: RowField;
}

/**
 * The rows' answer to `f`, besides the period: its type, if any, and at most one other criterion that
 * has rows (or the place, read through its index); `undefined` when the rows cannot answer (two other
 * criteria, or the village) and the activities must be scanned.
 */
export function rowsQueryOf(f: ActivityFilters): RowsQuery | undefined {
  const others = activeFilterFields(f).filter((field) => field !== 'type');
  if (others.length > 1 || others[0] === 'village') return undefined;
  return { ...(f.type ? { type: f.type } : {}), ...(others[0] ? { field: others[0] as RowField } : {}) };
}

export function inPeriod(f: Pick<ActivityFilters, 'from' | 'to'>, date: string): boolean {
  return !(f.from && date < f.from) && !(f.to && date > f.to);
}

/** A commune and its département against the filters' (both optional). */
function placeMatches(f: ActivityFilters, commune: string | undefined): boolean {
  if (f.commune && commune !== f.commune) return false;
  return !f.departement || (!!commune && departementOfInsee(commune) === f.departement);
}

export function matches(a: Activity & Authored, f: DrillDown, placeCommune: PlaceCommune): boolean {
  if (!inPeriod(f, a.date)) return false;
  if (f.type && a.type !== f.type) return false;
  if (f.author && a.authorDevice !== f.author) return false;
  if (f.structure && a.structureEmployeuse?.nom !== f.structure) return false;
  if (f.place && a.placeId !== f.place) return false;
  if (f.village && a.villageId !== f.village) return false;
  if (f.thematique && !(a.thematiques ?? []).includes(f.thematique as never)) return false;
  if (f.demarche && !(a.thematiquesDemarche ?? []).includes(f.demarche as never)) return false;
  if (f.tag && !(a.tags ?? []).includes(f.tag)) return false;
  if (f.duration && durationBucket(a.duree) !== f.duration) return false;
  return !(f.commune || f.departement) || placeMatches(f, communeOfActivity(a, placeCommune));
}

/** The mediator and structure of the filters, as the lists' `byAuthor` takes them (for people and surveys). */
export function authorFilterOf(f: ActivityFilters): AuthorFilter {
  return { author: f.author ?? '', structure: f.structure ?? '' };
}

/** Village surveys take the period, the village, and its commune and département (`communeOf` the village's). */
export function surveyMatches(s: Survey, f: ActivityFilters, communeOf: (villageId: string) => string | undefined): boolean {
  if (!inPeriod(f, s.date)) return false;
  if (f.village && s.villageId !== f.village) return false;
  return !(f.commune || f.departement) || placeMatches(f, communeOf(s.villageId));
}

// ——— The period, by day, against rows kept per month ———

/** The first and last day of a month (YYYY-MM). */
export function monthPeriod(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month after (or before, `step` = -1) a YYYY-MM month. */
function shiftMonth(month: string, step: 1 | -1): string {
  const [year, m] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, m - 1 + step, 1));
  return date.toISOString().slice(0, 7);
}

/**
 * A period split for rows kept per month: the whole months it covers (`months`, a YYYY-MM range, open
 * when the period is; absent when it covers none) and the partial days at either edge (`edges`, day
 * ranges to read by a scan). Whole months plus edges are the period, nothing twice.
 */
export interface PeriodSplit {
  months?: { from?: string; to?: string };
  edges: Array<{ from: string; to: string }>;
}

export function splitPeriod(f: Pick<ActivityFilters, 'from' | 'to'>): PeriodSplit {
  const startMonth = f.from?.slice(0, 7);
  const endMonth = f.to?.slice(0, 7);
  const fromWhole = !f.from || f.from === monthPeriod(startMonth!).from;
  const toWhole = !f.to || f.to === monthPeriod(endMonth!).to;
  const firstMonth = startMonth && !fromWhole ? shiftMonth(startMonth, 1) : startMonth;
  const lastMonth = endMonth && !toWhole ? shiftMonth(endMonth, -1) : endMonth;
  if (firstMonth && lastMonth && firstMonth > lastMonth) {
    // No whole month inside: the period is one edge (or nothing, when it ends before it starts).
    return { edges: f.from! <= f.to! ? [{ from: f.from!, to: f.to! }] : [] };
  }
  const edges: PeriodSplit['edges'] = [];
  if (!fromWhole) edges.push({ from: f.from!, to: monthPeriod(startMonth!).to });
  if (!toWhole) edges.push({ from: monthPeriod(endMonth!).from, to: f.to! });
  return { months: { from: firstMonth, to: lastMonth }, edges };
}

/** The filters narrowed to one month of their period (a month's figure, drilled into). */
export function withinMonth<F extends ActivityFilters>(f: F, month: string): F {
  const { from, to } = monthPeriod(month);
  return { ...f, from: f.from && f.from > from ? f.from : from, to: f.to && f.to < to ? f.to : to };
}
