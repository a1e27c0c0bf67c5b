/**
 * Data migrations that run inside a Dexie upgrade (db/schema.ts). Only Dexie calls and synchronous code
 * here: awaiting anything else (WebCrypto) inside an upgrade would end its transaction.
 */
import type { Transaction } from 'dexie';
import { LEGACY_DEVICE_ID_PATTERN } from '../domain/ids';
import { deviceIdOfKey, isPublicKey } from '../domain/sync/identity';
import type { AliasRow, CardRow, ImportRow } from './sync/rows';

/** Rows as schema versions 2–5 stored them. */
interface LegacyCardRow { deviceId: string; signingKey: string; importedAt: string; [field: string]: unknown }
type LegacyImportRow = Omit<ImportRow, 'payloadSha256'>;

/**
 * Version 6, identity = key:
 * - this database's random device id becomes a legacy id, and its id the hash of its signing key (when
 *   it has one yet; otherwise `ensureIdentity` does it before the next write);
 * - each card imported before is re-keyed by its key's id, keeps its old id as a legacy id, and waits
 *   for a person to confirm its fingerprint (`unconfirmed`): nothing was compared when it was imported;
 * - the import history is keyed by signer device, bundle id and payload hash (a new table: Dexie
 *   cannot change a primary key), its rows re-keyed by the id of the key that signed them, so the
 *   missing-bundle gaps carry on across the change of id;
 * - the legacy ids seen here are bound to the keys they were seen with — the cards first, then the
 *   first key that signed bundles under that id — so no other key can claim them later.
 */
export async function migrateToKeyIdentity(tx: Transaction): Promise<void> {
  const at = new Date().toISOString();
  const meta = tx.table('meta');
  const device = (await meta.get('device'))?.value as { deviceId: string; createdAt: string } | undefined;
  const signing = (await meta.get('signingKey'))?.value as { publicKey?: string } | undefined;
  if (device && LEGACY_DEVICE_ID_PATTERN.test(device.deviceId) && isPublicKey(signing?.publicKey)) {
    await meta.put({ key: 'device', value: { deviceId: deviceIdOfKey(signing.publicKey), createdAt: device.createdAt, legacyDeviceIds: [device.deviceId] } });
  }

  const aliases = new Map<string, AliasRow>();
  const bind = (legacyId: string, deviceId: string, evidence: AliasRow['evidence']) => {
    if (LEGACY_DEVICE_ID_PATTERN.test(legacyId) && !aliases.has(legacyId)) aliases.set(legacyId, { legacyId, deviceId, evidence, at });
  };

  const cards = tx.table('cards');
  const legacyCards = (await cards.toArray()) as LegacyCardRow[];
  await cards.clear();
  const rekeyed: CardRow[] = [];
  for (const card of legacyCards) {
    if (!isPublicKey(card.signingKey)) continue;
    const deviceId = deviceIdOfKey(card.signingKey);
    bind(card.deviceId, deviceId, 'card');
    rekeyed.push({ ...(card as unknown as CardRow), deviceId, legacyDeviceIds: [card.deviceId], trust: 'unconfirmed' });
  }
  await cards.bulkPut(rekeyed);

  const history = (await tx.table('imports').toArray()) as LegacyImportRow[];
  history.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
  const rows: ImportRow[] = [];
  for (const row of history) {
    if (!isPublicKey(row.signingKey)) continue;
    const deviceId = deviceIdOfKey(row.signingKey);
    bind(row.sourceDevice, deviceId, 'history');
    rows.push({ ...row, sourceDevice: deviceId, payloadSha256: '' });
  }
  await tx.table('importHistory').bulkPut(rows);
  await tx.table('aliases').bulkPut([...aliases.values()]);
}
