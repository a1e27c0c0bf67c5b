/**
 * What arrived in the synced inbox folder: the bundles held for a person (a sender not enrolled here,
 * a bundle that needs its passphrase), each opened in the import panel's preview on request — where
 * its sender can be enrolled by fingerprint — or dismissed; then every file's result, refusals with why.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { dismissInboxFile, heldInboxFiles, recentInboxFiles, type InboxFileRow } from '../../db/sync';
import { formatDateTime } from '../../i18n/format';
import { useRead } from '../../ui/useRead';
import { openInImportPanel } from './bundleDrop';

/** How many inbox files the history shows. */
const INBOX_HISTORY_LENGTH = 30;

export function InboxPanel() {
  const { t } = useTranslation('sync');
  const held = useRead(heldInboxFiles) ?? [];
  const recent = useRead(recentInboxFiles, INBOX_HISTORY_LENGTH) ?? [];
  const titleId = useId();
  if (held.length === 0 && recent.length === 0) return null;
  return (
    <section className="card sync-panel sync-inbox" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('inbox.title')}</h2>
      {held.length > 0 ? (
        <>
          <h3>{t('inbox.heldTitle')}</h3>
          <p>{t('inbox.heldIntro')}</p>
          <ul className="sync-held-list">
            {held.map((row) => <HeldFile key={row.sha256} row={row} />)}
          </ul>
        </>
      ) : null}
      <h3>{t('inbox.historyTitle')}</h3>
      <div className="sync-table-wrap">
        <table className="sync-table">
          <thead>
            <tr>
              <th scope="col">{t('history.file')}</th>
              <th scope="col">{t('history.source')}</th>
              <th scope="col">{t('inbox.when')}</th>
              <th scope="col">{t('inbox.result')}</th>
            </tr>
          </thead>
          <tbody>
            {recent.map((row) => (
              <tr key={row.sha256}>
                <td>{row.fileName}</td>
                <td>{row.sourceName ?? '—'}</td>
                <td>{formatDateTime(row.receivedAt)}</td>
                <td><InboxResult row={row} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function InboxResult({ row }: { row: InboxFileRow }) {
  const { t } = useTranslation('sync');
  if (row.outcome === 'refused') return <>{t('inbox.outcomes.refused', { reason: t(`errors.${row.reason ?? 'unreadable'}`, { defaultValue: t('inbox.reasons.unreadable') }) })}</>;
  if (row.outcome === 'held') return <>{t(`inbox.reasons.${row.reason === 'needsPassphrase' ? 'needsPassphrase' : 'notEnrolled'}`)}</>;
  return <>{t(`inbox.outcomes.${row.outcome}`)}</>;
}

function HeldFile({ row }: { row: InboxFileRow }) {
  const { t } = useTranslation('sync');
  const open = () => {
    if (row.bytes) openInImportPanel([{ name: row.fileName, bytes: row.bytes }]);
  };
  return (
    <li className="sync-held">
      <p>
        <strong>{row.sourceName ?? row.fileName}</strong>{' '}
        <span className="row-meta">{t('inbox.heldLine', { file: row.fileName, date: formatDateTime(row.receivedAt) })}</span>
      </p>
      <p className="field-hint">{t(`inbox.reasons.${row.reason === 'needsPassphrase' ? 'needsPassphrase' : 'notEnrolled'}`)}</p>
      <div className="form-actions">
        <button type="button" className="button button--primary button--small" onClick={open}>{t('inbox.review')}</button>
        <button type="button" className="button button--small" onClick={() => void dismissInboxFile(getRelais().db, row.sha256)}>{t('inbox.dismiss')}</button>
      </div>
    </li>
  );
}
