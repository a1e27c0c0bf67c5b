/**
 * The dashboard's filters in the address (`/dashboard?commune=58145&fromMonth=2026-01`): a view can be
 * bookmarked, and a drill-down is the same filters, narrowed, on the list page. Pure.
 */
import { FILTER_FIELDS, type DrillDown } from '../../domain/stats/filters';
import { DURATION_BUCKETS, type DurationBucket } from '../../domain/stats/activityStats';

const FIELDS = ['fromMonth', 'toMonth', ...FILTER_FIELDS] as const;
const MONTH = /^\d{4}-\d{2}$/;

export function drillFromParams(params: URLSearchParams): DrillDown {
  const drill: DrillDown = {};
  for (const field of FIELDS) {
    const value = params.get(field);
    if (!value) continue;
    if ((field === 'fromMonth' || field === 'toMonth') && !MONTH.test(value)) continue;
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
