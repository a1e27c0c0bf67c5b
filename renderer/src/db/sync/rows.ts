/** Rows of the sync tables (schema version 2): conflict log, import history, quarantine, known cards. */
import type { RecordKind } from '../../domain/kinds';
import type { BundleKind } from '../../domain/sync/bundle';
import type { MergeOutcome } from '../../domain/sync/merge';
import type { SignedCard } from '../../domain/sync/card';

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

export interface ImportRow {
  bundleId: string;
  fileName: string;
  importedAt: string;
  sourceDevice: string;
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
}

export interface QuarantineRow {
  id?: number;
  bundleId: string;
  recordKind: RecordKind;
  recordId: string;
  record: unknown;
  stamp: string;
  at: string;
}

export type CardRow = SignedCard & { importedAt: string };
