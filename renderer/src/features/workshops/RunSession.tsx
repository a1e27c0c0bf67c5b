/**
 * Running a session, on a laptop on the table: large targets, every action one click or one Enter.
 * Each change is saved at once (the session is a synced record); closing creates the workshop
 * activity so nothing is typed twice.
 */
import { useCallback, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { changeSeries, changeSession, closeSessionInDb, SessionNotClosableError } from '../../db/workshops';
import { readProfile } from '../../db/profile';
import { employingStructure, structuresOf } from '../../domain/profile';
import { GENRES, STATUTS_SOCIAUX, TRANCHES_AGE, type Genre, type StatutSocial, type TrancheAge } from '../../domain/codes';
import type { Stored } from '../../domain/records';
import { ValidationError } from '../../domain/validation';
import { countWalkIns, participantCount, type ClosingNotes } from '../../domain/workshops/close';
import { TEXT_MAX } from '../../domain/workshops/validation';
import type { WalkIn, WorkshopSeries, WorkshopSession, WorkshopTemplate } from '../../domain/workshops/types';
import { formatDate, formatNumber } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Disclosure } from '../../ui/Disclosure';
import { useDraft } from '../../ui/useDraft';
import { SelectField, TextField, useCodeOptions, useIssueMessage } from '../../ui/form';
import { EmptyState, Page } from '../../ui/Page';
import { useMayChange } from '../../ui/useRead';
import { OthersRecordNotice } from '../../ui/authors';
import { useToast } from '../../ui/toast';
import { AddParticipant, nextCode } from './AddParticipant';
import { useBeneficiariesById, useSeries, useSession, useTemplate } from './data';
import { compareCodes } from '../../domain/collation';

export function RunSessionPage() {
  const { id } = useParams();
  const session = useSession(id);
  const series = useSeries(session?.seriesId);
  const template = useTemplate(series?.templateId);
  const { t } = useTranslation('workshops');
  const mayChange = useMayChange('workshopSession', session);
  if (session === undefined || (session && (series === undefined || template === undefined || mayChange === undefined))) return null;
  if (!session || !series || !template) return <Page title={t('session.title')}><EmptyState>{t('common:errors.notFound')}</EmptyState></Page>;
  // Another trainer's session: only she runs it.
  if (!mayChange) return <Page title={t('session.title')}><OthersRecordNotice authorDevice={session.authorDevice} /></Page>;
  return <RunSession session={session} series={series} template={template} />;
}

interface RunProps {
  session: Stored<WorkshopSession>;
  series: Stored<WorkshopSeries>;
  template: Stored<WorkshopTemplate>;
}

function RunSession({ session, series, template }: RunProps) {
  const { t } = useTranslation(['workshops', 'common']);
  const navigate = useNavigate();
  const { notify } = useToast();
  const beneficiaries = useBeneficiariesById();
  const [confirming, setConfirming] = useState(false);
  const relais = getRelais();
  const change = (fn: (s: WorkshopSession) => WorkshopSession) => changeSession(relais, session.id, fn);
  const open = session.statut === 'prevue';
  const title = `${series.titre} — ${formatDate(session.date, 'long')}`;
  const note = useRevisitNote(session);
  const issueMessage = useIssueMessage();
  const closingNotes = useClosingNotes();

  function togglePresent(id: string) {
    void change((s) => ({ ...s, presents: s.presents.includes(id) ? s.presents.filter((x) => x !== id) : [...s.presents, id] }));
  }
  function toggleStep(id: string) {
    void change((s) => ({ ...s, etapesCouvertes: s.etapesCouvertes.includes(id) ? s.etapesCouvertes.filter((x) => x !== id) : [...s.etapesCouvertes, id] }));
  }
  async function enrolAndMark(id: string) {
    await changeSeries(relais, series.id, (s) => ({ ...s, participantIds: s.participantIds.includes(id) ? s.participantIds : [...s.participantIds, id] }));
    await change((s) => ({ ...s, presents: [...s.presents, id] }));
  }

  async function close() {
    setConfirming(false);
    try {
      await note.save(); // the note as typed travels into the activity
      // The activity carries the employing structure, as every new one (the profile's first).
      const profile = await readProfile(relais.db);
      const [structure] = profile ? structuresOf(profile) : [];
      await closeSessionInDb(relais, session.id, closingNotes, structure ? employingStructure(structure) : undefined);
      notify(t('session.closed'), 'success');
      navigate(`/workshops/series/${series.id}`);
    } catch (error) {
      if (error instanceof SessionNotClosableError) notify(t(`session.cannotClose.${error.reason}`), 'error');
      // Say what is wrong in words (a session dated after tomorrow cannot be closed yet), not field names.
      else if (error instanceof ValidationError) notify(t('session.cannotClose.invalid', { problems: error.issues.map(issueMessage).join(' ') }), 'error');
      else throw error;
    }
  }

  // Anonymised people (retention) have no code left and cannot be enrolled.
  const everyone = [...(beneficiaries?.values() ?? [])].filter((b): b is typeof b & { code: string } => typeof b.code === 'string');
  const notEnrolled = everyone.filter((b) => !series.participantIds.includes(b.id)).sort((a, b) => compareCodes(a.code, b.code));
  const suggestedCode = nextCode(everyone.map((b) => b.code));
  const followed = session.presents.length;
  const anonymous = session.walkIns.length;
  return (
    <Page title={title} className="ws-run" actions={(
      <>
        <Link className="button" to={`/workshops/series/${series.id}`}>{t('common:actions.back')}</Link>
        <Link className="button" to={`/workshops/sessions/${session.id}/attendance`}>{t('print.attendance')}</Link>
      </>
    )}>
      {!open ? <p className="notice">{t(`session.status.${session.statut}`)}</p> : null}
      <div className="ws-run-grid">
        <div className="ws-run-col">
          <section className="form-section" aria-labelledby="ws-followed">
            <h2 id="ws-followed">{t('session.followed')}</h2>
            {series.participantIds.length === 0 ? <p className="row-meta">{t('session.noFollowed')}</p> : null}
            <div className="ws-toggles">
              {series.participantIds.map((id) => {
                const present = session.presents.includes(id);
                return (
                  <button key={id} type="button" className={`ws-toggle${present ? ' is-on' : ''}`} aria-pressed={present}
                    disabled={!open} onClick={() => togglePresent(id)}>
                    <span aria-hidden="true">{present ? '✓' : '○'}</span> {beneficiaries?.get(id)?.code ?? '…'}
                  </button>
                );
              })}
            </div>
            {open && notEnrolled.length > 0 ? (
              <SelectField label={t('participant.existing')} value="" onChange={(id) => { if (id) void enrolAndMark(id); }}
                options={notEnrolled.map((b) => ({ value: b.id, label: b.code }))} placeholder={t('participant.existingPlaceholder')} />
            ) : null}
            {open ? (
              <Disclosure title={t('participant.addTitle')} level={3} className="ws-details">
                <AddParticipant key={suggestedCode} suggestedCode={suggestedCode} others={everyone} onAdded={enrolAndMark} />
              </Disclosure>
            ) : null}
          </section>

          {/* Each change from the stored session: two quick adds must both count (never a stale copy written back). */}
          <WalkIns session={session} open={open} onChange={(next) => void change((s) => ({ ...s, walkIns: next(s.walkIns) }))} />
        </div>

        <div className="ws-run-col">
          <section className="form-section" aria-labelledby="ws-outline">
            <h2 id="ws-outline">{t('session.outline')}</h2>
            <ul className="ws-checklist">
              {template.etapes.map((step) => (
                <li key={step.id}>
                  <label className="choice ws-check">
                    <input type="checkbox" checked={session.etapesCouvertes.includes(step.id)} disabled={!open} onChange={() => toggleStep(step.id)} />
                    <span>{step.titre}</span>
                  </label>
                </li>
              ))}
            </ul>
          </section>
          <section className="form-section">
            {note.restored ? <p className="notice" role="status">{t('common:form.draftRestored')}</p> : null}
            <div onBlur={() => void note.save()}>
              <TextField label={t('session.aRevoir')} value={note.text} onChange={note.setText} multiline hint={t('privacyHint')}
                maxLength={TEXT_MAX} field="aRevoir" />
            </div>
          </section>
        </div>
      </div>

      <div className="ws-run-footer">
        <p className="ws-total" aria-live="polite">
          {t('session.totals', { count: followed + anonymous, followed, anonymous })}
        </p>
        {open ? (
          <button type="button" className="button button--primary button--large" onClick={() => setConfirming(true)}
            disabled={participantCount(session) === 0}>{t('session.close')}</button>
        ) : null}
      </div>
      <ConfirmDialog open={confirming} title={t('session.closeTitle')} confirmLabel={t('session.closeConfirm')}
        message={t('session.closeMessage', { followed, anonymous })}
        onConfirm={() => void close()} onCancel={() => setConfirming(false)} />
    </Page>
  );
}

/**
 * "To review next time": kept as typed in a draft (a reload or a closed window loses nothing, like
 * every form), written to the session when the field is left or the session closed — not on every
 * key, since each write of the session is a synced change.
 */
function useRevisitNote(session: Stored<WorkshopSession>) {
  const stored = session.aRevoir ?? '';
  const draft = useDraft<string>(`session:${session.id}:aRevoir`, stored);
  const { value, clearDraft } = draft;
  const save = useCallback(async () => {
    if (!draft.ready) return;
    const text = value.trim();
    if (text !== stored.trim()) await changeSession(getRelais(), session.id, (s) => ({ ...s, aRevoir: text || undefined }));
    await clearDraft();
  }, [draft.ready, value, stored, session.id, clearDraft]);
  return { text: value, setText: draft.setValue, restored: draft.restored, save };
}

/** The activity's notes, in the trainer's language: the steps covered, then what to review. */
function useClosingNotes(): ClosingNotes {
  const { t } = useTranslation('workshops');
  return (steps, aRevoir) => {
    const lines = [
      steps.length > 0 ? t('session.notes.steps', { steps: steps.join(t('listSeparator')) }) : '',
      aRevoir ? t('session.notes.revisit', { text: aRevoir }) : '',
    ];
    return lines.filter(Boolean).join('\n') || undefined;
  };
}

function WalkIns({ session, open, onChange }: { session: WorkshopSession; open: boolean; onChange: (next: (walkIns: WalkIn[]) => WalkIn[]) => void }) {
  const { t } = useTranslation(['workshops', 'codes']);
  const [genre, setGenre] = useState<Genre | ''>('non_communique');
  const [trancheAge, setTrancheAge] = useState<TrancheAge | ''>('non_communique');
  const [statutSocial, setStatutSocial] = useState<StatutSocial | ''>('non_communique');
  const [deja, setDeja] = useState(false);
  const genres = useCodeOptions('genre', GENRES);
  const tranches = useCodeOptions('trancheAge', TRANCHES_AGE);
  const statuts = useCodeOptions('statutSocial', STATUTS_SOCIAUX);
  const counts = countWalkIns(session.walkIns);

  function add(event: FormEvent) {
    event.preventDefault();
    const person: WalkIn = {
      genre: genre || 'non_communique', trancheAge: trancheAge || 'non_communique', statutSocial: statutSocial || 'non_communique', dejaAccompagne: deja,
    };
    onChange((walkIns) => [...walkIns, person]);
  }

  const chips = (prefix: string, breakdown: Record<string, number | undefined>) => Object.entries(breakdown).map(([code, n]) => (
    <span key={`${prefix}-${code}`} className="tag">{t('workshops:session.chip', { label: t(`codes:${prefix}.${code}`), value: formatNumber(n ?? 0) })}</span>
  ));
  return (
    <section className="form-section" aria-labelledby="ws-walkins">
      <h2 id="ws-walkins">{t('session.walkIns')}</h2>
      <p className="row-meta">{t('session.walkInsHint')}</p>
      {open ? (
        <form className="ws-walkin-form" onSubmit={add} noValidate aria-label={t('session.walkIns')}>
          <div className="form-row">
            <SelectField label={t('participant.genre')} value={genre} onChange={setGenre} options={genres} />
            <SelectField label={t('participant.trancheAge')} value={trancheAge} onChange={setTrancheAge} options={tranches} />
            <SelectField label={t('participant.statutSocial')} value={statutSocial} onChange={setStatutSocial} options={statuts} />
          </div>
          <label className="choice">
            <input type="checkbox" checked={deja} onChange={(e) => setDeja(e.target.checked)} />
            <span>{t('participant.dejaAccompagne')}</span>
          </label>
          <div className="form-actions">
            <button type="submit" className="button button--primary">{t('session.addWalkIn')}</button>
            <button type="button" className="button" disabled={session.walkIns.length === 0}
              onClick={() => onChange((walkIns) => walkIns.slice(0, -1))}>{t('session.removeLastWalkIn')}</button>
          </div>
        </form>
      ) : null}
      <p className="ws-count"><strong>{t('session.walkInCount', { count: counts.total, value: formatNumber(counts.total) })}</strong>
        {counts.dejaAccompagne > 0 ? ` · ${t('session.dejaCount', { count: counts.dejaAccompagne })}` : ''}</p>
      <p className="ws-tags">{chips('genre', counts.genres)}{chips('trancheAge', counts.tranchesAge)}{chips('statutSocial', counts.statutsSociaux)}</p>
    </section>
  );
}
