/** Settings → Lock (issue 12): set a PIN or passphrase and the idle minutes, or remove the lock. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { disableLock, enableLock, LOCK_MINUTES, readLockSettings } from '../../db/lock';
import { readKeysState } from '../../db/sync';
import { useToast } from '../../ui/toast';
import { useRead } from '../../ui/useRead';

/** A PIN of 6 digits at least, or any passphrase of 8 characters at least. */
export function isAcceptableLockSecret(secret: string): boolean {
  return /^\d{6,}$/.test(secret) || (secret.length >= 8 && !/^\d+$/.test(secret));
}

export function LockSection() {
  const { t } = useTranslation('lock');
  const settings = useRead(readLockSettings);
  const keys = useRead(readKeysState);
  const { notify } = useToast();
  const [secret, setSecret] = useState('');
  const [again, setAgain] = useState('');
  const [minutes, setMinutes] = useState<number | undefined>(undefined);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (!settings || !keys) return null;
  const chosenMinutes = minutes ?? settings.minutes;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!isAcceptableLockSecret(secret)) return setError(t('settings.tooShort'));
    if (secret !== again) return setError(t('settings.mismatch'));
    setBusy(true);
    try {
      await enableLock(getRelais().db, secret, chosenMinutes);
      setSecret('');
      setAgain('');
      setError('');
      notify(t('settings.saved'), 'success');
    } catch {
      setError(t('settings.failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="form-section lock-section" aria-labelledby="settings-lock">
      <h2 id="settings-lock">{t('settings.title')}</h2>
      <p>{t('settings.intro')}</p>
      <p role="status">{settings.enabled ? t('settings.on', { minutes: settings.minutes }) : t('settings.off')}</p>
      {keys.sealedBy === null ? <p>{t('settings.noKeysYet')}</p> : (
        <form onSubmit={(e) => void submit(e)} noValidate aria-label={t(settings.enabled ? 'settings.change' : 'settings.set')}>
          <label className="field">
            <span>{t('settings.secret')}</span>
            <input type="password" value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="new-password" />
            <span className="field-hint">{t('settings.secretHint')}</span>
          </label>
          <label className="field">
            <span>{t('settings.again')}</span>
            <input type="password" value={again} onChange={(e) => setAgain(e.target.value)} autoComplete="new-password" />
          </label>
          <label className="field">
            <span>{t('settings.minutes')}</span>
            <select value={chosenMinutes} onChange={(e) => setMinutes(Number(e.target.value))}>
              {LOCK_MINUTES.map((m) => <option key={m} value={m}>{t('settings.minutesOption', { count: m })}</option>)}
            </select>
          </label>
          {error ? <p className="field-error" role="alert">{error}</p> : null}
          <p className="field-hint">{t('settings.forgotten')}</p>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>{t(settings.enabled ? 'settings.change' : 'settings.set')}</button>
            {settings.enabled ? (
              <button type="button" className="button" onClick={() => void disableLock(getRelais().db).then(() => notify(t('settings.removed'), 'success'))}>
                {t('settings.remove')}
              </button>
            ) : null}
          </div>
        </form>
      )}
    </section>
  );
}
