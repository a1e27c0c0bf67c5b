/** Settings: how this laptop's keys are protected, whether they are unsealed now, and renewing them. */
import { useTranslation } from 'react-i18next';
import { readKeysState } from '../../db/sync';
import { useRead } from '../../ui/useRead';
import { useDeviceKeys } from './KeysProvider';

export function KeysSection() {
  const { t } = useTranslation('keys');
  const state = useRead(readKeysState);
  const keys = useDeviceKeys();
  if (!state) return null;
  const byPassphrase = state.sealedBy === 'passphrase';
  return (
    <section className="form-section keys-section" aria-labelledby="settings-keys">
      <h2 id="settings-keys">{t('settings.title')}</h2>
      <p>{t(byPassphrase ? 'settings.byPassphrase' : 'settings.byKeychain')}</p>
      <p role="status">{t(keys.unlocked ? 'settings.unlocked' : 'settings.locked')}</p>
      <div className="form-actions">
        {keys.unlocked ? (
          byPassphrase ? <button type="button" className="button" onClick={keys.lock}>{t('settings.lock')}</button> : null
        ) : (
          <button type="button" className="button" onClick={() => void keys.requireKeys().catch(() => undefined)}>{t('settings.unlock')}</button>
        )}
        <button type="button" className="button" onClick={keys.renewKeys}>{t('settings.renew')}</button>
      </div>
      <p className="field-hint">{t('settings.renewHint')}</p>
    </section>
  );
}
