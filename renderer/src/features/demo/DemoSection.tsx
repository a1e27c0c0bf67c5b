/** The demo data switch in Settings: load the example villages, or remove every demo record at once. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getRelais } from '../../db';
import { countDemoRecords, removeDemoData } from '../../db/demo';
import { formatNumber } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useToast } from '../../ui/toast';
import { useRead } from '../../ui/useRead';
import { loadDemoData } from './demoData';

export function DemoSection({ author }: { author: string }) {
  const { t } = useTranslation('demo');
  const { notify } = useToast();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const count = useRead(countDemoRecords);

  async function run(action: () => Promise<string>) {
    setBusy(true);
    try {
      notify(await action(), 'success');
    } catch (error) {
      notify(t('failed', { message: error instanceof Error ? error.message : String(error) }), 'error');
    } finally {
      setBusy(false);
    }
  }

  const load = () => run(async () => {
    await loadDemoData(getRelais(), author || t('defaultAuthor'));
    return t('loaded');
  });
  const remove = () => run(async () => {
    setConfirming(false);
    const removed = await removeDemoData(getRelais().db);
    return t('removed', { count: removed, formatted: formatNumber(removed) });
  });

  const loaded = (count ?? 0) > 0;
  return (
    <section className="form-section" aria-labelledby="settings-demo">
      <h2 id="settings-demo">{t('title')}</h2>
      <p>{t('intro')}</p>
      {loaded ? <p className="notice" role="status">{t('present', { count: count ?? 0, formatted: formatNumber(count ?? 0) })}</p> : null}
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={busy || loaded || count === undefined} onClick={() => void load()}>{t('load')}</button>
        <button type="button" className="button button--danger" disabled={busy || !loaded} onClick={() => setConfirming(true)}>{t('remove')}</button>
      </div>
      <ConfirmDialog open={confirming} danger title={t('confirmTitle')} message={t('confirmMessage')} confirmLabel={t('remove')}
        onConfirm={() => void remove()} onCancel={() => setConfirming(false)} />
    </section>
  );
}
