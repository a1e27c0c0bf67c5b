/**
 * This device's keys and cards: the Ed25519 key that signs its bundles and the age identity bundles
 * are encrypted to, created on first use and kept in `meta`; its card for a coordinator to hand out;
 * the cards of others, which say whose key is whose.
 */
import { fingerprint, generateDeviceKeys, type DeviceKeys } from '../../domain/sync/keys';
import { createCard, type SignedCard } from '../../domain/sync/card';
import { ensureDevice } from '../device';
import { readMeta, writeMeta } from '../meta';
import type { RelaisDatabase } from '../schema';
import type { CardRow } from './rows';

/** Who is named on a bundle or a card this device makes. */
export interface Author {
  name: string;
  structure: string;
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

/** This device's card (for a coordinator to hand out). */
export async function exportMyCard(db: RelaisDatabase, author: Author & { role: string }): Promise<Uint8Array> {
  const keys = await ensureDeviceKeys(db);
  const { deviceId } = await ensureDevice(db);
  return createCard({
    name: author.name, structure: author.structure, role: author.role, deviceId,
    ageRecipient: keys.ageRecipient, signingKey: keys.signingPublicKey, createdAt: new Date().toISOString(),
  }, keys.signingPrivateJwk);
}

export async function saveCard(db: RelaisDatabase, card: SignedCard): Promise<void> {
  await db.cards.put({ ...card, importedAt: new Date().toISOString() });
}

/** The cards received here (who may be sent an encrypted bundle, and under which key). */
export function knownCards(db: RelaisDatabase): Promise<CardRow[]> {
  return db.cards.toArray();
}

/** The same, each with its key's fingerprint, for people to compare aloud. */
export async function knownCardsWithFingerprints(db: RelaisDatabase): Promise<Array<CardRow & { print: string }>> {
  return Promise.all((await knownCards(db)).map(async (card) => ({ ...card, print: await fingerprint(card.signingKey) })));
}
