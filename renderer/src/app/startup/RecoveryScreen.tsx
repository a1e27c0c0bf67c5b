/**
 * What a person sees when the database cannot be opened (db/startup.ts names why): never a blank window.
 * Plain words, nothing erased, and three ways on: save what can still be read (encrypted with a
 * passphrase typed here), restore a backup in its place, or open the app read-only (ui/readOnly.tsx).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StartupProblem } from '../../db/startup';
import { backupWhatCanBeRead } from '../../db/backup';
import { replaceDatabaseWithFile } from '../../db/restore';
import { closeReadOnly, openReadOnly } from '../../db/readOnly';
import type { Relais } from '../../db';
import { platform } from '../../platform';
import { PassphraseField, usePassphraseChoice } from '../../ui/PassphraseField';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { backupFileName } from '../../domain/fileNames';
import { RestoreBackupForm } from '../../features/backups/RestoreBackupForm';

export const DATABASE_NAME = 'relais';

function appVersion(): string {
  return typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
}

type Panel = 'none' | 'export' | 'restore' | 'readOnly';

export function RecoveryScreen({ problem, databaseName = DATABASE_NAME, onOpenReadOnly }: {
  problem: StartupProblem;
  databaseName?: string;
  /** Run the app on the database opened read-only (app/startup/Startup.tsx). */
  onOpenReadOnly: (relais: Relais) => void;
}) {
  const { t } = useTranslation('recovery');
  const [panel, setPanel] = useState<Panel>('none');
  return (
    <main className="first-run recovery">
      <div className="first-run-card">
        <img src="./icon.svg" alt="" width={72} height={72} />
        <h1>{t('title')}</h1>
        <p className="lead">{t(`problem.${problem}`)}</p>
        <p>{t('nothingErased')}</p>
        <div className="recovery-actions" role="group" aria-label={t('actionsLabel')}>
          <button type="button" className="button" aria-pressed={panel === 'export'} onClick={() => setPanel('export')}>{t('export.action')}</button>
          <button type="button" className="button" aria-pressed={panel === 'restore'} onClick={() => setPanel('restore')}
            disabled={problem === 'blocked'}>{t('restore.action')}</button>
          <button type="button" className="button" aria-pressed={panel === 'readOnly'} onClick={() => setPanel('readOnly')}>{t('readOnly.action')}</button>
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>{t('retry')}</button>
        </div>
        {problem === 'blocked' ? <p className="hint">{t('restore.blocked')}</p> : null}
        {panel === 'export' ? <ExportReadable databaseName={databaseName} /> : null}
        {panel === 'restore' ? <RestoreInPlace databaseName={databaseName} /> : null}
        {panel === 'readOnly' ? <OpenReadOnly databaseName={databaseName} onOpened={onOpenReadOnly} /> : null}
        <LanguageSwitch />
      </div>
    </main>
  );
}

function ExportReadable({ databaseName }: { databaseName: string }) {
  const { t } = useTranslation('recovery');
  const choice = usePassphraseChoice();
  const [state, setState] = useState<{ busy: boolean; message?: string; error?: string }>({ busy: false });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!choice.acceptable) return;
    setState({ busy: true });
    try {
      const bytes = await backupWhatCanBeRead(databaseName, choice.value, { app: appVersion() });
      const saved = await platform.saveFile({ suggestedName: backupFileName(new Date()), kind: 'backup', bytes });
      setState({ busy: false, message: saved.saved ? t('export.saved', { name: saved.fileName ?? '' }) : undefined });
    } catch {
      setState({ busy: false, error: t('export.unreadable') });
    }
  };
  return (
    <form className="recovery-panel" onSubmit={(e) => void submit(e)} noValidate aria-label={t('export.action')}>
      <p>{t('export.intro')}</p>
      <PassphraseField label={t('passphrase')} hint={t('export.passphraseHint')} {...choice.field} confirm />
      {state.error ? <p className="field-error" role="alert">{state.error}</p> : null}
      {state.message ? <p role="status">{state.message}</p> : null}
      <button type="submit" className="button button--primary" disabled={state.busy || !choice.acceptable}>
        {state.busy ? t('export.busy') : t('export.submit')}
      </button>
    </form>
  );
}

function RestoreInPlace({ databaseName }: { databaseName: string }) {
  return <RestoreBackupForm restore={(file, passphrase) => replaceDatabaseWithFile(databaseName, file, { passphrase })} />;
}

/** "Look without changing": the app itself, on the database opened read-only; here only if that fails. */
function OpenReadOnly({ databaseName, onOpened }: { databaseName: string; onOpened: (relais: Relais) => void }) {
  const { t } = useTranslation(['recovery', 'readOnly']);
  const [failed, setFailed] = useState<'no' | 'unreadable' | 'held'>('no');
  useEffect(() => {
    let live = true;
    void openReadOnly(databaseName).then((opening) => {
      if (!live) {
        if (opening.opened) closeReadOnly(opening.relais); // StrictMode's first run, or the panel closed
        return;
      }
      if (opening.opened) onOpened(opening.relais);
      else setFailed(opening.detail === 'timeout' ? 'held' : 'unreadable');
    });
    return () => { live = false; };
  }, [databaseName, onOpened]);
  if (failed === 'held') return <p className="field-error recovery-panel" role="alert">{t('readOnly:held')}</p>;
  if (failed === 'unreadable') return <p className="field-error recovery-panel" role="alert">{t('readOnly.unreadable')}</p>;
  return <p className="recovery-panel" role="status">{t('readOnly.reading')}</p>;
}
