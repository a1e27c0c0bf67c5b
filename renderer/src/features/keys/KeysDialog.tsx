/**
 * The one dialog about this laptop's keys: type the passphrase (once per session); or, when the keys
 * cannot be unsealed any more (passphrase forgotten, OS keychain lost), what that means in plain words
 * and how to start again with new keys, every record kept.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { renewDeviceKeys, unlockDeviceKeys, type DeviceKeys } from '../../db/sync';
import { readProfile } from '../../db/profile';
import { keysErrorCode } from '../../domain/sync/sealing';
import { PassphraseField, usePassphraseChoice } from '../../ui/PassphraseField';
import { useToast } from '../../ui/toast';
import { useRead } from '../../ui/useRead';
import { osProtection, passphraseProtection } from './protection';

export type KeysDialogMode = 'unlock' | 'unreadable' | 'renew';

interface KeysDialogProps {
  mode: KeysDialogMode;
  osKeychain: boolean;
  onMode: (mode: KeysDialogMode) => void;
  /** The keys once unsealed or renewed; null when the person closes the dialog. */
  onDone: (keys: DeviceKeys | null) => void;
  onRetry: () => void;
}

export function KeysDialog({ mode, osKeychain, onMode, onDone, onRetry }: KeysDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { t } = useTranslation('keys');
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog dialog--wide" aria-labelledby={titleId} onCancel={(e) => { e.preventDefault(); onDone(null); }}>
      <h2 id={titleId}>{t(`dialog.${mode}.title`)}</h2>
      {mode === 'unlock' ? <UnlockForm onDone={onDone} onForgotten={() => onMode('renew')} /> : null}
      {mode === 'unreadable' ? (
        <>
          <p>{t(osKeychain ? 'dialog.unreadable.changed' : 'dialog.unreadable.noKeychain')}</p>
          <p>{t('dialog.unreadable.way')}</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => onDone(null)}>{t('dialog.close')}</button>
            <button type="button" className="button" onClick={onRetry}>{t('dialog.unreadable.retry')}</button>
            <button type="button" className="button button--primary" onClick={() => onMode('renew')}>{t('dialog.unreadable.renew')}</button>
          </div>
        </>
      ) : null}
      {mode === 'renew' ? <RenewForm osKeychain={osKeychain} onDone={onDone} /> : null}
    </dialog>
  );
}

function UnlockForm({ onDone, onForgotten }: { onDone: (keys: DeviceKeys | null) => void; onForgotten: () => void }) {
  const { t } = useTranslation('keys');
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase) return;
    setBusy(true);
    setError('');
    try {
      onDone(await unlockDeviceKeys(getRelais().db, passphraseProtection(passphrase)));
    } catch (e) {
      setError(keysErrorCode(e) === 'wrongPassphrase' ? t('dialog.unlock.wrong') : t('dialog.unlock.failed'));
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      <p>{t('dialog.unlock.why')}</p>
      <div className="field">
        <label htmlFor={id}>{t('dialog.unlock.passphrase')}</label>
        <input id={id} type="password" autoComplete="current-password" value={passphrase} autoFocus onChange={(e) => setPassphrase(e.target.value)}
          aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined} />
        {error ? <p className="field-error" role="alert" id={`${id}-error`}>{error}</p> : null}
      </div>
      <p><button type="button" className="link-button" onClick={onForgotten}>{t('dialog.unlock.forgotten')}</button></p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => onDone(null)}>{t('dialog.close')}</button>
        <button type="submit" className="button button--primary" disabled={busy || !passphrase}>{busy ? t('dialog.unlock.busy') : t('dialog.unlock.action')}</button>
      </div>
    </form>
  );
}

function RenewForm({ osKeychain, onDone }: { osKeychain: boolean; onDone: (keys: DeviceKeys | null) => void }) {
  const { t } = useTranslation('keys');
  const { notify } = useToast();
  const profile = useRead(readProfile);
  const choice = usePassphraseChoice();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const renew = async () => {
    setBusy(true);
    setError('');
    try {
      const keys = await renewDeviceKeys(getRelais().db, osKeychain ? osProtection : passphraseProtection(choice.value));
      notify(t('dialog.renew.done'), 'success');
      onDone(keys);
    } catch {
      setError(t('dialog.renew.failed'));
      setBusy(false);
    }
  };
  return (
    <div>
      <p>{t('dialog.renew.intro')}</p>
      <ul className="plain-list">
        <li>{t('dialog.renew.kept')}</li>
        <li>{t('dialog.renew.newIdentity')}</li>
        <li>{t('dialog.renew.oldBundles')}</li>
      </ul>
      {osKeychain ? null : (
        <PassphraseField label={t('dialog.renew.passphrase')} {...choice.field} personal={profile ? [profile.displayName, profile.structure] : []} confirm />
      )}
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => onDone(null)}>{t('dialog.close')}</button>
        <button type="button" className="button button--danger" disabled={busy || (!osKeychain && !choice.acceptable)} onClick={() => void renew()}>
          {busy ? t('dialog.renew.busy') : t('dialog.renew.action')}
        </button>
      </div>
    </div>
  );
}
