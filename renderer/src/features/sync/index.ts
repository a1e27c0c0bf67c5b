export { UnexportedChangesCard } from './UnexportedChangesCard';
export { useUnexportedChanges } from './useUnexportedChanges';
export { ReminderSetting } from './ReminderSetting';
export { GlobalBundleDrop } from './bundleDrop';
