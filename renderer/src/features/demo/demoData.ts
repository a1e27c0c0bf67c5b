/**
 * "Load demo data" and "Remove demo data" (Settings). Loading writes through the repositories, like
 * any screen, so demo records are valid, stamped and shown everywhere; each carries `demo: true`.
 */
import type { Relais } from '../../db';
import type { Stored, Village } from '../../domain/records';
import { todayIso } from '../../i18n/format';
import { DEMO_ACTIVITIES, DEMO_PLACES, DEMO_SURVEYS, DEMO_VILLAGES, type DemoPlaceKey, type DemoVillageKey } from './demoContent';

/** The tables that can hold demo records. */
const DEMO_TABLES = ['villages', 'places', 'surveys', 'activities', 'beneficiaries'] as const;

/** YYYY-MM-DD `days` before `today` (calendar arithmetic in UTC: no time-zone shift). */
export function daysBefore(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

export async function countDemoRecords(relais: Relais): Promise<number> {
  const counts = await Promise.all(DEMO_TABLES.map((name) => relais.db[name].filter((r) => r.demo === true && r.deleted === 0).count()));
  return counts.reduce((sum, n) => sum + n, 0);
}

/**
 * The village of a demo commune: the user's own when they already follow it (it is theirs, so it is
 * neither marked nor removed later), else a new demo village.
 */
async function demoVillage(relais: Relais, key: DemoVillageKey): Promise<Stored<Village>> {
  const village = DEMO_VILLAGES[key];
  const existing = (await relais.db.villages.where('commune.codeInsee').equals(village.commune.codeInsee).toArray())
    .find((v) => v.deleted === 0 && v.erased === 0);
  return existing ?? relais.villages.create(village);
}

/**
 * Loads the demo once; returns false (and writes nothing) when demo data is already there.
 * One transaction: a window closed half-way leaves no half-loaded demo behind.
 */
export function loadDemoData(relais: Relais, author: string, today = todayIso()): Promise<boolean> {
  const { db } = relais;
  return db.transaction('rw', [db.meta, ...DEMO_TABLES.map((name) => db[name])], () => writeDemoData(relais, author, today));
}

async function writeDemoData(relais: Relais, author: string, today: string): Promise<boolean> {
  if ((await countDemoRecords(relais)) > 0) return false;
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

/**
 * Removes every demo record in one transaction. They are hard-deleted, not turned into tombstones:
 * demo records are fictitious and only ever meant for trying the app on this laptop; a tombstone would
 * travel in the next bundle and tell coordinators about records they never had. (If someone did export
 * demo data, the `demo` flag travelled with it and the receiver removes it the same way.)
 * Drafts of forms that were editing a demo record are left alone: saving one fails cleanly.
 */
export async function removeDemoData(relais: Relais): Promise<number> {
  const { db } = relais;
  const tables = DEMO_TABLES.map((name) => db[name]);
  return db.transaction('rw', tables, async () => {
    let removed = 0;
    for (const table of tables) {
      const ids = await table.filter((r) => r.demo === true).primaryKeys();
      await table.bulkDelete(ids);
      removed += ids.length;
    }
    return removed;
  });
}
