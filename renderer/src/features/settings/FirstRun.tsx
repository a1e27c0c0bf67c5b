import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../domain/codes';
import type { ValidationIssue } from '../../domain/validation';
import { ErrorSummary, issueFor, RadioGroup, TextField } from '../../ui/form';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { PassphraseField, usePassphraseChoice } from '../../ui/PassphraseField';
import { getRelais } from '../../db';
import { saveProfile } from '../../db/profile';
import { rememberOsProtection, renewDeviceKeys, sealDeviceKeys } from '../../db/sync';
import { PROFILE_LIMITS, validateProfile } from '../../domain/profile';
import { keysErrorCode, type VaultProtection } from '../../domain/sync/sealing';
import { osProtection, passphraseProtection, useOsKeychain } from '../keys';
import { RestoreBackupForm } from '../backups';
import { restoreFromFile } from '../../db/restore';
import { Disclosure } from '../../ui/Disclosure';

/**
 * First run: language, name, role and structure, and — where no OS keychain can protect this laptop's
 * keys (a browser) — the passphrase that will. The keys are created and sealed first, then the profile
 * and the device identity are saved.
 */
export function FirstRun() {
  const { t } = useTranslation('settings');
  const { t: tk } = useTranslation('keys');
  const osKeychain = useOsKeychain();
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [structure, setStructure] = useState('');
  const keysPassphrase = usePassphraseChoice();
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  const needsPassphrase = osKeychain === false;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const profile = { displayName, role: role || undefined, structure };
    const found = validateProfile(profile);
    if (needsPassphrase && !keysPassphrase.acceptable) found.push({ field: 'passphrase', code: 'passphraseTooWeak' });
    setIssues(found);
    if (found.length > 0 || osKeychain === undefined) return;
    setBusy(true);
    try {
      await sealKeys(needsPassphrase ? passphraseProtection(keysPassphrase.value) : osProtection);
      await saveProfile(getRelais().db, { displayName, role: role as Role, structure });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="first-run">
      <div className="first-run-card">
        <img src="./icon.svg" alt="" width={72} height={72} />
        <h1>{t('firstRun.title')}</h1>
        <p className="lead">{t('firstRun.intro')}</p>
        <LanguageSwitch />
        <Disclosure title={t('firstRun.restore')} level={2}>
          <RestoreBackupForm restore={(file, passphrase) => restoreFromFile(getRelais().db, file, { passphrase })} />
        </Disclosure>
        <form onSubmit={submit} noValidate aria-label={t('firstRun.title')}>
          <ErrorSummary issues={issues} fieldLabel={(f) => t(`profile.${f}`)} />
          <TextField label={t('profile.displayName')} value={displayName} onChange={setDisplayName} required error={issueFor(issues, 'displayName')} autoFocus maxLength={PROFILE_LIMITS.displayName} />
          <RadioGroup legend={t('profile.role')} options={roleOptions} value={role} onChange={setRole} required error={issueFor(issues, 'role')} />
          <TextField label={t('profile.structure')} hint={t('profile.structureHint')} value={structure} onChange={setStructure} required error={issueFor(issues, 'structure')} maxLength={PROFILE_LIMITS.structure} />
          {needsPassphrase ? (
            <fieldset className="first-run-keys">
              <legend>{tk('protect.title')}</legend>
              <PassphraseField label={tk('passphrase')} hint={tk('passphraseHint')} {...keysPassphrase.field} personal={[displayName, structure]} confirm />
            </fieldset>
          ) : null}
          <p className="field-hint">{t('firstRun.privacy')}</p>
          <button type="submit" className="button button--primary button--large" disabled={busy || osKeychain === undefined}>{t('firstRun.start')}</button>
        </form>
      </div>
    </main>
  );
}

/**
 * Seal this laptop's new keys. Keys may exist already if an earlier first run stopped before saving the
 * profile: nothing was ever signed or sent with them (that needs a profile), so they are replaced.
 */
async function sealKeys(protection: VaultProtection): Promise<void> {
  if (protection.kind === 'os') rememberOsProtection(getRelais().db, protection);
  try {
    await sealDeviceKeys(getRelais().db, protection);
  } catch (error) {
    if (keysErrorCode(error) !== 'alreadySealed') throw error;
    await renewDeviceKeys(getRelais().db, protection);
  }
}
