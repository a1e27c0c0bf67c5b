/**
 * This device's keys and card: the Ed25519 key that signs its bundles, its cards and its records'
 * seals, and the age identity bundles are encrypted to, created on first use and kept in `meta`; its
 * card, for others to enrol it. The cards of others are in ./enrolment.ts.
 */
import { generateDeviceKeys, signerOf, type DeviceKeys } from '../../domain/sync/keys';
import { createCard, signCard, type CardInput, type SignedCard } from '../../domain/sync/card';
import { readIdentity } from '../device';
import { readMeta, writeMeta } from '../meta';
import type { RelaisDatabase } from '../schema';

/** Who is named on a bundle or a card this device makes. */
export interface Author {
  name: string;
  structure: string;
  /** Informative (a role code of domain/codes.ts); a mediator's when not said. */
  role?: string;
}

/**
 * This device's keys, created on first use. Generated outside the transaction (WebCrypto promises
 * would end a Dexie transaction), then stored only if no other tab stored some first.
 */
export async function ensureDeviceKeys(db: RelaisDatabase): Promise<DeviceKeys> {
  const read = async (): Promise<DeviceKeys | undefined> => {
    const signing = await readMeta(db, 'signingKey');
    const age = await readMeta(db, 'ageIdentity');
    return signing && age ? {
      signingPrivateJwk: signing.privateJwk, signingPublicKey: signing.publicKey,
      ageIdentity: age.identity, ageRecipient: age.recipient,
    } : undefined;
  };
  const existing = await read();
  if (existing) return existing;
  const keys = await generateDeviceKeys();
  return db.transaction('rw', db.meta, async () => {
    const raced = await read();
    if (raced) return raced;
    await writeMeta(db, 'signingKey', { privateJwk: keys.signingPrivateJwk, publicKey: keys.signingPublicKey });
    await writeMeta(db, 'ageIdentity', { identity: keys.ageIdentity, recipient: keys.ageRecipient });
    return keys;
  });
}

/** This device's public signing key, read without creating anything (for screens: live queries only read). */
export async function readSigningPublicKey(db: RelaisDatabase): Promise<string | undefined> {
  return (await readMeta(db, 'signingKey'))?.publicKey;
}

/**
 * Signing as this device, for what is not a bundle or a card: the seals of its records
 * (db/sync/seal.ts). The one place that hands out this device's signing function.
 */
export async function deviceSigner(db: RelaisDatabase): Promise<{ publicKey: string; sign: (message: Uint8Array) => Promise<Uint8Array> }> {
  const keys = await ensureDeviceKeys(db);
  return { publicKey: keys.signingPublicKey, sign: signerOf(keys.signingPrivateJwk) };
}

async function cardInput(db: RelaisDatabase, author: Author, createdAt: string): Promise<{ input: CardInput; keys: DeviceKeys }> {
  const keys = await ensureDeviceKeys(db);
  const identity = await readIdentity(db);
  const input: CardInput = {
    name: author.name, structure: author.structure, role: author.role ?? 'mediateur',
    ageRecipient: keys.ageRecipient, signingKey: keys.signingPublicKey, legacyDeviceIds: identity.legacyDeviceIds ?? [], createdAt,
  };
  return { input, keys };
}

/** This device's card as a file, for others to enrol it. Call `ensureIdentity` first. */
export async function exportMyCard(db: RelaisDatabase, author: Author & { role: string }): Promise<Uint8Array> {
  const { input, keys } = await cardInput(db, author, new Date().toISOString());
  return createCard(input, keys.signingPrivateJwk);
}

/** This device's signed card, as every bundle it sends carries it. Call `ensureIdentity` first. */
export async function myCard(db: RelaisDatabase, author: Author, createdAt: string): Promise<SignedCard> {
  const { input, keys } = await cardInput(db, author, createdAt);
  return signCard(input, keys.signingPrivateJwk);
}
