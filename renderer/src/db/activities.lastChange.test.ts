/**
 * The activities' last change (`lastActivityChange`), which the paged list reads live to know when to
 * read again: it moves at every write of an activity, its own edit or an import's update, where the
 * number of activities stays the same; and a live read of it is told.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { liveQuery } from 'dexie';
import { closeTestDatabases, enrol, openTestRelais, receiveBundle } from '../testkit/sync';
import { ARVIEU } from '../testkit/records';
import { RECORD_VALIDATORS } from '../domain/sync/validators';
import type { Activity } from '../domain/records';
import { exportBundle } from './sync';
import { countLiveActivitiesFromRows, lastActivityChange } from './activities';
import type { RelaisDatabase } from './schema';

const SESSION: Activity = {
  type: 'individuel', date: '2026-03-02', duree: 45, typeLieu: 'domicile', commune: ARVIEU, thematiques: ['email'],
  thematiquesDemarche: [], materiel: [], tags: [], beneficiaryIds: [], structureEmployeuse: { nom: 'Médiathèque de Lormes' },
};

afterEach(closeTestDatabases);

/** Every value a live read of the last change answers, as the list's `useRead` sees them. */
function watchLastChange(db: RelaisDatabase): { seen: number[]; stop: () => void } {
  const seen: number[] = [];
  const subscription = liveQuery(() => lastActivityChange(db)).subscribe({ next: (value) => seen.push(value) });
  return { seen, stop: () => subscription.unsubscribe() };
}

describe('the activities’ last change', () => {
  it('is 0 with none, and moves with an edit that leaves their number as it was', async () => {
    const laptop = openTestRelais('last-change');
    expect(await lastActivityChange(laptop.db)).toBe(0);
    const { id } = await laptop.activities.create(SESSION);
    const watched = watchLastChange(laptop.db);
    await expect.poll(() => watched.seen.length).toBe(1);
    const before = watched.seen[0];
    expect(before).toBeGreaterThan(0);

    await laptop.activities.update(id, { ...SESSION, duree: 90 });
    await expect.poll(() => watched.seen.length).toBe(2);
    expect(watched.seen[1]).toBeGreaterThan(before);
    expect(await countLiveActivitiesFromRows(laptop.db)).toBe(1);
    watched.stop();
  });

  it('moves when an import brings an update of an activity already here, the number unchanged', async () => {
    const mediator = openTestRelais('last-change-mediator');
    const coordinator = openTestRelais('last-change-coordinator');
    await enrol(coordinator, mediator);
    const send = async () => {
      const author = { name: 'Aïcha Benali', structure: 'Médiathèque de Lormes' };
      const prepared = await exportBundle(mediator.db, { kind: 'changes', protection: { type: 'none' }, author, app: 'test' });
      await prepared.commit();
      return prepared.bytes;
    };
    const { id } = await mediator.activities.create(SESSION);
    await receiveBundle(coordinator.db, await send(), { validators: RECORD_VALIDATORS });
    const watched = watchLastChange(coordinator.db);
    await expect.poll(() => watched.seen.length).toBe(1);

    await mediator.activities.update(id, { ...SESSION, thematiques: ['email', 'sante'] });
    const report = await receiveBundle(coordinator.db, await send(), { validators: RECORD_VALIDATORS });
    expect(report.counts).toMatchObject({ new: 0, updated: 1 });
    await expect.poll(() => watched.seen.length).toBe(2);
    expect(watched.seen[1]).toBeGreaterThan(watched.seen[0]);
    expect(await countLiveActivitiesFromRows(coordinator.db)).toBe(1);
    expect((await coordinator.db.activities.get(id))?.thematiques).toEqual(['email', 'sante']);
    watched.stop();
  });
});
