import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeTestDatabases, openTestRelais, snapshot } from '../testkit/sync';
import type { Activity } from '../domain/records';
import { saveActivityFromForm } from './activities';
import { readRememberedDetails } from './activityDefaults';
import { readDraft, saveDraft } from './drafts';
import { statsDifferFromRecount } from './stats/dashboard';

const ACTIVITY: Activity = {
  type: 'individuel', date: '2026-03-12', duree: 45, typeLieu: 'a_distance', thematiques: ['email'], thematiquesDemarche: [],
  materiel: [], tags: [], beneficiaryIds: [],
};

afterEach(closeTestDatabases);

describe('the activity form saves in one transaction', () => {
  it('writes the activity, remembers its details and ends its draft together', async () => {
    const relais = openTestRelais('form');
    await saveDraft(relais.db, 'activity:new:individuel', { duree: 45 });
    const id = await saveActivityFromForm(relais, { activity: ACTIVITY, draftKey: 'activity:new:individuel' });
    expect((await relais.db.activities.get(id))?.duree).toBe(45);
    expect(await readDraft(relais.db, 'activity:new:individuel')).toBeUndefined();
    expect((await readRememberedDetails(relais.db)).individuel).toBeDefined();
    expect(await statsDifferFromRecount(relais.db)).toEqual([]);
  });

  it('a refused write keeps the draft: nothing of the save happened', async () => {
    const relais = openTestRelais('form');
    const id = await saveActivityFromForm(relais, { activity: ACTIVITY, draftKey: 'activity:new:individuel' });
    await saveDraft(relais.db, `activity:${id}`, { duree: 60 });
    // Written by another device: this one may not change it, and the update throws inside the transaction.
    const stored = (await relais.db.activities.get(id))!;
    await relais.db.activities.put({ ...stored, authorDevice: 'f'.repeat(32) });
    const before = await snapshot(relais.db);
    await expect(saveActivityFromForm(relais, { activity: { ...ACTIVITY, duree: 60 }, editingId: id, draftKey: `activity:${id}` })).rejects.toThrow();
    expect(await snapshot(relais.db)).toBe(before);
    expect(await readDraft(relais.db, `activity:${id}`)).toBeDefined();
  });
});
