/**
 * Restore a backup file with its recovery passphrase, or a full exchange file with its passphrase, where
 * the keys of this laptop are not at hand: on the recovery screen (the database cannot be opened) and on
 * the first run of a new laptop. It says that the laptop takes a new identity. `restore` does the work
 * (replace a broken database, or fill the empty one: db/restore.ts); the file is opened and checked
 * before anything is replaced.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupError } from '../../domain/backup/format';
import { platform } from '../../platform';

export function RestoreBackupForm({ restore }: { restore: (file: { name: string; bytes: Uint8Array }, passphrase: string) => Promise<unknown> }) {
  const { t } = useTranslation('recovery');
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [state, setState] = useState<{ busy: boolean; error?: string; done?: boolean }>({ busy: false });
  const pick = async () => {
    const [opened] = await platform.openFiles({ kind: 'backup', multiple: false });
    if (opened) setFile(opened);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || passphrase === '') return;
    setState({ busy: true });
    try {
      await restore(file, passphrase);
      setState({ busy: false, done: true });
    } catch (error) {
      setState({ busy: false, error: t(`restore.errors.${error instanceof BackupError ? error.code : 'failed'}`) });
    }
  };
  if (state.done) {
    return (
      <div className="recovery-panel" role="status">
        <p>{t('restore.done')}</p>
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>{t('restore.open')}</button>
      </div>
    );
  }
  return (
    <form className="recovery-panel" onSubmit={(e) => void submit(e)} noValidate aria-label={t('restore.action')}>
      <p>{t('restore.intro')}</p>
      <p>{t('restore.newIdentity')}</p>
      <button type="button" className="button" onClick={() => void pick()}>{file ? t('restore.chosen', { name: file.name }) : t('restore.choose')}</button>
      <label className="field">
        <span>{t('restore.passphrase')}</span>
        <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="off" />
      </label>
      {state.error ? <p className="field-error" role="alert">{state.error}</p> : null}
      <button type="submit" className="button button--danger" disabled={state.busy || !file || passphrase === ''}>
        {state.busy ? t('restore.busy') : t('restore.submit')}
      </button>
    </form>
  );
}
