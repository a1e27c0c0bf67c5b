/**
 * A coordinator's card (`.relaiscard`): the small file a coordinator gives mediators so they can
 * encrypt bundles to her and recognise her signature. Public keys only — a card is safe to e-mail.
 * The card is self-signed with its Ed25519 key, so a damaged or edited card is refused.
 */
import { DEVICE_ID_PATTERN } from '../ids';
import { BundleError } from './errors';
import { fromBase64, toBase64, verify, type Signer } from './keys';
import { isPlainObject, parseSafeObject } from './safety';
import { canonicalJson } from '../canonical';

export const CARD_FORMAT = 1;
export const CARD_TYPE = 'relais-card';
const MAX_CARD_BYTES = 16 * 1024;

export interface Card {
  type: typeof CARD_TYPE;
  format: number;
  name: string;
  structure: string;
  role: string;
  deviceId: string;
  /** age X25519 recipient (`age1…`): bundles for this person are encrypted to it. */
  ageRecipient: string;
  /** Ed25519 public key (raw, base64): bundles from this person are signed with it. */
  signingKey: string;
  createdAt: string;
}

export interface SignedCard extends Card {
  signature: string;
}

function signedPart(card: Card): Uint8Array {
  const { type, format, name, structure, role, deviceId, ageRecipient, signingKey, createdAt } = card;
  return new TextEncoder().encode(canonicalJson({ type, format, name, structure, role, deviceId, ageRecipient, signingKey, createdAt }));
}

/** A card signed by `signer`, whose public key must be the card's `signingKey`. */
export async function createCard(card: Omit<Card, 'type' | 'format'>, signer: Signer): Promise<Uint8Array> {
  if (card.signingKey !== signer.publicKey) throw new Error('a card is signed by its own key');
  const full: Card = { type: CARD_TYPE, format: CARD_FORMAT, ...card };
  const signature = toBase64(await signer.sign(signedPart(full)));
  return new TextEncoder().encode(JSON.stringify({ ...full, signature }, null, 2));
}

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= max;
}

/** Parse and verify a card file; throws BundleError('invalidCard' | 'newerFormat' | 'unsafeKeys'). */
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
  if (!isPlainObject(raw) || raw.type !== CARD_TYPE) throw new BundleError('invalidCard', 'type', 'type');
  if (typeof raw.format === 'number' && raw.format > CARD_FORMAT) throw new BundleError('newerFormat', 'card', 'card');
  const ok = raw.format === CARD_FORMAT
    && isText(raw.name, 80) && isText(raw.structure, 120) && isText(raw.role, 40)
    && typeof raw.deviceId === 'string' && DEVICE_ID_PATTERN.test(raw.deviceId)
    && typeof raw.ageRecipient === 'string' && /^age1[0-9a-z]{58}$/.test(raw.ageRecipient)
    && typeof raw.signingKey === 'string' && safeLength(raw.signingKey) === 32
    && isText(raw.createdAt, 40) && typeof raw.signature === 'string';
  if (!ok) throw new BundleError('invalidCard', 'fields', 'fields');
  const card = raw as unknown as SignedCard;
  let signature: Uint8Array;
  try {
    signature = fromBase64(card.signature);
  } catch {
    throw new BundleError('invalidCard', 'signature encoding', 'signature');
  }
  if (!(await verify(card.signingKey, signature, signedPart(card)))) throw new BundleError('invalidCard', 'signature', 'signature');
  return card;
}

function safeLength(base64: string): number {
  try {
    return fromBase64(base64).length;
  } catch {
    return -1;
  }
}
