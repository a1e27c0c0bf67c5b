/** Whose work is whose (issue 10): "my activity" and "not exported" count only this laptop's own work. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeTestDatabases, enrolEachOther, openTestRelais, receiveBundle } from '../../testkit/sync';
import { exportBundle, unexportedChanges } from '../sync';
import { RELAYED_COUNTED_UP_TO } from '../sync/status';
import { RECORD_VALIDATORS } from '../../domain/sync/validators';
import { readHomeStats } from '../home';
import { NotAuthorError } from '../repository';
import { LORMES } from '../../testkit/records';
import type { Activity } from '../../domain/records';
import { readAuthors } from '../authors';
import { saveProfile } from '../profile';

const PASSPHRASE = 'tous les villages ensemble';
const activity = (date: string): Activity => ({
  type: 'individuel', date, duree: 30, typeLieu: 'domicile', commune: LORMES, thematiques: ['email'], thematiquesDemarche: [],
  materiel: [], tags: [], beneficiaryIds: [], structureEmployeuse: { nom: 'Mairie de Lormes' },
});

afterEach(closeTestDatabases);

async function coordinatorWithTeamWork() {
  const [mediator, coordinator] = [openTestRelais('med'), openTestRelais('coord')];
  await enrolEachOther(mediator, coordinator);
  const theirs = [await mediator.activities.create(activity('2026-03-12')), await mediator.activities.create(activity('2026-03-02'))];
  const prepared = await exportBundle(mediator.db, {
    kind: 'changes', protection: { type: 'passphrase', passphrase: PASSPHRASE, workFactor: 1 }, author: { name: 'Aïcha Benali', structure: 'Mairie de Lormes' }, app: 'test',
  });
  await prepared.commit();
  await receiveBundle(coordinator.db, prepared.bytes, { secrets: { passphrase: PASSPHRASE }, validators: RECORD_VALIDATORS });
  return { mediator, coordinator, theirs };
}

describe('whose work is whose', () => {
  it('counts only this laptop\'s activities as "my activity", and only its own changes as not exported', async () => {
    const { coordinator } = await coordinatorWithTeamWork();
    expect(await readHomeStats(coordinator.db, '2026-03-12')).toMatchObject({ today: 0, month: 0 });
    expect(await unexportedChanges(coordinator.db)).toMatchObject({ count: 0, relayed: 2 });
    await coordinator.activities.create(activity('2026-03-12'));
    expect(await readHomeStats(coordinator.db, '2026-03-12')).toMatchObject({ today: 1, month: 1 });
    expect(await unexportedChanges(coordinator.db)).toMatchObject({ count: 1, relayed: 2 });
  });

  it('counts the records received and waiting up to a bound, then says "more than" (an index count walks them all)', async () => {
    const { coordinator } = await coordinatorWithTeamWork();
    await coordinator.activities.create(activity('2026-03-12'));
    const villages = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: `received-${from + i}`, seq: 1_000_000 + from + i }));
    await coordinator.db.villages.bulkPut(villages(0, RELAYED_COUNTED_UP_TO - 3) as never);
    expect(await unexportedChanges(coordinator.db)).toMatchObject({ count: 1, relayed: RELAYED_COUNTED_UP_TO - 1, relayedMore: false });
    await coordinator.db.villages.bulkPut(villages(RELAYED_COUNTED_UP_TO, 2) as never);
    expect(await unexportedChanges(coordinator.db)).toMatchObject({ count: 1, relayed: RELAYED_COUNTED_UP_TO, relayedMore: true });
  });

  it('refuses, in the repository, to edit, delete or restore another laptop\'s activity', async () => {
    const { coordinator, theirs } = await coordinatorWithTeamWork();
    const received = (await coordinator.activities.get(theirs[0].id))!;
    await expect(coordinator.activities.update(received.id, { ...activity('2026-03-12'), duree: 90 })).rejects.toBeInstanceOf(NotAuthorError);
    await expect(coordinator.activities.remove(received.id)).rejects.toBeInstanceOf(NotAuthorError);
    expect((await coordinator.activities.get(received.id))).toMatchObject({ duree: 30, deleted: 0 });
    expect(await coordinator.activities.mayChange(received)).toBe(false);
  });

  it('names the author of a record from her card, and this laptop from its profile', async () => {
    const { coordinator, mediator, theirs } = await coordinatorWithTeamWork();
    await saveProfile(coordinator.db, { displayName: 'Claire Martin', role: 'coordinateur', structure: 'Département de la Nièvre' });
    const authors = await readAuthors(coordinator.db);
    expect(authors.of(theirs[0].authorDevice)).toMatchObject({ own: false, name: 'Aïcha Benali' });
    const mine = await coordinator.activities.create(activity('2026-03-12'));
    expect(authors.of(mine.authorDevice)).toMatchObject({ own: true, name: 'Claire Martin', structure: 'Département de la Nièvre' });
    expect(authors.authors.map((a) => a.own)).toEqual([true, false]);
    expect(mediator).toBeDefined();
  });
});
