/** Settings section: after how many days without a bundle a mediator shows as "not heard from". */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { readSilenceDays, setSilenceDays } from '../../db/mediators';
import { issue, type ValidationIssue } from '../../domain/validation';
import { TextField } from '../../ui/form';
import { useToast } from '../../ui/toast';
import { useRead } from '../../ui/useRead';

export function SilenceSetting() {
  const { t } = useTranslation('mediators');
  const current = useRead(readSilenceDays);
  const toast = useToast();
  const [days, setDays] = useState('');
  const [error, setError] = useState<ValidationIssue | undefined>(undefined);
  useEffect(() => {
    if (current !== undefined && days === '') setDays(String(current));
  }, [current, days]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = Number(days);
    if (!Number.isInteger(value) || value < 1 || value > 365) {
      setError(issue('silenceDays', 'reminderDays'));
      return;
    }
    setError(undefined);
    await setSilenceDays(getRelais().db, value);
    toast.notify(t('setting.saved', { count: value }), 'success');
  }

  return (
    <section className="form-section" aria-labelledby="settings-silence">
      <h2 id="settings-silence">{t('setting.title')}</h2>
      <form onSubmit={submit} noValidate className="reminder-form">
        <TextField label={t('setting.label')} hint={t('setting.hint')} type="number" min={1} max={365} value={days} onChange={setDays} error={error} />
        <div className="form-actions"><button type="submit" className="button">{t('setting.save')}</button></div>
      </form>
    </section>
  );
}
