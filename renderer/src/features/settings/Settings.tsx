/**
 * `/settings`: who I am (profile), the interface language, this device and where its data lives, the
 * demo data switch, and the diagnostics to send when something goes wrong.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../domain/codes';
import type { ValidationIssue } from '../../domain/validation';
import { LANGUAGES, setLanguage, type Language } from '../../i18n';
import { platform, type AppInfo } from '../../platform';
import { ErrorSummary, issueFor, RadioGroup, TextField } from '../../ui/form';
import { Page } from '../../ui/Page';
import { useToast } from '../../ui/toast';
import { DemoSection } from '../demo/DemoSection';
import { AboutSection } from './AboutSection';
import { StructuresSection } from './StructuresSection';
import { StorageSection } from './StorageSection';
import { Fingerprint, ReminderSetting } from '../sync';
import { KeysSection } from '../keys';
import { BackupsSection } from '../backups';
import { LockSection } from '../lock';
import { SilenceSetting } from '../mediators';
import { FolderSettings } from '../folders';
import { getRelais } from '../../db';
import { readProfile, saveProfile } from '../../db/profile';
import { readIdentitySummary } from '../../db/identity';
import { PROFILE_LIMITS, validateProfile, type Profile } from '../../domain/profile';
import { useRead } from '../../ui/useRead';

export function Settings() {
  const { t } = useTranslation('settings');
  const profile = useRead(readProfile);
  return (
    <Page title={t('page.title')} className="settings">
      {profile ? <ProfileSection profile={profile} /> : null}
      {profile ? <StructuresSection key={JSON.stringify(profile.structures ?? profile.structure)} profile={profile} /> : null}
      <LanguageSection />
      <DeviceSection />
      <KeysSection />
      <BackupsSection />
      <LockSection />
      <StorageSection />
      <ReminderSetting />
      <SilenceSetting />
      <FolderSettings />
      <DemoSection author={profile?.displayName ?? ''} />
      <AboutSection />
    </Page>
  );
}

function ProfileSection({ profile }: { profile: Profile }) {
  const { t } = useTranslation(['settings', 'common']);
  const { notify } = useToast();
  const [form, setForm] = useState<Partial<Profile>>(profile);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  const set = <K extends keyof Profile>(key: K, value: Profile[K]) => setForm((prev) => ({ ...prev, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateProfile(form);
    setIssues(found);
    if (found.length > 0) return;
    // The structures are edited in their own section: keep the stored ones.
    await saveProfile(getRelais().db, { ...(form as Profile), structure: profile.structure, structures: profile.structures });
    notify(t('page.profileSaved'), 'success');
  }

  return (
    <section className="form-section" aria-labelledby="settings-profile">
      <h2 id="settings-profile">{t('page.profile')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="settings-profile">
        <ErrorSummary issues={issues} fieldLabel={(f) => t(`profile.${f}`)} />
        <div className="form-row">
          <TextField label={t('profile.displayName')} value={form.displayName ?? ''} onChange={(v) => set('displayName', v)} required error={issueFor(issues, 'displayName')} maxLength={PROFILE_LIMITS.displayName} />
        </div>
        <RadioGroup legend={t('profile.role')} options={roleOptions} value={form.role ?? ''} onChange={(v: Role) => set('role', v)} required error={issueFor(issues, 'role')} />
        <div className="form-actions">
          <button type="submit" className="button button--primary">{t('page.saveProfile')}</button>
        </div>
      </form>
    </section>
  );
}

function LanguageSection() {
  const { t, i18n } = useTranslation(['settings', 'common']);
  // Each language is named in itself ("Français", "English"), from its own locale file.
  const options = LANGUAGES.map((lang) => ({ value: lang, label: t('common:language.name', { lng: lang }), lang }));
  return (
    <section className="form-section" aria-labelledby="settings-language">
      <h2 id="settings-language">{t('page.language')}</h2>
      <RadioGroup<Language> legend={t('page.languageLegend')} hint={t('page.languageHint')} options={options}
        value={i18n.language as Language} onChange={(lang) => void setLanguage(lang)} />
    </section>
  );
}

function useAppInfo(): AppInfo | undefined {
  const [info, setInfo] = useState<AppInfo | undefined>(undefined);
  useEffect(() => {
    let active = true;
    void platform.getAppInfo().then((value) => { if (active) setInfo(value); });
    return () => { active = false; };
  }, []);
  return info;
}

function DeviceSection() {
  const { t } = useTranslation('settings');
  const me = useRead(readIdentitySummary);
  const info = useAppInfo();
  return (
    <section className="form-section" aria-labelledby="settings-device">
      <h2 id="settings-device">{t('page.device')}</h2>
      <dl className="settings-facts">
        <dt>{t('page.fingerprint')}</dt>
        <dd>
          {me?.print ? <Fingerprint print={me.print} /> : '…'}
          <p className="field-hint">{t('page.fingerprintHint')}</p>
        </dd>
        <dt>{t('page.deviceId')}</dt>
        <dd>
          <code className="settings-code" translate="no">{me?.deviceId ?? '…'}</code>
          <p className="field-hint">{t('page.deviceIdHint')}</p>
          {me && me.legacyDeviceIds.length > 0 ? <p className="field-hint">{t('page.legacyIds', { ids: me.legacyDeviceIds.join(', ') })}</p> : null}
        </dd>
        <dt>{t('page.version')}</dt>
        <dd translate="no">{info ? `${info.version} · ${info.platform}` : '…'}</dd>
        <dt>{t('page.dataLocation')}</dt>
        <dd>
          {info?.dataFolderForDisplay ? <code className="settings-code" translate="no">{info.dataFolderForDisplay}</code> : null}
          <p className="field-hint">{info?.shell === 'electron' ? t('page.dataLocationElectron') : t('page.dataLocationBrowser')}</p>
        </dd>
      </dl>
    </section>
  );
}
