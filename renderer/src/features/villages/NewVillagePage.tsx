/**
 * "Add a village": pick the commune in the official list (by name or postcode). A commune that
 * already has a village is refused, with a link to that village.
 */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { COMMUNES_POPULATION_YEAR } from '../../domain/village';
import { getRelais } from '../../db';
import type { Commune } from '../../domain/communes';
import type { CommuneRef, Stored, Village } from '../../domain/records';
import { issue, type ValidationIssue } from '../../domain/validation';
import { formatNumber } from '../../i18n/format';
import { CommunePicker } from '../communes/CommunePicker';
import { Page } from '../../ui/Page';
import { useToast } from '../../ui/toast';
import { addVillageFromCommune } from '../../db/villages';

function ChosenCommune({ commune }: { commune: Commune }) {
  const { t } = useTranslation('villages');
  return (
    <dl className="village-facts">
      <div><dt>{t('facts.postcodes')}</dt><dd>{commune.codesPostaux.join(', ')}</dd></div>
      <div><dt>{t('facts.departement')}</dt><dd>{commune.departement}</dd></div>
      <div><dt>{t('facts.population')}</dt><dd><span>{formatNumber(commune.population)}</span> <span className="field-hint">{t('facts.census', { year: COMMUNES_POPULATION_YEAR })}</span></dd></div>
    </dl>
  );
}

export function NewVillagePage() {
  const { t } = useTranslation(['villages', 'common']);
  const navigate = useNavigate();
  const { notify } = useToast();
  const [ref, setRef] = useState<CommuneRef | undefined>(undefined);
  const [commune, setCommune] = useState<Commune | undefined>(undefined);
  const [error, setError] = useState<ValidationIssue | undefined>(undefined);
  const [existing, setExisting] = useState<Stored<Village> | undefined>(undefined);
  const [saving, setSaving] = useState(false);

  function choose(next: CommuneRef | undefined, full?: Commune) {
    setRef(next);
    setCommune(full);
    setError(undefined);
    setExisting(undefined);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!commune || !ref) { setError(issue('commune', 'communeInvalid')); return; }
    setSaving(true);
    try {
      const result = await addVillageFromCommune(getRelais(), commune, ref.codePostal);
      if (result.status === 'exists') { setExisting(result.village); return; }
      notify(t('new.added', { name: result.village.commune.nom }), 'success');
      navigate(`/villages/${result.village.id}`);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Page title={t('new.title')}>
      <form onSubmit={submit} noValidate aria-label={t('new.title')}>
        <p className="lead">{t('new.intro')}</p>
        <CommunePicker label={t('new.commune')} hint={t('new.communeHint')} value={ref} onChange={choose} required error={error} />
        {commune ? <ChosenCommune commune={commune} /> : null}
        {existing ? (
          <div className="error-summary" role="alert">
            <p>{t('new.exists', { name: existing.commune.nom })}</p>
            <Link to={`/villages/${existing.id}`}>{t('new.openExisting', { name: existing.commune.nom })}</Link>
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={saving}>{t('new.submit')}</button>
          <Link className="button" to="/villages">{t('common:actions.cancel')}</Link>
        </div>
      </form>
    </Page>
  );
}
