/**
 * Settings → synced folders: the outbox where Relais puts the bundles it sends, the inbox it watches,
 * each chosen with the system's folder dialog (the page never sees a path: a name to recognise it by),
 * "send now" and "look now". A browser cannot watch folders: there, the section says so.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readOutboxSent } from '../../db/sync';
import { formatDateTime } from '../../i18n/format';
import { platform, type SyncFolderRole } from '../../platform';
import { useToast } from '../../ui/toast';
import { useRead } from '../../ui/useRead';
import { useDeviceKeys } from '../keys';
import { refreshFolders, sendOutbox, useFolderStatus, type SendResult } from './runner';

export function FolderSettings() {
  const { t } = useTranslation('folders');
  const titleId = useId();
  return (
    <section className="form-section folder-settings" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('settings.title')}</h2>
      <p>{t('settings.intro')}</p>
      {platform.shell === 'electron' ? <DesktopFolders /> : <p className="notice">{t('settings.browserOnly')}</p>}
    </section>
  );
}

function DesktopFolders() {
  useEffect(() => {
    void refreshFolders();
  }, []);
  return (
    <>
      <FolderRow role="outbox" />
      <FolderRow role="inbox" />
    </>
  );
}

function FolderRow({ role }: { role: SyncFolderRole }) {
  const { t } = useTranslation('folders');
  const { notify } = useToast();
  const { requireKeys } = useDeviceKeys();
  const status = useFolderStatus();
  const sent = useRead(readOutboxSent);
  const [busy, setBusy] = useState(false);
  const info = status.folders[role];
  const labelId = useId();

  const act = async (run: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await run();
    } catch {
      notify(t('settings.failed'), 'error');
    } finally {
      setBusy(false);
      void refreshFolders();
    }
  };
  const choose = () => act(() => platform.chooseSyncFolder({ role }));
  const forget = () => act(() => platform.forgetSyncFolder({ role }));
  const sendNow = () => act(async () => {
    const keys = await requireKeys(); // the person is here: the passphrase may be asked
    const result: SendResult = await sendOutbox(async () => keys);
    if ('sent' in result) notify(t('settings.sent', { count: result.sent }), 'success');
    else if ('nothing' in result) notify(t('settings.nothingToSend'), 'info');
    else notify(t(`problems.${result.problem}`), 'error');
  });
  const lookNow = () => act(() => platform.rescanInbox());

  return (
    <div className="folder-row" role="group" aria-labelledby={labelId}>
      <h3 id={labelId}>{t(`settings.${role}.label`)}</h3>
      <p className="field-hint">{t(`settings.${role}.hint`)}</p>
      <p className="folder-name">
        {info ? <strong>{info.displayName}</strong> : <span className="row-meta">{t('settings.notChosen')}</span>}
      </p>
      {info && !info.available ? <p className="notice notice--warning" role="status">{t(`settings.${role}.absent`)}</p> : null}
      {role === 'outbox' && info ? (
        <p className="row-meta">{sent ? t('settings.lastSent', { date: formatDateTime(sent.at) }) : t('settings.neverSent')}</p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void choose()}>
          {info ? t('settings.change') : t('settings.choose')}
        </button>
        {info && role === 'outbox' ? <button type="button" className="button button--primary" disabled={busy || status.sending} onClick={() => void sendNow()}>{t('settings.sendNow')}</button> : null}
        {info && role === 'inbox' ? <button type="button" className="button" disabled={busy} onClick={() => void lookNow()}>{t('settings.lookNow')}</button> : null}
        {info ? <button type="button" className="button" disabled={busy} onClick={() => void forget()}>{t('settings.forget')}</button> : null}
      </div>
    </div>
  );
}
