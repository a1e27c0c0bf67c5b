/**
 * A device's card (`.relaiscard`): the small file that says who a device is — a name, a structure, a
 * role, and its public keys — so others can encrypt bundles to it and enrol it (confirm its key by its
 * fingerprint) before they accept its bundles. Public keys only: a card is safe to e-mail.
 *
 * A card is self-signed with its Ed25519 key and its device id is the hash of that key
 * (domain/sync/identity.ts), so a damaged or edited card is refused, and no card can carry a device id
 * with another key. Every bundle carries its sender's card, and a bundle that relays other devices'
 * records carries theirs: a card travels on its own signature.
 */
import { DEVICE_ID_PATTERN, LEGACY_DEVICE_ID_PATTERN } from '../ids';
import { BundleError } from './errors';
import { fromBase64, toBase64, verify, type Signer } from './keys';
import { deviceIdOfKey, isPublicKey } from './identity';
import { isPlainObject, parseSafeObject } from './safety';
import { canonicalJson } from '../canonical';

/** Format 2: device id derived from the key, legacy ids claimed under the card's signature. */
export const CARD_FORMAT = 2;
export const CARD_TYPE = 'relais-card';
const MAX_CARD_BYTES = 16 * 1024;
/** A device migrated once; more legacy ids than this is not a real card. */
const MAX_LEGACY_IDS = 8;

export interface Card {
  type: typeof CARD_TYPE;
  format: number;
  name: string;
  structure: string;
  role: string;
  /** `deviceIdOfKey(signingKey)`. */
  deviceId: string;
  /** age X25519 recipient (`age1…`): bundles for this device are encrypted to it. */
  ageRecipient: string;
  /** Ed25519 public key (raw, base64): bundles from this device are signed with it. */
  signingKey: string;
  /**
   * Random device ids this device had before ids were derived from keys (schema < 6): records and
   * stamps written then carry them. Claimed here under the key's signature; a receiver binds each to
   * the first enrolled key that claims it (db/sync/enrolment.ts).
   */
  legacyDeviceIds: string[];
  createdAt: string;
}

export interface SignedCard extends Card {
  signature: string;
}

/** What a device states about itself; the type, format and device id are derived. */
export type CardInput = Omit<Card, 'type' | 'format' | 'deviceId'>;

function signedPart(card: Card): Uint8Array {
  const { type, format, name, structure, role, deviceId, ageRecipient, signingKey, legacyDeviceIds, createdAt } = card;
  return new TextEncoder().encode(canonicalJson({ type, format, name, structure, role, deviceId, ageRecipient, signingKey, legacyDeviceIds, createdAt }));
}

/** A card signed by `signer`, whose public key must be the card's `signingKey`. */
export async function signCard(input: CardInput, signer: Signer): Promise<SignedCard> {
  if (input.signingKey !== signer.publicKey) throw new Error('a card is signed by its own key');
  const card: Card = { type: CARD_TYPE, format: CARD_FORMAT, ...input, deviceId: deviceIdOfKey(input.signingKey) };
  return { ...card, signature: toBase64(await signer.sign(signedPart(card))) };
}

/** A card file: indented JSON, for people to read. */
export async function createCard(input: CardInput, signer: Signer): Promise<Uint8Array> {
  return new TextEncoder().encode(JSON.stringify(await signCard(input, signer), null, 2));
}

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= max;
}

function isLegacyIds(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= MAX_LEGACY_IDS
    && value.every((id) => typeof id === 'string' && LEGACY_DEVICE_ID_PATTERN.test(id))
    && new Set(value).size === value.length;
}

/**
 * The shape of a card (in a file or a bundle's manifest), without its signature checked: throws
 * `olderFormat` / `newerFormat` / `invalidCard`. Its fields are copied, so nothing else rides along.
 */
export function cardOf(raw: unknown): SignedCard {
  if (!isPlainObject(raw) || raw.type !== CARD_TYPE) throw new BundleError('invalidCard', 'type', 'type');
  if (typeof raw.format === 'number' && raw.format > CARD_FORMAT) throw new BundleError('newerFormat', 'card', 'card');
  if (typeof raw.format === 'number' && raw.format < CARD_FORMAT) throw new BundleError('olderFormat', 'card');
  const ok = raw.format === CARD_FORMAT
    && isText(raw.name, 80) && isText(raw.structure, 120) && isText(raw.role, 40)
    && typeof raw.deviceId === 'string' && DEVICE_ID_PATTERN.test(raw.deviceId)
    && typeof raw.ageRecipient === 'string' && /^age1[0-9a-z]{58}$/.test(raw.ageRecipient)
    && isPublicKey(raw.signingKey)
    && isLegacyIds(raw.legacyDeviceIds)
    && isText(raw.createdAt, 40) && Number.isFinite(Date.parse(raw.createdAt))
    && typeof raw.signature === 'string' && raw.signature.length <= 100;
  if (!ok) throw new BundleError('invalidCard', 'fields', 'fields');
  const { name, structure, role, deviceId, ageRecipient, signingKey, legacyDeviceIds, createdAt, signature } = raw as unknown as SignedCard;
  return {
    type: CARD_TYPE, format: CARD_FORMAT, name, structure, role, deviceId, ageRecipient, signingKey,
    legacyDeviceIds: [...legacyDeviceIds], createdAt, signature,
  };
}

/** Is the card signed by its own key, and is its device id that key's? */
export async function isAuthenticCard(card: SignedCard): Promise<boolean> {
  if (deviceIdOfKey(card.signingKey) !== card.deviceId) return false;
  let signature: Uint8Array;
  try {
    signature = fromBase64(card.signature);
  } catch {
    return false;
  }
  return verify(card.signingKey, signature, signedPart(card));
}

/** Parse and verify a card file; throws BundleError('invalidCard' | 'olderFormat' | 'newerFormat' | 'unsafeKeys'). */
export async function readCard(bytes: Uint8Array): Promise<SignedCard> {
  if (bytes.length > MAX_CARD_BYTES) throw new BundleError('invalidCard', 'too large', 'tooLarge');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BundleError('invalidCard', 'encoding', 'encoding');
  }
  let raw: Record<string, unknown>;
  try {
    raw = parseSafeObject(text, 'card');
  } catch (error) {
    if (error instanceof BundleError && error.code === 'unsafeKeys') throw error;
    throw new BundleError('invalidCard', 'not JSON', 'json');
  }
  const card = cardOf(raw);
  if (!(await isAuthenticCard(card))) throw new BundleError('invalidCard', 'signature', 'signature');
  return card;
}

/** The device ids a card speaks for: its own and the legacy ones it claims. */
export function idsClaimedBy(card: Pick<Card, 'deviceId' | 'legacyDeviceIds'>): string[] {
  return [card.deviceId, ...card.legacyDeviceIds];
}
