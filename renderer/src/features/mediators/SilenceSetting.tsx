/** Settings section: after how many days without a bundle a mediator shows as "not heard from". */
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { readSilenceDays, setSilenceDays } from '../../db/mediators';
import { DaysSetting } from '../../ui/DaysSetting';
import { useRead } from '../../ui/useRead';

export function SilenceSetting() {
  const { t } = useTranslation('mediators');
  const current = useRead(readSilenceDays);
  return (
    <DaysSetting id="settings-silence" field="silenceDays" current={current} store={(days) => setSilenceDays(getRelais().db, days)}
      texts={{ title: t('setting.title'), label: t('setting.label'), hint: t('setting.hint'), save: t('setting.save'), saved: (count) => t('setting.saved', { count }) }} />
  );
}
