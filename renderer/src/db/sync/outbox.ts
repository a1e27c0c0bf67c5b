/**
 * The outbox (synced folders, issue 14): the changes since the outbox's last write, one bundle for each
 * enrolled coordinator, encrypted to that coordinator's card. The page hands the bytes to the desktop
 * shell, which writes them into the folder; only once every bundle is written does `commit` move the
 * outbox's mark (and the export mark): a bundle not written is made again next time, and importing a
 * range twice changes nothing.
 */
import { outboxBundleName } from '../../domain/fileNames';
import { currentSeq } from '../device';
import { readMeta, writeMeta } from '../meta';
import type { RelaisDatabase } from '../schema';
import { enrolledCards } from './enrolment';
import { exportBundle, type PreparedExport } from './export';
import type { Author } from './keys';

/** The role of the cards the outbox writes to. */
const COORDINATOR_ROLE = 'coordinateur';

export interface OutboxBundle {
  recipient: { deviceId: string; name: string };
  suggestedName: string;
  bytes: Uint8Array;
  recordCount: number;
}

export interface PreparedOutbox {
  bundles: OutboxBundle[];
  /** Why there is nothing to write: no coordinator enrolled, or nothing changed since the last write. */
  empty?: 'noCoordinator' | 'noChanges';
  /** Call once every bundle is written: the next outbox starts after these changes. */
  commit(): Promise<void>;
}

/** True when this device changed something the outbox has not written yet. */
export async function outboxHasChanges(db: RelaisDatabase): Promise<boolean> {
  const mark = await readMeta(db, 'outboxMark');
  return (await currentSeq(db)) > (mark?.seq ?? 0);
}

/** The coordinators the outbox writes to: enrolled cards whose role is coordinator. */
export async function outboxRecipients(db: RelaisDatabase): Promise<Array<{ deviceId: string; name: string; ageRecipient: string }>> {
  return (await enrolledCards(db)).filter((card) => card.role === COORDINATOR_ROLE);
}

/**
 * The bundles to write now: none when nothing changed since the last write or no coordinator is
 * enrolled. Needs this device's keys unsealed (it signs).
 */
export async function prepareOutbox(db: RelaisDatabase, options: { author: Author; app: string; deviceId: string; now?: Date }): Promise<PreparedOutbox> {
  const recipients = await outboxRecipients(db);
  if (recipients.length === 0) return { bundles: [], empty: 'noCoordinator', commit: async () => undefined };
  if (!(await outboxHasChanges(db))) return { bundles: [], empty: 'noChanges', commit: async () => undefined };
  const now = options.now ?? new Date();
  const prepared: Array<{ recipient: OutboxBundle['recipient']; bundle: PreparedExport }> = [];
  for (const card of recipients) {
    const recipient = { deviceId: card.deviceId, name: card.name };
    const bundle = await exportBundle(db, {
      kind: 'changes', protection: { type: 'recipient', recipient: card.ageRecipient }, recipientCard: recipient,
      author: options.author, app: options.app, now, mark: 'outboxMark',
    });
    prepared.push({ recipient, bundle });
  }
  return {
    bundles: prepared.map(({ recipient, bundle }) => ({
      recipient,
      bytes: bundle.bytes,
      recordCount: bundle.manifest.recordCount,
      suggestedName: outboxBundleName({
        structure: options.author.structure, name: options.author.name, createdAt: bundle.manifest.createdAt,
        deviceId: options.deviceId, recipientId: recipient.deviceId, upTo: bundle.manifest.range.to,
      }),
    })),
    commit: async () => {
      for (const { bundle } of prepared) await bundle.commit();
    },
  };
}

/** The outbox's last write (when, how many bundles), if any. */
export async function readOutboxSent(db: RelaisDatabase): Promise<{ at: string; files: number } | null> {
  return (await readMeta(db, 'outboxSent')) ?? null;
}

/** Remember the outbox's write that just happened (the home screen and Settings show it). */
export async function recordOutboxSent(db: RelaisDatabase, files: number, now = new Date()): Promise<void> {
  await writeMeta(db, 'outboxSent', { at: now.toISOString(), files });
}
