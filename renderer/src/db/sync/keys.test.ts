/**
 * This device's keys at rest and in use: sealed in the `secrets` table (never a private byte in clear in
 * any table), unsealed for a session as non-extractable keys behind one signer, migrated from the clear
 * copies an older version kept (schema version 12), and renewed when the seal is lost, records kept.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Encrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import { closeTestDatabases, openTestRelais, receiveBundle, snapshot } from '../../testkit/sync';
import { fakeOsProtection } from '../../testkit/keys';
import { openRelais } from '../index';
import { RelaisDatabase, SCHEMA_VERSIONS } from '../schema';
import { ensureIdentity } from '../identity';
import { deviceIdOfKey } from '../../domain/sync/identity';
import { readMeta } from '../meta';
import {
  enrolCard, ensureDeviceKeys, exportBundle, exportMyCard, lockKeys, readKeysState, rememberOsProtection, renewDeviceKeys, sealDeviceKeys,
  unlockDeviceKeys,
} from './index';
import { readCard } from '../../domain/sync/card';
import { ED25519, publicKeyOf, verify } from '../../domain/sync/keys';
import { keysErrorCode, type VaultProtection } from '../../domain/sync/sealing';
import { openBundle } from '../../domain/sync/bundle';
import { RECORD_VALIDATORS } from '../../domain/sync/validators';

afterEach(closeTestDatabases);
afterEach(() => vi.restoreAllMocks());

const PASSPHRASE: VaultProtection = { kind: 'passphrase', passphrase: 'lanterne-cirque-poivre-falaise', iterations: 1000 };
const AUTHOR = { name: 'Bérénice Martin', structure: 'Département de la Nièvre' };

/** Every private key WebCrypto generates during `work`, exported while it is still extractable. */
async function capturingGeneratedSecrets<T>(work: () => Promise<T>): Promise<{ result: T; secrets: Uint8Array[] }> {
  const original = crypto.subtle.generateKey.bind(crypto.subtle);
  const secrets: Uint8Array[] = [];
  vi.spyOn(crypto.subtle, 'generateKey').mockImplementation((async (...args: Parameters<typeof original>) => {
    const generated = await original(...args);
    const privateKey = 'privateKey' in generated ? generated.privateKey : generated;
    if (privateKey.extractable) {
      const format = privateKey.type === 'secret' ? 'raw' : 'pkcs8';
      const bytes = new Uint8Array(await crypto.subtle.exportKey(format, privateKey));
      secrets.push(format === 'pkcs8' ? bytes.slice(16) : bytes); // PKCS #8: the key bytes follow a 16-byte prefix
    }
    return generated;
  }) as typeof original);
  return { result: await work(), secrets };
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Every row of every table, Uint8Arrays as hex, so a byte search covers what a copied disk would hold. */
async function everythingStored(db: RelaisDatabase): Promise<string> {
  const rows: unknown[] = [];
  for (const table of db.tables) rows.push(await table.toArray());
  return JSON.stringify(rows, (_key, value: unknown) => (value instanceof Uint8Array ? hex(value) : value));
}

async function signs(keys: { signer: { publicKey: string; sign(m: Uint8Array): Promise<Uint8Array> } }): Promise<boolean> {
  const message = new TextEncoder().encode('manifeste');
  return verify(keys.signer.publicKey, await keys.signer.sign(message), message);
}

describe('keys sealed at rest', () => {
  it('are created sealed: no private key, no vault key, in any table; the public halves are', async () => {
    const relais = openTestRelais('keys');
    const { result: keys, secrets } = await capturingGeneratedSecrets(() => ensureDeviceKeys(relais.db));
    expect(secrets).toHaveLength(3); // the vault key, the signing key, the age key
    const stored = await everythingStored(relais.db);
    for (const secret of secrets) expect(stored).not.toContain(hex(secret));
    expect(stored).toContain(keys.signer.publicKey); // control: the search does see what is stored
    expect(stored).toContain(keys.ageRecipient);
    expect(await readKeysState(relais.db)).toEqual({ sealedBy: 'os', legacyClearKeys: false });
    expect(keys.ageIdentity.extractable).toBe(false);
    expect(await signs(keys)).toBe(true);
  });

  it('are asked for, not guessed: without the OS or a passphrase this session, they are "locked"', async () => {
    const relais = openRelais(`keys-locked-${Math.random()}`);
    try {
      await expect(ensureDeviceKeys(relais.db).catch(keysErrorCode)).resolves.toBe('locked');
      await sealDeviceKeys(relais.db, PASSPHRASE);
      lockKeys(relais.db);
      await expect(ensureDeviceKeys(relais.db).catch(keysErrorCode)).resolves.toBe('locked');
      await expect(unlockDeviceKeys(relais.db, { ...PASSPHRASE, passphrase: 'autre-chose' }).catch(keysErrorCode)).resolves.toBe('wrongPassphrase');
      const keys = await unlockDeviceKeys(relais.db, PASSPHRASE);
      expect(await signs(keys)).toBe(true);
      await expect(ensureDeviceKeys(relais.db)).resolves.toBe(keys);
      await expect(sealDeviceKeys(relais.db, PASSPHRASE).catch(keysErrorCode)).resolves.toBe('alreadySealed');
    } finally {
      await relais.db.delete();
    }
  });

  it('unseal to the same keys in a later session, and the OS keychain is asked once per session', async () => {
    const relais = openRelais(`keys-session-${Math.random()}`);
    const os = fakeOsProtection();
    rememberOsProtection(relais.db, os);
    try {
      const first = await ensureDeviceKeys(relais.db);
      lockKeys(relais.db); // a new session
      const [a, b] = await Promise.all([ensureDeviceKeys(relais.db), ensureDeviceKeys(relais.db)]);
      expect(a).toBe(b);
      expect(a.signer.publicKey).toBe(first.signer.publicKey);
      expect(a.ageRecipient).toBe(first.ageRecipient);
      expect(os.calls).toEqual({ seal: 1, unseal: 2 }); // sealed once (then checked), unsealed once for the new session
      await expect(unlockDeviceKeys(relais.db, fakeOsProtection({ broken: true })).catch(keysErrorCode)).resolves.toBe('unreadable');
    } finally {
      await relais.db.delete();
    }
  });

  it('sign the card and the bundles through the one signer', async () => {
    const relais = openTestRelais('keys');
    const keys = await ensureDeviceKeys(relais.db);
    const card = await readCard(await exportMyCard(relais.db, { ...AUTHOR, role: 'coordinateur' }));
    expect(card.signingKey).toBe(keys.signer.publicKey);
    expect(card.ageRecipient).toBe(keys.ageRecipient);
    await relais.villages.create({ commune: { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' }, departement: '58' });
    const prepared = await exportBundle(relais.db, { kind: 'full', protection: { type: 'none' }, author: AUTHOR, app: 'test' });
    expect(prepared.manifest.source.signingKey).toBe(keys.signer.publicKey);
    await expect(openBundle(prepared.bytes, {}, { validators: RECORD_VALIDATORS })).resolves.toMatchObject({ manifest: { recordCount: 1 } });
  });
});

describe('schema version 12: keys an older version kept in clear', () => {
  /** A database as the previous release left it: version 4, keys in clear in `meta`. */
  async function previousRelease(name: string) {
    const legacy = new Dexie(name);
    for (const step of SCHEMA_VERSIONS.filter((s) => s.version <= 4)) legacy.version(step.version).stores(step.stores);
    await legacy.open();
    const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
    const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
    const publicKey = await publicKeyOf(pair);
    const identity = await generateIdentity();
    const recipient = await identityToRecipient(identity);
    await legacy.table('meta').bulkPut([
      { key: 'device', value: { deviceId: 'aaaaaaaaaaaaaaaa', createdAt: '2026-01-01T00:00:00.000Z' } },
      { key: 'signingKey', value: { privateJwk, publicKey } },
      { key: 'ageIdentity', value: { identity, recipient } },
    ]);
    legacy.close();
    return { privateJwk, publicKey, identity, recipient };
  }

  it('are sealed and their clear copies deleted when the vault is first opened; cards and bundles sent to them still work', async () => {
    const name = `keys-legacy-${Math.random()}`;
    const old = await previousRelease(name);
    const relais = openRelais(name);
    try {
      expect(await readKeysState(relais.db)).toEqual({ sealedBy: null, legacyClearKeys: true });
      expect(relais.db.verno).toBe(SCHEMA_VERSIONS.at(-1)?.version);
      // A bundle a mediator encrypted to the card handed out before the update.
      const encrypter = new Encrypter();
      encrypter.addRecipient(old.recipient);
      const body = await encrypter.encrypt('x');

      rememberOsProtection(relais.db, fakeOsProtection());
      const keys = await ensureDeviceKeys(relais.db);
      expect(keys.signer.publicKey).toBe(old.publicKey);
      expect(keys.ageRecipient).toBe(old.recipient);
      expect(await signs(keys)).toBe(true);
      const { Decrypter } = await import('age-encryption');
      const decrypter = new Decrypter();
      decrypter.addIdentity(keys.ageIdentity);
      expect(await decrypter.decrypt(body, 'text')).toBe('x');

      expect(await readMeta(relais.db, 'signingKey')).toBeUndefined();
      expect(await readMeta(relais.db, 'ageIdentity')).toBeUndefined();
      expect(await readKeysState(relais.db)).toEqual({ sealedBy: 'os', legacyClearKeys: false });
      const stored = await everythingStored(relais.db);
      expect(stored).not.toContain(old.identity);
      expect(stored).not.toContain(old.privateJwk.d);
      expect(stored).toContain(old.publicKey);
      // Same key, same device: its id is the key's (schema 6), the random one it had kept as a legacy id.
      expect(await ensureIdentity(relais.db)).toMatchObject({ deviceId: deviceIdOfKey(old.publicKey), legacyDeviceIds: ['aaaaaaaaaaaaaaaa'] });
    } finally {
      await relais.db.delete();
    }
  });
});

describe('re-enrolment when the seal is lost', () => {
  it('gives new keys and a new device id, keeps every record, and makes the next export carry everything', async () => {
    const relais = openRelais(`keys-renew-${Math.random()}`);
    try {
      const before = await sealDeviceKeys(relais.db, PASSPHRASE);
      const oldDevice = (await ensureIdentity(relais.db)).deviceId;
      await relais.villages.create({ commune: { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' }, departement: '58' });
      const first = await exportBundle(relais.db, { kind: 'changes', protection: { type: 'none' }, author: AUTHOR, app: 'test' });
      await first.commit();
      const records = await snapshotOfRecords(relais.db);
      lockKeys(relais.db); // the next day: the passphrase is forgotten

      const renewed = await renewDeviceKeys(relais.db, { ...PASSPHRASE, passphrase: 'nouvelle-phrase-bien-longue' });
      expect(renewed.signer.publicKey).not.toBe(before.signer.publicKey);
      expect(renewed.ageRecipient).not.toBe(before.ageRecipient);
      expect((await ensureIdentity(relais.db)).deviceId).toBe(deviceIdOfKey(renewed.signer.publicKey));
      expect((await ensureIdentity(relais.db)).deviceId).not.toBe(oldDevice);
      expect(await snapshotOfRecords(relais.db)).toEqual(records);
      lockKeys(relais.db);
      await expect(unlockDeviceKeys(relais.db, PASSPHRASE).catch(keysErrorCode)).resolves.toBe('wrongPassphrase');
      await unlockDeviceKeys(relais.db, { ...PASSPHRASE, passphrase: 'nouvelle-phrase-bien-longue' });

      const next = await exportBundle(relais.db, { kind: 'changes', protection: { type: 'none' }, author: AUTHOR, app: 'test' });
      expect(next.manifest.range.from).toBe(1);
      expect(next.manifest.recordCount).toBe(1);
      expect(next.manifest.source.signingKey).toBe(renewed.signer.publicKey);
      // A receiver opens it, signed by the new key, once a person enrolled that key.
      const receiver = openTestRelais('receiver');
      await enrolCard(receiver.db, next.manifest.source);
      await expect(receiveBundle(receiver.db, next.bytes, { validators: RECORD_VALIDATORS })).resolves.toMatchObject({ counts: { new: 1 } });
      expect(await snapshot(receiver.db)).toContain('Lormes');
    } finally {
      await relais.db.delete();
    }
  });
});

async function snapshotOfRecords(db: RelaisDatabase): Promise<unknown[]> {
  return db.villages.toArray();
}
