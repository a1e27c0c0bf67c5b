/**
 * Villages: the reads of the village screens and the one way to add a village. One live village per
 * commune: a second one would split its surveys and activities in two.
 */
import type { Commune } from '../domain/communes';
import { newestFirst, type Stored, type Village } from '../domain/records';
import { byCommuneName, villageFromCommune } from '../domain/village';
import type { Relais } from './index';
import { writeTransaction } from './identity';
import { isLive, liveRecords } from './live';
import type { RelaisDatabase } from './schema';

/** Every live village (in storage order: screens sort them). */
export function liveVillages(db: RelaisDatabase): Promise<Stored<Village>[]> {
  return liveRecords(db.villages);
}

/** Every live village, the village added last first (the one a mediator is most likely working on). */
export async function liveVillagesNewestFirst(db: RelaisDatabase): Promise<Stored<Village>[]> {
  return newestFirst(await liveVillages(db));
}

/** Every live village, by commune name (village pickers, the places filter, the home screen). */
export async function liveVillagesByName(db: RelaisDatabase): Promise<Stored<Village>[]> {
  return (await liveVillages(db)).sort(byCommuneName);
}

/** The live village of a commune, if there is one (by INSEE code). */
export async function liveVillageOfCommune(db: RelaisDatabase, codeInsee: string | undefined): Promise<Stored<Village> | undefined> {
  if (!codeInsee) return undefined;
  return (await db.villages.where('commune.codeInsee').equals(codeInsee).toArray()).find(isLive);
}

export type AddVillageResult =
  | { status: 'added'; village: Stored<Village> }
  | { status: 'exists'; village: Stored<Village> };

/** Check and create in one transaction, so two quick clicks cannot add the same commune twice. */
export function addVillageFromCommune(relais: Relais, commune: Commune, codePostal?: string): Promise<AddVillageResult> {
  const { db } = relais;
  return writeTransaction(db, [db.villages], async () => {
    const existing = await liveVillageOfCommune(db, commune.codeInsee);
    if (existing) return { status: 'exists', village: existing } as const;
    const village = await relais.villages.create(villageFromCommune(commune, codePostal));
    return { status: 'added', village } as const;
  });
}
