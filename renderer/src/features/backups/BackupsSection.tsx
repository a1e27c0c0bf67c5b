/**
 * Settings → Backups (issue 12): the automatic backups and where they live (desktop) or the reminder to
 * download one (browser), the recovery passphrase that lets a backup open on another laptop, and a
 * restore from an automatic backup or any backup file — which gives this laptop a new identity.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { hasRecoveryPassphrase, makeBackup, markBackedUp, setRecoveryPassphrase } from '../../db/backup';
import { restoreFromFile } from '../../db/restore';
import { bundleProtection } from '../../domain/sync/bundle';
import { BackupError } from '../../domain/backup/format';
import { backupFileName } from '../../domain/fileNames';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { platform, type BackupInfo } from '../../platform';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { PassphraseField, usePassphraseChoice } from '../../ui/PassphraseField';
import { useToast } from '../../ui/toast';
import { useRead } from '../../ui/useRead';
import { useDeviceKeys } from '../keys';
import { reminderDue } from './BackupReminder';

function appVersion(): string {
  return typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
}

export function BackupsSection() {
  const { t } = useTranslation('backups');
  return (
    <section className="form-section backups-section" aria-labelledby="settings-backups">
      <h2 id="settings-backups">{t('title')}</h2>
      {platform.shell === 'electron' ? <AutomaticBackups /> : <DownloadReminder />}
      <RecoveryPassphrase />
      <RestoreFromFile />
    </section>
  );
}

function DownloadReminder() {
  const { t } = useTranslation('backups');
  const due = useRead(reminderDue);
  const { notify } = useToast();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const backup = await makeBackup(getRelais().db, { app: appVersion() });
      if (!backup) return;
      const saved = await platform.saveFile({ suggestedName: backupFileName(new Date()), kind: 'backup', bytes: backup.bytes });
      if (saved.saved) await markBackedUp(getRelais().db, { seq: backup.seq, at: backup.header.createdAt });
      notify(t('download.done'), 'success');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <p>{t('download.intro')}</p>
      {due ? <p className="notice notice--warning" role="status">{t('download.reminder')}</p> : null}
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void download()}>{t('download.action')}</button>
      </div>
    </>
  );
}

function AutomaticBackups() {
  const { t } = useTranslation('backups');
  const [list, setList] = useState<BackupInfo[] | undefined>(undefined);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  useEffect(() => {
    void platform.listBackups().then(setList, () => setList([]));
  }, []);
  return (
    <>
      <p>{t('automatic.intro')}</p>
      {list && list.length === 0 ? <p role="status">{t('automatic.none')}</p> : null}
      {list && list.length > 0 ? (
        <table className="table">
          <caption>{t('automatic.caption')}</caption>
          <thead><tr><th scope="col">{t('automatic.when')}</th><th scope="col">{t('automatic.size')}</th><th scope="col"><span className="visually-hidden">{t('automatic.actions')}</span></th></tr></thead>
          <tbody>
            {list.map((backup) => (
              <tr key={backup.name}>
                <td>{formatDateTime(backup.createdAt)}</td>
                <td>{t('automatic.kilobytes', { size: formatNumber(Math.ceil(backup.bytes / 1024)) })}</td>
                <td><button type="button" className="button button--small" onClick={() => setRestoring(backup)}>{t('restore.action')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {restoring ? <RestoreDialog source={{ name: formatDateTime(restoring.createdAt), read: () => platform.readBackup({ name: restoring.name }) }} onDone={() => setRestoring(null)} /> : null}
    </>
  );
}

function RecoveryPassphrase() {
  const { t } = useTranslation('backups');
  const isSet = useRead(hasRecoveryPassphrase);
  const choice = usePassphraseChoice();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const { notify } = useToast();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!choice.acceptable) return;
    setBusy(true);
    try {
      await setRecoveryPassphrase(getRelais().db, choice.value);
      setEditing(false);
      choice.setValue('');
      notify(t('recovery.saved'), 'success');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="backups-recovery">
      <h3>{t('recovery.title')}</h3>
      <p>{t('recovery.intro')}</p>
      <p role="status">{t(isSet ? 'recovery.isSet' : 'recovery.notSet')}</p>
      {editing ? (
        <form onSubmit={(e) => void submit(e)} noValidate aria-label={t(isSet ? 'recovery.change' : 'recovery.set')}>
          <PassphraseField label={t('recovery.passphrase')} hint={t('recovery.hint')} {...choice.field} confirm autoFocus />
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setEditing(false)}>{t('recovery.cancel')}</button>
            <button type="submit" className="button button--primary" disabled={busy || !choice.acceptable}>{t('recovery.save')}</button>
          </div>
        </form>
      ) : (
        <div className="form-actions">
          <button type="button" className="button" onClick={() => setEditing(true)}>{t(isSet ? 'recovery.change' : 'recovery.set')}</button>
        </div>
      )}
    </div>
  );
}

function RestoreFromFile() {
  const { t } = useTranslation('backups');
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const pick = async () => {
    const [opened] = await platform.openFiles({ kind: 'backup', multiple: false });
    if (opened) setFile(opened);
  };
  return (
    <div className="backups-restore">
      <h3>{t('restore.title')}</h3>
      <p>{t('restore.intro')}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void pick()}>{t('restore.choose')}</button>
      </div>
      {file ? <RestoreDialog source={{ name: file.name, read: async () => file.bytes }} onDone={() => setFile(null)} /> : null}
    </div>
  );
}

/** Restore, after saying what it does: replaces everything, and this laptop takes a new identity. */
function RestoreDialog({ source, onDone }: { source: { name: string; read: () => Promise<Uint8Array> }; onDone: () => void }) {
  const { t } = useTranslation('backups');
  const keys = useDeviceKeys();
  const [passphrase, setPassphrase] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const restore = async () => {
    setConfirming(false);
    setState({ busy: true });
    try {
      const bytes = await source.read();
      // This laptop's own key opens its backups and the bundles encrypted to it; a passphrase opens the rest.
      const withKey = passphrase === '' || bundleProtection(bytes) === 'recipient';
      const secrets = withKey ? { identity: (await keys.requireKeys()).ageIdentity } : { passphrase };
      await restoreFromFile(getRelais().db, { name: source.name, bytes }, secrets);
      window.location.reload(); // every screen, and the keys, start again from the restored data
    } catch (error) {
      setState({ busy: false, error: t(`errors.${error instanceof BackupError ? error.code : 'failed'}`) });
    }
  };
  return (
    <div className="backups-restore-form" role="group" aria-label={t('restore.of', { name: source.name })}>
      <p><strong>{t('restore.of', { name: source.name })}</strong></p>
      <label className="field">
        <span>{t('restore.passphrase')}</span>
        <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="off" />
        <span className="field-hint">{t('restore.passphraseHint')}</span>
      </label>
      {state.error ? <p className="field-error" role="alert">{state.error}</p> : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>{t('recovery.cancel')}</button>
        <button type="button" className="button button--danger" disabled={state.busy} onClick={() => setConfirming(true)}>
          {state.busy ? t('restore.busy') : t('restore.submit')}
        </button>
      </div>
      <ConfirmDialog open={confirming} title={t('restore.confirmTitle')} message={t('restore.confirm')} confirmLabel={t('restore.submit')} danger
        onConfirm={() => void restore()} onCancel={() => setConfirming(false)} />
    </div>
  );
}
