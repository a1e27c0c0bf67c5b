/**
 * Printables: the attendance sheet (feuille d'émargement) of a session, the session plan handout and
 * the series summary (also as a CSV file). Plain pages with a print stylesheet; in Electron
 * "Print / PDF" saves a PDF through the platform bridge, in a browser it opens the print dialog.
 */
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { platform } from '../../platform';
import { spareLines } from '../../domain/workshops/attendance';
import { coveredSteps, participantCount } from '../../domain/workshops/close';
import { sortSessions } from '../../domain/workshops/calendar';
import type { WorkshopSeries, WorkshopSession, WorkshopTemplate } from '../../domain/workshops/types';
import { CsvEncoder, spreadsheetDialect } from '../../domain/formats/csv';
import { fileNameSlug } from '../../domain/fileNames';
import type { Stored } from '../../domain/records';
import { useToast } from '../../ui/toast';
import { pixCompetenceKey } from '../../domain/workshops/pix';
import { formatDate, formatNumber } from '../../i18n/format';
import { readProfile } from '../../db/profile';
import { useRead } from '../../ui/useRead';
import { EmptyState, Page } from '../../ui/Page';
import { useBeneficiariesById, usePlaces, useSeries, useSession, useSessionsOf, useTemplate, whereLabel } from './data';
import { ProgressTable } from './Progress';

function fileName(...parts: string[]): string {
  return parts.join(' ').replace(/[\\/:*?"<>|]/g, '-').slice(0, 120);
}

function PrintPage({ title, back, pdfName, children, extra }: { title: string; back: string; pdfName: string; children: ReactNode; extra?: ReactNode }) {
  const { t } = useTranslation(['workshops', 'common']);
  return (
    <Page title={title} className="ws-print" actions={(
      <>
        <Link className="button" to={back}>{t('common:actions.back')}</Link>
        {extra}
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

/**
 * The sheet people sign: one line per enrolled participant (their code printed; their name written by
 * hand, never typed into Relais), spare lines for people not enrolled, the trainer's name and
 * signature, and the session's date, place and duration.
 */
export function AttendanceSheetPage() {
  const { t } = useTranslation('workshops');
  const { session, series, template, loading } = useSessionContext();
  const places = usePlaces();
  const beneficiaries = useBeneficiariesById();
  const profile = useRead(readProfile);
  if (loading) return null;
  if (!session || !series || !template) return <NotFound />;
  const when = `${formatDate(session.date, 'long')}${session.heure ? ` · ${session.heure}` : ''}`;
  const duree = session.duree ?? template.duree;
  const codes = series.participantIds.map((id) => beneficiaries?.get(id)?.code ?? '');
  return (
    <PrintPage title={t('print.attendanceTitle')} back={`/workshops/series/${series.id}`} pdfName={fileName(t('print.attendanceTitle'), series.titre, session.date)}>
      <dl className="ws-sheet-head">
        <div><dt>{t('print.workshop')}</dt><dd>{series.titre}</dd></div>
        <div><dt>{t('print.date')}</dt><dd>{when}</dd></div>
        <div><dt>{t('print.where')}</dt><dd>{whereLabel(series, places, session.commune ?? series.commune)}</dd></div>
        <div><dt>{t('print.duration')}</dt><dd>{t('minutes', { count: duree, value: formatNumber(duree) })}</dd></div>
        <div><dt>{t('print.trainer')}</dt><dd>{profile ? `${profile.displayName} — ${profile.structure}` : ''}</dd></div>
      </dl>
      <table className="ws-table ws-sign-table">
        <caption className="visually-hidden">{t('print.attendanceCaption', { enrolled: codes.length, count: codes.length + spareLines(codes.length) })}</caption>
        <thead>
          <tr>
            <th scope="col" className="ws-col-n">{t('print.number')}</th>
            <th scope="col" className="ws-col-code">{t('print.code')}</th>
            <th scope="col" className="ws-col-name">{t('print.name')}</th>
            <th scope="col">{t('print.signature')}</th>
          </tr>
        </thead>
        <tbody>
          {codes.map((code, i) => (
            <tr key={`f-${i}`}><td>{formatNumber(i + 1)}</td><td>{code}</td><td /><td /></tr>
          ))}
          {Array.from({ length: spareLines(codes.length) }, (_, i) => (
            <tr key={`b-${i}`} className="ws-blank"><td>{formatNumber(codes.length + i + 1)}</td><td /><td /><td /></tr>
          ))}
        </tbody>
      </table>
      <p className="ws-sheet-note">{t('print.attendanceNote')}</p>
      <div className="ws-trainer-sign">
        <p>{t('print.trainerSignature')}</p>
        <div className="ws-sign-line" />
      </div>
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
  const csvButton = <ExportCsvButton series={series} template={template} sessions={sessions ?? []} />;
  return (
    <PrintPage title={t('print.summaryTitle')} back={`/workshops/series/${series.id}`} pdfName={fileName(t('print.summaryTitle'), series.titre)} extra={csvButton}>
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

/**
 * The series summary as a CSV file: one row per session (number, date, time, status, followed
 * participants present, walk-ins, total, steps covered, note to review), in the user's language and
 * in the spreadsheet dialect of the national exports (`;` and dd/mm/yyyy in French, as French Excel expects).
 */
function ExportCsvButton({ series, template, sessions }: { series: WorkshopSeries; template: WorkshopTemplate; sessions: Stored<WorkshopSession>[] }) {
  const { t, i18n } = useTranslation('workshops');
  const { notify } = useToast();
  async function exportCsv() {
    const header = [t('csv.number'), t('csv.date'), t('csv.time'), t('csv.status'), t('csv.followed'), t('csv.walkIns'), t('csv.total'), t('csv.steps'), t('csv.aRevoir')];
    const rows = sortSessions(sessions).map((s, index) => {
      const cancelled = s.statut === 'annulee';
      return [
        index + 1, { date: s.date }, s.heure ?? '', t(`session.status.${s.statut}`),
        cancelled ? '' : new Set(s.presents).size, cancelled ? '' : s.walkIns.length, cancelled ? '' : participantCount(s),
        coveredSteps(template, s.etapesCouvertes).join(t('listSeparator')), s.aRevoir ?? '',
      ];
    });
    const bytes = new CsvEncoder(spreadsheetDialect(i18n.language)).encode([header, ...rows]);
    const name = `relais-${fileNameSlug(t('csv.fileWord'))}-${fileNameSlug(series.titre) || 'serie'}.csv`;
    const result = await platform.saveFile({ suggestedName: name, kind: 'csv', bytes });
    if (result.saved) notify(t('csv.saved', { file: result.fileName ?? name }), 'success');
  }
  return <button type="button" className="button" onClick={() => void exportCsv()}>{t('csv.export')}</button>;
}
