/**
 * The shared-laptop lock (issue 12): with it set, the sealed keys need its PIN or passphrase on top of
 * their seal (the OS keychain or the keys' passphrase) — a copied disk with the OS session still needs it.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeTestDatabases, openTestRelais } from '../../testkit/sync';
import { closeLock, ensureDeviceKeys, hasLock, isLockOpen, openLock, readKeysState, removeLock, setLock, unlockDeviceKeys } from './keys';
import { keysErrorCode, type VaultProtection } from '../../domain/sync/sealing';
import { fakeOsProtection } from '../../testkit/keys';

afterEach(closeTestDatabases);

const PIN = '482913';
const FAST = 1000; // PBKDF2 iterations for tests only

async function errorCodeOf(work: Promise<unknown>): Promise<string | undefined> {
  return work.then(() => undefined, (error: unknown) => keysErrorCode(error));
}

describe('the lock over the sealed keys', () => {
  it('with the OS keychain: after the lock closes, the keys need the PIN, a wrong PIN opens nothing', async () => {
    const relais = openTestRelais('lock');
    const before = await ensureDeviceKeys(relais.db); // sealed by the (pretend) OS keychain
    await setLock(relais.db, PIN, FAST);
    expect(await hasLock(relais.db)).toBe(true);
    expect((await readKeysState(relais.db)).sealedBy).toBe('os');
    // The stored vault no longer holds the OS-sealed key as it was: it is under the lock.
    expect(Object.keys((await relais.db.secrets.get('vault'))!.value)).toContain('lock');

    closeLock(relais.db);
    expect(isLockOpen(relais.db)).toBe(false);
    expect(await errorCodeOf(ensureDeviceKeys(relais.db))).toBe('locked'); // the OS alone is not enough
    expect(await errorCodeOf(openLock(relais.db, '000000'))).toBe('wrongPassphrase');
    expect(await errorCodeOf(ensureDeviceKeys(relais.db))).toBe('locked');

    await openLock(relais.db, PIN);
    const after = await ensureDeviceKeys(relais.db);
    expect(after.signingPublicKey).toBe(before.signingPublicKey);
    expect(after.ageRecipient).toBe(before.ageRecipient);
  });

  it('with a keys passphrase (browser): the PIN first, then the passphrase as before', async () => {
    const relais = openTestRelais('lock-pass');
    const passphrase: VaultProtection = { kind: 'passphrase', passphrase: 'lanterne-cirque-poivre-falaise', iterations: FAST };
    const { sealDeviceKeys } = await import('./keys');
    const keys = await sealDeviceKeys(relais.db, passphrase);
    await setLock(relais.db, 'une autre phrase pour le verrou', FAST);
    closeLock(relais.db);
    expect(await errorCodeOf(unlockDeviceKeys(relais.db, passphrase))).toBe('locked');
    await openLock(relais.db, 'une autre phrase pour le verrou');
    expect((await unlockDeviceKeys(relais.db, passphrase)).ageRecipient).toBe(keys.ageRecipient);
  });

  it('removed, the keys open with their seal alone again', async () => {
    const relais = openTestRelais('unlock');
    await ensureDeviceKeys(relais.db);
    await setLock(relais.db, PIN, FAST);
    await removeLock(relais.db);
    expect(await hasLock(relais.db)).toBe(false);
    closeLock(relais.db);
    const { rememberOsProtection } = await import('./keys');
    rememberOsProtection(relais.db, fakeOsProtection());
    expect((await ensureDeviceKeys(relais.db)).signingPublicKey).toMatch(/.+/);
  });
});
