/**
 * What the survey form edits, and the way to and from a stored Survey. Number fields are kept as the
 * text the user typed (so "-3" or "2,5" reach the validator and get a clear message instead of being
 * silently dropped). France Services is asked once, in the Services section, as yes/no; it is stored
 * as the `france_services` code among the equipments, as the domain defines it.
 */
import type {
  CouvertureMobile, Debit, OperateurMobile, EquipementVillage, PublicPrioritaire, StadeMaturite, StatutFibre, TechnologieFixe,
  Thematique,
} from '../../domain/codes';
import type { CouvertureOperateur, Survey } from '../../domain/records';

export type YesNo = 'oui' | 'non';

export interface SurveyFormState {
  date: string;
  author: string;
  technologiesFixes: TechnologieFixe[];
  statutFibre: StatutFibre | '';
  debit: Debit | '';
  couvertureVoix: CouvertureMobile | '';
  couverture4g: CouvertureMobile | '';
  /** ARCEP's coverage of each operator (voice, 4G, 5G), as far as it is known. */
  couvertureOperateurs: Partial<Record<OperateurMobile, CouvertureOperateur>>;
  /** Equipments other than France Services (asked separately). */
  equipements: EquipementVillage[];
  nombrePointsAcces: string;
  franceServices: YesNo | '';
  distanceFranceServicesKm: string;
  placeIds: string[];
  publicsPrioritaires: PublicPrioritaire[];
  thematiquesBesoins: Thematique[];
  stadeMaturite: StadeMaturite | '';
  notes: string;
}

export const FRANCE_SERVICES = 'france_services';

export function emptySurveyForm(date: string, author: string): SurveyFormState {
  return {
    date, author, technologiesFixes: [], statutFibre: '', debit: '', couvertureVoix: '', couverture4g: '', couvertureOperateurs: {},
    equipements: [], nombrePointsAcces: '', franceServices: '', distanceFranceServicesKm: '', placeIds: [],
    publicsPrioritaires: [], thematiquesBesoins: [], stadeMaturite: '', notes: '',
  };
}

/** '' means "not answered"; anything else becomes a number (NaN when it is not one: the validator says so). */
export function parseCount(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? undefined : Number(trimmed);
}

function countText(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

function orUndefined<T extends string>(value: T | ''): T | undefined {
  return value === '' ? undefined : value;
}

function franceServicesAnswer(survey: Survey): YesNo | '' {
  if (survey.equipements.includes(FRANCE_SERVICES)) return 'oui';
  return survey.distanceFranceServicesKm !== undefined ? 'non' : '';
}

export function surveyToForm(survey: Survey): SurveyFormState {
  return {
    date: survey.date,
    author: survey.author,
    technologiesFixes: [...survey.technologiesFixes],
    statutFibre: survey.statutFibre ?? '',
    debit: survey.debit ?? '',
    couvertureVoix: survey.couvertureVoix ?? '',
    couverture4g: survey.couverture4g ?? '',
    couvertureOperateurs: { ...survey.couvertureOperateurs },
    equipements: survey.equipements.filter((e) => e !== FRANCE_SERVICES),
    nombrePointsAcces: countText(survey.nombrePointsAcces),
    franceServices: franceServicesAnswer(survey),
    distanceFranceServicesKm: countText(survey.distanceFranceServicesKm),
    placeIds: [...survey.placeIds],
    publicsPrioritaires: [...survey.publicsPrioritaires],
    thematiquesBesoins: [...survey.thematiquesBesoins],
    stadeMaturite: survey.stadeMaturite ?? '',
    notes: survey.notes ?? '',
  };
}

/**
 * The survey the form describes. The distance is only kept when the village has no France Services desk
 * (the field is hidden otherwise, so a value typed before ticking "yes" must not linger unseen).
 */
export function formToSurvey(form: SurveyFormState, villageId: string): Survey {
  const hasDesk = form.franceServices === 'oui';
  const equipements = form.equipements.filter((e) => e !== FRANCE_SERVICES);
  return {
    villageId,
    date: form.date,
    author: form.author.trim(),
    technologiesFixes: form.technologiesFixes,
    statutFibre: orUndefined(form.statutFibre),
    debit: orUndefined(form.debit),
    couvertureVoix: orUndefined(form.couvertureVoix),
    couverture4g: orUndefined(form.couverture4g),
    couvertureOperateurs: knownCoverage(form.couvertureOperateurs),
    equipements: hasDesk ? [...equipements, FRANCE_SERVICES] : equipements,
    nombrePointsAcces: parseCount(form.nombrePointsAcces),
    distanceFranceServicesKm: hasDesk ? undefined : parseCount(form.distanceFranceServicesKm),
    placeIds: form.placeIds,
    publicsPrioritaires: form.publicsPrioritaires,
    thematiquesBesoins: form.thematiquesBesoins,
    stadeMaturite: orUndefined(form.stadeMaturite),
    notes: form.notes.trim() === '' ? undefined : form.notes,
  };
}

/** Operators with at least one answer; none at all is "not answered" (absent). */
function knownCoverage(coverage: SurveyFormState['couvertureOperateurs']): Survey['couvertureOperateurs'] {
  const known = Object.entries(coverage).filter(([, c]) => c && Object.values(c).some((v) => v !== undefined));
  return known.length > 0 ? Object.fromEntries(known) : undefined;
}
