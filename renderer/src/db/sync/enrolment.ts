/**
 * Enrolment: which devices this one trusts, by their key. A person imports a device's card (or takes
 * the card a held bundle carries), compares its fingerprint with the one its owner reads out, and
 * enrols it; only then do that device's bundles import, and only then can bundles be encrypted to it.
 * A coordinator enrols her mediators, a mediator her coordinator.
 *
 * A device id is its key's hash, so a card can never replace another device's card; a new card of an
 * enrolled device (same key) only refreshes its name, structure and role. Legacy ids (random ids from
 * before schema version 6) are bound to the first enrolled key claiming them, and never rebound: a
 * bundle whose card claims a legacy id bound to another key is held, both fingerprints shown.
 */
import { fingerprintOfKey } from '../../domain/sync/identity';
import type { BundleManifest } from '../../domain/sync/bundle';
import type { SignedCard } from '../../domain/sync/card';
import { ownDeviceIds } from '../device';
import type { RelaisDatabase } from '../schema';
import type { AliasRow, CardRow, CardTrust } from './rows';
import { compareFrench } from '../../domain/collation';

/** Cards with the fingerprint of their key, for people to compare aloud. */
export type CardWithPrint = CardRow & { print: string };

function withPrint(card: CardRow): CardWithPrint {
  return { ...card, print: fingerprintOfKey(card.signingKey) };
}

/** The newer of two cards of one key (a device refreshes its card when its name or structure changes). */
function fresher(stored: CardRow | undefined, card: SignedCard): SignedCard {
  return stored && stored.createdAt >= card.createdAt ? stored : card;
}

/**
 * Bind the legacy ids a card claims that no key holds yet (the first enrolled key claiming one keeps
 * it); returns those another key holds already. Inside the caller's transaction over `aliases`.
 */
export async function bindLegacyIds(db: RelaisDatabase, card: SignedCard, evidence: AliasRow['evidence'], at: string): Promise<string[]> {
  const conflicts: string[] = [];
  for (const legacyId of card.legacyDeviceIds) {
    const bound = await db.aliases.get(legacyId);
    if (!bound) await db.aliases.add({ legacyId, deviceId: card.deviceId, evidence, at });
    else if (bound.deviceId !== card.deviceId) conflicts.push(legacyId);
  }
  return conflicts;
}

/**
 * Enrol a device after a person compared its fingerprint: its card becomes `enrolled` (a newer card of
 * the same key refreshes the name and role shown), and the legacy ids it claims are bound to it when
 * no other key holds them. Returns the legacy ids another key holds (shown, never rebound).
 */
export async function enrolCard(db: RelaisDatabase, card: SignedCard, now = new Date()): Promise<{ conflicts: string[] }> {
  const at = now.toISOString();
  return db.transaction('rw', db.cards, db.aliases, async () => {
    const stored = await db.cards.get(card.deviceId);
    await db.cards.put({ ...fresher(stored, card), importedAt: stored?.importedAt ?? at, trust: 'enrolled', confirmedAt: at });
    return { conflicts: await bindLegacyIds(db, card, 'enrolment', at) };
  });
}

/**
 * A card a person opened: a device enrolled already (same key) has its card refreshed at once (only its
 * key could sign it); any other waits for the person to compare its fingerprint (with the devices
 * enrolled under the same name, for the warning).
 */
export async function receiveCard(db: RelaisDatabase, card: SignedCard): Promise<{ refreshed: true } | { refreshed: false; lookalikes: CardWithPrint[] }> {
  if ((await db.cards.get(card.deviceId))?.trust === 'enrolled') {
    await enrolCard(db, card);
    return { refreshed: true };
  }
  return { refreshed: false, lookalikes: await lookalikesOf(db, card) };
}

/** Stop trusting a device: its card stays known (to check what it relayed), its bundles are held again. */
export async function unenrolCard(db: RelaisDatabase, deviceId: string): Promise<void> {
  await db.cards.update(deviceId, { trust: 'relayed', confirmedAt: undefined });
}

/**
 * Keep the cards of the authors an enrolled device relays (inside the caller's transaction): this
 * device checks their seals with them, and relays those records further with them. Never changes the
 * trust of a card already here, never binds a legacy id (only enrolment does).
 */
export async function rememberRelayedCards(db: RelaisDatabase, cards: readonly SignedCard[], at: string): Promise<void> {
  for (const card of cards) {
    const stored = await db.cards.get(card.deviceId);
    if (!stored) await db.cards.add({ ...card, importedAt: at, trust: 'relayed' });
    else if (card.createdAt > stored.createdAt && stored.format === card.format) await db.cards.put({ ...stored, ...card });
  }
}

/**
 * The cards a person manages, with their fingerprints: enrolled ones, then those to confirm. (Cards
 * learned from relays only serve to check seals: not listed.)
 */
export async function knownCardsWithFingerprints(db: RelaisDatabase): Promise<CardWithPrint[]> {
  const order: Record<CardTrust, number> = { enrolled: 0, unconfirmed: 1, relayed: 2 };
  const cards = await db.cards.where('trust').anyOf('enrolled', 'unconfirmed').toArray();
  return cards.sort((a, b) => order[a.trust] - order[b.trust] || compareFrench(a.name, b.name)).map(withPrint);
}

/** The devices bundles may be encrypted to: the enrolled ones. */
export function enrolledCards(db: RelaisDatabase): Promise<CardRow[]> {
  return db.cards.where('trust').equals('enrolled').toArray();
}

/** Legacy id → the key-derived id it is bound to, and each device's legacy ids. */
export interface AliasMap {
  deviceOf: ReadonlyMap<string, string>;
  /** A device's ids: its own, and the legacy ids bound to it here. */
  idsOf(deviceId: string): Set<string>;
}

export async function loadAliases(db: RelaisDatabase): Promise<AliasMap> {
  const rows = await db.aliases.toArray();
  const deviceOf = new Map(rows.map((row) => [row.legacyId, row.deviceId]));
  return {
    deviceOf,
    idsOf: (deviceId) => new Set([deviceId, ...rows.filter((row) => row.deviceId === deviceId).map((row) => row.legacyId)]),
  };
}

/** Devices enrolled under the same name as `card` with another key: the same person on a new laptop, or not. */
export async function lookalikesOf(db: RelaisDatabase, card: Pick<SignedCard, 'deviceId' | 'name'>): Promise<CardWithPrint[]> {
  const name = card.name.trim().toLocaleLowerCase('fr');
  const same = await db.cards.where('trust').equals('enrolled')
    .filter((other) => other.deviceId !== card.deviceId && other.name.trim().toLocaleLowerCase('fr') === name)
    .toArray();
  return same.map(withPrint);
}

export type SenderStatus = 'enrolled' | 'unconfirmed' | 'unenrolled';

/** Who signed a bundle, as far as this device can tell, and whether its bundles may import. */
export interface SenderTrust {
  status: SenderStatus;
  /** The sender's fingerprint (eight groups of five digits). */
  print: string;
  /** Legacy ids the sender claims that are bound here to another device (its key changed, or a thief). */
  claimedElsewhere: Array<{ legacyId: string; holder?: CardWithPrint }>;
  /** Enrolled devices with the sender's name but another key: the same person on a new laptop, or not. */
  lookalikes: CardWithPrint[];
  /** The ids the sender speaks for here: its own, and its legacy ids not bound to anyone else. */
  ids: Set<string>;
  /** Held: nothing imports until a person enrols this key (a separate, deliberate step). */
  held: boolean;
}

export async function senderTrust(db: RelaisDatabase, manifest: Pick<BundleManifest, 'source'>): Promise<SenderTrust> {
  const { source } = manifest;
  const card = await db.cards.get(source.deviceId);
  const aliases = await loadAliases(db);
  const claimedElsewhere: SenderTrust['claimedElsewhere'] = [];
  const ids = new Set([source.deviceId]);
  for (const legacyId of source.legacyDeviceIds) {
    const holderId = aliases.deviceOf.get(legacyId);
    if (holderId === undefined || holderId === source.deviceId) ids.add(legacyId);
    else {
      const holder = await db.cards.get(holderId);
      claimedElsewhere.push({ legacyId, holder: holder ? withPrint(holder) : undefined });
    }
  }
  const lookalikes = await lookalikesOf(db, source);
  // This device's own key (a backup of this very database) needs no enrolment.
  const mine = (await ownDeviceIds(db)).has(source.deviceId);
  const status: SenderStatus = mine || card?.trust === 'enrolled' ? 'enrolled' : card?.trust === 'unconfirmed' ? 'unconfirmed' : 'unenrolled';
  return {
    status, print: fingerprintOfKey(source.signingKey), claimedElsewhere, lookalikes, ids,
    held: status !== 'enrolled' || claimedElsewhere.length > 0,
  };
}

/** A device's name as this database knows it (its card, or the legacy id's holder), for the preview. */
export async function nameOfDevice(db: RelaisDatabase, deviceId: string): Promise<string | undefined> {
  const card = await db.cards.get(deviceId);
  if (card) return card.name;
  const alias = await db.aliases.get(deviceId);
  return alias ? (await db.cards.get(alias.deviceId))?.name : undefined;
}
