export { UnexportedChangesCard } from './UnexportedChangesCard';
export { ReminderSetting } from './ReminderSetting';
export { GlobalBundleDrop } from './bundleDrop';
export { Fingerprint } from './Fingerprint';
export { describeSyncError } from './errors';
