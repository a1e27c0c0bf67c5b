/**
 * The trainer's calendar: every session of every series, by month or by week (the choice is kept on
 * this device), Monday first. A planned session opens its session screen; a held or cancelled one its
 * series. Weekday and month names come from Intl, in the user's language.
 */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Stored } from '../../domain/records';
import { addDays, addMonths, monthGrid, sessionsByDay, weekOf } from '../../domain/workshops/calendar';
import type { WorkshopSeries, WorkshopSession } from '../../domain/workshops/types';
import { formatDate, formatMonth, todayIso } from '../../i18n/format';
import { intlLocale } from '../../i18n/languages';
import { usePreference } from '../../ui/usePreference';

type View = 'month' | 'week';
const isView = (value: unknown): value is View => value === 'month' || value === 'week';

function useWeekdayNames(): string[] {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(intlLocale(i18n.language), { weekday: 'short', timeZone: 'UTC' });
  // 5 January 2026 is a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(Date.UTC(2026, 0, 5 + i)));
}

interface CalendarProps {
  sessions: Stored<WorkshopSession>[];
  seriesById: Map<string, Stored<WorkshopSeries>>;
}

export function SessionsCalendar({ sessions, seriesById }: CalendarProps) {
  const { t } = useTranslation('workshops');
  const [view, setView] = usePreference<View>('workshops.calendarView', 'month', isView);
  const today = todayIso();
  const [anchor, setAnchor] = useState(today);
  const byDay = sessionsByDay(sessions.filter((s) => seriesById.has(s.seriesId)));
  const week = weekOf(anchor);
  const caption = view === 'month'
    ? formatMonth(anchor)
    : t('calendar.weekOf', { from: formatDate(week[0], 'long'), to: formatDate(week[6], 'long') });
  const move = (step: number) => setAnchor(view === 'month' ? addMonths(anchor, step) : addDays(anchor, 7 * step));

  return (
    <section className="ws-section ws-calendar" aria-labelledby="ws-calendar">
      <div className="ws-calendar-head">
        <h2 id="ws-calendar">{t('calendar.title')}</h2>
        <div className="ws-calendar-views" role="group" aria-label={t('calendar.view')}>
          {(['month', 'week'] as const).map((v) => (
            <button key={v} type="button" className={`button button--small${view === v ? ' is-active' : ''}`} aria-pressed={view === v}
              onClick={() => setView(v)}>{t(`calendar.${v}`)}</button>
          ))}
        </div>
        <div className="ws-calendar-nav">
          <button type="button" className="button button--small" onClick={() => move(-1)}>{t(`calendar.previous_${view}`)}</button>
          <button type="button" className="button button--small" onClick={() => setAnchor(today)}>{t('calendar.today')}</button>
          <button type="button" className="button button--small" onClick={() => move(1)}>{t(`calendar.next_${view}`)}</button>
        </div>
      </div>
      <p className="ws-calendar-caption" aria-live="polite">{caption}</p>
      {view === 'month'
        ? <MonthGrid anchor={anchor} today={today} byDay={byDay} seriesById={seriesById} caption={caption} />
        : <WeekList days={week} today={today} byDay={byDay} seriesById={seriesById} caption={caption} />}
    </section>
  );
}

interface GridProps {
  today: string;
  byDay: Map<string, Stored<WorkshopSession>[]>;
  seriesById: Map<string, Stored<WorkshopSeries>>;
  caption: string;
}

function MonthGrid({ anchor, today, byDay, seriesById, caption }: GridProps & { anchor: string }) {
  const weekdays = useWeekdayNames();
  const month = anchor.slice(0, 7);
  return (
    <table className="ws-month">
      <caption className="visually-hidden">{caption}</caption>
      <thead><tr>{weekdays.map((day) => <th key={day} scope="col">{day}</th>)}</tr></thead>
      <tbody>
        {monthGrid(anchor).map((days) => (
          <tr key={days[0]}>
            {days.map((day) => (
              <td key={day} className={`${day.slice(0, 7) === month ? '' : 'is-other-month'}${day === today ? ' is-today' : ''}`}
                aria-current={day === today ? 'date' : undefined}>
                <span className="ws-day-number">{Number(day.slice(8))}</span>
                <DaySessions sessions={byDay.get(day) ?? []} seriesById={seriesById} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WeekList({ days, today, byDay, seriesById, caption }: GridProps & { days: string[] }) {
  const { t } = useTranslation('workshops');
  return (
    <ol className="ws-week" aria-label={caption}>
      {days.map((day) => (
        <li key={day} className={day === today ? 'is-today' : undefined} aria-current={day === today ? 'date' : undefined}>
          <h3>{formatDate(day, 'full')}</h3>
          {(byDay.get(day) ?? []).length === 0
            ? <p className="row-meta">{t('calendar.noSession')}</p>
            : <DaySessions sessions={byDay.get(day) ?? []} seriesById={seriesById} detailed />}
        </li>
      ))}
    </ol>
  );
}

function DaySessions({ sessions, seriesById, detailed }: { sessions: Stored<WorkshopSession>[]; seriesById: Map<string, Stored<WorkshopSeries>>; detailed?: boolean }) {
  const { t } = useTranslation('workshops');
  if (sessions.length === 0) return null;
  return (
    <ul className="ws-day-sessions">
      {sessions.map((session) => {
        const series = seriesById.get(session.seriesId);
        if (!series) return null;
        const to = session.statut === 'prevue' ? `/workshops/sessions/${session.id}` : `/workshops/series/${series.id}`;
        return (
          <li key={session.id} className={`ws-status--${session.statut}`}>
            <Link to={to}>
              {session.heure ? <span className="ws-time">{session.heure}</span> : null} {series.titre}
            </Link>
            {detailed || session.statut !== 'prevue' ? <span className="row-meta"> · {t(`session.status.${session.statut}`)}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
