/**
 * The filters in the address (`/dashboard?commune=58145&from=2026-01-01`): a view can be bookmarked, a
 * drill-down is the same filters, narrowed, on the list page, and the exports page opens with the
 * dashboard's filters (`/exports?…`) so a coordinator exports exactly what she sees. Pure.
 */
import { FILTER_FIELDS, type ActivityFilters, type DrillDown } from '../../domain/stats/filters';
import { DURATION_BUCKETS, type DurationBucket } from '../../domain/stats/activityStats';
import { isIsoDate } from '../../domain/validation';

const FIELDS = ['from', 'to', ...FILTER_FIELDS] as const;

export function drillFromParams(params: URLSearchParams): DrillDown {
  const drill: DrillDown = {};
  for (const field of FIELDS) {
    const value = params.get(field);
    if (!value) continue;
    if ((field === 'from' || field === 'to') && !isIsoDate(value)) continue;
    drill[field] = value;
  }
  const duration = params.get('duration');
  if (duration && (DURATION_BUCKETS as readonly string[]).includes(duration)) drill.duration = duration as DurationBucket;
  return drill;
}

export function paramsFromDrill(drill: DrillDown): string {
  const params = new URLSearchParams();
  for (const [field, value] of Object.entries(drill)) if (value) params.set(field, value);
  return params.toString();
}

/** The filters of an address without a drill-down's narrowing (what an export or the dashboard takes). */
export function filtersFromParams(params: URLSearchParams): ActivityFilters {
  const { duration: _narrowing, ...filters } = drillFromParams(params);
  return filters;
}
