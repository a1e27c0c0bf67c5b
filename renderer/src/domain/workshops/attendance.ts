/**
 * The attendance sheet (feuille d'émargement) of a session, on paper: one line per enrolled
 * participant (their code printed, their name written by hand: names never enter Relais) and spare
 * lines for people who come without being enrolled.
 */

/** Spare lines: at least this many, whatever the number enrolled. */
export const SPARE_LINES_MIN = 6;
/** A sheet has at least this many lines in all, so a small group still fills a useful page. */
export const SHEET_LINES_MIN = 12;

/** How many spare (blank) lines follow the enrolled participants. */
export function spareLines(enrolled: number): number {
  return Math.max(SPARE_LINES_MIN, SHEET_LINES_MIN - enrolled);
}
