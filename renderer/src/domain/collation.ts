/**
 * Sorting words as a French reader expects, fast. `a.localeCompare(b, 'fr', …)` looks its collator up
 * again at every comparison (about 3 µs each: sorting 9 000 codes took 360 ms on the list page); one
 * `Intl.Collator` made once compares the same way in a fraction of that.
 */
const french = new Intl.Collator('fr');
const frenchNumeric = new Intl.Collator('fr', { numeric: true });

/** French alphabetical order (accents after their letter), as `localeCompare(b, 'fr')`. */
export const compareFrench: (a: string, b: string) => number = french.compare;

/** Codes with numbers in numeric order (`B-2` before `B-10`), as `localeCompare(b, 'fr', { numeric: true })`. */
export const compareCodes: (a: string, b: string) => number = frenchNumeric.compare;
