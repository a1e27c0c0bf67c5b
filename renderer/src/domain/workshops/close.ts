/**
 * Closing a session turns what the trainer recorded during the workshop into the CRA activity
 * (`collectif`), so nothing is typed twice. Pure: the database step lives in db/workshops.ts.
 */
import { MAX_NOTES_LENGTH } from '../activity';
import type { Activity, AnonymousCounts } from '../records';
import type { Attendance, WalkIn, WorkshopSeries, WorkshopSession, WorkshopTemplate } from './types';

function increment<K extends string>(counts: Partial<Record<K, number>>, key: K): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/**
 * The anonymous counts of the CRA from the walk-ins, one person at a time: every breakdown then adds
 * up to the total by construction (each person has exactly one gender, age band and status).
 */
export function countWalkIns(walkIns: readonly WalkIn[]): AnonymousCounts {
  const counts: AnonymousCounts = { total: walkIns.length, dejaAccompagne: 0, genres: {}, tranchesAge: {}, statutsSociaux: {} };
  for (const person of walkIns) {
    if (person.dejaAccompagne) counts.dejaAccompagne += 1;
    increment(counts.genres, person.genre);
    increment(counts.tranchesAge, person.trancheAge);
    increment(counts.statutsSociaux, person.statutSocial);
  }
  return counts;
}

/** Everyone who came: followed participants marked present plus walk-ins. */
export function participantCount(attendance: Pick<Attendance, 'presents' | 'walkIns'>): number {
  return new Set(attendance.presents).size + attendance.walkIns.length;
}

/** Where the activity happened, in the CRA's terms: the series' place, else "other" in a commune. */
function whereOf(session: WorkshopSession, series: WorkshopSeries): Pick<Activity, 'typeLieu' | 'placeId' | 'commune' | 'villageId'> {
  const villageId = session.villageId ?? series.villageId;
  if (series.placeId) return { typeLieu: 'lieu_activite', placeId: series.placeId, villageId };
  return { typeLieu: 'autre', commune: session.commune ?? series.commune, villageId };
}

/** The titles of the outline steps a session covered, in the outline's order. */
export function coveredSteps(template: Pick<WorkshopTemplate, 'etapes'>, covered: readonly string[]): string[] {
  return template.etapes.filter((step) => covered.includes(step.id)).map((step) => step.titre);
}

/**
 * Writes the activity's notes from what the session recorded: the steps covered and the note "to
 * review next time". The words are the caller's (the trainer's language); `undefined` when there is
 * nothing to say, so an activity never gets empty notes.
 */
export type ClosingNotes = (steps: string[], aRevoir: string | undefined) => string | undefined;

/** At most the activity's bound: a long outline and note are cut rather than refused at closing. */
function boundedNotes(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  return trimmed.length > MAX_NOTES_LENGTH ? `${trimmed.slice(0, MAX_NOTES_LENGTH - 1)}…` : trimmed;
}

/**
 * The activity a session produces when closed, or `null` when it produces nothing: a cancelled
 * session, or one already closed (closing twice must not count the workshop twice). With `notes`,
 * the steps covered and the note to review travel into the activity's notes.
 */
export function closeSession(
  session: WorkshopSession,
  series: WorkshopSeries,
  template: WorkshopTemplate,
  attendance: Attendance = session,
  notes?: ClosingNotes,
): Activity | null {
  if (session.statut !== 'prevue') return null;
  const counts = countWalkIns(attendance.walkIns);
  const activity: Activity = {
    type: 'collectif',
    date: session.date,
    duree: attendance.duree ?? session.duree ?? template.duree,
    ...whereOf(session, series),
    thematiques: [...template.thematiques],
    thematiquesDemarche: [],
    materiel: [...template.materiel],
    tags: [],
    beneficiaryIds: [...new Set(attendance.presents)],
    titreAtelier: series.titre.trim() || template.titre,
    niveau: template.niveau,
    // Absent rather than all zeros when only followed participants came.
    participantsAnonymes: counts.total > 0 ? counts : undefined,
    notes: boundedNotes(notes?.(coveredSteps(template, attendance.etapesCouvertes), attendance.aRevoir?.trim() || undefined)),
  };
  return activity;
}
