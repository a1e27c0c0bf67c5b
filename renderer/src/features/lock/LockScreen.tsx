/** The lock screen: the PIN or passphrase, and what to do when it is forgotten. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { openLock } from '../../db/sync';
import { keysErrorCode } from '../../domain/sync/sealing';
import { Disclosure } from '../../ui/Disclosure';
import { LanguageSwitch } from '../../ui/LanguageSwitch';

export function LockScreen({ onOpened }: { onOpened: () => void }) {
  const { t } = useTranslation('lock');
  const [secret, setSecret] = useState('');
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (secret === '') return;
    setState({ busy: true });
    try {
      await openLock(getRelais().db, secret);
      setSecret('');
      onOpened();
    } catch (error) {
      setState({ busy: false, error: t(keysErrorCode(error) === 'wrongPassphrase' ? 'wrong' : 'failed') });
    }
  };
  return (
    <main className="first-run lock-screen">
      <div className="first-run-card">
        <img src="./icon.svg" alt="" width={72} height={72} />
        <h1>{t('title')}</h1>
        <p className="lead">{t('intro')}</p>
        <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('title')}>
          <label className="field">
            <span>{t('secret')}</span>
            <input type="password" value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" autoFocus
              aria-invalid={state.error ? true : undefined} />
          </label>
          {state.error ? <p className="field-error" role="alert">{state.error}</p> : null}
          <button type="submit" className="button button--primary button--large" disabled={state.busy || secret === ''}>
            {state.busy ? t('busy') : t('unlock')}
          </button>
        </form>
        <Disclosure title={t('forgotten.title')} level={2}>
          <p>{t('forgotten.text')}</p>
        </Disclosure>
        <LanguageSwitch />
      </div>
    </main>
  );
}
