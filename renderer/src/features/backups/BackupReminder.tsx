/**
 * Browser build (issue 12): there is no backups folder, so every screen reminds the person to download a
 * backup once changes have waited more than a day without one (domain/backup/schedule.ts).
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { backupState } from '../../db/backup';
import { needsBackupReminder } from '../../domain/backup/schedule';
import { platform } from '../../platform';
import { useRead } from '../../ui/useRead';

export async function reminderDue(db: Parameters<typeof backupState>[0]): Promise<boolean> {
  return needsBackupReminder(await backupState(db), new Date());
}

export function BackupReminder() {
  const { t } = useTranslation('backups');
  const due = useRead(reminderDue);
  if (platform.shell === 'electron' || !due) return null;
  return (
    <p className="notice notice--warning backup-reminder" role="status">
      {t('download.reminder')} <Link to="/settings">{t('download.where')}</Link>
    </p>
  );
}
