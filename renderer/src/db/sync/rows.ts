/** Rows of the sync tables: conflict log, import history, quarantine, cards of other devices, legacy id bindings. */
import type { RecordKind } from '../../domain/kinds';
import type { BundleKind } from '../../domain/sync/bundle';
import type { MergeOutcome } from '../../domain/sync/merge';
import type { SignedCard } from '../../domain/sync/card';
import type { DestructiveAction } from '../../domain/sync/trust';

export interface ConflictRow {
  id?: number;
  recordKind: RecordKind;
  recordId: string;
  field: string;
  losingValue: unknown;
  losingStamp: string;
  winningStamp: string;
  /** When the conflict was found here (ISO). */
  at: string;
  /** Bundle that brought it. */
  bundleId: string;
  /** 1 once the user restored the value or dismissed it. */
  resolved: 0 | 1;
}

export type OutcomeCounts = Record<MergeOutcome, number>;

/**
 * One bundle imported here (schema version 6: keyed by its signer's device id, bundle id and payload
 * hash, so a bundle id belongs to its signer and a forged copy cannot pass for the real one).
 */
export interface ImportRow {
  sourceDevice: string;
  bundleId: string;
  payloadSha256: string;
  fileName: string;
  importedAt: string;
  sourceName: string;
  sourceStructure: string;
  signingKey: string;
  kind: BundleKind;
  createdAt: string;
  since: string | null;
  rangeFrom: number;
  rangeTo: number;
  counts: OutcomeCounts;
  quarantined: number;
  /** Records refused by the write rules (docs/bundle-format.md, "Trust rules"). */
  refused?: number;
  /** Erasures and deletions a person chose not to apply now (kept in quarantine). */
  heldForReview?: number;
}

/** Why a received record waits: a date far ahead, or an erasure or deletion a person must decide on. */
export type QuarantineReason = 'future' | 'review';
/** What applying a held record would do to the copy here. */
export type HeldAction = DestructiveAction | 'edit';

export interface QuarantineRow {
  id?: number;
  bundleId: string;
  recordKind: RecordKind;
  recordId: string;
  record: unknown;
  stamp: string;
  at: string;
  /** Absent on rows from before schema version 6: those were all `future`. */
  reason?: QuarantineReason;
  action?: HeldAction;
  /** Who sent it (device id and name), for the person who decides. */
  sourceDevice?: string;
  sourceName?: string;
}

/**
 * How far a card is trusted: `enrolled` (a person compared its fingerprint: its bundles import, and
 * bundles can be encrypted to it), `unconfirmed` (imported before enrolment existed, schema < 6: to
 * confirm), `relayed` (learned from an enrolled device's bundle, to check the seals of the records it
 * relays and to relay them further; never trusted for its own bundles).
 */
export type CardTrust = 'enrolled' | 'unconfirmed' | 'relayed';

export type CardRow = SignedCard & { importedAt: string; trust: CardTrust; confirmedAt?: string };

/**
 * A legacy device id (random, from before schema version 6) bound to the key-derived id of the device
 * that claims it: by evidence in this database at the migration (cards, import history), or by the
 * first enrolled card claiming it. Never rebound.
 */
export interface AliasRow {
  legacyId: string;
  deviceId: string;
  evidence: 'history' | 'card' | 'enrolment';
  at: string;
}

/**
 * What became of a bundle file that arrived in the inbox folder: imported, already imported (the same
 * bundle came before, by another way), held (its sender is not enrolled here, or it needs a passphrase:
 * a person decides), refused (damaged, not a bundle… with the reason), dismissed by a person, or not for
 * this device (encrypted to another card: in a folder several devices share, that is no error).
 */
export type InboxOutcome = 'imported' | 'alreadyImported' | 'held' | 'refused' | 'dismissed' | 'notForMe';

/** Why a held or refused file is so: a bundle error code (`corrupted`, `newerFormat`…), or these. */
export type InboxReason = 'notEnrolled' | 'needsPassphrase' | string;

/** One bundle file that arrived in the inbox (schema version 11), keyed by the SHA-256 of its bytes. */
export interface InboxFileRow {
  sha256: string;
  fileName: string;
  receivedAt: string;
  /** The last time these bytes were seen in the inbox (again after a restart, or under another name). */
  lastSeenAt: string;
  timesSeen: number;
  outcome: InboxOutcome;
  reason?: InboxReason;
  sourceName?: string;
  sourceDevice?: string;
  bundleId?: string;
  payloadSha256?: string;
  counts?: OutcomeCounts;
  /** A held bundle keeps its bytes until a person decides (they are dropped once it is settled). */
  bytes?: Uint8Array;
}
