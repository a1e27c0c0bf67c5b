/**
 * Record ids are UUIDv7: random enough to be minted offline on any laptop without collisions,
 * and time-ordered so that indexes stay compact and "newest first" is cheap.
 */
export function uuidv7(now: number = Date.now()): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const ms = BigInt(Math.max(0, Math.floor(now)));
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = (bytes[6] & 0x0f) | 0x70; // version 7
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A device id: 32 lowercase hex characters (128 bits) derived from the device's Ed25519 public key
 * (`deviceIdOfKey`, domain/sync/identity.ts), so no other key can claim it.
 */
export const DEVICE_ID_PATTERN = /^[0-9a-f]{32}$/;

/**
 * A device id minted at random before ids were derived from keys (databases before schema version 6).
 * Records and stamps written then still carry it; the device now claims it as a legacy id on its card.
 */
export const LEGACY_DEVICE_ID_PATTERN = /^[0-9a-f]{16}$/;

/** Any device id a record's author or a stamp may carry: derived from a key, or legacy. */
export const ANY_DEVICE_ID_PATTERN = /^(?:[0-9a-f]{16}|[0-9a-f]{32})$/;

/**
 * How many hex digits of its author's device id a record id ends with (48 bits): the id of a record
 * names its author, so no one can take an honest record's id for a record of their own before the
 * real one arrives (the real one would then be refused as "another author"). Forging an id in another
 * device's range means finding a key whose device id starts with the same 48 bits.
 */
export const AUTHOR_ID_DIGITS = 12;

/**
 * A new record's id: a UUIDv7 whose last 12 hex digits (its random "node" bits) are the first 12 of
 * its author's device id. Still a valid, time-ordered UUIDv7 with 26 random bits per millisecond.
 */
export function recordId(authorDevice: string, now: number = Date.now()): string {
  const id = uuidv7(now);
  return DEVICE_ID_PATTERN.test(authorDevice) ? id.slice(0, -AUTHOR_ID_DIGITS) + authorDevice.slice(0, AUTHOR_ID_DIGITS) : id;
}

/**
 * Does `id` name `authorDevice`? Always true for a legacy author (ids were random before ids were
 * bound to keys): those records are checked by their legacy id's binding to a key instead.
 */
export function isIdOfAuthor(id: string, authorDevice: string): boolean {
  return !DEVICE_ID_PATTERN.test(authorDevice) || id.endsWith(authorDevice.slice(0, AUTHOR_ID_DIGITS));
}
