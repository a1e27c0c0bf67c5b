/**
 * Adding a village means choosing a commune of the official list. One live village per commune:
 * a second one would split its surveys and activities in two.
 */
import type { Relais } from '../../db';
import { toCommuneRef, type Commune } from '../../domain/communes';
import type { Stored, Village } from '../../domain/records';

export type AddVillageResult =
  | { status: 'added'; village: Stored<Village> }
  | { status: 'exists'; village: Stored<Village> };

/** The live (not deleted) village of a commune, if there is one. */
export function findLiveVillage(relais: Relais, codeInsee: string): Promise<Stored<Village> | undefined> {
  return relais.db.villages.where('commune.codeInsee').equals(codeInsee)
    .filter((v) => v.deleted === 0 && v.erased === 0).first();
}

export function villageFromCommune(commune: Commune, codePostal?: string): Village {
  return {
    commune: toCommuneRef(commune, codePostal ?? commune.codesPostaux[0]),
    departement: commune.departement,
    population: commune.population,
  };
}

/** Check and create in one transaction, so two quick clicks cannot add the same commune twice. */
export function addVillageFromCommune(relais: Relais, commune: Commune, codePostal?: string): Promise<AddVillageResult> {
  const { db } = relais;
  return db.transaction('rw', db.villages, db.meta, async () => {
    const existing = await findLiveVillage(relais, commune.codeInsee);
    if (existing) return { status: 'exists', village: existing } as const;
    const village = await relais.villages.create(villageFromCommune(commune, codePostal));
    return { status: 'added', village } as const;
  });
}
