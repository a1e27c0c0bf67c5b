/**
 * The coordinator's villages overview: every village followed, with what its latest diagnostic says
 * (connectivity, maturity stage, needs) and how long ago it was made; and the départements the
 * territory covers (its villages', its structures'), so the screen can list their communes that have
 * no diagnosed village. Villages and diagnostics are few (hundreds): read whole.
 */
import type { Stored, Survey, Village } from '../domain/records';
import { structuresOf } from '../domain/profile';
import { departementOfInsee } from '../domain/stats/activityStats';
import { liveRecords } from './live';
import { readProfile } from './profile';
import type { RelaisDatabase } from './schema';

export interface VillageOverviewRow {
  village: Stored<Village>;
  latest?: Stored<Survey>;
  surveys: number;
}

export interface VillagesOverview {
  rows: VillageOverviewRow[];
  /** Départements of the territory: its villages' and its employing structures'. */
  departements: string[];
  /** INSEE codes of communes that have a village with at least one diagnostic. */
  diagnosed: string[];
}

export async function readVillagesOverview(db: RelaisDatabase): Promise<VillagesOverview> {
  const [villages, surveys, profile] = await Promise.all([liveRecords(db.villages), liveRecords(db.surveys), readProfile(db)]);
  const latestOf = new Map<string, Stored<Survey>>();
  const countOf = new Map<string, number>();
  for (const survey of surveys) {
    countOf.set(survey.villageId, (countOf.get(survey.villageId) ?? 0) + 1);
    const known = latestOf.get(survey.villageId);
    if (!known || survey.date > known.date) latestOf.set(survey.villageId, survey);
  }
  const rows = villages
    .map((village) => ({ village, latest: latestOf.get(village.id), surveys: countOf.get(village.id) ?? 0 }))
    .sort((a, b) => (a.latest?.date ?? '').localeCompare(b.latest?.date ?? '') || a.village.commune.nom.localeCompare(b.village.commune.nom, 'fr'));
  const departements = new Set(villages.map((v) => v.departement || departementOfInsee(v.commune.codeInsee)));
  for (const structure of profile ? structuresOf(profile) : []) {
    if (structure.commune?.codeInsee) departements.add(departementOfInsee(structure.commune.codeInsee));
  }
  const diagnosed = rows.filter((row) => row.latest).map((row) => row.village.commune.codeInsee);
  return { rows, departements: [...departements].sort(), diagnosed };
}
