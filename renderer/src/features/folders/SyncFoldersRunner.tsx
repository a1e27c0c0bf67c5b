/**
 * Mounted once in the app shell (Electron only): imports what arrives in the inbox folder, writes the
 * outbox every hour while Relais is open and when it quits (and again every minute while its folder is
 * absent: runner.ts), and tells the person what came in.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxFileRow } from '../../db/sync';
import { formatNumber } from '../../i18n/format';
import { platform } from '../../platform';
import { useToast } from '../../ui/toast';
import { useDeviceKeys } from '../keys';
import { processInbox, refreshFolders, sendOutbox, setBackgroundKeys } from './runner';

/** The outbox is written this often while Relais is open (when something changed). */
export const OUTBOX_EVERY_MS = 60 * 60 * 1000;
/**
 * The inbox is looked at this often besides the shell's notices: held files whose sender was enrolled
 * meanwhile (in the cards panel) are imported then.
 */
const INBOX_EVERY_MS = 60 * 1000;

export function SyncFoldersRunner() {
  const { t } = useTranslation('folders');
  const { notify } = useToast();
  const { keysWithoutAsking } = useDeviceKeys();
  const live = useRef({ t, notify, keysWithoutAsking });
  live.current = { t, notify, keysWithoutAsking };

  useEffect(() => {
    if (platform.shell !== 'electron') return undefined;
    const keys = () => live.current.keysWithoutAsking();
    const tell = (row: InboxFileRow) => {
      const { t: say, notify: show } = live.current;
      if (row.outcome === 'imported') {
        const added = (row.counts?.new ?? 0) + (row.counts?.updated ?? 0);
        show(say('notice.imported', { name: row.sourceName ?? row.fileName, count: added, formatted: formatNumber(added) }), 'success');
      } else if (row.outcome === 'held') show(say('notice.held', { name: row.sourceName ?? row.fileName }), 'info');
      else if (row.outcome === 'refused') show(say('notice.refused', { file: row.fileName }), 'error');
    };
    setBackgroundKeys(keys);
    const send = () => void sendOutbox(keys);
    const onChange = () => {
      void refreshFolders().then(() => processInbox(keys, tell));
    };
    onChange();
    send();
    const offChange = platform.onSyncFoldersChanged(onChange);
    const hourly = setInterval(send, OUTBOX_EVERY_MS);
    const inboxTick = setInterval(onChange, INBOX_EVERY_MS);
    const offQuit = platform.onQuitRequested(async () => { await sendOutbox(keys); });
    return () => {
      offChange();
      offQuit();
      clearInterval(hourly);
      clearInterval(inboxTick);
    };
  }, []);
  return null;
}
