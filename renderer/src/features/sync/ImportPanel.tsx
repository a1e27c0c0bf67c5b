/**
 * Import: open one or several bundle files (button or drag and drop onto the window) → each is opened
 * off the main thread, and may be cancelled while it opens → preview (who sent it, signature, what
 * would change) → Import or Cancel. Nothing is written before "Import", and then all or nothing.
 * This laptop's keys are asked for only when a bundle is encrypted to its card.
 */
import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { importBundle, isOpeningCancelled, openBundleOffThread, previewImport, type ImportPlan, type ImportReport } from '../../db/sync';
import { bundleProtection, type OpenedBundle, type OpenSecrets } from '../../domain/sync/bundle';
import { bundleErrorCode } from '../../domain/sync/errors';
import { platform, type OpenedFile } from '../../platform';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useDeviceKeys } from '../keys';
import { describeSyncError } from './errors';
import { useBundleDropTarget } from './bundleDrop';

type Step =
  | { step: 'opening'; cancel: () => void }
  | { step: 'cancelled' }
  | { step: 'passphrase'; wrong: boolean }
  | { step: 'refused'; message: string }
  | { step: 'preview'; opened: OpenedBundle; plan: ImportPlan }
  | { step: 'importing'; plan: ImportPlan; done: number; total: number }
  | { step: 'imported'; plan: ImportPlan; report: ImportReport };

interface Item {
  key: number;
  file: OpenedFile;
  state: Step;
}

let nextKey = 1;

export function ImportPanel() {
  const { t } = useTranslation('sync');
  const [items, setItems] = useState<Item[]>([]);
  const [dragging, setDragging] = useState(false);

  const update = useCallback((key: number, state: Step) => {
    setItems((list) => list.map((item) => (item.key === key ? { ...item, state } : item)));
  }, []);

  const { requireKeys } = useDeviceKeys();
  const requireKeysRef = useRef(requireKeys);
  requireKeysRef.current = requireKeys;

  const open = useCallback(async (key: number, file: OpenedFile, passphrase?: string) => {
    const stop = new AbortController();
    update(key, { step: 'opening', cancel: () => stop.abort() });
    try {
      const secrets: OpenSecrets = { passphrase };
      // Only a bundle encrypted to this laptop's card needs its keys (the passphrase may be asked).
      if (bundleProtection(file.bytes) === 'recipient') secrets.identity = (await requireKeysRef.current()).ageIdentity;
      if (stop.signal.aborted) throw stop.signal.reason;
      const opened = await openBundleOffThread(file.bytes, secrets, { signal: stop.signal });
      const plan = await previewImport(getRelais().db, opened);
      if (!stop.signal.aborted) update(key, { step: 'preview', opened, plan });
    } catch (error) {
      const code = bundleErrorCode(error);
      if (stop.signal.aborted || isOpeningCancelled(error)) update(key, { step: 'cancelled' });
      else if (code === 'needsPassphrase' || code === 'wrongPassphrase') update(key, { step: 'passphrase', wrong: code === 'wrongPassphrase' });
      else update(key, { step: 'refused', message: describeSyncError(t, error) });
    }
  }, [t, update]);

  const add = useCallback((files: OpenedFile[]) => {
    const added = files.map((file) => ({ key: nextKey++, file, state: { step: 'opening', cancel: () => undefined } as Step }));
    setItems((list) => [...added, ...list]);
    for (const item of added) void open(item.key, item.file);
  }, [open]);

  /** A refusal before any file was read (too many, too large, a dialog that failed): shown as an item. */
  const refused = useCallback((error: unknown) => {
    const key = nextKey++;
    setItems((list) => [{ key, file: { name: '', bytes: new Uint8Array() }, state: { step: 'refused', message: describeSyncError(t, error) } }, ...list]);
  }, [t]);

  const choose = async () => {
    try {
      add(await platform.openFiles({ kind: 'bundle', multiple: true }));
    } catch (error) {
      refused(error);
    }
  };

  useBundleDropTarget(add, setDragging, refused);

  const runImport = async (item: Item, opened: OpenedBundle, plan: ImportPlan) => {
    update(item.key, { step: 'importing', plan, done: 0, total: opened.entries.length });
    try {
      const report = await importBundle(getRelais().db, opened, {
        fileName: item.file.name,
        onProgress: (done, total) => update(item.key, { step: 'importing', plan, done, total }),
      });
      update(item.key, { step: 'imported', plan, report });
    } catch (error) {
      update(item.key, { step: 'refused', message: describeSyncError(t, error) });
    }
  };

  const remove = (key: number) => setItems((list) => list.filter((i) => i.key !== key));

  return (
    <section className={`card sync-panel sync-import${dragging ? ' sync-import--dragging' : ''}`} aria-labelledby="sync-import">
      <h2 id="sync-import">{t('import.title')}</h2>
      <p>{t('import.intro')}</p>
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={choose}>{t('import.choose')}</button>
      </div>
      <p className="row-meta" aria-live="polite">{dragging ? t('import.dropNow') : t('import.dropHint')}</p>
      {items.map((item) => (
        <ImportItem key={item.key} item={item} onPassphrase={(p) => open(item.key, item.file, p)}
          onImport={(opened, plan) => runImport(item, opened, plan)} onClose={() => remove(item.key)} />
      ))}
    </section>
  );
}

interface ItemProps {
  item: Item;
  onPassphrase: (passphrase: string) => void;
  onImport: (opened: OpenedBundle, plan: ImportPlan) => void;
  onClose: () => void;
}

function ImportItem({ item, onPassphrase, onImport, onClose }: ItemProps) {
  const { t } = useTranslation('sync');
  const { state } = item;
  const titleId = useId();
  return (
    <article className="sync-item" aria-labelledby={titleId}>
      <h3 id={titleId} className="sync-item-title">{item.file.name || t('import.unnamed')}</h3>
      {state.step === 'opening' ? (
        <div className="sync-opening">
          <p role="status">{t('import.opening')}</p>
          <button type="button" className="button button--small" onClick={state.cancel}>{t('import.cancelOpening')}</button>
        </div>
      ) : null}
      {state.step === 'cancelled' ? (
        <div>
          <p role="status">{t('import.cancelled')}</p>
          <button type="button" className="button button--small" onClick={onClose}>{t('import.dismiss')}</button>
        </div>
      ) : null}
      {state.step === 'passphrase' ? <PassphraseForm wrong={state.wrong} onSubmit={onPassphrase} onCancel={onClose} /> : null}
      {state.step === 'refused' ? (
        <>
          <p className="field-error" role="alert">{state.message}</p>
          <button type="button" className="button button--small" onClick={onClose}>{t('import.dismiss')}</button>
        </>
      ) : null}
      {state.step === 'preview' ? <Preview plan={state.plan} onImport={() => onImport(state.opened, state.plan)} onCancel={onClose} /> : null}
      {state.step === 'importing' ? (
        <div role="status">
          <p>{t('import.importing')}</p>
          <progress max={Math.max(state.total, 1)} value={state.done} aria-label={t('import.progress')} />
        </div>
      ) : null}
      {state.step === 'imported' ? (
        <div role="status">
          <p className="sync-ok">
            {state.report.alreadyImported ? t('import.already') : t('import.done', { counts: countsText(t, state.report.counts) })}
          </p>
          <button type="button" className="button button--small" onClick={onClose}>{t('import.dismiss')}</button>
        </div>
      ) : null}
    </article>
  );
}

function countsText(t: (key: string, options?: Record<string, unknown>) => string, counts: ImportPlan['counts']): string {
  return (['new', 'updated', 'unchanged', 'conflicting', 'deleted'] as const)
    .map((k) => t(`counts.${k}`, { count: counts[k], formatted: formatNumber(counts[k]) }))
    .join(', ');
}

function Preview({ plan, onImport, onCancel }: { plan: ImportPlan; onImport: () => void; onCancel: () => void }) {
  const { t } = useTranslation('sync');
  const { manifest } = plan;
  if (plan.alreadyImported) {
    return (
      <div>
        <p className="notice" role="status">{t('import.alreadyImported', { date: formatDateTime(plan.alreadyImported.importedAt) })}</p>
        <button type="button" className="button button--small" onClick={onCancel}>{t('import.dismiss')}</button>
      </div>
    );
  }
  return (
    <div className="sync-preview">
      <dl className="sync-facts">
        <dt>{t('preview.from')}</dt>
        <dd>{t('preview.source', { name: manifest.source.name, structure: manifest.source.structure })}</dd>
        <dt>{t('preview.created')}</dt>
        <dd>{formatDateTime(manifest.createdAt)}</dd>
        <dt>{t('preview.kind')}</dt>
        <dd>{t(`preview.kinds.${manifest.kind}`)}</dd>
        <dt>{t('preview.signature')}</dt>
        <dd className={plan.signature === 'keyChanged' ? 'field-error' : ''}>
          {t(`preview.signatures.${plan.signature}`, { name: plan.knownAs ?? manifest.source.name })}
        </dd>
      </dl>
      <ul className="sync-counts" aria-label={t('preview.countsLabel')}>
        {(['new', 'updated', 'unchanged', 'conflicting', 'deleted'] as const).map((k) => (
          <li key={k}><span className="stat">{formatNumber(plan.counts[k])}</span> <span>{t(`preview.counts.${k}`, { count: plan.counts[k] })}</span></li>
        ))}
      </ul>
      {plan.quarantined > 0 ? <p className="notice">{t('preview.quarantined', { count: plan.quarantined })}</p> : null}
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={onImport}>{t('preview.import')}</button>
        <button type="button" className="button" onClick={onCancel}>{t('preview.cancel')}</button>
      </div>
    </div>
  );
}

function PassphraseForm({ wrong, onSubmit, onCancel }: { wrong: boolean; onSubmit: (p: string) => void; onCancel: () => void }) {
  const { t } = useTranslation('sync');
  const [value, setValue] = useState('');
  const id = useId();
  return (
    <form className="sync-passphrase" onSubmit={(e) => { e.preventDefault(); if (value) onSubmit(value); }}>
      <div className="field">
        <label htmlFor={id}>{t('import.passphrase')}</label>
        <input id={id} type="password" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
        {wrong ? <p className="field-error" role="alert">{t('errors.wrongPassphrase')}</p> : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary">{t('import.unlock')}</button>
        <button type="button" className="button" onClick={onCancel}>{t('preview.cancel')}</button>
      </div>
    </form>
  );
}
