import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeTestDatabases, enrol, openTestRelais, receiveBundle } from '../testkit/sync';
import { exportBundle } from './sync';
import { RECORD_VALIDATORS } from '../domain/sync/validators';
import { readMediators, setSilenceDays } from './mediators';
import { LORMES } from '../testkit/records';
import type { Relais } from './index';

const PASSPHRASE = 'tous les villages ensemble';
const DAY = 24 * 3600 * 1000;

async function bundle(relais: Relais, activities: number): Promise<Uint8Array> {
  for (let i = 0; i < activities; i++) {
    await relais.activities.create({
      type: 'individuel', date: '2026-03-10', duree: 30, typeLieu: 'domicile', commune: LORMES, thematiques: ['email'], thematiquesDemarche: [],
      materiel: [], tags: [], beneficiaryIds: [], structureEmployeuse: { nom: 'Mairie' },
    });
  }
  const prepared = await exportBundle(relais.db, {
    kind: 'changes', protection: { type: 'passphrase', passphrase: PASSPHRASE, workFactor: 1 }, author: { name: 'Aïcha Benali', structure: 'Médiathèque de Lormes' }, app: 'test',
  });
  await prepared.commit();
  return prepared.bytes;
}

afterEach(closeTestDatabases);

describe('the mediators view', () => {
  it('lists each enrolled device with its last bundle, what it sent, its gaps, and who has gone quiet', async () => {
    const [coordinator, aicha, bruno] = [openTestRelais('c'), openTestRelais('a'), openTestRelais('b')];
    await enrol(coordinator, aicha, bruno);
    const bundles = [await bundle(aicha, 2), await bundle(aicha, 1), await bundle(aicha, 3)];
    for (const bytes of [bundles[0], bundles[2]]) await receiveBundle(coordinator.db, bytes, { secrets: { passphrase: PASSPHRASE }, validators: RECORD_VALIDATORS });

    const { rows, silenceDays } = await readMediators(coordinator.db);
    expect(silenceDays).toBe(14);
    const [first, second] = rows;
    // Never heard from comes first.
    expect(first).toMatchObject({ enrolled: true, bundles: 0, quiet: true, activities: 0 });
    expect(first.lastBundle).toBeUndefined();
    expect(second).toMatchObject({ name: 'Aïcha Benali', enrolled: true, bundles: 2, recordsReceived: 5, activities: 5, gaps: 1, daysSilent: 0, quiet: false });

    const later = Date.now() + 20 * DAY;
    expect((await readMediators(coordinator.db, later)).rows.every((row) => row.quiet)).toBe(true);
    await setSilenceDays(coordinator.db, 30);
    expect((await readMediators(coordinator.db, later)).rows.find((row) => row.bundles > 0)).toMatchObject({ daysSilent: 20, quiet: false });
    await expect(setSilenceDays(coordinator.db, 0)).rejects.toThrow(RangeError);
    expect(bruno).toBeDefined();
  });
});
