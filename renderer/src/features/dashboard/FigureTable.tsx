/**
 * The numbers of one chart as a table (what a screen reader reads, what a printed report shows), each
 * row a way into the records behind it when the figure counts activities.
 */
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

export function FigureTable({ caption, valueHeader, rows }: { caption: string; valueHeader: string; rows: FigureRow[] }) {
  const { t } = useTranslation('dashboard');
  const drills = rows.some((row) => row.drill);
  return (
    <table className="figure-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('table.what')}</th>
          <th scope="col" className="number">{valueHeader}</th>
          {drills ? <th scope="col" className="no-print">{t('table.records')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
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
  );
}
