import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { setExportReminderDays } from '../../db/sync';
import { issue, type ValidationIssue } from '../../domain/validation';
import { TextField } from '../../ui/form';
import { useToast } from '../../ui/toast';
import { useUnexportedChanges } from './useUnexportedChanges';

/** Settings section: after how many days the home screen reminds the user to export. */
export function ReminderSetting() {
  const { t } = useTranslation('sync');
  const waiting = useUnexportedChanges();
  const toast = useToast();
  const [days, setDays] = useState('');
  const [error, setError] = useState<ValidationIssue | undefined>(undefined);
  useEffect(() => {
    if (waiting && days === '') setDays(String(waiting.reminderDays));
  }, [waiting, days]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = Number(days);
    if (!Number.isInteger(value) || value < 1 || value > 365) {
      setError(issue('reminderDays', 'reminderDays'));
      return;
    }
    setError(undefined);
    await setExportReminderDays(getRelais().db, value);
    toast.notify(t('reminderSetting.saved', { count: value }), 'success');
  }

  return (
    <section className="form-section" aria-labelledby="settings-reminder">
      <h2 id="settings-reminder">{t('reminderSetting.title')}</h2>
      <form onSubmit={submit} noValidate className="reminder-form">
        <TextField label={t('reminderSetting.label')} hint={t('reminderSetting.hint')} type="number" min={1} max={365}
          value={days} onChange={setDays} error={error} />
        <div className="form-actions">
          <button type="submit" className="button">{t('reminderSetting.save')}</button>
        </div>
      </form>
    </section>
  );
}
