/**
 * Import: open one or several bundle files (button or drag and drop onto the window) → each is opened
 * off the main thread, and may be cancelled while it opens → preview (who sent it and whether that key
 * is enrolled here, whom it was made for, what would change, what the write rules refuse, which
 * erasures and deletions of others' records need a decision) → Import or Cancel. A bundle from a key not
 * enrolled is held: enrolling it is a separate step, by fingerprint. Nothing is written before "Import",
 * and then all or nothing. This laptop's keys are asked for only when a bundle is encrypted to its card.
 */
import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import {
  enrolCard, importBundle, isOpeningCancelled, openBundleOffThread, previewImport, type ImportPlan, type ImportReport, type ReviewGroup,
} from '../../db/sync';
import { bundleProtection, type OpenSecrets } from '../../domain/sync/bundle';
import { bundleErrorCode } from '../../domain/sync/errors';
import { entryCount, type ReceivedBundle } from '../../domain/sync/packed';
import { platform, type OpenedFile } from '../../platform';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { deviceTag } from '../../db/authors';
import { useDeviceKeys } from '../keys';
import { describeSyncError } from './errors';
import { useBundleDropTarget } from './bundleDrop';
import { EnrolDialog } from './EnrolDialog';
import { Fingerprint } from './Fingerprint';

type Step =
  | { step: 'opening'; cancel: () => void }
  | { step: 'cancelled' }
  | { step: 'passphrase'; wrong: boolean }
  | { step: 'refused'; message: string }
  | { step: 'preview'; opened: ReceivedBundle; plan: ImportPlan }
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

  const runImport = async (item: Item, opened: ReceivedBundle, plan: ImportPlan, apply: ReadonlySet<string>) => {
    update(item.key, { step: 'importing', plan, done: 0, total: entryCount(opened.entries) });
    try {
      const report = await importBundle(getRelais().db, opened, {
        fileName: item.file.name, review: apply,
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
          onImport={(opened, plan, apply) => runImport(item, opened, plan, apply)}
          onEnrolled={(opened) => void previewImport(getRelais().db, opened).then((plan) => update(item.key, { step: 'preview', opened, plan }))}
          onClose={() => remove(item.key)} />
      ))}
    </section>
  );
}

interface ItemProps {
  item: Item;
  onPassphrase: (passphrase: string) => void;
  onImport: (opened: ReceivedBundle, plan: ImportPlan, apply: ReadonlySet<string>) => void;
  /** The sender's key was just enrolled: preview again (the bundle is no longer held). */
  onEnrolled: (opened: ReceivedBundle) => void;
  onClose: () => void;
}

function ImportItem({ item, onPassphrase, onImport, onEnrolled, onClose }: ItemProps) {
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
      {state.step === 'preview' ? (
        <Preview plan={state.plan} onImport={(apply) => onImport(state.opened, state.plan, apply)} onCancel={onClose}
          onEnrolled={() => onEnrolled(state.opened)} />
      ) : null}
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
          {state.report.refused > 0 ? <p className="row-meta">{t('import.refused', { count: state.report.refused, formatted: formatNumber(state.report.refused) })}</p> : null}
          {state.report.heldForReview > 0 ? <p className="row-meta">{t('import.heldForReview', { count: state.report.heldForReview, formatted: formatNumber(state.report.heldForReview) })}</p> : null}
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

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "2 followed people", in the user's language. */
function kindCount(t: Translate, kind: string, count: number): string {
  return t(`kindCount.${kind}`, { count, formatted: formatNumber(count) });
}

function groupKey(group: ReviewGroup): string {
  return `${group.action}/${group.kind}/${group.authorDevice}`;
}

/** Who signed the bundle, whether this device trusts that key, and the way to enrol it (a separate step). */
function SenderTrustFacts({ plan, onEnrol }: { plan: ImportPlan; onEnrol: () => void }) {
  const { t } = useTranslation('sync');
  const { sender } = plan;
  return (
    <>
      <dt>{t('preview.signer')}</dt>
      <dd><Fingerprint print={sender.print} /></dd>
      <dt>{t('preview.trust')}</dt>
      <dd>
        <span className={sender.held ? 'field-error' : 'sync-ok'}>{t(`preview.trusts.${sender.status}`)}</span>
        {sender.lookalikes.map((other) => (
          <p key={other.deviceId} className="notice notice--warning">{t('preview.lookalike', { name: other.name, print: other.print })}</p>
        ))}
        {sender.claimedElsewhere.map(({ legacyId, holder }) => (
          <p key={legacyId} className="notice notice--warning">
            {holder ? t('preview.claimedElsewhere', { holder: holder.name, print: holder.print }) : t('preview.claimedUnknown')}
          </p>
        ))}
        {sender.held && sender.claimedElsewhere.length === 0 ? (
          <div className="form-actions">
            <button type="button" className="button" onClick={onEnrol}>{t('preview.enrolAction')}</button>
          </div>
        ) : null}
        {plan.madeForSomeoneElse ? <p className="notice notice--warning">{t('preview.madeFor', { name: plan.madeForSomeoneElse.name })}</p> : null}
      </dd>
    </>
  );
}

/** Records the write rules refuse: counted apart, with why. */
function RefusedList({ plan }: { plan: ImportPlan }) {
  const { t } = useTranslation('sync');
  if (plan.refused.length === 0) return null;
  return (
    <div className="sync-refused">
      <h4>{t('preview.refusedTitle')}</h4>
      <ul>
        {plan.refused.map((group) => (
          <li key={`${group.reason}/${group.kind}`}>
            {t('preview.refusedLine', { what: kindCount(t, group.kind, group.count), reason: t(`preview.refused.${group.reason}`) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Erasures and deletions of others' records: one explicit choice per group, before anything imports. */
function ReviewChoices({ groups, choices, onChoose }: {
  groups: readonly ReviewGroup[]; choices: Record<string, boolean>; onChoose: (key: string, apply: boolean) => void;
}) {
  const { t } = useTranslation('sync');
  const name = useId();
  if (groups.length === 0) return null;
  return (
    <div className="sync-review" role="group" aria-labelledby={`${name}-title`}>
      <h4 id={`${name}-title`}>{t('preview.reviewTitle')}</h4>
      <p className="notice notice--warning">{t('preview.reviewIntro')}</p>
      {groups.map((group, i) => {
        const key = groupKey(group);
        const legend = t(`preview.review.${group.action}`, {
          what: kindCount(t, group.kind, group.ids.length),
          author: group.mine ? t('preview.thisComputer') : group.authorName ?? t('preview.unknownAuthor'),
        });
        return (
          <fieldset key={key} className="sync-review-group">
            <legend>{legend}</legend>
            {([true, false] as const).map((apply) => (
              <label key={String(apply)} className="choice">
                <input type="radio" name={`${name}-${i}`} checked={choices[key] === apply} onChange={() => onChoose(key, apply)} />
                <span>{apply ? t('preview.apply') : t('preview.skip')}</span>
              </label>
            ))}
          </fieldset>
        );
      })}
    </div>
  );
}

function Preview({ plan, onImport, onCancel, onEnrolled }: {
  plan: ImportPlan; onImport: (apply: ReadonlySet<string>) => void; onCancel: () => void; onEnrolled: () => void;
}) {
  const { t } = useTranslation('sync');
  const { manifest } = plan;
  const [enrolling, setEnrolling] = useState(false);
  const [choices, setChoices] = useState<Record<string, boolean>>({});
  if (plan.alreadyImported) {
    return (
      <div>
        <p className="notice" role="status">{t('import.alreadyImported', { date: formatDateTime(plan.alreadyImported.importedAt) })}</p>
        <button type="button" className="button button--small" onClick={onCancel}>{t('import.dismiss')}</button>
      </div>
    );
  }
  const undecided = plan.review.some((group) => choices[groupKey(group)] === undefined);
  const apply = new Set(plan.review.filter((group) => choices[groupKey(group)]).flatMap((group) => group.ids));
  const enrol = async () => {
    setEnrolling(false);
    await enrolCard(getRelais().db, manifest.source);
    onEnrolled();
  };
  return (
    <div className="sync-preview">
      <dl className="sync-facts">
        <dt>{t('preview.from')}</dt>
        <dd>{t('preview.source', { name: manifest.source.name, structure: manifest.source.structure })} · {t('common:author.device', { tag: deviceTag(manifest.source.deviceId) })}</dd>
        {manifest.authors.length > 0 ? (
          <>
            <dt>{t('preview.relayedAuthors')}</dt>
            <dd>{manifest.authors.map((card) => `${t('preview.source', { name: card.name, structure: card.structure })} · ${t('common:author.device', { tag: deviceTag(card.deviceId) })}`).join(' ; ')}</dd>
          </>
        ) : null}
        <dt>{t('preview.created')}</dt>
        <dd>{formatDateTime(manifest.createdAt)}</dd>
        <dt>{t('preview.kind')}</dt>
        <dd>{t(`preview.kinds.${manifest.kind}`)}</dd>
        <dt>{t('preview.byKind')}</dt>
        <dd>{Object.entries(manifest.counts).map(([kind, n]) => kindCount(t, kind, n ?? 0)).join(' · ')}</dd>
        <SenderTrustFacts plan={plan} onEnrol={() => setEnrolling(true)} />
      </dl>
      <ul className="sync-counts" aria-label={t('preview.countsLabel')}>
        {(['new', 'updated', 'unchanged', 'conflicting', 'deleted'] as const).map((k) => (
          <li key={k}><span className="stat">{formatNumber(plan.counts[k])}</span> <span>{t(`preview.counts.${k}`, { count: plan.counts[k] })}</span></li>
        ))}
      </ul>
      {plan.quarantined > 0 ? <p className="notice">{t('preview.quarantined', { count: plan.quarantined })}</p> : null}
      <RefusedList plan={plan} />
      {plan.sender.held ? <p className="field-error" role="status">{t('preview.held')}</p> : (
        <ReviewChoices groups={plan.review} choices={choices} onChoose={(key, value) => setChoices((c) => ({ ...c, [key]: value }))} />
      )}
      {!plan.sender.held && undecided ? <p className="field-hint">{t('preview.chooseFirst')}</p> : null}
      <div className="form-actions">
        {plan.sender.held ? null : (
          <button type="button" className="button button--primary" disabled={undecided} onClick={() => onImport(apply)}>{t('preview.import')}</button>
        )}
        <button type="button" className="button" onClick={onCancel}>{t('preview.cancel')}</button>
      </div>
      <EnrolDialog card={enrolling ? manifest.source : null} lookalikes={plan.sender.lookalikes}
        onEnrol={() => void enrol()} onCancel={() => setEnrolling(false)} />
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
