/**
 * Sync by bundle files, database side: what the sync screens, the tests and the benchmark call.
 * Decoding and checking bytes is pure (domain/sync/bundle.ts) and runs in a Worker in the app
 * (./worker); the functions here receive its result (`OpenedBundle`) and only touch Dexie.
 *
 *   keys.ts                this device's keys (sealed at rest, one signer) and card
 *   enrolment.ts           the cards of others: enrolment by fingerprint, legacy ids, who sent a bundle
 *   seal.ts                this device's records sealed (signed statements) before they leave
 *   export.ts              changes or everything, streamed into a signed bundle
 *   import/preview.ts      what an import would do, nothing written
 *   import/leaveOutHeld.ts drop what the database already holds (in the Worker)
 *   import/gate.ts         the write rules for one bundle (domain/sync/trust.ts) as the importer asks them
 *   import/apply.ts        judge, merge and write received records (import and quarantine)
 *   import/judgeAside.ts   the write rules for records set aside (stamped in the future)
 *   import/summary.ts      refused records and changes under review, grouped for a person
 *   import/importBundle.ts one bundle, one transaction, all or nothing
 *   import/quarantine.ts   records from the future, and erasures and deletions a person must decide on
 *   conflicts.ts           the conflict log: restore or dismiss a losing value
 *   status.ts              import history, missing bundles, unexported changes
 *   inbox.ts               bundle files arrived in the synced inbox folder: imported under the trust rules, held, skipped
 *   outbox.ts              the changes for each enrolled coordinator, for the synced outbox folder
 *   tables.ts              the record tables as sync sees them; the chunked read loop
 *   rows.ts                rows of the sync tables
 *   worker/                open a bundle off the main thread (leave out what is held, check relayed seals)
 */
export {
  closeLock, ensureDeviceKeys, exportMyCard, hasLock, isLockOpen, lockKeys, myCard, openLock, readKeysState, readSigningPublicKey, rememberOsProtection, renewDeviceKeys,
  sealDeviceKeys, unlockDeviceKeys, unlockedKeys, type Author, type DeviceKeys, type KeysState, type OsProtection,
} from './keys';
export {
  enrolCard, enrolledCards, knownCardsWithFingerprints, receiveCard, senderTrust, unenrolCard, type CardWithPrint, type SenderTrust,
} from './enrolment';
export { exportBundle, summarizeExport, type ExportOptions, type ExportSummary, type PreparedExport } from './export';
export { sealOwnRecords } from './seal';
export { previewImport, type ImportPlan } from './import/preview';
export type { RefusedGroup, ReviewGroup } from './import/summary';
export type { ReviewChoice } from './import/gate';
export { leaveOutHeldRecords } from './import/leaveOutHeld';
export { HeldBundleError, importBundle, importTables, type ImportReport } from './import/importBundle';
export { ReadsInTransaction } from './tables';
export { applyHeld, discardHeld, quarantinedRecords, releaseQuarantine } from './import/quarantine';
export { dismissConflict, openConflicts, restoreConflictValue } from './conflicts';
export {
  importedBundleKeys, isImported, missingBundles, recentImports, setExportReminderDays, unexportedChanges,
  type SourceGaps, type UnexportedChanges,
} from './status';
export { bundleOpener, isOpeningCancelled, openBundleOffThread, type BundleOpener } from './worker/openBundleOffThread';
export {
  dismissInboxFile, heldInboxFiles, inboxSummary, receiveInboxFile, recentInboxFiles, releaseHeldInboxFiles, type InboxArrival, type InboxStep, type InboxSummary,
} from './inbox';
export { outboxHasChanges, outboxRecipients, prepareOutbox, readOutboxSent, recordOutboxSent, type OutboxBundle, type PreparedOutbox } from './outbox';
export type { AliasRow, CardRow, CardTrust, ConflictRow, ImportRow, InboxFileRow, InboxOutcome, OutcomeCounts, QuarantineRow } from './rows';
