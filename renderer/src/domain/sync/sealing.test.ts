/**
 * Sealing at rest, pure: the vault key under a passphrase or the OS, private keys wrapped with it, and
 * what comes back out is a non-extractable key that still signs and decrypts.
 */
import { describe, expect, it } from 'vitest';
import { Decrypter, Encrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import { ED25519, generateAgePair, generateSigningPair, publicKeyOf, signerOf, verify } from './keys';
import {
  ageIdentityToPkcs8, createVaultKey, importLegacySigningKey, keysErrorCode, openVaultKey, PBKDF2_ITERATIONS, unwrapPrivateKey, wrapPkcs8, wrapPrivateKey,
  type VaultProtection,
} from './sealing';
import { fakeOsProtection } from '../../testkit/keys';

const FAST: VaultProtection = { kind: 'passphrase', passphrase: 'lanterne-cirque-poivre-falaise', iterations: 1000 };

async function failure(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(() => undefined, (error: unknown) => keysErrorCode(error) ?? String(error));
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

describe('the vault key', () => {
  it('under a passphrase: opens with it, is refused with another, and records how it was derived', async () => {
    const { sealed, key } = await createVaultKey(FAST);
    expect(sealed).toMatchObject({ scheme: 'passphrase', kdf: 'PBKDF2-SHA256', iterations: 1000 });
    expect(key.extractable).toBe(false);
    const again = await openVaultKey(sealed, { kind: 'passphrase', passphrase: 'lanterne-cirque-poivre-falaise' });
    // The key opened again is the same: what it wrapped, it unwraps.
    const signing = await generateSigningPair();
    const wrapped = await wrapPrivateKey(signing.privateKey, key, 'signing');
    await expect(unwrapPrivateKey(wrapped, again, 'signing')).resolves.toBeDefined();
    expect(await failure(openVaultKey(sealed, { kind: 'passphrase', passphrase: 'lanterne-cirque-poivre-falaisE' }))).toBe('wrongPassphrase');
  });

  it('uses 600,000 PBKDF2 iterations unless a test asks for fewer', async () => {
    expect(PBKDF2_ITERATIONS).toBe(600_000);
    const { sealed } = await createVaultKey({ kind: 'passphrase', passphrase: 'x' });
    expect(sealed).toMatchObject({ iterations: 600_000 });
  });

  it('sealed by the OS: the shell only ever sees opaque bytes, and a keychain that changed is "unreadable"', async () => {
    const os = fakeOsProtection();
    const seen: Uint8Array[] = [];
    const spying: VaultProtection = { ...os, seal: async (bytes) => { seen.push(bytes.slice()); return os.seal(bytes); } };
    const { sealed } = await createVaultKey(spying);
    expect(sealed.scheme).toBe('os');
    expect(seen).toHaveLength(1);
    // What is stored is the OS's sealed form, never the raw key handed to it.
    if (sealed.scheme === 'os') expect(contains(sealed.sealed, seen[0])).toBe(false);
    await expect(openVaultKey(sealed, os)).resolves.toMatchObject({ extractable: false });
    expect(await failure(openVaultKey(sealed, fakeOsProtection({ broken: true })))).toBe('unreadable');
    expect(await failure(openVaultKey(sealed, FAST))).toBe('schemeMismatch');
  });
});

describe('private keys wrapped with the vault key', () => {
  it('come back non-extractable, and still sign what their public key verifies', async () => {
    const { key } = await createVaultKey(FAST);
    const pair = await generateSigningPair();
    const publicKey = await publicKeyOf(pair);
    const sealed = await wrapPrivateKey(pair.privateKey, key, 'signing');
    const raw = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
    expect(contains(sealed.wrapped, raw.subarray(16))).toBe(false); // the 32 secret bytes after the PKCS #8 prefix
    const unsealed = await unwrapPrivateKey(sealed, key, 'signing');
    expect(unsealed.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', unsealed)).rejects.toThrow();
    const signer = signerOf(unsealed, publicKey);
    const message = new TextEncoder().encode('manifest');
    expect(await verify(publicKey, await signer.sign(message), message)).toBe(true);
  });

  it('refuse to unwrap when a byte changed, or under another purpose than they were sealed for', async () => {
    const { key } = await createVaultKey(FAST);
    const age = await generateAgePair();
    const sealed = await wrapPrivateKey(age.privateKey, key, 'age');
    const damaged = { ...sealed, wrapped: sealed.wrapped.slice() };
    damaged.wrapped[5] ^= 1;
    expect(await failure(unwrapPrivateKey(damaged, key, 'age'))).toBe('unreadable');
    expect(await failure(unwrapPrivateKey(sealed, key, 'signing'))).toBe('unreadable');
    const otherVault = (await createVaultKey(FAST)).key;
    expect(await failure(unwrapPrivateKey(sealed, otherVault, 'age'))).toBe('unreadable');
  });

  it('an age identity kept as a string by an older version opens, once sealed, what was sent to its recipient', async () => {
    const identity = await generateIdentity();
    const recipient = await identityToRecipient(identity);
    const encrypter = new Encrypter();
    encrypter.addRecipient(recipient);
    const body = await encrypter.encrypt('pour la coordinatrice');
    const { key } = await createVaultKey(FAST);
    const pkcs8 = ageIdentityToPkcs8(identity);
    const unsealed = await unwrapPrivateKey(await wrapPkcs8(pkcs8, key, 'age'), key, 'age');
    expect(unsealed.extractable).toBe(false);
    expect(await identityToRecipient(unsealed)).toBe(recipient);
    const decrypter = new Decrypter();
    decrypter.addIdentity(unsealed);
    expect(await decrypter.decrypt(body, 'text')).toBe('pour la coordinatrice');
    expect(() => ageIdentityToPkcs8('AGE-SECRET-KEY-PQ-1QQQQ')).toThrow();
  });

  it('a legacy JWK signing key is sealed as it is: the public key on cards already handed out stays valid', async () => {
    const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
    const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
    const { key } = await createVaultKey(FAST);
    const unsealed = await unwrapPrivateKey(await wrapPrivateKey(await importLegacySigningKey(jwk), key, 'signing'), key, 'signing');
    const publicKey = await publicKeyOf(pair);
    const message = new TextEncoder().encode('carte');
    expect(await verify(publicKey, await signerOf(unsealed, publicKey).sign(message), message)).toBe(true);
  });
});
