import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Relais } from './index';
import { openRelaisWithKeys } from '../testkit/db';
import { currentSeq, readIdentity } from './device';
import { ensureIdentity } from './identity';
import { NotAuthorError } from './repository';
import { deviceIdOfKey } from '../domain/sync/identity';
import { ensureDeviceKeys } from './sync/keys';
import { ValidationError } from '../domain/validation';
import { parseStamp } from '../domain/hlc';
import type { Village } from '../domain/records';

const LORMES: Village = { commune: { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' }, departement: '58', population: 1251 };

let relais: Relais;
afterEach(async () => {
  await relais?.db.delete();
});

function open(): Relais {
  relais = openRelaisWithKeys(`test-${Math.random().toString(36).slice(2)}`);
  return relais;
}

describe('record repository', () => {
  it('creates a record with sync metadata: id, author device, a stamp per field, a change number', async () => {
    const { villages, db } = open();
    const created = await villages.create(LORMES);
    const device = await readIdentity(db);
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.authorDevice).toBe(device.deviceId);
    expect(Object.keys(created.versions).sort()).toEqual(['commune', 'deleted', 'departement', 'population']);
    expect(parseStamp(created.versions.commune)?.deviceId).toBe(device.deviceId);
    expect(created.seq).toBe(1);
    expect(await db.villages.get(created.id)).toEqual(created);
  });

  it('refuses invalid data and writes nothing', async () => {
    const { villages, db } = open();
    await expect(villages.create({ ...LORMES, commune: { codeInsee: 'abc', nom: '', codePostal: '1' } })).rejects.toBeInstanceOf(ValidationError);
    expect(await db.villages.count()).toBe(0);
    expect(await currentSeq(db)).toBe(0);
  });

  it('stamps only the fields that changed on update', async () => {
    const { villages } = open();
    const created = await villages.create(LORMES);
    const updated = await villages.update(created.id, { ...LORMES, notes: 'Fibre arrivée au bourg' });
    expect(updated.versions.commune).toBe(created.versions.commune);
    expect(updated.versions.notes > created.versions.commune).toBe(true);
    expect(updated.seq).toBe(2);
  });

  it('does not write when nothing changed', async () => {
    const { villages, db } = open();
    const created = await villages.create(LORMES);
    const same = await villages.update(created.id, { ...LORMES });
    expect(same).toEqual(created);
    expect(await currentSeq(db)).toBe(1);
  });

  it('sees an object field written with its keys in another order as unchanged', async () => {
    const { villages, db } = open();
    const created = await villages.create(LORMES);
    const reordered = { codePostal: '58140', nom: 'Lormes', codeInsee: '58145' };
    const same = await villages.update(created.id, { ...LORMES, commune: reordered });
    expect(same).toEqual(created);
    expect(await currentSeq(db)).toBe(1);
  });

  it('stamps a field that was removed, so the removal travels', async () => {
    const { villages } = open();
    const created = await villages.create({ ...LORMES, notes: 'à supprimer' });
    const updated = await villages.update(created.id, { ...LORMES });
    expect(updated).not.toHaveProperty('notes');
    expect(updated.versions.notes > created.versions.notes).toBe(true);
  });

  it('soft-deletes as a versioned tombstone and restores on undo', async () => {
    const { villages, db } = open();
    const created = await villages.create(LORMES);
    await villages.remove(created.id);
    const deleted = await db.villages.get(created.id);
    expect(deleted?.deleted).toBe(1);
    expect((deleted?.versions.deleted ?? '') > created.versions.deleted).toBe(true);
    expect(deleted?.commune.nom).toBe('Lormes');
    await villages.restore(created.id);
    expect((await db.villages.get(created.id))?.deleted).toBe(0);
  });

  it('erases for data protection: payload cleared for good', async () => {
    const { beneficiaries, db } = open();
    const person = await beneficiaries.create({ code: 'B-0042', genre: 'feminin', trancheAge: 'soixante_dix_plus', statutSocial: 'retraite', dejaAccompagne: false });
    await beneficiaries.erase(person.id);
    const erased = await db.beneficiaries.get(person.id);
    expect(erased).toMatchObject({ id: person.id, deleted: 1, erased: 1 });
    expect(erased).not.toHaveProperty('code');
    await beneficiaries.restore(person.id);
    expect((await db.beneficiaries.get(person.id))?.erased).toBe(1);
    await expect(beneficiaries.update(person.id, { code: 'B-0042', genre: 'feminin', trancheAge: 'soixante_dix_plus', statutSocial: 'retraite', dejaAccompagne: false })).rejects.toThrow();
  });

  it('keeps one device id for the life of the database, its key\'s, and a new one for a new database', async () => {
    const first = open();
    const id1 = (await ensureIdentity(first.db)).deviceId;
    expect((await ensureIdentity(first.db)).deviceId).toBe(id1);
    expect(id1).toBe(deviceIdOfKey((await ensureDeviceKeys(first.db)).signingPublicKey));
    const other = openRelaisWithKeys(`test-other-${Math.random()}`);
    expect((await ensureIdentity(other.db)).deviceId).not.toBe(id1);
    await other.db.delete();
  });

  it('lets only its author edit, delete or restore an activity or a followed person; anyone may erase it', async () => {
    const { beneficiaries, villages, db } = open();
    const person = await beneficiaries.create({ code: 'B-0042', genre: 'feminin', trancheAge: 'soixante_dix_plus', statutSocial: 'retraite', dejaAccompagne: false });
    const village = await villages.create(LORMES);
    // As if both had been received from another laptop.
    const elsewhere = 'c3'.repeat(16);
    await db.beneficiaries.update(person.id, { authorDevice: elsewhere });
    await db.villages.update(village.id, { authorDevice: elsewhere });
    const seq = await currentSeq(db);
    await expect(beneficiaries.update(person.id, { ...person, code: 'B-0043' })).rejects.toBeInstanceOf(NotAuthorError);
    await expect(beneficiaries.remove(person.id)).rejects.toBeInstanceOf(NotAuthorError);
    expect(await currentSeq(db)).toBe(seq);
    expect(await beneficiaries.mayChange({ ...person, authorDevice: elsewhere })).toBe(false);
    // Shared reference data: anyone edits it.
    await villages.update(village.id, { ...LORMES, notes: 'Fibre en 2026' });
    expect(await villages.mayChange({ ...village, authorDevice: elsewhere })).toBe(true);
    await beneficiaries.erase(person.id);
    expect(await db.beneficiaries.get(person.id)).toMatchObject({ erased: 1, authorDevice: elsewhere });
  });

  it('drops a record\'s seal when it changes (the seal was its author\'s word for the old version)', async () => {
    const { beneficiaries, db } = open();
    const person = await beneficiaries.create({ code: 'B-0042', genre: 'feminin', trancheAge: 'soixante_dix_plus', statutSocial: 'retraite', dejaAccompagne: false });
    await db.beneficiaries.update(person.id, { seal: 'A'.repeat(86) + '==' });
    await beneficiaries.remove(person.id);
    expect(await db.beneficiaries.get(person.id)).not.toHaveProperty('seal');
    await db.beneficiaries.update(person.id, { seal: 'A'.repeat(86) + '==' });
    await beneficiaries.restore(person.id);
    expect(await db.beneficiaries.get(person.id)).not.toHaveProperty('seal');
    await db.beneficiaries.update(person.id, { seal: 'A'.repeat(86) + '==' });
    await beneficiaries.update(person.id, { ...person, code: 'B-0043' });
    expect(await db.beneficiaries.get(person.id)).not.toHaveProperty('seal');
  });

  it('keeps stamps increasing across reopenings of the database', async () => {
    const { villages, db } = open();
    const a = await villages.create(LORMES);
    db.close();
    const reopened = openRelaisWithKeys(db.name);
    relais = reopened;
    const b = await reopened.villages.create({ ...LORMES, commune: { codeInsee: '12011', nom: 'Arvieu', codePostal: '12120' }, departement: '12' });
    expect(b.versions.commune > a.versions.commune).toBe(true);
    expect(b.seq).toBe(2);
  });
});
