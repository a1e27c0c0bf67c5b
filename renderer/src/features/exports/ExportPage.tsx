/**
 * Exports in the national formats: the activity report (CRA) with La Coop's columns, followed people
 * and village surveys, as CSV or XLSX, in words or codes, for a period and the dashboard's filters
 * (its own filter bar, in the address: `/exports?author=…&thematique=…`, so the dashboard's "export
 * these activities" opens here with what it shows); and the places as the national schema's CSV. Long
 * exports show their progress and can be stopped.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { getRelais } from '../../db';
import { EXPORT_KINDS, placesForSchema, type ExportKind, type PlacesExport } from '../../db/exports';
import { readProfile } from '../../db/profile';
import { readDashboard } from '../../db/stats/dashboard';
import { CsvEncoder, OPEN_DATA_DIALECT } from '../../domain/formats/csv';
import { ExportCancelled, type ExportProgress, type ExportResult } from '../../domain/formats/exportFile';
import { EXCEL_MAX_ROWS } from '../../domain/formats/xlsx';
import { SCHEMA_COLUMNS } from '../../domain/formats/placesSchema';
import { todayIso } from '../../i18n/format';
import { CheckboxGroup, RadioGroup } from '../../ui/form';
import { Page } from '../../ui/Page';
import { useToast } from '../../ui/toast';
import { useRead } from '../../ui/useRead';
import { FilterBar, useFiltersInAddress } from '../dashboard/FilterBar';
import { filtersFromParams } from '../dashboard/params';
import { runExport, type ExportFormat } from './runExport';
import { saveInPieces } from './save';
import type { VocabularyMode } from './vocabulary';

export function ExportPage() {
  const { t } = useTranslation('formats');
  return (
    <Page title={t('page.title')}>
      <p className="page-intro">{t('page.intro')}</p>
      <ExportForm />
      <PlacesSchemaExport />
    </Page>
  );
}

/** How many activities the filters select: the dashboard's own count (its rows, or its scan). */
async function selectedActivities(db: Parameters<typeof readDashboard>[0], key: string): Promise<{ key: string; count: number }> {
  return { key, count: (await readDashboard(db, filtersFromParams(new URLSearchParams(key)))).totals.activities };
}

/** Rows saved, and where a long kind went on when Excel's rows per sheet ran out. */
function doneMessage(t: TFunction<'formats'>, result: ExportResult, file: string): string {
  const done = t('page.done', { count: result.rows, file });
  if (result.continuationSheets === 0) return done;
  return `${done} ${t('page.continued', { count: result.continuationSheets, limit: EXCEL_MAX_ROWS })}`;
}

function ExportForm() {
  const { t, i18n } = useTranslation('formats');
  const { notify } = useToast();
  const { filters, key, set, clear } = useFiltersInAddress();
  const read = useRead(selectedActivities, key);
  const selected = read?.count;
  // The export's progress total, only when read for the filters it exports (never the previous ones').
  const selectedNow = read?.key === key ? read.count : undefined;
  const [kinds, setKinds] = useState<ExportKind[]>(['cra']);
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [vocabulary, setVocabulary] = useState<VocabularyMode>('labels');
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [message, setMessage] = useState('');
  const abort = useRef<AbortController | null>(null);

  const kindOptions = EXPORT_KINDS.map((kind) => ({ value: kind, label: t(`page.kinds.${kind}`) }));
  const csvTooMany = format === 'csv' && kinds.length > 1;
  const canRun = kinds.length > 0 && !csvTooMany && progress === null;

  async function start() {
    const controller = new AbortController();
    abort.current = controller;
    setMessage('');
    setProgress({ done: 0, total: 0 });
    try {
      const result = await runExport(
        { kinds: EXPORT_KINDS.filter((k) => kinds.includes(k)), format, vocabulary, filter: filters, language: i18n.language, selectedActivities: selectedNow },
        { onProgress: setProgress, signal: controller.signal },
      );
      if (result.saved) notify(doneMessage(t, result.result, result.fileName), 'success');
    } catch (error) {
      if (error instanceof ExportCancelled) setMessage(t('page.cancelled'));
      else {
        console.error(error);
        setMessage(t('page.failed'));
      }
    } finally {
      abort.current = null;
      setProgress(null);
    }
  }

  return (
    <section className="card form-section" aria-labelledby="export-what">
      <h2 id="export-what">{t('page.sectionTitle')}</h2>
      <CheckboxGroup legend={t('page.what')} options={kindOptions} value={kinds} onChange={setKinds} columns={3}
        hint={csvTooMany ? t('page.csvOneKind') : kinds.length === 0 ? t('page.nothingChosen') : undefined} />
      <div className="form-row">
        <RadioGroup legend={t('page.format')} value={format} onChange={setFormat} columns={1}
          options={(['xlsx', 'csv'] as const).map((value) => ({ value, label: t(`page.formats.${value}`) }))} />
        <RadioGroup legend={t('page.vocabulary')} value={vocabulary} onChange={setVocabulary} columns={1}
          options={(['labels', 'codes'] as const).map((value) => ({ value, label: t(`page.vocabularies.${value}`) }))} />
      </div>
      <fieldset className="export-filters">
        <legend>{t('page.filters')}</legend>
        <FilterBar label={t('page.filtersLabel')} filters={filters} set={set} clear={clear} />
        <p className="field-hint">{t('page.appliesTo')}</p>
        {selected === undefined ? null : <p className="list-count" role="status">{t('page.selected', { count: selected })}</p>}
      </fieldset>
      {kinds.some((k) => k !== 'diagnostics') ? <p className="notice notice--warning">{t('page.personalData')}</p> : null}
      {progress ? (
        <div className="export-progress" role="status">
          <p>{t('page.working')} {progress.total > 0 ? t('page.progress', { done: progress.done, total: progress.total }) : ''}</p>
          <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label={t('page.progressLabel')} />
        </div>
      ) : null}
      {message ? <p className="notice" role="status">{message}</p> : null}
      <div className="form-actions">
        {progress ? (
          <button type="button" className="button" onClick={() => abort.current?.abort()}>{t('page.cancel')}</button>
        ) : (
          <button type="button" className="button button--primary" disabled={!canRun} onClick={start}>{t('page.action')}</button>
        )}
      </div>
    </section>
  );
}

function PlacesSchemaExport() {
  const { t } = useTranslation('formats');
  const { notify } = useToast();
  const [rejected, setRejected] = useState<PlacesExport['rejected']>([]);
  const [busy, setBusy] = useState(false);

  async function exportPlaces() {
    setBusy(true);
    try {
      const profile = await readProfile(getRelais().db);
      const places = await placesForSchema(getRelais().db, profile?.structure ?? '');
      setRejected(places.rejected);
      const encoder = new CsvEncoder(OPEN_DATA_DIALECT);
      const saved = await saveInPieces(`lieux-mediation-numerique-${todayIso()}.csv`, 'csv', async (sink) => {
        await sink.write(encoder.encode([[...SCHEMA_COLUMNS], ...places.rows.map((row) => SCHEMA_COLUMNS.map((c) => row[c]))]));
        return places.rows.length;
      });
      if (saved.saved) notify(t('places.exported', { count: saved.result, file: saved.fileName }), 'success');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card form-section" aria-labelledby="export-places">
      <h2 id="export-places">{t('places.title')}</h2>
      <p>{t('places.intro')}</p>
      <div className="form-actions">
        <button type="button" className="button" disabled={busy} onClick={exportPlaces}>{t('places.export')}</button>
      </div>
      {rejected.length > 0 ? (
        <div className="notice notice--warning" role="alert">
          <p>{t('places.rejectedTitle', { count: rejected.length })}</p>
          <ul>
            {rejected.map((place) => (
              <li key={place.id}>{t('places.rejectedRow', {
                name: place.nom,
                reasons: place.problems.map((p) => t(`placeProblems.${p.code}`, { column: p.column })).join(', '),
              })}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
