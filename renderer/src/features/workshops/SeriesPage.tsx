/**
 * One series: its sessions (run, move, cancel, print), its participants (enrolled here before any
 * session, or during one) and their progress.
 */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { cancelSession, changeSeries, deleteSeries, moveSession, newSession, restoreSeries } from '../../db/workshops';
import type { Beneficiary, CommuneRef, Stored } from '../../domain/records';
import { CommunePicker } from '../communes/CommunePicker';
import { isIsoDate } from '../../domain/validation';
import { canChange, sortSessions } from '../../domain/workshops/calendar';
import type { WorkshopSeries, WorkshopSession, WorkshopTemplate } from '../../domain/workshops/types';
import { formatDate } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Disclosure } from '../../ui/Disclosure';
import { SelectField, TextField } from '../../ui/form';
import { EmptyState, Page } from '../../ui/Page';
import { useMayChange } from '../../ui/useRead';
import { useToast } from '../../ui/toast';
import { useBeneficiariesById, usePlaces, useSeries, useSessionsOf, useTemplate, whereLabel } from './data';
import { AddParticipant, nextCode } from './AddParticipant';
import { ProgressSection } from './Progress';
import { TemplateFacts } from './TemplateFacts';
import { compareCodes } from '../../domain/collation';

export function SeriesPage() {
  const { id } = useParams();
  const series = useSeries(id);
  const template = useTemplate(series?.templateId);
  const { t } = useTranslation('workshops');
  if (series === undefined || (series && template === undefined)) return null;
  if (!series || !template) return <Page title={t('series.title')}><EmptyState>{t('common:errors.notFound')}</EmptyState></Page>;
  return <SeriesView series={series} template={template} />;
}

function SeriesView({ series, template }: { series: Stored<WorkshopSeries>; template: Stored<WorkshopTemplate> }) {
  const { t } = useTranslation(['workshops', 'common']);
  const sessions = useSessionsOf(series.id);
  const places = usePlaces();
  const beneficiaries = useBeneficiariesById();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const navigate = useNavigate();
  const { notifyWithUndo } = useToast();

  async function remove() {
    setConfirmDelete(false);
    const deleted = await deleteSeries(getRelais(), series.id);
    navigate('/workshops');
    notifyWithUndo(t('series.deleted', { title: series.titre }), () => restoreSeries(getRelais(), deleted));
  }

  return (
    <Page title={series.titre} actions={(
      <>
        <Link className="button" to="/workshops">{t('common:actions.back')}</Link>
        <Link className="button" to={`/workshops/series/${series.id}/summary`}>{t('print.summary')}</Link>
        <button type="button" className="button" onClick={() => setConfirmDelete(true)}>{t('series.delete')}</button>
      </>
    )}>
      <ConfirmDialog open={confirmDelete} title={t('series.deleteTitle')} message={t('series.deleteMessage')}
        confirmLabel={t('series.delete')} danger onConfirm={remove} onCancel={() => setConfirmDelete(false)} />
      <p className="lead">{whereLabel(series, places)}{series.itinerant ? ` · ${t('series.itinerant')}` : ''}</p>
      <Disclosure title={t('series.aboutTemplate')} className="ws-details card">
        <TemplateFacts template={template} full />
      </Disclosure>

      <section className="ws-section" aria-labelledby="ws-sessions">
        <h2 id="ws-sessions">{t('series.sessions')}</h2>
        <ul className="ws-list">
          {sortSessions(sessions ?? []).map((session, index) => <SessionRow key={session.id} session={session} n={index + 1} />)}
        </ul>
        <AddSession seriesId={series.id} itinerant={series.itinerant} />
      </section>

      <ParticipantsSection series={series} beneficiaries={beneficiaries} />

      <ProgressSection series={series} template={template} beneficiaries={beneficiaries} />
    </Page>
  );
}

function SessionRow({ session, n }: { session: Stored<WorkshopSession>; n: number }) {
  const { t } = useTranslation(['workshops', 'common']);
  const { notify } = useToast();
  const [moving, setMoving] = useState(false);
  const [date, setDate] = useState(session.date);
  const [heure, setHeure] = useState(session.heure ?? '');
  const [confirmCancel, setConfirmCancel] = useState(false);
  // Another trainer's session is hers to run, move or cancel (the repository refuses it here too).
  const mine = useMayChange('workshopSession', session) === true;
  const changeable = canChange(session) && mine;
  const when = `${formatDate(session.date, 'long')}${session.heure ? ` · ${session.heure}` : ''}`;

  async function move(event: FormEvent) {
    event.preventDefault();
    if (!isIsoDate(date)) return;
    await moveSession(getRelais(), session.id, date, heure || undefined);
    setMoving(false);
    notify(t('series.moved'), 'success');
  }

  return (
    <li className="card ws-row ws-session-row">
      <div className="ws-row-main">
        <span className="row-title">{t('series.sessionN', { n })} — {when}{session.commune ? ` · ${session.commune.nom}` : ''}</span>
        <span><span className={`tag ws-status ws-status--${session.statut}`}>{t(`session.status.${session.statut}`)}</span></span>
      </div>
      <div className="ws-row-actions">
        {changeable ? <Link className="button button--primary button--small" to={`/workshops/sessions/${session.id}`}>{t('session.run')}</Link> : null}
        <Link className="button button--small" to={`/workshops/sessions/${session.id}/attendance`}>{t('print.attendance')}</Link>
        <Link className="button button--small" to={`/workshops/sessions/${session.id}/plan`}>{t('print.plan')}</Link>
        {changeable ? (
          <button type="button" className="button button--small" aria-expanded={moving} onClick={() => setMoving(!moving)}>
            <span className="disclosure-arrow" aria-hidden="true" />{t('series.move')}
          </button>
        ) : null}
        {changeable ? <button type="button" className="button button--small" onClick={() => setConfirmCancel(true)}>{t('series.cancelSession')}</button> : null}
      </div>
      {moving ? (
        <form className="ws-move" onSubmit={(e) => void move(e)} noValidate>
          <div className="form-row">
            <TextField label={t('series.fields.newDate')} type="date" value={date} onChange={setDate} required />
            <TextField label={t('series.fields.heure')} type="time" value={heure} onChange={setHeure} />
          </div>
          <div className="form-actions"><button type="submit" className="button button--primary button--small">{t('series.moveConfirm')}</button></div>
        </form>
      ) : null}
      <ConfirmDialog open={confirmCancel} title={t('series.cancelTitle')} message={t('series.cancelMessage', { when })} danger
        confirmLabel={t('series.cancelSession')} cancelLabel={t('series.keepSession')} onCancel={() => setConfirmCancel(false)}
        onConfirm={() => { setConfirmCancel(false); void cancelSession(getRelais(), session.id).then(() => notify(t('series.cancelled'), 'success')); }} />
    </li>
  );
}

/** Add a dated session; in an itinerant series, each session may happen in another village. */
function AddSession({ seriesId, itinerant }: { seriesId: string; itinerant: boolean }) {
  const { t } = useTranslation('workshops');
  const [date, setDate] = useState('');
  const [heure, setHeure] = useState('');
  const [commune, setCommune] = useState<CommuneRef | undefined>(undefined);
  async function add(event: FormEvent) {
    event.preventDefault();
    if (!isIsoDate(date)) return;
    await getRelais().workshopSessions.create(newSession(seriesId, { date, heure, commune: itinerant ? commune : undefined }));
    setDate('');
  }
  return (
    <form className="ws-add-session filters" onSubmit={(e) => void add(e)} noValidate>
      <TextField label={t('series.fields.newDate')} type="date" value={date} onChange={setDate} />
      <TextField label={t('series.fields.heure')} type="time" value={heure} onChange={setHeure} />
      {itinerant ? <CommunePicker label={t('series.fields.sessionCommune')} value={commune} onChange={setCommune} /> : null}
      <button type="submit" className="button" disabled={!isIsoDate(date)}>{t('series.addSession')}</button>
    </form>
  );
}

/**
 * The followed people enrolled in the series: enrolled here ahead of the first session (an existing
 * person by code, or a new one created by code), or removed. The session screen shows them ready to tick.
 */
function ParticipantsSection({ series, beneficiaries }: { series: Stored<WorkshopSeries>; beneficiaries: Map<string, Stored<Beneficiary>> | undefined }) {
  const { t } = useTranslation(['workshops', 'common']);
  const { notify } = useToast();
  const relais = getRelais();
  // Anonymised people (retention) have no code left and cannot be enrolled.
  const everyone = [...(beneficiaries?.values() ?? [])].filter((b): b is typeof b & { code: string } => typeof b.code === 'string');
  const notEnrolled = everyone.filter((b) => !series.participantIds.includes(b.id)).sort((a, b) => compareCodes(a.code, b.code));
  const suggestedCode = nextCode(everyone.map((b) => b.code));
  const codeOf = (id: string) => beneficiaries?.get(id)?.code ?? '…';

  async function enrol(id: string) {
    await changeSeries(relais, series.id, (s) => ({ ...s, participantIds: s.participantIds.includes(id) ? s.participantIds : [...s.participantIds, id] }));
    notify(t('series.enrolled', { code: codeOf(id) }), 'success');
  }
  async function unenrol(id: string) {
    await changeSeries(relais, series.id, (s) => ({ ...s, participantIds: s.participantIds.filter((x) => x !== id) }));
  }

  return (
    <section className="ws-section" aria-labelledby="ws-participants">
      <h2 id="ws-participants">{t('series.participants')}</h2>
      {series.participantIds.length === 0 ? <p className="row-meta">{t('series.noParticipants')}</p> : (
        <ul className="ws-enrolled" aria-label={t('series.participants')}>
          {series.participantIds.map((id) => (
            <li key={id} className="tag">
              {codeOf(id)}
              <button type="button" className="ws-unenrol" onClick={() => void unenrol(id)} aria-label={t('series.unenrol', { code: codeOf(id) })}>×</button>
            </li>
          ))}
        </ul>
      )}
      <div className="ws-enrol">
        {notEnrolled.length > 0 ? (
          <SelectField label={t('participant.existing')} value="" onChange={(id) => { if (id) void enrol(id); }}
            options={notEnrolled.map((b) => ({ value: b.id, label: b.code }))} placeholder={t('participant.existingPlaceholder')} />
        ) : null}
        <Disclosure title={t('series.enrolNew')} level={3} className="ws-details">
          <AddParticipant key={suggestedCode} suggestedCode={suggestedCode} others={everyone} onAdded={enrol} submitLabel={t('series.enrolNewSubmit')} />
        </Disclosure>
      </div>
    </section>
  );
}
