/**
 * Templates, series and sessions are synced records like the others: a coordinator's templates reach a
 * trainer's laptop, and a trainer's series reaches the coordinator, through ordinary bundles.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeTestDatabases, enrolEachOther, openTestRelais, receiveBundle } from '../testkit/sync';
import { ensureDeviceKeys, exportBundle } from './sync';
import { copyStarter, createSeries, duplicateTemplate } from './workshops';
import { RECORD_VALIDATORS } from '../domain/sync/validators';
import { dataOf } from '../domain/records';

afterEach(closeTestDatabases);

describe('workshops travel in bundles', () => {
  it('a coordinator sends a template down; the trainer plans a series with it and sends it back', async () => {
    const coordinator = openTestRelais('coordinator');
    const trainer = openTestRelais('trainer');
    await enrolEachOther(coordinator, trainer);
    const starter = await copyStarter(coordinator, 'arnaques', 'fr');
    const template = await duplicateTemplate(coordinator, starter, 'Arnaques – version Nièvre');

    const trainerKeys = await ensureDeviceKeys(trainer.db);
    const down = await exportBundle(coordinator.db, {
      kind: 'changes', protection: { type: 'recipient', recipient: trainerKeys.ageRecipient },
      author: { name: 'Bérénice', structure: 'Département' }, app: 'test',
    });
    const received = await receiveBundle(trainer.db, down.bytes, { secrets: { identity: trainerKeys.ageIdentity }, validators: RECORD_VALIDATORS });
    expect(received.counts.new).toBe(2);
    const arrived = await trainer.db.workshopTemplates.get(template.id);
    expect(dataOf(arrived!)).toEqual(dataOf(template));

    const series = await createSeries(trainer, {
      templateId: template.id, titre: template.titre, itinerant: true,
      commune: { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' }, participantIds: [], evaluations: [],
    }, [{ date: '2026-03-12' }, { date: '2026-03-19' }]);

    const coordinatorKeys = await ensureDeviceKeys(coordinator.db);
    const up = await exportBundle(trainer.db, {
      kind: 'changes', protection: { type: 'recipient', recipient: coordinatorKeys.ageRecipient },
      author: { name: 'Aïcha', structure: 'Médiathèque' }, app: 'test',
    });
    await receiveBundle(coordinator.db, up.bytes, { secrets: { identity: coordinatorKeys.ageIdentity }, validators: RECORD_VALIDATORS });
    expect(dataOf((await coordinator.db.workshopSeries.get(series.id))!)).toEqual(dataOf(series));
    expect(await coordinator.db.workshopSessions.where('seriesId').equals(series.id).count()).toBe(2);
  });
});
