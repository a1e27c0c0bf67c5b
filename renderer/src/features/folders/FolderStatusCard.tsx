/**
 * Home-screen card of the synced folders (Electron, once a folder is chosen): last sent, last received,
 * files waiting for a person or for the rest of their bytes, and what is wrong (a folder not there).
 */
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { inboxSummary, readOutboxSent } from '../../db/sync';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { platform } from '../../platform';
import { useRead } from '../../ui/useRead';
import { useFolderStatus } from './runner';

export function FolderStatusCard() {
  const { t } = useTranslation('folders');
  const status = useFolderStatus();
  const sent = useRead(readOutboxSent);
  const inbox = useRead(inboxSummary);
  const { inbox: inboxFolder, outbox } = status.folders;
  if (platform.shell !== 'electron' || (!inboxFolder && !outbox)) return null;
  const waiting = (inbox?.held ?? 0) + status.retrying;
  const problems = [
    outbox && !outbox.available ? t('settings.outbox.absent') : null,
    inboxFolder && !inboxFolder.available ? t('settings.inbox.absent') : null,
    status.sendProblem && status.sendProblem !== 'folderAbsent' ? t(`problems.${status.sendProblem}`) : null,
    inbox && inbox.refusedRecently > 0 ? t('home.refused', { count: inbox.refusedRecently, formatted: formatNumber(inbox.refusedRecently) }) : null,
  ].filter((line): line is string => line !== null);
  return (
    <section className="card folder-status" aria-labelledby="folder-status-title">
      <h2 id="folder-status-title">{t('home.title')}</h2>
      <dl className="sync-facts">
        <dt>{t('home.lastSent')}</dt>
        <dd>{sent ? formatDateTime(sent.at) : t('home.never')}</dd>
        <dt>{t('home.lastReceived')}</dt>
        <dd>{inbox?.lastReceived ? formatDateTime(inbox.lastReceived) : t('home.never')}</dd>
        <dt>{t('home.waiting')}</dt>
        <dd>{formatNumber(waiting)}</dd>
      </dl>
      {problems.map((line) => <p key={line} className="notice notice--warning" role="status">{line}</p>)}
      {waiting > 0 ? <Link className="button" to="/sync">{t('home.review')}</Link> : null}
    </section>
  );
}
