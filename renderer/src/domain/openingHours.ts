/**
 * The common case of opening hours — the same one or two time ranges on some days of the week — and
 * its OpenStreetMap `opening_hours` spelling, both ways, for the friendly editor of the place form.
 * Anything richer (public holidays, weeks, seasons) is typed as text and checked by the reference
 * parser (domain/place.ts `isValidOpeningHours`).
 */

export const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
export type Day = (typeof DAYS)[number];

/** "HH:MM-HH:MM" ranges of one day, in order; empty when closed. */
export type Week = Record<Day, string[]>;

export function emptyWeek(): Week {
  return { Mo: [], Tu: [], We: [], Th: [], Fr: [], Sa: [], Su: [] };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A range from two times, or null when incomplete or backwards. */
export function timeRange(from: string, to: string): string | null {
  if (!TIME.test(from) || !TIME.test(to) || to <= from) return null;
  return `${from}-${to}`;
}

/** "Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00": consecutive days with the same ranges grouped. */
export function openingHoursFromWeek(week: Week): string {
  const rules: string[] = [];
  let start = 0;
  while (start < DAYS.length) {
    const ranges = week[DAYS[start]].join(',');
    let end = start;
    while (end + 1 < DAYS.length && week[DAYS[end + 1]].join(',') === ranges) end += 1;
    if (ranges !== '') {
      const days = start === end ? DAYS[start] : end === start + 1 ? `${DAYS[start]},${DAYS[end]}` : `${DAYS[start]}-${DAYS[end]}`;
      rules.push(`${days} ${ranges}`);
    }
    start = end + 1;
  }
  return rules.join('; ');
}

const RANGE = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

function daysOf(selector: string): Day[] | null {
  const days: Day[] = [];
  for (const part of selector.split(',')) {
    const [from, to] = part.split('-');
    const a = DAYS.indexOf(from as Day);
    const b = to === undefined ? a : DAYS.indexOf(to as Day);
    if (a < 0 || b < a) return null;
    for (let i = a; i <= b; i += 1) days.push(DAYS[i]);
  }
  return days;
}

/** The week a simple value describes, or null when it says more than the editor can show. */
export function weekFromOpeningHours(value: string): Week | null {
  const week = emptyWeek();
  const trimmed = value.trim();
  if (trimmed === '') return week;
  for (const rule of trimmed.split(';').map((r) => r.trim()).filter(Boolean)) {
    const match = /^(\S+)\s+(\S+)$/.exec(rule);
    if (!match) return null;
    const days = daysOf(match[1]);
    const ranges = match[2].split(',');
    if (!days || !ranges.every((r) => RANGE.test(r))) return null;
    for (const day of days) {
      if (week[day].length > 0) return null; // a day given twice: not the simple case
      week[day] = ranges;
    }
  }
  return week;
}
