/**
 * The numbers of one chart as a table (what a screen reader reads, what a printed report shows), each
 * row a way into the records behind it when the figure counts activities.
 *
 * A long table (a region's hundreds of communes or mediators) shows its first `limit` rows on screen and
 * a button for the rest; a printed report always has every row (`AllRowsContext`, set while printing).
 */
import { createContext, useContext, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DrillDown } from '../../domain/stats/filters';
import { formatNumber } from '../../i18n/format';
import { paramsFromDrill } from './params';

export interface FigureRow {
  key: string;
  label: string;
  value: number;
  /** The activities behind this row; none for counts of people (anonymous people have no record). */
  drill?: DrillDown;
}

/** Every row of every table, whatever its limit: true while the page is printed. */
export const AllRowsContext = createContext(false);

export function FigureTable({ caption, valueHeader, rows, limit }: { caption: string; valueHeader: string; rows: FigureRow[]; limit?: number }) {
  const { t } = useTranslation('dashboard');
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  const printing = useContext(AllRowsContext);
  const cut = limit !== undefined && rows.length > limit;
  const shown = cut && !expanded && !printing ? rows.slice(0, limit) : rows;
  const drills = rows.some((row) => row.drill);
  return (
    <>
      <table className="figure-table" id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.what')}</th>
            <th scope="col" className="number">{valueHeader}</th>
            {drills ? <th scope="col" className="no-print">{t('table.records')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td className="number">{formatNumber(row.value)}</td>
              {drills ? (
                <td className="no-print">
                  {row.drill ? (
                    <Link to={`/dashboard/activities?${paramsFromDrill(row.drill)}`} aria-label={t('table.seeFor', { what: row.label })}>{t('table.see')}</Link>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {cut ? (
        <button type="button" className="button table-more no-print" aria-controls={id} aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('table.showFewer', { limit: formatNumber(limit) }) : t('table.showAll', { total: formatNumber(rows.length) })}
        </button>
      ) : null}
    </>
  );
}
