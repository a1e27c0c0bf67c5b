/**
 * `/places/import`: a national places CSV (schéma v1.0.2) previewed row by row — new, updated,
 * unchanged, refused with the reason — and imported in one go only when the person confirms.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { getRelais } from '../../db';
import { applyPlacesImport, planPlacesImport, type PlacesImportPlan } from '../../db/placesImport';
import { communeResolver } from '../../domain/communes';
import { parseCsv } from '../../domain/formats/csv';
import { platform } from '../../platform';
import { Page } from '../../ui/Page';
import { useToast } from '../../ui/toast';
import { useCommunes } from '../communes/communes';

export function ImportPlacesPage() {
  const { t } = useTranslation('formats');
  const navigate = useNavigate();
  const { notify } = useToast();
  const communes = useCommunes();
  const [fileName, setFileName] = useState('');
  const [plan, setPlan] = useState<PlacesImportPlan | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function choose() {
    if (!communes) return;
    const [file] = await platform.openFiles({ kind: 'csv', multiple: false });
    if (!file) return;
    setBusy(true);
    setError('');
    setPlan(null);
    setFileName(file.name);
    try {
      const text = new TextDecoder('utf-8').decode(file.bytes);
      // The national files use commas; a file re-saved by French Excel uses semicolons: papaparse guesses.
      const [header = [], ...rows] = parseCsv(text, '');
      const result = await planPlacesImport(getRelais().db, header.map((h) => h.trim()), rows, communeResolver(communes));
      if ('plan' in result) setPlan(result.plan);
      else setError(t('import.notSchema', { columns: result.missingColumns.join(', ') }));
    } catch (e) {
      console.error(e);
      setError(t('import.unreadable'));
    } finally {
      setBusy(false);
    }
  }

  async function apply() {
    if (!plan) return;
    setBusy(true);
    try {
      const count = await applyPlacesImport(getRelais(), plan);
      notify(t('import.done', { count }), 'success');
      navigate('/places');
    } finally {
      setBusy(false);
    }
  }

  const toWrite = plan ? plan.created.length + plan.updated.length : 0;
  return (
    <Page title={t('import.title')}>
      <p className="page-intro">{t('import.intro')}</p>
      <div className="form-actions">
        <button type="button" className="button" disabled={busy || !communes} onClick={choose}>{t('import.choose')}</button>
      </div>
      {busy && !plan ? <p role="status">{t('import.reading')}</p> : null}
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      {plan ? (
        <section className="card form-section import-preview" aria-labelledby="import-preview">
          <h2 id="import-preview">{t('import.file', { name: fileName })}</h2>
          <p role="status">{t('import.summary', {
            rows: plan.rows, created: plan.created.length, updated: plan.updated.length, unchanged: plan.unchanged, rejected: plan.rejected.length,
          })}</p>
          {plan.rejected.length > 0 ? (
            <>
              <h3>{t('import.rejectedTitle')}</h3>
              <table className="data-table">
                <thead><tr><th scope="col">{t('import.line')}</th><th scope="col">{t('import.problem')}</th></tr></thead>
                <tbody>
                  {plan.rejected.map((row) => (
                    <tr key={row.line}>
                      <td>{row.line}</td>
                      <td>{row.problems.map((p) => t(`placeProblems.${p.code}`, { column: p.column })).join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
          <div className="form-actions">
            {toWrite > 0
              ? <button type="button" className="button button--primary" disabled={busy} onClick={apply}>{t('import.apply', { count: toWrite })}</button>
              : <p className="notice">{t('import.nothingToImport')}</p>}
            <button type="button" className="button" onClick={() => navigate('/places')}>{t('common:actions.cancel')}</button>
          </div>
        </section>
      ) : null}
    </Page>
  );
}
