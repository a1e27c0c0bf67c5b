/**
 * Home-screen card: "12 changes made here not exported since 3 March" (only this laptop's own work:
 * records received are counted apart, as what the next export relays), with a reminder after N days.
 */
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../i18n/format';
import { useUnexportedChanges } from './useUnexportedChanges';

export function UnexportedChangesCard() {
  const { t } = useTranslation('sync');
  const waiting = useUnexportedChanges();
  if (!waiting) return null;
  const since = waiting.since ? formatDate(waiting.since.slice(0, 10), 'long') : '';
  return (
    <section className={`card sync-waiting${waiting.overdue ? ' sync-waiting--overdue' : ''}`} aria-labelledby="sync-waiting-title">
      <h2 id="sync-waiting-title">{t('waiting.title')}</h2>
      {/* "Everything was exported" is only true once something was: a fresh install has nothing to send yet. */}
      <p>{waiting.count > 0 ? t('waiting.count', { count: waiting.count, since }) : waiting.lastExport ? t('waiting.none') : t('waiting.nothingYet')}</p>
      {waiting.relayedMore
        ? <p className="row-meta">{t('waiting.relayedMore', { number: formatNumber(waiting.relayed) })}</p>
        : waiting.relayed > 0 ? <p className="row-meta">{t('waiting.relayed', { count: waiting.relayed })}</p> : null}
      {waiting.overdue ? <p className="notice">{t('waiting.reminder', { count: waiting.reminderDays })}</p> : null}
      {waiting.count > 0 ? <Link className="button button--primary" to="/sync">{t('waiting.action')}</Link> : null}
    </section>
  );
}
