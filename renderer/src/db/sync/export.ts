/**
 * Export: this device's changes since the last saved export, or everything (a backup), streamed
 * table by table into a signed, optionally encrypted bundle (domain/sync/bundle.ts seals it). The
 * "exported up to here" mark moves only once the file is really saved.
 *
 * Before anything is read, this device's own records get their seal (./seal.ts). Records of others
 * that only their author may change travel only with their author's seal and card (the receiver checks
 * the seal against it): the others — received before the trust rules, unsealed — stay here, counted.
 */
import { ownershipOf, RECORD_KINDS } from '../../domain/kinds';
import { exchangeFileName } from '../../domain/fileNames';
import { uuidv7 } from '../../domain/ids';
import {
  isPersonalData, PayloadWriter, sealPayload, type BundleKind, type BundleManifest, type ProtectionInput, type SealedPayload,
} from '../../domain/sync/bundle';
import type { SignedCard } from '../../domain/sync/card';
import type { BundleEntry } from '../../domain/sync/records';
import { currentSeq, ownDeviceIds } from '../device';
import { ensureIdentity } from '../identity';
import { readMeta, writeMeta, type MetaValues } from '../meta';
import type { RelaisDatabase } from '../schema';
import { cardOf } from '../../domain/sync/card';
import { enrolledCards, loadAliases } from './enrolment';
import { ensureDeviceKeys, myCard, type Author } from './keys';
import { sealOwnRecords, statementsOf } from './seal';
import { CHUNK, syncTable } from './tables';

type ExportMark = MetaValues['exportMark'];

/** Which mark an export starts from: a person's exports, or the outbox's (synced folders). */
export type ExportMarkKey = 'exportMark' | 'outboxMark';

/** Where an export starts: the last export's mark and the change counter it will reach. */
async function exportStart(db: RelaisDatabase, markKey: ExportMarkKey = 'exportMark'): Promise<{ seq: number; mark?: ExportMark }> {
  return db.transaction('r', [db.meta], async () => ({ mark: await readMeta(db, markKey), seq: await currentSeq(db) }));
}

/**
 * The records a bundle of `kind` carries, table by table, in chunks: a full export pages through each
 * table by primary key, a changes export through the change counter, from the last export's mark up to
 * `seq` (read first). Each chunk is its own short read, so the compressor can run between chunks (a
 * Dexie transaction would end at the first non-IndexedDB await) and 100k records are never all in
 * memory. Why that is still consistent: every change up to `seq` happened before the first read, so
 * each record is read in a state at least as recent as `seq`; a record edited while the export runs
 * gets a counter above `seq` and also travels in the next changes export (merging twice is harmless).
 */
async function* exportChunks(db: RelaisDatabase, kind: BundleKind, start: { seq: number; mark?: ExportMark }): AsyncGenerator<BundleEntry[]> {
  const everything = kind === 'full' || !start.mark;
  for (const recordKind of RECORD_KINDS) {
    const table = syncTable(db, recordKind);
    let lastId: string | undefined;
    let lastSeq = start.mark?.seq ?? 0;
    for (;;) {
      const rows = everything
        ? await (lastId === undefined ? table.toCollection() : table.where(':id').above(lastId)).limit(CHUNK).toArray()
        : await table.where('seq').between(lastSeq, start.seq, false, true).limit(CHUNK).toArray();
      if (rows.length === 0) break;
      yield rows.map((record) => ({ kind: recordKind, record }));
      if (rows.length < CHUNK) break;
      lastId = rows[rows.length - 1].id;
      lastSeq = rows[rows.length - 1].seq ?? lastSeq;
    }
  }
}

/**
 * Which records may travel: ours, shared reference data, erasures, and others' records carrying a seal
 * whose author's card this device holds (that card goes in the manifest). Collects the authors relayed.
 */
interface RelayRule {
  travels(entry: BundleEntry): boolean;
  /** Cards of the authors whose records passed, for the manifest. */
  authors(): SignedCard[];
  /** The statements the sealed records that passed point to (their seals). */
  seals(): Set<string>;
}

/** A card as it can travel in a manifest (format 2, well formed), or undefined (a legacy card). */
function travellingCard(row: SignedCard): SignedCard | undefined {
  try {
    return cardOf(row);
  } catch {
    return undefined;
  }
}

async function relayRule(db: RelaisDatabase): Promise<RelayRule> {
  const ownIds = await ownDeviceIds(db);
  const aliases = await loadAliases(db);
  const cardById = new Map<string, SignedCard>();
  for (const row of await db.cards.toArray()) {
    const card = travellingCard(row);
    if (card) cardById.set(card.deviceId, card);
  }
  /** The card that speaks for an author id: its own, or the one its legacy id is bound to here (and that claims it). */
  const authorCard = (authorDevice: string): SignedCard | undefined => {
    const card = cardById.get(aliases.deviceOf.get(authorDevice) ?? authorDevice);
    return card && (card.deviceId === authorDevice || card.legacyDeviceIds.includes(authorDevice)) ? card : undefined;
  };
  const statementIds = new Set(await db.statements.toCollection().primaryKeys());
  const used = new Map<string, SignedCard>();
  const seals = new Set<string>();
  return {
    travels: ({ kind, record }) => {
      const sealed = typeof record.seal === 'string' && statementIds.has(record.seal);
      if (sealed) seals.add(record.seal as string);
      // An erasure carries no data: it travels unsealed, and a receiver has a person review it.
      if (ownershipOf(kind) === 'shared' || ownIds.has(record.authorDevice) || record.erased === 1) return true;
      const card = sealed ? authorCard(record.authorDevice) : undefined;
      if (card) used.set(card.deviceId, card);
      else if (sealed) seals.delete(record.seal as string);
      return card !== undefined;
    },
    authors: () => [...used.values()],
    seals: () => seals,
  };
}

export interface ExportSummary {
  count: number;
  personalData: boolean;
  /** Others' records this device cannot relay (no seal of their author, or no card of their author here). */
  withheld: number;
}

/** What an export of `kind` would hold: its size and whether it may go unencrypted. */
export async function summarizeExport(db: RelaisDatabase, kind: BundleKind): Promise<ExportSummary> {
  const summary: ExportSummary = { count: 0, personalData: false, withheld: 0 };
  const rule = await relayRule(db);
  for await (const chunk of exportChunks(db, kind, await exportStart(db))) {
    const travelling = chunk.filter((entry) => rule.travels(entry));
    summary.withheld += chunk.length - travelling.length;
    summary.count += travelling.length;
    if (!summary.personalData) summary.personalData = travelling.some(isPersonalData);
  }
  return summary;
}

export interface PreparedExport {
  bytes: Uint8Array;
  manifest: BundleManifest;
  suggestedName: string;
  /** Call once the file is really saved: moves the "exported up to here" mark. */
  commit(): Promise<void>;
}

/**
 * Stream the records of an export that may travel into the compressed payload, chunk by chunk, then the
 * statements their seals point to.
 */
async function writePayload(db: RelaisDatabase, kind: BundleKind, start: { seq: number; mark?: ExportMark }, rule: RelayRule): Promise<SealedPayload> {
  const writer = new PayloadWriter();
  try {
    for await (const chunk of exportChunks(db, kind, start)) await writer.add(chunk.filter((entry) => rule.travels(entry)));
    await writer.addStatements(await statementsOf(db, rule.seals()));
  } catch (error) {
    await writer.abort(error);
    throw error;
  }
  return writer.finish();
}

export interface ExportOptions {
  kind: BundleKind;
  protection: ProtectionInput;
  /**
   * With a `recipient` protection, the enrolled card it is encrypted to (found by its age recipient when
   * not given): named in the signed manifest. A card that is not enrolled is refused.
   */
  recipientCard?: { deviceId: string; name: string };
  author: Author;
  app: string;
  now?: Date;
  /**
   * `outboxMark`: the changes since the outbox's last write (synced folders); its commit moves that
   * mark and the export mark (the changes did leave). Default: a person's export, `exportMark`.
   */
  mark?: ExportMarkKey;
}

/** The enrolled card a bundle is encrypted to: only enrolled devices are written to. */
async function recipientCardOf(db: RelaisDatabase, options: ExportOptions): Promise<{ deviceId: string; name: string } | undefined> {
  const { protection } = options;
  if (protection.type !== 'recipient') return undefined;
  const card = (await enrolledCards(db)).find((c) => c.ageRecipient === protection.recipient
    && (options.recipientCard === undefined || c.deviceId === options.recipientCard.deviceId));
  if (!card) throw new Error('a bundle is encrypted only to an enrolled card');
  return { deviceId: card.deviceId, name: card.name };
}

export async function exportBundle(db: RelaisDatabase, options: ExportOptions): Promise<PreparedExport> {
  await ensureIdentity(db);
  const keys = await ensureDeviceKeys(db);
  const recipientCard = await recipientCardOf(db, options);
  await sealOwnRecords(db);
  const markKey = options.mark ?? 'exportMark';
  const start = await exportStart(db, markKey);
  const { seq, mark } = start;
  const rule = await relayRule(db);
  const payload = await writePayload(db, options.kind, start, rule);
  const createdAt = (options.now ?? new Date()).toISOString();
  const from = options.kind === 'full' ? 1 : (mark?.seq ?? 0) + 1;
  const { bytes, manifest } = await sealPayload({
    app: options.app,
    bundleId: uuidv7(),
    kind: options.kind,
    createdAt,
    since: options.kind === 'full' ? null : mark?.at ?? null,
    source: await myCard(db, options.author, createdAt),
    recipientCard,
    authors: rule.authors(),
    range: { from, to: seq },
    signer: keys.signer,
    protection: options.protection,
  }, payload);
  return {
    bytes,
    manifest,
    suggestedName: exchangeFileName({ structure: options.author.structure, name: options.author.name, createdAt, backup: options.kind === 'full' }),
    commit: async () => {
      await db.transaction('rw', db.meta, async () => {
        for (const key of markKey === 'outboxMark' ? (['outboxMark', 'exportMark'] as const) : (['exportMark'] as const)) {
          const current = await readMeta(db, key);
          // Never move a mark backwards (two exports prepared at once, saved out of order).
          if (!current || current.seq < seq) await writeMeta(db, key, { seq, at: createdAt });
        }
      });
    },
  };
}
