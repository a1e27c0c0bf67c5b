/**
 * "Load demo data" (Settings): writes through the repositories, like any screen, so demo records are
 * valid, stamped and shown everywhere; each carries `demo: true` (counted and removed by db/demo.ts).
 */
import { writeAllOrNothing, type Relais } from '../../db';
import { countDemoRecords, DEMO_KINDS } from '../../db/demo';
import { liveVillageOfCommune } from '../../db/villages';
import type { Stored, Village } from '../../domain/records';
import { todayIso } from '../../i18n/format';
import { DEMO_ACTIVITIES, DEMO_PLACES, DEMO_SURVEYS, DEMO_VILLAGES, type DemoPlaceKey, type DemoVillageKey } from './demoContent';

/** YYYY-MM-DD `days` before `today` (calendar arithmetic in UTC: no time-zone shift). */
export function daysBefore(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/**
 * The village of a demo commune: the user's own when they already follow it (it is theirs, so it is
 * neither marked nor removed later), else a new demo village.
 */
async function demoVillage(relais: Relais, key: DemoVillageKey): Promise<Stored<Village>> {
  const village = DEMO_VILLAGES[key];
  const existing = await liveVillageOfCommune(relais.db, village.commune.codeInsee);
  return existing ?? relais.villages.create(village);
}

/**
 * Loads the demo once; returns false (and writes nothing) when demo data is already there.
 * One transaction: a window closed half-way leaves no half-loaded demo behind.
 */
export function loadDemoData(relais: Relais, author: string, today = todayIso()): Promise<boolean> {
  return writeAllOrNothing(relais, DEMO_KINDS, () => writeDemoData(relais, author, today));
}

async function writeDemoData(relais: Relais, author: string, today: string): Promise<boolean> {
  if ((await countDemoRecords(relais.db)) > 0) return false;
  const villageIds = {} as Record<DemoVillageKey, string>;
  for (const key of Object.keys(DEMO_VILLAGES) as DemoVillageKey[]) villageIds[key] = (await demoVillage(relais, key)).id;

  const placeIds = {} as Record<DemoPlaceKey, string>;
  for (const [key, { village, place }] of Object.entries(DEMO_PLACES) as Array<[DemoPlaceKey, (typeof DEMO_PLACES)[DemoPlaceKey]]>) {
    placeIds[key] = (await relais.places.create({ ...place, villageId: villageIds[village], dateMaj: today })).id;
  }
  for (const { village, daysAgo, places, survey } of DEMO_SURVEYS) {
    await relais.surveys.create({
      ...survey, villageId: villageIds[village], date: daysBefore(today, daysAgo), author, placeIds: places.map((p) => placeIds[p]),
    });
  }
  for (const { daysAgo, place, activity } of DEMO_ACTIVITIES) {
    await relais.activities.create({
      ...activity, date: daysBefore(today, daysAgo), typeLieu: 'lieu_activite', placeId: placeIds[place],
      villageId: villageIds[DEMO_PLACES[place].village],
    });
  }
  return true;
}
