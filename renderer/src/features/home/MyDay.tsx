/** A mediator's day: what she logged today on this laptop, each a click from its record. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ownActivitiesOn } from '../../db/home';
import { formatNumber } from '../../i18n/format';
import { useRead } from '../../ui/useRead';

export function MyDay({ today }: { today: string }) {
  const { t } = useTranslation(['home', 'codes', 'activities']);
  const activities = useRead(ownActivitiesOn, today);
  if (!activities || activities.length === 0) return null;
  return (
    <section aria-labelledby="home-day">
      <h2 id="home-day">{t('day.title')}</h2>
      <ul className="home-day" aria-label={t('day.title')}>
        {activities.map((a) => (
          <li key={a.id}>
            <Link to={`/activities/${a.id}/edit`}>
              {t(`codes:type.${a.type}`)} · {a.titreAtelier || a.thematiques.map((c) => t(`codes:thematiques.${c}`)).join(', ')}
            </Link>
            <span className="row-meta"> · {t('activities:list.duration', { count: a.duree, formatted: formatNumber(a.duree) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
