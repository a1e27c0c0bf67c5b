/**
 * Closing a session turns what the trainer recorded during the workshop into the CRA activity
 * (`collectif`), so nothing is typed twice. Pure: the database step lives in db/workshops.ts.
 */
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

/**
 * The activity a session produces when closed, or `null` when it produces nothing: a cancelled
 * session, or one already closed (closing twice must not count the workshop twice).
 */
export function closeSession(
  session: WorkshopSession,
  series: WorkshopSeries,
  template: WorkshopTemplate,
  attendance: Attendance = session,
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
  };
  return activity;
}
