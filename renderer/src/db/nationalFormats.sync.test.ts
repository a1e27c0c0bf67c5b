/**
 * Records of the shapes written before schema 7 (no employing structure, no year of birth, a place's
 * itinerance as one string, no coverage per operator) still travel: a bundle of them imports into a
 * database of today, and merges field by field with the new fields edited there, both ways.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeTestDatabases, enrolEachOther, openTestRelais, receiveBundle } from '../testkit/sync';
import { ensureDeviceKeys, exportBundle } from './sync';
import { RECORD_VALIDATORS } from '../domain/sync/validators';
import { dataOf, type Activity, type Beneficiary, type Place } from '../domain/records';
import { placeData, LORMES } from '../testkit/records';
import type { Relais } from './index';

afterEach(closeTestDatabases);

async function send(from: Relais, to: Relais) {
  const keys = await ensureDeviceKeys(to.db);
  const bundle = await exportBundle(from.db, {
    kind: 'full', protection: { type: 'recipient', recipient: keys.ageRecipient }, author: { name: 'A', structure: 'S' }, app: 'test',
  });
  return receiveBundle(to.db, bundle.bytes, { secrets: { identity: keys.ageIdentity }, validators: RECORD_VALIDATORS });
}

const OLD_ACTIVITY: Activity = {
  type: 'individuel', date: '2026-01-10', duree: 30, typeLieu: 'a_distance', thematiques: ['email'], thematiquesDemarche: [],
  materiel: ['aucun', 'telephone'], tags: [], beneficiaryIds: [],
};
const OLD_PERSON: Beneficiary = { code: 'B-0001', genre: 'feminin', trancheAge: 'quarante_cinquante_neuf', statutSocial: 'en_emploi', dejaAccompagne: false };
const OLD_PLACE: Place = placeData('Médiathèque', { itinerance: 'Fixe' });

describe('older records merge with today\'s', () => {
  it('imports a bundle of old-shaped records, then merges new fields edited on both sides', async () => {
    const old = openTestRelais('old');
    const today = openTestRelais('today');
    await enrolEachOther(old, today);
    const activity = await old.activities.create(OLD_ACTIVITY);
    const person = await old.beneficiaries.create(OLD_PERSON);
    const place = await old.places.create(OLD_PLACE);

    const received = await send(old, today);
    expect(received.counts.new).toBe(3);
    expect(dataOf((await today.db.places.get(place.id))!)).toEqual(OLD_PLACE);

    // Today: the place (shared reference data) gets the schema's new columns; the laptop that wrote
    // them meanwhile fixes the place's address and gives its own person and activity the new fields
    // (only their author changes them: docs/bundle-format.md, "Trust rules").
    await today.places.update(place.id, { ...OLD_PLACE, telephone: '+33386228000', itinerance: ['Fixe', 'Itinérant'], formationsLabels: ['ORDI 3.0'] });
    await old.beneficiaries.update(person.id, { ...OLD_PERSON, anneeNaissance: 1980 });
    await old.activities.update(activity.id, { ...OLD_ACTIVITY, structureEmployeuse: { nom: 'Mairie de Lormes', commune: LORMES } });
    await old.places.update(place.id, { ...OLD_PLACE, adresse: '4 rue du Pont' });

    await send(today, old);
    await send(old, today);
    for (const relais of [old, today]) {
      expect(await relais.db.places.get(place.id)).toMatchObject({ adresse: '4 rue du Pont', telephone: '+33386228000', itinerance: ['Fixe', 'Itinérant'] });
      expect(await relais.db.beneficiaries.get(person.id)).toMatchObject({ anneeNaissance: 1980, code: 'B-0001' });
      expect(await relais.db.activities.get(activity.id)).toMatchObject({ structureEmployeuse: { nom: 'Mairie de Lormes' } });
    }
    expect(await today.db.conflicts.count()).toBe(0);
  });
});
