/**
 * A full disk in the middle of an import (issue 12): the browser refuses a write half-way through the
 * import transaction (QuotaExceededError); everything the import had written is rolled back, and the
 * person is told the disk is full, in plain words.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DBCore, Middleware } from 'dexie';
import { closeTestDatabases, enrolEachOther, openTestRelais, receiveBundle, snapshot } from '../../testkit/sync';
import { ensureDeviceKeys, exportBundle } from './index';
import { ensureIdentity } from '../identity';
import { RECORD_VALIDATORS } from '../../domain/sync/validators';
import { isStorageFull } from '../../platform/storage';
import { CHUNK } from './tables';
import type { TFunction } from 'i18next';
import { describeSyncError } from '../../features/sync/errors';
import { writeAllOrNothing } from '../index';
import type { Village } from '../../domain/records';

afterEach(closeTestDatabases);

/** Fails the `nth` write into `table` with the browser's quota error, as a disk filling up would. */
function quotaRunsOutAt(table: string, nth: number): { middleware: Middleware<DBCore>; writes: () => number } {
  let count = 0;
  const create = (down: DBCore): DBCore => ({
    ...down,
    table: (name: string) => {
      const inner = down.table(name);
      if (name !== table) return inner;
      return {
        ...inner,
        mutate: (request) => {
          count += 1;
          if (count === nth) return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
          return inner.mutate(request);
        },
      };
    },
  });
  return { writes: () => count, middleware: { stack: 'dbcore', name: 'quota-runs-out', create } };
}

function village(i: number): Village {
  return { commune: { codeInsee: String(10000 + i).slice(-5), nom: `Commune ${i}`, codePostal: '58140' }, departement: '58' };
}

describe('a full disk during an import', () => {
  it('rolls everything back and says the disk is full', async () => {
    const sender = openTestRelais('sender');
    const receiver = openTestRelais('receiver');
    await enrolEachOther(sender, receiver);
    // Enough villages for several chunks, so the failure falls in the middle of the import.
    const count = CHUNK * 2 + 10;
    await writeAllOrNothing(sender, ['village'], async () => {
      for (let i = 0; i < count; i++) await sender.villages.create(village(i));
    });
    await receiver.villages.create(village(9_999)); // something of its own, that must stay as it is

    const keys = await ensureDeviceKeys(receiver.db);
    const { deviceId } = await ensureIdentity(receiver.db);
    const prepared = await exportBundle(sender.db, {
      kind: 'full', protection: { type: 'recipient', recipient: keys.ageRecipient }, recipientCard: { deviceId, name: 'R' },
      author: { name: 'S', structure: 'S' }, app: 'test',
    });
    const before = await snapshot(receiver.db);
    const quota = quotaRunsOutAt('villages', 2);
    // Dexie builds its stack when the database opens: reopen with the failing layer in it.
    receiver.db.close();
    receiver.db.use(quota.middleware as never); // Dexie types `use` by the stack's name only
    await receiver.db.open();

    const error = await receiveBundle(receiver.db, prepared.bytes, { secrets: { identity: keys.ageIdentity }, validators: RECORD_VALIDATORS })
      .then(() => undefined, (e: unknown) => e);
    expect(quota.writes()).toBeGreaterThanOrEqual(2); // the first chunk was written, then the disk filled
    expect(isStorageFull(error)).toBe(true);
    // What the import screen says of it (features/sync/errors.ts), in the person's words.
    expect(describeSyncError(((key: string) => key) as unknown as TFunction<'sync'>, error)).toBe('errors.diskFull');
    receiver.db.close();
    receiver.db.unuse(quota.middleware as never);
    await receiver.db.open();
    expect(await snapshot(receiver.db)).toBe(before);
  });
});
