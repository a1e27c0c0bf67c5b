/**
 * Which files of a synced folder are ours to read, and the names Relais writes there. No Electron and
 * no file-system access: pure rules, tested in Node.
 *
 * Sync engines write a file under a temporary name and rename it when complete: Syncthing uses
 * `.syncthing.<name>.tmp` (`~syncthing~<name>.tmp` on Windows), Nextcloud's desktop client downloads to
 * `.<name>.~<hex>` and uploads as `<name>.part`, browsers and other tools leave `.part`, `.crdownload`,
 * `.tmp`. Relais's own outbox writes to a hidden `.<name>.<hex>.tmp`. None of these is ever read: only a
 * visible file ending in `.relais` is, and only once it stops changing (./stability.ts).
 */
import { FILE_EXTENSIONS, MAX_NAME_LENGTH } from '../../shared/contract';

const BUNDLE_EXTENSION = `.${FILE_EXTENSIONS.bundle[0]}`;

/** Temporary names of sync engines and downloaders, whatever the extension before them. */
const TEMPORARY_NAME_RULES: readonly RegExp[] = [
  /^\.syncthing\./i, // Syncthing (Unix)
  /^~syncthing~/i, // Syncthing (Windows)
  /\.~[^/\\]*$/, // Nextcloud / ownCloud desktop client downloads: .<name>.~<hex>
  /^\.~/, // Nextcloud / LibreOffice lock and temporary files
  /^~\$/, // Office owner files
  /\.(part|filepart|crdownload|partial|tmp|temp)$/i,
];

/** True for a name a sync engine or Relais itself is still writing under (never to be read). */
export function isTemporaryName(name: string): boolean {
  return TEMPORARY_NAME_RULES.some((rule) => rule.test(name));
}

/** A file of the inbox Relais reads: a visible `*.relais` (any case) that no rule calls temporary. */
export function isInboxCandidate(name: string): boolean {
  return !name.startsWith('.') && name.toLowerCase().endsWith(BUNDLE_EXTENSION) && !isTemporaryName(name);
}

/**
 * The `attempt`-th name for a file the outbox writes (0: the name as suggested). The renderer suggests a
 * name that is already unique per device and range of changes; should a file be there anyway (a second
 * write of the same range, a copy), the next attempt adds `-2`, `-3`… before the extension: an outbox
 * never overwrites. Names keep safe characters only and stay within MAX_NAME_LENGTH.
 */
export function outboxFileName(suggested: string, attempt: number): string {
  const stem = suggested.toLowerCase().endsWith(BUNDLE_EXTENSION) ? suggested.slice(0, -BUNDLE_EXTENSION.length) : suggested;
  const safe = stem.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'relais';
  const suffix = attempt === 0 ? '' : `-${attempt + 1}`;
  const room = MAX_NAME_LENGTH - BUNDLE_EXTENSION.length - suffix.length;
  return `${safe.slice(0, room)}${suffix}${BUNDLE_EXTENSION}`;
}
