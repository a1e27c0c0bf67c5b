/**
 * The village-diagnostic export: one row per survey, with its village, what ARCEP says of fixed and
 * mobile access (overall and per operator), what the village has, the needs seen and the stage of
 * digital maturity. No national format exists for these: the columns follow the form.
 */
import { OPERATEURS_MOBILES } from '../codes';
import type { Stored, Survey, Village } from '../records';
import type { Cell, Vocabulary } from './table';

export const SURVEYS_SHEET = 'diagnostics';

const OPERATOR_COLUMNS = OPERATEURS_MOBILES.flatMap((operator) => [`${operator}_voix`, `${operator}_4g`, `${operator}_5g`]);

export const SURVEY_COLUMNS = [
  'date', 'village', 'code_insee', 'population', 'annee_population', 'auteur', 'technologies_fixes', 'statut_fibre',
  'debit', 'couverture_voix', 'couverture_4g', ...OPERATOR_COLUMNS, 'equipements', 'points_acces',
  'distance_france_services_km', 'lieux', 'publics_prioritaires', 'thematiques_besoins', 'stade_maturite', 'notes', 'id',
];

export interface SurveyContext {
  vocabulary: Vocabulary;
  villages: ReadonlyMap<string, Village>;
  /** Place names by id. */
  placeNames: ReadonlyMap<string, string>;
}

export function surveyRow(s: Stored<Survey>, ctx: SurveyContext): Cell[] {
  const v = ctx.vocabulary;
  const list = (name: string, codes: readonly string[]) => codes.map((code) => v.code(name, code)).join(v.listSeparator);
  const optional = (name: string, code: string | undefined) => (code === undefined ? '' : v.code(name, code));
  const village = ctx.villages.get(s.villageId);
  const operators = OPERATEURS_MOBILES.flatMap((operator): Cell[] => {
    const coverage = s.couvertureOperateurs?.[operator];
    return [
      optional('couverture', coverage?.voix),
      optional('couverture', coverage?.data4g),
      coverage?.cinqG === undefined ? '' : v.yesNo(coverage.cinqG),
    ];
  });
  return [
    { date: s.date },
    village?.commune.nom ?? '',
    village?.commune.codeInsee ?? '',
    village?.population ?? null,
    village?.anneePopulation ?? null,
    s.author,
    list('technologiesFixes', s.technologiesFixes),
    optional('statutFibre', s.statutFibre),
    optional('debit', s.debit),
    optional('couverture', s.couvertureVoix),
    optional('couverture', s.couverture4g),
    ...operators,
    list('equipements', s.equipements),
    s.nombrePointsAcces ?? null,
    s.distanceFranceServicesKm ?? null,
    s.placeIds.map((id) => ctx.placeNames.get(id) ?? id).join(v.listSeparator),
    list('publicsPrioritaires', s.publicsPrioritaires),
    list('thematiques', s.thematiquesBesoins),
    optional('stadeMaturite', s.stadeMaturite),
    s.notes ?? '',
    s.id,
  ];
}
