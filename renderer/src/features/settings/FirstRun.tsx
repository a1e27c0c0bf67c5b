import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../domain/codes';
import type { ValidationIssue } from '../../domain/validation';
import { ErrorSummary, issueFor, RadioGroup, TextField } from '../../ui/form';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { getRelais } from '../../db';
import { saveProfile } from '../../db/profile';
import { PROFILE_LIMITS, validateProfile } from '../../domain/profile';

/** First run: language, name, role and structure. The device identity is created on save. */
export function FirstRun() {
  const { t } = useTranslation('settings');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [structure, setStructure] = useState('');
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const profile = { displayName, role: role || undefined, structure };
    const found = validateProfile(profile);
    setIssues(found);
    if (found.length > 0) return;
    await saveProfile(getRelais().db, { displayName, role: role as Role, structure });
  }

  return (
    <main className="first-run">
      <div className="first-run-card">
        <img src="./icon.svg" alt="" width={72} height={72} />
        <h1>{t('firstRun.title')}</h1>
        <p className="lead">{t('firstRun.intro')}</p>
        <LanguageSwitch />
        <form onSubmit={submit} noValidate aria-label={t('firstRun.title')}>
          <ErrorSummary issues={issues} fieldLabel={(f) => t(`profile.${f}`)} />
          <TextField label={t('profile.displayName')} value={displayName} onChange={setDisplayName} required error={issueFor(issues, 'displayName')} autoFocus maxLength={PROFILE_LIMITS.displayName} />
          <RadioGroup legend={t('profile.role')} options={roleOptions} value={role} onChange={setRole} required error={issueFor(issues, 'role')} />
          <TextField label={t('profile.structure')} hint={t('profile.structureHint')} value={structure} onChange={setStructure} required error={issueFor(issues, 'structure')} maxLength={PROFILE_LIMITS.structure} />
          <p className="field-hint">{t('firstRun.privacy')}</p>
          <button type="submit" className="button button--primary button--large">{t('firstRun.start')}</button>
        </form>
      </div>
    </main>
  );
}
