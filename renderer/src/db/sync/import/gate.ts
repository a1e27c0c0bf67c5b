/**
 * The write rules for one opened bundle, as `applyRecords` asks them (./apply.ts): who the sender speaks
 * for here, which relayed records carry a seal this device can attribute to their author, and this
 * device's own ids. Read inside the caller's transaction.
 */
import type { SyncRecord } from '../../../domain/sync/merge';
import { judgeRecord, sealVouched, type TrustContext } from '../../../domain/sync/trust';
import type { ReceivedBundle } from '../../../domain/sync/packed';
import { ownDeviceIds } from '../../device';
import type { RelaisDatabase } from '../../schema';
import { loadAliases, type SenderTrust } from '../enrolment';
import type { Gate } from './apply';

/** Which held erasures and deletions a person chose to apply: all, none, or these record ids. */
export type ReviewChoice = 'all' | 'none' | ReadonlySet<string>;

export async function trustContext(db: RelaisDatabase, opened: ReceivedBundle, sender: SenderTrust): Promise<TrustContext> {
  const ownIds = await ownDeviceIds(db);
  const aliases = await loadAliases(db);
  const sealedBy = opened.sealedBy ?? new Map<string, string>();
  const idsByAuthor = new Map<string, Set<string>>();
  return {
    senderIds: sender.ids,
    ownIds,
    sealedAuthorIds: (record: SyncRecord) => {
      const author = sealedBy.get(record.id);
      if (author === undefined) return undefined;
      let ids = idsByAuthor.get(author);
      if (!ids) idsByAuthor.set(author, (ids = aliases.idsOf(author)));
      // A legacy author id counts only when it is bound here to the key that sealed the record.
      return ids.has(record.authorDevice) ? ids : undefined;
    },
  };
}

export async function gateFor(db: RelaisDatabase, opened: ReceivedBundle, sender: SenderTrust, review: ReviewChoice): Promise<Gate> {
  const context = await trustContext(db, opened, sender);
  return {
    judge: (kind, remote, local) => judgeRecord(kind, remote, local, context),
    sealVouched: (record) => sealVouched(record, context),
    applyReviewed: (record) => (review === 'all' ? true : review === 'none' ? false : review.has(record.id)),
  };
}
