/**
 * Before anything else, when this database's keys were never sealed and no OS keychain can seal them
 * (a browser, or a Linux desktop without a keyring): the person chooses the passphrase that will. An
 * older version kept the keys in clear; they are sealed as they are and the clear copies deleted.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { sealDeviceKeys } from '../../db/sync';
import { readProfile } from '../../db/profile';
import { PassphraseField, usePassphraseChoice } from '../../ui/PassphraseField';
import { useRead } from '../../ui/useRead';
import { passphraseProtection } from './protection';

export function ProtectKeysScreen({ legacy }: { legacy: boolean }) {
  const { t } = useTranslation('keys');
  const profile = useRead(readProfile);
  const choice = usePassphraseChoice();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!choice.acceptable) return;
    setBusy(true);
    try {
      await sealDeviceKeys(getRelais().db, passphraseProtection(choice.value)); // the live state then shows the app
    } catch {
      setError(t('protect.failed'));
      setBusy(false);
    }
  };
  return (
    <main className="first-run">
      <div className="first-run-card">
        <img src="./icon.svg" alt="" width={72} height={72} />
        <h1>{t('protect.title')}</h1>
        <p className="lead">{t(legacy ? 'protect.introLegacy' : 'protect.intro')}</p>
        <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('protect.title')}>
          <PassphraseField label={t('passphrase')} hint={t('passphraseHint')} {...choice.field}
            personal={profile ? [profile.displayName, profile.structure] : []} confirm autoFocus />
          {error ? <p className="field-error" role="alert">{error}</p> : null}
          <button type="submit" className="button button--primary button--large" disabled={busy || !choice.acceptable}>
            {busy ? t('protect.busy') : t('protect.action')}
          </button>
        </form>
      </div>
    </main>
  );
}
