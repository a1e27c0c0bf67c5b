/**
 * Create a followed person without leaving the activity form. Not a nested <form> (HTML forbids
 * it): a group with its own button, which saves the person and hands back the new id.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { ownBeneficiaries, ownBeneficiaryCodes } from '../../db/beneficiaries';
import { nextBeneficiaryCode } from '../../domain/beneficiary';
import type { ValidationIssue } from '../../domain/validation';
import { useRead } from '../../ui/useRead';
import { BeneficiaryFields } from './BeneficiaryFields';
import { emptyBeneficiary, type BeneficiaryDraft } from './draft';
import { saveBeneficiary } from './save';

export function BeneficiaryQuickCreate({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation('beneficiaries');
  const others = useRead(ownBeneficiaries);
  const [draft, setDraft] = useState<BeneficiaryDraft | null>(null);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);

  async function open() {
    setIssues([]);
    setDraft(emptyBeneficiary(nextBeneficiaryCode(await ownBeneficiaryCodes(getRelais().db))));
  }

  async function create() {
    if (!draft) return;
    const result = await saveBeneficiary(draft, others ?? []);
    if ('issues' in result) { setIssues(result.issues); return; }
    setDraft(null);
    onCreated(result.id);
  }

  if (!draft) {
    return <button type="button" className="button button--small" onClick={open}>{t('quick.open')}</button>;
  }
  return (
    <div className="quick-create" role="group" aria-label={t('quick.title')} onKeyDown={(e) => {
      // Enter in a field here creates the person instead of submitting the whole activity form.
      if (e.key === 'Enter' && e.target instanceof HTMLInputElement) { e.preventDefault(); void create(); }
    }}>
      <h3>{t('quick.title')}</h3>
      <p className="field-hint">{t('privacy')}</p>
      <BeneficiaryFields value={draft} onChange={setDraft} issues={issues} />
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={create}>{t('quick.create')}</button>
        <button type="button" className="button" onClick={() => setDraft(null)}>{t('common:actions.cancel')}</button>
      </div>
    </div>
  );
}
