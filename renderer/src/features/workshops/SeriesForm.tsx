/** Plan a series from a template: where (a place, or communes for an itinerant series) and its dates. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { createSeries } from '../../db/workshops';
import { liveVillageOfCommune } from '../../db/villages';
import type { CommuneRef } from '../../domain/records';
import { isIsoDate, issue, type ValidationIssue } from '../../domain/validation';
import { recurringDates } from '../../domain/workshops/calendar';
import type { WorkshopSeries } from '../../domain/workshops/types';
import { TEXT_MAX, TITLE_MAX, validateSeries } from '../../domain/workshops/validation';
import { todayIso } from '../../i18n/format';
import { CommunePicker } from '../communes/CommunePicker';
import { ErrorSummary, issueFor, RadioGroup, SelectField, TextField } from '../../ui/form';
import { EmptyState, Page } from '../../ui/Page';
import { useToast } from '../../ui/toast';
import { usePlaces, useTemplate } from './data';
import { TemplateFacts } from './TemplateFacts';

type Where = 'place' | 'commune';
const MAX_SESSIONS = 30;

export function SeriesFormPage() {
  const [params] = useSearchParams();
  const templateId = params.get('template') ?? undefined;
  const template = useTemplate(templateId);
  const { t } = useTranslation('workshops');
  if (template === undefined) return null;
  if (template === null) {
    return (
      <Page title={t('series.newTitle')}>
        <EmptyState>{t('series.chooseTemplate')} <Link to="/workshops/templates">{t('home.templates')}</Link></EmptyState>
      </Page>
    );
  }
  return <SeriesForm templateId={template.id} templateTitle={template.titre}><TemplateFacts template={template} /></SeriesForm>;
}

/** The village record of a commune, when the user has one (for village pages and filters). */
async function villageOf(commune: CommuneRef | undefined): Promise<string | undefined> {
  if (!commune) return undefined;
  return (await liveVillageOfCommune(getRelais().db, commune.codeInsee))?.id;
}

function SeriesForm({ templateId, templateTitle, children }: { templateId: string; templateTitle: string; children: ReactNode }) {
  const { t } = useTranslation(['workshops', 'common']);
  const navigate = useNavigate();
  const { notify } = useToast();
  const places = usePlaces();
  const [titre, setTitre] = useState(templateTitle);
  const [where, setWhere] = useState<Where>('place');
  const [placeId, setPlaceId] = useState('');
  const [commune, setCommune] = useState<CommuneRef | undefined>();
  const [itinerant, setItinerant] = useState(false);
  const [firstDate, setFirstDate] = useState(todayIso());
  const [heure, setHeure] = useState('14:00');
  const [count, setCount] = useState('1');
  const [notes, setNotes] = useState('');
  const [issues, setIssues] = useState<ValidationIssue[]>([]);

  function scheduleIssues(): ValidationIssue[] {
    const n = Number(count);
    const found: ValidationIssue[] = [];
    if (!isIsoDate(firstDate)) found.push(issue('firstDate', 'dateInvalid'));
    if (!Number.isInteger(n) || n < 1 || n > MAX_SESSIONS) found.push(issue('count', 'invalid'));
    return found;
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const place = where === 'place' ? places?.find((p) => p.id === placeId) : undefined;
    const series: WorkshopSeries = {
      templateId, titre: titre.trim(), itinerant,
      placeId: place?.id,
      commune: where === 'commune' ? commune : undefined,
      villageId: place ? place.villageId : await villageOf(commune),
      participantIds: [], evaluations: [], notes: notes.trim() || undefined,
    };
    const found = [...validateSeries(series), ...scheduleIssues()];
    if (where === 'place' && !place) found.push(issue('placeId', 'required'));
    setIssues(found.filter((i) => !(where === 'place' && i.field === 'commune')));
    if (found.length > 0) return;
    const dates = recurringDates(firstDate, Number(count));
    const created = await createSeries(getRelais(), series, dates.map((date) => ({ date, heure })));
    notify(t('series.created'), 'success');
    navigate(`/workshops/series/${created.id}`);
  }

  const placeOptions = (places ?? []).map((p) => ({ value: p.id, label: `${p.nom} — ${p.commune.nom}` }));
  return (
    <Page title={t('series.newTitle')}>
      <form onSubmit={(e) => void save(e)} noValidate>
        <ErrorSummary issues={issues} fieldLabel={(f) => t(`series.fields.${f.split('.')[0]}`)} />
        <div className="notice">{children}</div>
        <div className="form-section">
          <TextField label={t('series.fields.titre')} value={titre} onChange={setTitre} required error={issueFor(issues, 'titre')} maxLength={TITLE_MAX} />
          <RadioGroup legend={t('series.fields.where')} value={where} onChange={setWhere} columns={2}
            options={[{ value: 'place', label: t('series.wherePlace') }, { value: 'commune', label: t('series.whereCommune') }]} />
          {where === 'place' ? (
            <SelectField label={t('series.fields.placeId')} value={placeId} onChange={setPlaceId} options={placeOptions} required
              hint={placeOptions.length === 0 ? t('series.noPlaces') : undefined} error={issueFor(issues, 'placeId')} />
          ) : (
            <CommunePicker label={t('series.fields.commune')} value={commune} onChange={(c) => setCommune(c)} required error={issueFor(issues, 'commune')} />
          )}
          <label className="choice">
            <input type="checkbox" checked={itinerant} onChange={(e) => setItinerant(e.target.checked)} />
            <span>{t('series.itinerantLabel')}</span>
          </label>
        </div>
        <div className="form-section">
          <h2>{t('series.schedule')}</h2>
          <div className="form-row">
            <TextField label={t('series.fields.firstDate')} type="date" value={firstDate} onChange={setFirstDate} required error={issueFor(issues, 'firstDate')} />
            <TextField label={t('series.fields.heure')} type="time" value={heure} onChange={setHeure} />
            <TextField label={t('series.fields.count')} type="number" min={1} max={MAX_SESSIONS} value={count} onChange={setCount}
              hint={t('series.countHint')} error={issueFor(issues, 'count')} />
          </div>
        </div>
        <div className="form-section">
          <TextField label={t('series.fields.notes')} value={notes} onChange={setNotes} multiline hint={t('privacyHint')} error={issueFor(issues, 'notes')} maxLength={TEXT_MAX} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary">{t('series.create')}</button>
          <Link className="button" to="/workshops/templates">{t('common:actions.cancel')}</Link>
        </div>
      </form>
    </Page>
  );
}
