/**
 * `/sync/team`: a coordinator imports her team's files at once — a folder (the USB stick) or many
 * files. Every file is opened and checked first; one combined preview says what they hold by kind and
 * what would change; one progress bar follows the import (the files are written together, all or
 * nothing), which can be stopped between files; then each file's outcome (imported, already imported,
 * held, refused and why, failed, not imported), which can be
 * saved as a text report. The rules are db/teamImport.ts's.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { getRelais } from '../../db';
import { combinedPreview, importTeamFiles, openTeamFiles, teamFilesOf, type BatchFile, type FileOutcome, type TeamFile } from '../../db/teamImport';
import { RECORD_KINDS } from '../../domain/kinds';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { platform } from '../../platform';
import { Page } from '../../ui/Page';
import { useDeviceKeys } from '../keys';
import { describeSyncError } from '../sync';

type Phase =
  | { phase: 'choose'; error?: string }
  | { phase: 'opening'; done: number; total: number; stop: AbortController }
  | { phase: 'preview'; files: BatchFile[]; sources: TeamFile[] }
  | { phase: 'importing'; files: BatchFile[]; done: number; total: number; stop: AbortController }
  | { phase: 'done'; files: BatchFile[]; at: string };

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A folder's bundles, each read when the import comes to it (a region's folder never held whole). */
async function chooseFolder(): Promise<TeamFile[]> {
  return (await platform.openFolder({ kind: 'bundle' })).map(({ name, token }) => ({ name, read: () => platform.readChosenFile({ token }) }));
}

/** Files chosen one by one in the open dialog (at most a hundred), read at once. */
async function chooseFiles(): Promise<TeamFile[]> {
  return teamFilesOf(await platform.openFiles({ kind: 'bundle', multiple: true }));
}

export function TeamImportPage() {
  const { t } = useTranslation('teamImport');
  const { t: sync } = useTranslation('sync');
  const [state, setState] = useState<Phase>({ phase: 'choose' });
  const [passphrase, setPassphrase] = useState('');
  const { requireKeys } = useDeviceKeys();
  const keysRef = useRef(requireKeys);
  keysRef.current = requireKeys;

  async function open(sources: TeamFile[]) {
    if (sources.length === 0) return;
    const stop = new AbortController();
    setState({ phase: 'opening', done: 0, total: sources.length, stop });
    try {
      const files = await openTeamFiles(getRelais().db, sources, {
        passphrase: passphrase || undefined, signal: stop.signal,
        identity: async () => (await keysRef.current()).ageIdentity,
        onProgress: (done, total) => setState({ phase: 'opening', done, total, stop }),
      });
      setState({ phase: 'preview', files, sources });
    } catch (error) {
      setState(stop.signal.aborted ? { phase: 'choose' } : { phase: 'choose', error: sync('errors.unexpected') + ` ${String(error)}` });
    }
  }

  async function choose(pick: () => Promise<TeamFile[]>) {
    try {
      await open(await pick());
    } catch (error) {
      setState({ phase: 'choose', error: describeSyncError(sync, error) });
    }
  }

  async function runImport(files: BatchFile[]) {
    const stop = new AbortController();
    const total = combinedPreview(files).records;
    setState({ phase: 'importing', files, done: 0, total, stop });
    const result = await importTeamFiles(getRelais().db, files, {
      signal: stop.signal, onProgress: (done) => setState({ phase: 'importing', files, done, total, stop }),
    });
    setState({ phase: 'done', files: result, at: new Date().toISOString() });
  }

  return (
    <Page title={t('title')} actions={<Link className="button" to="/sync">{t('back')}</Link>}>
      <p className="lead">{t('intro')}</p>
      {state.phase === 'choose' ? (
        <section className="card" aria-labelledby="team-choose">
          <h2 id="team-choose">{t('choose.title')}</h2>
          <div className="field">
            <label htmlFor="team-passphrase">{t('choose.passphrase')}</label>
            <input id="team-passphrase" type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} aria-describedby="team-passphrase-hint" />
            <p id="team-passphrase-hint" className="field-hint">{t('choose.passphraseHint')}</p>
          </div>
          <div className="form-actions">
            <button type="button" className="button button--primary" onClick={() => void choose(chooseFolder)}>{t('choose.folder')}</button>
            <button type="button" className="button" onClick={() => void choose(chooseFiles)}>{t('choose.files')}</button>
          </div>
          {state.error ? <p className="field-error" role="alert">{state.error}</p> : null}
        </section>
      ) : null}
      {state.phase === 'opening' ? (
        <section className="card" role="status" aria-labelledby="team-opening">
          <h2 id="team-opening">{t('opening.title')}</h2>
          <p>{t('opening.progress', { done: formatNumber(state.done), total: formatNumber(state.total) })}</p>
          <progress max={state.total} value={state.done} aria-label={t('opening.title')} />
          <div className="form-actions"><button type="button" className="button" onClick={() => state.stop.abort()}>{t('cancel')}</button></div>
        </section>
      ) : null}
      {state.phase === 'preview' ? (
        <Preview files={state.files} onImport={() => void runImport(state.files)} onCancel={() => setState({ phase: 'choose' })}
          onRetry={() => void open(state.sources)} />
      ) : null}
      {state.phase === 'importing' ? (
        <section className="card" role="status" aria-labelledby="team-importing">
          <h2 id="team-importing">{t('importing.title')}</h2>
          <p>{t('importing.progress', { done: formatNumber(state.done), total: formatNumber(state.total) })}</p>
          <progress max={Math.max(1, state.total)} value={state.done} aria-label={t('importing.title')} />
          <div className="form-actions">
            <button type="button" className="button" disabled={state.stop.signal.aborted} onClick={() => state.stop.abort()}>{t('importing.stop')}</button>
          </div>
        </section>
      ) : null}
      {state.phase === 'done' ? <Results files={state.files} at={state.at} onAgain={() => setState({ phase: 'choose' })} /> : null}
    </Page>
  );
}

function Preview({ files, onImport, onCancel, onRetry }: { files: BatchFile[]; onImport: () => void; onCancel: () => void; onRetry: () => void }) {
  const { t } = useTranslation('teamImport');
  const { t: sync } = useTranslation('sync');
  const preview = combinedPreview(files);
  const locked = files.some((f) => f.outcome.status === 'needsPassphrase');
  return (
    <section className="card" aria-labelledby="team-preview">
      <h2 id="team-preview">{t('preview.title', { count: preview.ready, formatted: formatNumber(preview.ready) })}</h2>
      {preview.ready > 0 ? (
        <>
          <ul className="sync-counts" aria-label={t('preview.byKind')}>
            {RECORD_KINDS.filter((kind) => preview.byKind[kind]).map((kind) => (
              <li key={kind}><span className="stat">{formatNumber(preview.byKind[kind] ?? 0)}</span> <span>{sync(`kinds.${kind}`)}</span></li>
            ))}
          </ul>
          <p>{countsText(sync, preview.counts)}</p>
          {preview.refused > 0 ? <p className="row-meta">{t('preview.refused', { count: preview.refused, formatted: formatNumber(preview.refused) })}</p> : null}
          {preview.forReview > 0 ? <p className="notice">{t('preview.forReview', { count: preview.forReview, formatted: formatNumber(preview.forReview) })}</p> : null}
        </>
      ) : null}
      <FileTable files={files} />
      {locked ? <p className="notice">{t('preview.locked')} <button type="button" className="button button--small" onClick={onRetry}>{t('preview.retry')}</button></p> : null}
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={preview.ready === 0} onClick={onImport}>
          {t('preview.import', { count: preview.ready, formatted: formatNumber(preview.ready) })}
        </button>
        <button type="button" className="button" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </section>
  );
}

function countsText(t: Translate, counts: ReturnType<typeof combinedPreview>['counts']): string {
  return (['new', 'updated', 'unchanged', 'conflicting', 'deleted'] as const)
    .map((k) => t(`counts.${k}`, { count: counts[k], formatted: formatNumber(counts[k]) })).join(', ');
}

function senderOf(outcome: FileOutcome): string {
  return 'plan' in outcome ? `${outcome.plan.manifest.source.name} (${outcome.plan.manifest.source.structure})` : '';
}

/** What became of a file, in words: its status and why. */
export function outcomeText(t: Translate, sync: Translate, outcome: FileOutcome, name: string): { status: string; detail: string } {
  switch (outcome.status) {
    case 'ready': return { status: t('status.ready'), detail: countsText(sync, outcome.plan.counts) };
    case 'imported': {
      const { report } = outcome;
      const extra = [
        report.refused > 0 ? t('preview.refused', { count: report.refused, formatted: formatNumber(report.refused) }) : '',
        report.heldForReview > 0 ? t('preview.forReview', { count: report.heldForReview, formatted: formatNumber(report.heldForReview) }) : '',
      ].filter(Boolean);
      return { status: t('status.imported'), detail: [countsText(sync, report.counts), ...extra].join(' ') };
    }
    case 'alreadyImported': return { status: t('status.alreadyImported'), detail: t('detail.alreadyImported') };
    case 'held': return { status: t('status.held'), detail: t('detail.held', { name: outcome.plan.manifest.source.name }) };
    case 'needsPassphrase': return { status: t('status.refused'), detail: sync(outcome.wrong ? 'errors.wrongPassphrase' : 'errors.needsPassphrase') };
    // A folder's file is read alone: a size refusal is about it, not about the files together.
    case 'refused': return { status: t('status.refused'), detail: describeSyncError(sync as never, outcome.error, 'oneFile') };
    case 'failed': {
      const reason = describeSyncError(sync as never, outcome.error);
      if (outcome.culprit === undefined) return { status: t('status.failed'), detail: t('detail.failed', { reason }) };
      return { status: t('status.failed'), detail: outcome.culprit === name ? t('detail.failedHere', { reason }) : t('detail.failedWith', { file: outcome.culprit }) };
    }
    case 'notImported': return { status: t('status.notImported'), detail: t('detail.notImported') };
  }
}

function FileTable({ files }: { files: BatchFile[] }) {
  const { t } = useTranslation('teamImport');
  const { t: sync } = useTranslation('sync');
  return (
    <table className="figure-table team-files">
      <caption>{t('files.caption')}</caption>
      <thead>
        <tr><th scope="col">{t('files.name')}</th><th scope="col">{t('files.sender')}</th><th scope="col">{t('files.status')}</th><th scope="col">{t('files.detail')}</th></tr>
      </thead>
      <tbody>
        {files.map((file, index) => {
          const text = outcomeText(t, sync, file.outcome, file.name);
          return (
            <tr key={`${index}-${file.name}`} className={`team-file team-file--${file.outcome.status}`}>
              <th scope="row">{file.name}</th>
              <td>{senderOf(file.outcome)}</td>
              <td>{text.status}</td>
              <td>{text.detail}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Results({ files, at, onAgain }: { files: BatchFile[]; at: string; onAgain: () => void }) {
  const { t } = useTranslation('teamImport');
  const { t: sync } = useTranslation('sync');
  const imported = files.filter((f) => f.outcome.status === 'imported').length;
  const [saved, setSaved] = useState<string | undefined>();
  async function save() {
    const lines = [
      t('report.title', { date: formatDateTime(at) }),
      t('report.summary', { count: imported, imported: formatNumber(imported), total: formatNumber(files.length) }),
      '',
      ...files.map((file) => {
        const text = outcomeText(t, sync, file.outcome, file.name);
        return [file.name, senderOf(file.outcome), text.status, text.detail].filter(Boolean).join(' — ');
      }),
      '',
    ];
    const result = await platform.saveFile({ suggestedName: t('report.fileName', { date: at.slice(0, 10) }), kind: 'text', bytes: new TextEncoder().encode(lines.join('\n')) });
    if (result.saved) setSaved(result.fileName ?? '');
  }
  return (
    <section className="card" aria-labelledby="team-done">
      <h2 id="team-done">{t('done.title', { count: imported, imported: formatNumber(imported), total: formatNumber(files.length) })}</h2>
      <FileTable files={files} />
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={() => void save()}>{t('done.saveReport')}</button>
        <Link className="button" to="/dashboard">{t('done.dashboard')}</Link>
        <button type="button" className="button" onClick={onAgain}>{t('done.again')}</button>
      </div>
      {saved !== undefined ? <p role="status">{t('done.saved')}</p> : null}
    </section>
  );
}
