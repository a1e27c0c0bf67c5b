/**
 * The whole of a survey: connectivity, mobile coverage, maturity stage, what the village has (public
 * access points, places), needs and notes. Used for "the latest survey" on a village page. Answers
 * left blank show as "not recorded" rather than disappearing, so a reader sees what was not observed.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { livePlaces } from '../../db/places';
import type { Survey } from '../../domain/records';
import { formatDate, formatNumber } from '../../i18n/format';
import { useRead } from '../../ui/useRead';

function Fact({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return <div className={wide ? 'survey-summary-wide' : undefined}><dt>{label}</dt><dd>{children}</dd></div>;
}

function useLabels() {
  const { t } = useTranslation(['surveys', 'codes']);
  const none = t('surveys:summary.notRecorded');
  const code = (list: string, value: string | undefined) => (value ? t(`codes:${list}.${value}`) : none);
  const codes = (list: string, values: readonly string[]) => (values.length ? values.map((v) => t(`codes:${list}.${v}`)).join(', ') : none);
  return { t, code, codes };
}

function franceServicesText(survey: Survey, t: ReturnType<typeof useLabels>['t']): string {
  if (survey.equipements.includes('france_services')) return t('surveys:summary.franceServicesHere');
  if (survey.distanceFranceServicesKm !== undefined) {
    return t('surveys:summary.franceServicesAt', { km: formatNumber(survey.distanceFranceServicesKm) });
  }
  return t('surveys:summary.notRecorded');
}

/** The names of the places a survey lists (a place deleted since is left out). */
function usePlaceNames(ids: readonly string[]): string[] {
  const places = useRead(livePlaces);
  return ids.map((id) => places?.find((p) => p.id === id)?.nom).filter((name): name is string => Boolean(name));
}

export function SurveySummary({ survey }: { survey: Survey }) {
  const { t, code, codes } = useLabels();
  const equipments = survey.equipements.filter((e) => e !== 'france_services');
  const placeNames = usePlaceNames(survey.placeIds);
  const none = t('surveys:summary.notRecorded');
  return (
    <dl className="survey-summary">
      <Fact label={t('surveys:fields.date')}>{formatDate(survey.date, 'long')}</Fact>
      <Fact label={t('surveys:fields.author')}>{survey.author}</Fact>
      <Fact label={t('surveys:fields.technologiesFixes')}>{codes('technologiesFixes', survey.technologiesFixes)}</Fact>
      <Fact label={t('surveys:fields.statutFibre')}>{code('statutFibre', survey.statutFibre)}</Fact>
      <Fact label={t('surveys:fields.debit')}>{code('debit', survey.debit)}</Fact>
      <Fact label={t('surveys:fields.couvertureVoix')}>{code('couverture', survey.couvertureVoix)}</Fact>
      <Fact label={t('surveys:fields.couverture4g')}>{code('couverture', survey.couverture4g)}</Fact>
      {survey.couvertureOperateurs ? (
        <Fact label={t('surveys:operators.title')}>
          {Object.entries(survey.couvertureOperateurs).map(([operator, c]) => t('surveys:operators.summary', {
            operator: t(`codes:operateurs.${operator}`), voix: code('couverture', c?.voix), data4g: code('couverture', c?.data4g),
            cinqG: c?.cinqG === undefined ? t('surveys:operators.unknown') : t(c.cinqG ? 'surveys:operators.yes' : 'surveys:operators.no'),
          })).join(' · ')}
        </Fact>
      ) : null}
      <Fact label={t('surveys:fields.stadeMaturite')}>
        {survey.stadeMaturite ? <span className="tag">{code('stadeMaturite', survey.stadeMaturite)}</span> : code('stadeMaturite', undefined)}
      </Fact>
      <Fact label={t('surveys:fields.equipements')}>{codes('equipements', equipments)}</Fact>
      <Fact label={t('surveys:fields.nombrePointsAcces')}>
        {survey.nombrePointsAcces !== undefined ? formatNumber(survey.nombrePointsAcces) : none}
      </Fact>
      <Fact label={t('surveys:fields.placeIds')}>{placeNames.length ? placeNames.join(', ') : none}</Fact>
      <Fact label={t('surveys:summary.franceServices')}>{franceServicesText(survey, t)}</Fact>
      <Fact label={t('surveys:fields.publicsPrioritaires')}>{codes('publicsPrioritaires', survey.publicsPrioritaires)}</Fact>
      <Fact label={t('surveys:fields.thematiquesBesoins')}>{codes('thematiques', survey.thematiquesBesoins)}</Fact>
      <Fact label={t('surveys:fields.notes')} wide>{survey.notes ? <span className="survey-notes">{survey.notes}</span> : none}</Fact>
    </dl>
  );
}
