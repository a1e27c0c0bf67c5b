/**
 * Printables: the attendance sheet (feuille d'émargement) of a session, the session plan handout and
 * the series summary. Plain pages with a print stylesheet; in Electron "Print / PDF" saves a PDF
 * through the platform bridge, in a browser it opens the print dialog.
 */
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { platform } from '../../platform';
import { participantCount } from '../../domain/workshops/close';
import { sortSessions } from '../../domain/workshops/calendar';
import { pixCompetenceKey } from '../../domain/workshops/pix';
import { formatDate, formatNumber } from '../../i18n/format';
import { readProfile } from '../../db/profile';
import { useRead } from '../../ui/useRead';
import { EmptyState, Page } from '../../ui/Page';
import { useBeneficiariesById, usePlaces, useSeries, useSession, useSessionsOf, useTemplate, whereLabel } from './data';
import { ProgressTable } from './Progress';

/** Blank lines for people who come without being followed (they sign; nothing is typed in). */
const BLANK_ROWS = 10;

function fileName(...parts: string[]): string {
  return parts.join(' ').replace(/[\\/:*?"<>|]/g, '-').slice(0, 120);
}

function PrintPage({ title, back, pdfName, children }: { title: string; back: string; pdfName: string; children: ReactNode }) {
  const { t } = useTranslation(['workshops', 'common']);
  return (
    <Page title={title} className="ws-print" actions={(
      <>
        <Link className="button" to={back}>{t('common:actions.back')}</Link>
        <button type="button" className="button button--primary" onClick={() => void platform.printToPdf({ suggestedName: pdfName })}>
          {t('print.printOrPdf')}
        </button>
      </>
    )}>
      <div className="ws-sheet">{children}</div>
    </Page>
  );
}

function useSessionContext() {
  const { id } = useParams();
  const session = useSession(id);
  const series = useSeries(session?.seriesId);
  const template = useTemplate(series?.templateId);
  const loading = session === undefined || (session && series === undefined) || (series && template === undefined);
  return { session, series, template, loading };
}

function NotFound() {
  const { t } = useTranslation('common');
  return <Page title={t('errors.notFound')}><EmptyState>{t('errors.notFound')}</EmptyState></Page>;
}

export function AttendanceSheetPage() {
  const { t } = useTranslation('workshops');
  const { session, series, template, loading } = useSessionContext();
  const places = usePlaces();
  const beneficiaries = useBeneficiariesById();
  const profile = useRead(readProfile);
  if (loading) return null;
  if (!session || !series || !template) return <NotFound />;
  const when = `${formatDate(session.date, 'long')}${session.heure ? ` · ${session.heure}` : ''}`;
  const codes = series.participantIds.map((id) => beneficiaries?.get(id)?.code ?? '');
  return (
    <PrintPage title={t('print.attendanceTitle')} back={`/workshops/series/${series.id}`} pdfName={fileName(t('print.attendanceTitle'), series.titre, session.date)}>
      <dl className="ws-sheet-head">
        <div><dt>{t('print.workshop')}</dt><dd>{series.titre}</dd></div>
        <div><dt>{t('print.date')}</dt><dd>{when}</dd></div>
        <div><dt>{t('print.where')}</dt><dd>{whereLabel(series, places, session.commune ?? series.commune)}</dd></div>
        <div><dt>{t('print.trainer')}</dt><dd>{profile ? `${profile.displayName} — ${profile.structure}` : ''}</dd></div>
      </dl>
      <table className="ws-table ws-sign-table">
        <thead>
          <tr>
            <th scope="col" className="ws-col-n">{t('print.number')}</th>
            <th scope="col">{t('print.participant')}</th>
            <th scope="col">{t('print.signature')}</th>
          </tr>
        </thead>
        <tbody>
          {codes.map((code, i) => (
            <tr key={`f-${i}`}><td>{formatNumber(i + 1)}</td><td>{code}</td><td /></tr>
          ))}
          {Array.from({ length: BLANK_ROWS }, (_, i) => (
            <tr key={`b-${i}`} className="ws-blank"><td>{formatNumber(codes.length + i + 1)}</td><td /><td /></tr>
          ))}
        </tbody>
      </table>
      <p className="ws-sheet-note">{t('print.attendanceNote')}</p>
    </PrintPage>
  );
}

export function SessionPlanPage() {
  const { t } = useTranslation(['workshops', 'codes']);
  const { session, series, template, loading } = useSessionContext();
  const places = usePlaces();
  if (loading) return null;
  if (!session || !series || !template) return <NotFound />;
  return (
    <PrintPage title={t('print.planTitle')} back={`/workshops/series/${series.id}`} pdfName={fileName(t('print.planTitle'), series.titre, session.date)}>
      <h2>{series.titre}</h2>
      <p className="lead">{formatDate(session.date, 'long')}{session.heure ? ` · ${session.heure}` : ''} · {whereLabel(series, places, session.commune ?? series.commune)}</p>
      <dl className="ws-sheet-head">
        <div><dt>{t('template.fields.niveau')}</dt><dd>{t(`codes:niveau.${template.niveau}`)}</dd></div>
        <div><dt>{t('print.duration')}</dt><dd>{t('minutes', { count: session.duree ?? template.duree, value: formatNumber(session.duree ?? template.duree) })}</dd></div>
        <div><dt>{t('template.fields.thematiques')}</dt><dd>{template.thematiques.map((c) => t(`codes:thematiques.${c}`)).join(t('listSeparator'))}</dd></div>
      </dl>
      <h3>{t('template.fields.objectifs')}</h3>
      <p>{template.objectifs}</p>
      {template.competencesPix.length > 0 ? (
        <>
          <h3>{t('template.fields.competencesPix')}</h3>
          <ul>{template.competencesPix.map((c) => <li key={c}>{c} {t(pixCompetenceKey(c))}</li>)}</ul>
        </>
      ) : null}
      <h3>{t('template.fields.etapes')}</h3>
      <ol className="ws-plan-steps">
        {template.etapes.map((step) => (
          <li key={step.id}>{step.titre}{step.minutes ? ` (${t('minutes', { count: step.minutes, value: formatNumber(step.minutes) })})` : ''}</li>
        ))}
      </ol>
      {template.materielNecessaire ? (
        <>
          <h3>{t('template.fields.materielNecessaire')}</h3>
          <p>{template.materielNecessaire}</p>
        </>
      ) : null}
    </PrintPage>
  );
}

export function SeriesSummaryPage() {
  const { t } = useTranslation('workshops');
  const { id } = useParams();
  const series = useSeries(id);
  const template = useTemplate(series?.templateId);
  const sessions = useSessionsOf(series?.id);
  const places = usePlaces();
  if (series === undefined || (series && template === undefined)) return null;
  if (!series || !template) return <NotFound />;
  const held = (sessions ?? []).filter((s) => s.statut === 'cloturee');
  const attendance = held.reduce((sum, s) => sum + participantCount(s), 0);
  return (
    <PrintPage title={t('print.summaryTitle')} back={`/workshops/series/${series.id}`} pdfName={fileName(t('print.summaryTitle'), series.titre)}>
      <h2>{series.titre}</h2>
      <p className="lead">{whereLabel(series, places)}{series.itinerant ? ` · ${t('series.itinerant')}` : ''}</p>
      <p>{t('print.summaryTotals', { count: held.length, planned: (sessions ?? []).length, attendance })}</p>
      <table className="ws-table">
        <thead>
          <tr>
            <th scope="col">{t('print.date')}</th>
            <th scope="col">{t('print.status')}</th>
            <th scope="col">{t('print.present')}</th>
          </tr>
        </thead>
        <tbody>
          {sortSessions(sessions ?? []).map((s) => (
            <tr key={s.id}>
              <td>{formatDate(s.date, 'long')}</td>
              <td>{t(`session.status.${s.statut}`)}</td>
              <td>{s.statut === 'annulee' ? '—' : formatNumber(participantCount(s))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('progress.title')}</h3>
      <ProgressTable series={series} template={template} />
    </PrintPage>
  );
}
