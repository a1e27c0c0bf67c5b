/**
 * Names of the files Relais writes, made of safe characters only: lower-case ASCII letters, digits
 * and hyphens. A name like that survives every file system (Windows refuses \ / : * ? " < > |), a
 * USB stick formatted FAT32, an e-mail attachment and a zip, and reads the same on every machine.
 */

/** Letters no accent-stripping reaches (even NFKD leaves them whole). */
const SPELLED_OUT: Record<string, string> = { 'œ': 'oe', 'Œ': 'OE', 'æ': 'ae', 'Æ': 'AE', 'ß': 'ss', 'ø': 'o', 'Ø': 'O', 'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D' };

/**
 * `text` as a file-name part: accents removed ("Médiathèque" → "mediatheque"), every run of anything
 * else (spaces, slashes, apostrophes, emoji) one hyphen, at most `maxLength` characters cut at a
 * hyphen when there is one. Empty when nothing usable is left.
 */
export function fileNameSlug(text: string, maxLength = 40): string {
  const slug = text
    .replace(/[œŒæÆßøØłŁđĐ]/g, (letter) => SPELLED_OUT[letter])
    .normalize('NFKD') // compatibility forms too: ligatures (ﬁ, Ĳ), full-width letters
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf('-');
  // Cut between words unless that would throw most of the text away.
  return (lastHyphen >= maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/** `YYYY-MM-DD-HHMM` of an ISO date-time (its UTC digits, as the bundle's `createdAt`). */
function fileStamp(iso: string): string {
  return `${iso.slice(0, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}`;
}

/**
 * The name offered for an exchange file: `relais-<structure>-<name>-<date>.relais`, so a coordinator
 * who receives twenty can tell them apart before opening any. A full backup says so before the date.
 * A part with nothing usable in it is left out (never an empty `--`).
 */
export function exchangeFileName(options: { structure: string; name: string; createdAt: string; backup?: boolean }): string {
  const parts = ['relais', fileNameSlug(options.structure), fileNameSlug(options.name), options.backup ? 'sauvegarde' : '', fileStamp(options.createdAt)];
  return `${parts.filter(Boolean).join('-')}.relais`;
}

/** The name offered for a backup saved by hand (Settings, the recovery screen): `relais-sauvegarde-<date>.relaisbackup`. */
export function backupFileName(at: Date): string {
  return `relais-sauvegarde-${fileStamp(at.toISOString())}.relaisbackup`;
}

/** The name offered for this device's card: `carte-<name>.relaiscard` (`carte-relais` with no usable name). */
export function cardFileName(displayName: string): string {
  return `carte-${fileNameSlug(displayName) || 'relais'}.relaiscard`;
}

/**
 * The name of a bundle the outbox writes: the exchange file name, then who sent it (the start of its
 * device id), up to which change, and for whom (the start of the recipient's device id). Many senders
 * writing into one synced folder never pick the same name, and one sender's successive bundles neither;
 * the folder still refuses to overwrite should two ever meet.
 */
export function outboxBundleName(options: {
  structure: string; name: string; createdAt: string; deviceId: string; recipientId: string; upTo: number;
}): string {
  const base = exchangeFileName(options).replace(/\.relais$/, '');
  const device = fileNameSlug(options.deviceId, 64).replace(/-/g, '').slice(0, 8);
  const recipient = fileNameSlug(options.recipientId, 64).replace(/-/g, '').slice(0, 4);
  return `${base}-${device}-${options.upTo}-${recipient}.relais`;
}
