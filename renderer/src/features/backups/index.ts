export { AutomaticBackups } from './AutomaticBackups';
export { BackupsSection } from './BackupsSection';
export { BackupReminder } from './BackupReminder';
export { RestoreBackupForm } from './RestoreBackupForm';
