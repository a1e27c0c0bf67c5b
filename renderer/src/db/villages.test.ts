import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openRelaisWithKeys } from '../testkit/db';
import { communeFromRow } from '../domain/communes';
import { addVillageFromCommune, liveVillageOfCommune } from './villages';

const ARVIEU = communeFromRow(['12011', 'Arvieu', '12', '12120', 774]);
const LORMES = communeFromRow(['58145', 'Lormes', '58', '58140', 1271]);

function freshRelais() {
  return openRelaisWithKeys(`test-villages-${Math.random().toString(36).slice(2)}`);
}

describe('addVillageFromCommune', () => {
  it('creates a village from the official commune, with its département and population', async () => {
    const relais = freshRelais();
    const result = await addVillageFromCommune(relais, ARVIEU);
    expect(result.status).toBe('added');
    const stored = await relais.villages.get(result.village.id);
    expect(stored?.commune).toEqual({ codeInsee: '12011', nom: 'Arvieu', codePostal: '12120' });
    expect(stored?.departement).toBe('12');
    expect(stored?.population).toBe(774);
  });

  it('refuses a commune that already has a live village and points to it', async () => {
    const relais = freshRelais();
    const first = await addVillageFromCommune(relais, ARVIEU);
    const second = await addVillageFromCommune(relais, ARVIEU);
    expect(second.status).toBe('exists');
    expect(second.village.id).toBe(first.village.id);
    expect(await relais.db.villages.count()).toBe(1);
  });

  it('allows the commune again once its village was deleted', async () => {
    const relais = freshRelais();
    const first = await addVillageFromCommune(relais, ARVIEU);
    await relais.villages.remove(first.village.id);
    expect(await liveVillageOfCommune(relais.db, '12011')).toBeUndefined();
    const again = await addVillageFromCommune(relais, ARVIEU);
    expect(again.status).toBe('added');
    expect(again.village.id).not.toBe(first.village.id);
  });

  it('keeps different communes apart', async () => {
    const relais = freshRelais();
    await addVillageFromCommune(relais, ARVIEU);
    const lormes = await addVillageFromCommune(relais, LORMES);
    expect(lormes.status).toBe('added');
    expect((await liveVillageOfCommune(relais.db, '58145'))?.id).toBe(lormes.village.id);
  });

  it('does not add twice when two adds race', async () => {
    const relais = freshRelais();
    const results = await Promise.all([addVillageFromCommune(relais, LORMES), addVillageFromCommune(relais, LORMES)]);
    expect(results.map((r) => r.status).sort()).toEqual(['added', 'exists']);
    expect(await relais.db.villages.count()).toBe(1);
  });
});
