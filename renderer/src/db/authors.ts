/**
 * Who wrote what: every device id a record can carry (`authorDevice`) resolved to a person, a structure
 * and a short device tag, from what this laptop knows — its own profile for its own ids, the cards of
 * enrolled (or relayed) devices, and the import history's senders. Lists, details, previews and the
 * dashboard's filters all read authors through here, so a name is spelt the same everywhere.
 */
import { readProfile } from './profile';
import { ownDeviceIds } from './device';
import type { RelaisDatabase } from './schema';
import { compareFrench } from '../domain/collation';

export interface Author {
  deviceId: string;
  /** The person's name as her card (or profile) says; empty when this laptop never saw her card. */
  name: string;
  structure: string;
  /** Written on this laptop (by this device or one of its older ids). */
  own: boolean;
}

export interface AuthorDirectory {
  /** Every author known here, own first, then by name. */
  authors: Author[];
  /** The author of a device id (an older legacy id resolves to its key's device). */
  of(deviceId: string): Author;
}

/** The first 6 hex digits of a device id: what tells two laptops of one name apart on screen. */
export function deviceTag(deviceId: string): string {
  return deviceId.slice(0, 6);
}

export async function readAuthors(db: RelaisDatabase): Promise<AuthorDirectory> {
  const [profile, own, cards, aliases, history] = await Promise.all([
    readProfile(db), ownDeviceIds(db), db.cards.toArray(), db.aliases.toArray(), db.importHistory.toArray(),
  ]);
  const byId = new Map<string, Author>();
  for (const row of history) {
    byId.set(row.sourceDevice, { deviceId: row.sourceDevice, name: row.sourceName, structure: row.sourceStructure, own: false });
  }
  // Cards come after the history: a card is the author's own latest word on her name and structure.
  for (const card of cards) byId.set(card.deviceId, { deviceId: card.deviceId, name: card.name, structure: card.structure, own: false });
  for (const id of own) byId.set(id, { deviceId: id, name: profile?.displayName ?? '', structure: profile?.structure ?? '', own: true });
  const legacy = new Map(aliases.map((row) => [row.legacyId, row.deviceId]));
  const authors = [...byId.values()].filter((a) => !legacy.has(a.deviceId) || a.own)
    .sort((a, b) => Number(b.own) - Number(a.own) || compareFrench(a.name, b.name) || a.deviceId.localeCompare(b.deviceId));
  return {
    authors,
    of(deviceId) {
      const found = byId.get(deviceId) ?? byId.get(legacy.get(deviceId) ?? '');
      return found ? { ...found, own: own.has(deviceId) || found.own } : { deviceId, name: '', structure: '', own: own.has(deviceId) };
    },
  };
}

/** Structures of the known authors, sorted, for the lists' "structure" filter. */
export function structuresOfAuthors(directory: AuthorDirectory): string[] {
  return [...new Set(directory.authors.map((a) => a.structure).filter((s) => s !== ''))].sort(compareFrench);
}

/** The structure of a record's author, as this laptop knows her. */
export function authorStructure(directory: AuthorDirectory | undefined) {
  return (record: { authorDevice: string }): string | undefined => directory?.of(record.authorDevice).structure;
}
