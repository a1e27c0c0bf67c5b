export { UnexportedChangesCard } from './UnexportedChangesCard';
export { useUnexportedChanges } from './useUnexportedChanges';
export { ReminderSetting } from './ReminderSetting';
