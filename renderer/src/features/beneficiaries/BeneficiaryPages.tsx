/**
 * Followed people: a code and the national tool's bands, nothing that names or reaches a person.
 * Erasure (right to be forgotten) clears the record's data here and on every device it travels to.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { getRelais } from '../../db';
import { liveBeneficiaries, ownBeneficiaries, ownBeneficiaryCodes } from '../../db/beneficiaries';
import { AuthorFilterFields, OthersRecordNotice, scopedCode, useAuthors } from '../../ui/authors';
import { authorStructure } from '../../db/authors';
import { ANY_AUTHOR, byAuthor, type AuthorFilter } from '../../domain/authorFilter';
import { nextBeneficiaryCode, trancheAgeOf } from '../../domain/beneficiary';
import { dataOf, type Beneficiary } from '../../domain/records';
import type { ValidationIssue } from '../../domain/validation';
import { useMayChange, useRead, useRecord } from '../../ui/useRead';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorSummary } from '../../ui/form';
import { EmptyState, Page } from '../../ui/Page';
import { useToast } from '../../ui/toast';
import { BeneficiaryFacts, BeneficiaryFields } from './BeneficiaryFields';
import { draftFromBeneficiary, emptyBeneficiary, type BeneficiaryDraft } from './draft';
import { BeneficiaryHistory } from './BeneficiaryHistory';
import { saveBeneficiary } from './save';
import { WriteAction } from '../../ui/readOnly';

function PrivacyNotice() {
  const { t } = useTranslation('beneficiaries');
  return <p className="notice">{t('privacy')} {t('retention.rule')}</p>;
}

export function BeneficiaryListPage() {
  const { t } = useTranslation(['beneficiaries', 'codes', 'common']);
  const people = useRead(liveBeneficiaries);
  const authors = useAuthors();
  const [filter, setFilter] = useState<AuthorFilter>(ANY_AUTHOR);
  const shown = useMemo(() => (people ?? []).filter(byAuthor(filter, authorStructure(authors))), [people, filter, authors]);
  const filtered = filter.author !== '' || filter.structure !== '';
  return (
    <Page title={t('list.title')} actions={<WriteAction><Link className="button button--primary" to="/beneficiaries/new">{t('list.new')}</Link></WriteAction>}>
      <PrivacyNotice />
      {people === undefined ? null : people.length === 0 ? <EmptyState>{t('list.empty')}</EmptyState> : (
        <>
          <div className="filters" role="search" aria-label={t('list.filters')}>
            <AuthorFilterFields authors={authors} value={filter} onChange={(changes) => setFilter((f) => ({ ...f, ...changes }))} />
            {filtered ? <button type="button" className="button" onClick={() => setFilter(ANY_AUTHOR)}>{t('common:actions.clearFilters')}</button> : null}
          </div>
          <p className="list-count" role="status">{t('list.count', { count: shown.length })}</p>
          {shown.length === 0 ? <EmptyState>{t('common:list.noMatch')}</EmptyState> : null}
          <ul className="beneficiary-list" aria-label={t('list.title')}>
            {shown.map((b) => (
              <li key={b.id}>
                <Link className="row-link" to={`/beneficiaries/${b.id}/edit`}>
                  {/* Codes are per author: another laptop's B-0001 is told apart by its author. */}
                  <span className="row-title">{scopedCode(b.code, b.authorDevice, authors)}</span>
                  <span className="row-meta">
                    {[t(`codes:trancheAge.${trancheAgeOf(b)}`), t(`codes:genre.${b.genre ?? 'non_communique'}`), t(`codes:statutSocial.${b.statutSocial ?? 'non_communique'}`)].join(' · ')}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}

export function NewBeneficiaryPage() {
  const [initial, setInitial] = useState<BeneficiaryDraft | null>(null);
  useEffect(() => {
    void ownBeneficiaryCodes(getRelais().db).then((codes) => setInitial(emptyBeneficiary(nextBeneficiaryCode(codes))));
  }, []);
  return initial ? <BeneficiaryForm initial={initial} /> : null;
}

export function EditBeneficiaryPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('beneficiaries');
  const record = useRecord('beneficiary', id);
  const mayChange = useMayChange('beneficiary', record);
  if (record === undefined || mayChange === undefined && record !== null) return null;
  if (record === null || record.deleted || record.erased) {
    return <Page title={t('form.titleEdit')}><EmptyState>{t('common:errors.notFound')}</EmptyState></Page>;
  }
  return <BeneficiaryForm key={id} initial={draftFromBeneficiary(dataOf<Beneficiary>(record))} editingId={id} readOnly={!mayChange} authorDevice={record.authorDevice} />;
}

/** `readOnly`: written on another computer — only its author edits it; erasing stays possible here. */
function BeneficiaryForm({ initial, editingId, readOnly = false, authorDevice }: { initial: BeneficiaryDraft; editingId?: string; readOnly?: boolean; authorDevice?: string }) {
  const { t } = useTranslation('beneficiaries');
  const navigate = useNavigate();
  const toast = useToast();
  // A code is unique among this laptop's own people: another laptop's B-0001 is another person.
  const others = useRead(ownBeneficiaries);
  const [draft, setDraft] = useState(initial);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [confirmErase, setConfirmErase] = useState(false);
  const title = readOnly ? t('form.titleDetails') : editingId ? t('form.titleEdit') : t('form.titleNew');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await saveBeneficiary(draft, others ?? [], editingId);
    if ('issues' in result) { setIssues(result.issues); return; }
    toast.notify(t('form.saved'), 'success');
    navigate('/beneficiaries');
  }

  async function erase() {
    if (!editingId) return;
    setConfirmErase(false);
    await getRelais().beneficiaries.erase(editingId);
    toast.notify(t('erase.done'), 'success');
    navigate('/beneficiaries');
  }

  return (
    <Page title={title}>
      <PrivacyNotice />
      {readOnly && authorDevice ? <OthersRecordNotice authorDevice={authorDevice} /> : null}
      {readOnly ? <BeneficiaryFacts value={initial} /> : <form onSubmit={submit} noValidate aria-label={title}>
        <ErrorSummary issues={issues} fieldLabel={(field) => t(`fields.${field}`)} />
        <section className="form-section">
          <BeneficiaryFields value={draft} onChange={setDraft} issues={issues} />
        </section>
        <div className="form-actions">
          <button type="submit" className="button button--primary button--large">{t('common:actions.save')}</button>
          <Link className="button button--large" to="/beneficiaries">{t('common:actions.cancel')}</Link>
        </div>
      </form>}
      {editingId ? <BeneficiaryHistory id={editingId} code={initial.code} /> : null}
      {editingId ? <WriteAction>
        <section className="form-section danger-zone">
          <h2>{t('erase.title')}</h2>
          <p>{t('erase.explain')}</p>
          <div><button type="button" className="button button--danger" onClick={() => setConfirmErase(true)}>{t('erase.action')}</button></div>
        </section>
      </WriteAction> : null}
      <ConfirmDialog open={confirmErase} title={t('erase.confirmTitle', { code: initial.code })} message={t('erase.confirmMessage')}
        confirmLabel={t('erase.confirm')} danger onConfirm={erase} onCancel={() => setConfirmErase(false)} />
    </Page>
  );
}
