import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { setExportReminderDays } from '../../db/sync';
import { DaysSetting } from '../../ui/DaysSetting';
import { useUnexportedChanges } from './useUnexportedChanges';

/** Settings section: after how many days the home screen reminds the user to export. */
export function ReminderSetting() {
  const { t } = useTranslation('sync');
  const waiting = useUnexportedChanges();
  return (
    <DaysSetting id="settings-reminder" field="reminderDays" current={waiting?.reminderDays} store={(days) => setExportReminderDays(getRelais().db, days)}
      texts={{
        title: t('reminderSetting.title'), label: t('reminderSetting.label'), hint: t('reminderSetting.hint'),
        save: t('reminderSetting.save'), saved: (count) => t('reminderSetting.saved', { count }),
      }} />
  );
}
