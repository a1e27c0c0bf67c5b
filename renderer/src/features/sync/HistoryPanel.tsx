/** Bundles imported here (file, source, time, counts) and the bundles known to be missing per device. */
import { useTranslation } from 'react-i18next';
import { missingBundles, recentImports } from '../../db/sync';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useRead } from '../../ui/useRead';

/** The history shows the latest imports. */
const HISTORY_LENGTH = 50;

export function HistoryPanel() {
  const { t } = useTranslation('sync');
  const imports = useRead(recentImports, HISTORY_LENGTH) ?? [];
  const gaps = useRead(missingBundles) ?? [];
  const day = (iso: string | null) => (iso ? formatDate(iso.slice(0, 10), 'long') : t('history.start'));
  return (
    <section className="card sync-panel" aria-labelledby="sync-history">
      <h2 id="sync-history">{t('history.title')}</h2>
      {gaps.flatMap((source) => source.gaps.map((gap) => (
        <p key={`${source.deviceId}-${gap.from}`} className="notice" role="status">
          {t('history.gap', { name: source.name, after: day(gap.after), before: day(gap.before) })}
        </p>
      )))}
      {imports.length === 0 ? <p className="row-meta">{t('history.none')}</p> : (
        <div className="sync-table-wrap">
          <table className="sync-table">
            <thead>
              <tr>
                <th scope="col">{t('history.file')}</th>
                <th scope="col">{t('history.source')}</th>
                <th scope="col">{t('history.when')}</th>
                <th scope="col">{t('history.counts')}</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((row) => (
                <tr key={row.bundleId}>
                  <td>{row.fileName}</td>
                  <td>{t('preview.source', { name: row.sourceName, structure: row.sourceStructure })}</td>
                  <td>{formatDateTime(row.importedAt)}</td>
                  <td>{t('history.summary', { new: row.counts.new, updated: row.counts.updated, conflicting: row.counts.conflicting })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
