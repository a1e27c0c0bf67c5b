/**
 * The activity list above the in-memory ceiling (`listLimit.ts`): the rows read so far, a status line
 * saying what was read (the total from the dashboard's rows, or how far a filter's scan went) and one
 * button that reads the next step, appended below: "show the next 200", or "continue the search" when
 * a filter is scanned. The button stays in place (and keeps the keyboard focus) while its step reads.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, Stored } from '../../domain/records';
import { formatDate, formatNumber } from '../../i18n/format';
import { EmptyState } from '../../ui/Page';
import { VirtualList } from '../../ui/VirtualList';
import { hasFilters, type ActivityFilters } from './filter';
import { PAGE_SIZE, type PagedList } from './usePagedActivities';

export const ROW_HEIGHT = 68;
/** One function for the page's life: the virtual list recomputes its row positions when it changes. */
export const activityKey = (a: Stored<Activity>) => a.id;

/** Filters no index answers: the paged list scans for them (the period and the author are index ranges). */
export function scansFor(f: ActivityFilters): boolean {
  return Boolean(f.type || f.thematique || f.villageId || f.structure || f.search.trim());
}

interface Props {
  list: PagedList;
  /** Live activities, from the dashboard's rows. */
  total: number;
  filters: ActivityFilters;
  label: string;
  focus: { focusKey: string | undefined; onFocused: (found: boolean) => void };
  renderRow: (a: Stored<Activity>) => ReactNode;
}

function useStatusLine(list: PagedList, total: number, filters: ActivityFilters): string {
  const { t } = useTranslation('activities');
  const shown = list.items.length;
  const n = (value: number) => formatNumber(value);
  if (list.status === 'failed') return t('list.pagedFailed');
  if (list.status === 'reading' && shown === 0) return t('list.searching');
  if (!hasFilters(filters)) return t('list.pagedCount', { count: total, formatted: n(total), shown: n(shown) });
  if (!scansFor(filters)) {
    return list.status === 'done' ? t('list.count', { count: shown, formatted: n(shown) }) : t('list.pagedShown', { count: shown, formatted: n(shown) });
  }
  if (list.status === 'done') return t('list.scanDone', { count: shown, formatted: n(shown), looked: n(list.looked) });
  return t('list.scanStatus', { count: shown, formatted: n(shown), looked: n(list.looked), date: list.reachedDate ? formatDate(list.reachedDate) : '' });
}

export function PagedResults({ list, total, filters, label, focus, renderRow }: Props) {
  const { t } = useTranslation('activities');
  const status = useStatusLine(list, total, filters);
  const reading = list.status === 'reading';
  const canGoOn = list.status === 'more' || list.status === 'budget' || list.status === 'failed' || (reading && list.items.length > 0);
  // The button sits above the rows, beside the status line: below them, the keyboard would reach it
  // only after every row read so far (the virtual list draws each row as the focus walks down).
  return (
    <div className="activity-results" aria-busy={reading}>
      <div className="paged-bar">
        <p className="list-count" role="status">{status}</p>
        {canGoOn ? (
          // Not disabled while reading: a disabled button would drop the keyboard focus.
          <button type="button" className="button button--small" aria-busy={reading} onClick={list.next}>
            {scansFor(filters) ? t('list.continueSearch') : t('list.showNext', { count: PAGE_SIZE, formatted: formatNumber(PAGE_SIZE) })}
          </button>
        ) : null}
      </div>
      {list.items.length === 0 && list.status === 'done' ? (
        <EmptyState>{hasFilters(filters) ? t('common:list.noMatch') : t('list.empty')}</EmptyState>
      ) : list.items.length === 0 ? null : (
        <VirtualList items={list.items} rowHeight={ROW_HEIGHT} label={label} getKey={activityKey} focusKey={focus.focusKey} onFocused={focus.onFocused} renderRow={renderRow} />
      )}
    </div>
  );
}
