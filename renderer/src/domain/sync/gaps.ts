/**
 * Missing bundles. Each bundle covers a range of its source device's change counters; a hole between
 * the ranges received from one device means a bundle from it never arrived here ("a bundle from
 * Aïcha's laptop between 3 and 9 March is missing").
 */
export interface ReceivedRange {
  from: number;
  to: number;
  /** Time span the range covers on the source (previous export → this export). */
  since: string | null;
  createdAt: string;
}

export interface Gap {
  /** Missing counters, inclusive. */
  from: number;
  to: number;
  /** Last export received before the gap, and start of the first one after (for the message). */
  after: string | null;
  before: string | null;
}

/** Holes in the counters 1…max covered by `ranges` (ranges may overlap and arrive in any order). */
export function findGaps(ranges: readonly ReceivedRange[]): Gap[] {
  const sorted = ranges.filter((r) => r.to >= r.from).sort((a, b) => a.from - b.from || a.to - b.to);
  const gaps: Gap[] = [];
  let covered = 0;
  let lastEnd: string | null = null;
  for (const range of sorted) {
    if (range.from > covered + 1) {
      gaps.push({ from: covered + 1, to: range.from - 1, after: lastEnd, before: range.since ?? range.createdAt });
    }
    if (range.to > covered) {
      covered = range.to;
      lastEnd = range.createdAt;
    }
  }
  return gaps;
}
