/**
 * Sync by bundle files, database side: what the sync screens, the tests and the benchmark call.
 * Decoding and checking bytes is pure (domain/sync/bundle.ts) and runs in a Worker in the app
 * (./worker); the functions here receive its result (`OpenedBundle`) and only touch Dexie.
 *
 *   keys.ts                this device's keys (sealed at rest, one signer) and cards, the cards of others
 *   export.ts              changes or everything, streamed into a signed bundle
 *   import/preview.ts      what an import would do, nothing written
 *   import/leaveOutHeld.ts drop what the database already holds (in the Worker)
 *   import/apply.ts        merge and write received records (import and quarantine)
 *   import/importBundle.ts one bundle, one transaction, all or nothing
 *   import/quarantine.ts   records from the future, released when their time comes
 *   conflicts.ts           the conflict log: restore or dismiss a losing value
 *   status.ts              import history, missing bundles, unexported changes
 *   tables.ts              the record tables as sync sees them; the chunked read loop
 *   rows.ts                rows of the sync tables
 *   worker/                open a bundle off the main thread (and leave out what is held)
 */
export {
  ensureDeviceKeys, exportMyCard, knownCards, knownCardsWithFingerprints, lockKeys, readKeysState, rememberOsProtection, renewDeviceKeys,
  saveCard, sealDeviceKeys, unlockDeviceKeys, unlockedKeys, type Author, type DeviceKeys, type KeysState, type OsProtection,
} from './keys';
export { exportBundle, summarizeExport, type ExportSummary, type PreparedExport } from './export';
export { previewImport, type ImportPlan, type SignatureStatus } from './import/preview';
export { leaveOutHeldRecords } from './import/leaveOutHeld';
export { importBundle, type ImportReport } from './import/importBundle';
export { quarantinedRecords, releaseQuarantine } from './import/quarantine';
export { dismissConflict, openConflicts, restoreConflictValue } from './conflicts';
export {
  importedBundleIds, isImported, missingBundles, recentImports, setExportReminderDays, unexportedChanges,
  type SourceGaps, type UnexportedChanges,
} from './status';
export { isOpeningCancelled, openBundleOffThread } from './worker/openBundleOffThread';
export type { CardRow, ConflictRow, ImportRow, OutcomeCounts, QuarantineRow } from './rows';
