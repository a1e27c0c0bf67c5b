/**
 * The demo content: two of the programme's own example villages, Lormes (Nièvre) and Arvieu (Aveyron),
 * with a few places, surveys and activities. Records are data, so their text stays in French (the
 * field's language); the screens around them are translated. Every record carries `demo: true`.
 */
import type { Activity, Place, Survey, Village } from '../../domain/records';

export type DemoVillageKey = 'lormes' | 'arvieu';
export type DemoPlaceKey = 'mediathequeLormes' | 'franceServicesLormes' | 'tiersLieuArvieu' | 'busLevezou';

export const DEMO_VILLAGES: Record<DemoVillageKey, Village> = {
  lormes: {
    commune: { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' }, departement: '58', population: 1251,
    notes: 'Village pilote « smart village » du Morvan : fibre, médiathèque et France Services.', demo: true,
  },
  arvieu: {
    commune: { codeInsee: '12011', nom: 'Arvieu', codePostal: '12120' }, departement: '12', population: 774,
    notes: 'Village numérique du Lévézou, tiers-lieu associatif très actif.', demo: true,
  },
};

const NO_LISTS = {
  typologie: [], services: [], publics: [], priseEnChargeSpecifique: [], fraisACharge: [], modalitesAcces: [],
  modalitesAccompagnement: [], dispositifs: [],
} satisfies Partial<Place>;

/** Places without `villageId` and `dateMaj`: both are filled in when the demo is loaded. */
export const DEMO_PLACES: Record<DemoPlaceKey, { village: DemoVillageKey; place: Omit<Place, 'dateMaj'> }> = {
  mediathequeLormes: {
    village: 'lormes',
    place: {
      ...NO_LISTS, nom: 'Médiathèque de Lormes', adresse: '1 place François Mitterrand', commune: DEMO_VILLAGES.lormes.commune,
      typologie: ['BIB', 'MUNI'], services: ['Accès internet et matériel informatique', 'Maîtrise des outils numériques du quotidien', 'Loisirs et créations numériques'],
      publics: ['Seniors', 'Familles et/ou enfants'], fraisACharge: ['Gratuit'], modalitesAcces: ['Se présenter', 'Téléphoner'],
      modalitesAccompagnement: ['En autonomie', 'Dans un atelier collectif'], dispositifs: ['Conseillers numériques'],
      itinerance: 'Fixe', horaires: 'Tu-Fr 14:00-18:00; Sa 10:00-12:00',
      presentationResume: 'Postes en accès libre, ateliers d’initiation le samedi matin.', demo: true,
    },
  },
  franceServicesLormes: {
    village: 'lormes',
    place: {
      ...NO_LISTS, nom: 'France Services de Lormes', adresse: '6 rue du Panorama', commune: DEMO_VILLAGES.lormes.commune,
      typologie: ['RFS'], services: ['Aide aux démarches administratives', 'Utilisation sécurisée du numérique'],
      fraisACharge: ['Gratuit'], modalitesAcces: ['Se présenter', 'Téléphoner', 'Prendre un RDV en ligne'],
      modalitesAccompagnement: ['Accompagnement individuel'], dispositifs: ['France Services', 'Aidants Connect'],
      itinerance: 'Fixe', horaires: 'Mo-Fr 09:00-12:00,13:30-17:00', demo: true,
    },
  },
  tiersLieuArvieu: {
    village: 'arvieu',
    place: {
      ...NO_LISTS, nom: 'Tiers-lieu d’Arvieu', adresse: '2 place de l’Église', commune: DEMO_VILLAGES.arvieu.commune,
      typologie: ['TIERS_LIEUX', 'ASSO'], services: ['Maîtrise des outils numériques du quotidien', 'Compréhension du monde numérique', 'Insertion professionnelle via le numérique'],
      publics: ['Jeunes', 'Seniors'], fraisACharge: ['Gratuit sous condition'], modalitesAcces: ['Se présenter', 'Contacter par mail'],
      modalitesAccompagnement: ['Accompagnement individuel', 'Dans un atelier collectif'], dispositifs: ['Conseillers numériques'],
      itinerance: 'Fixe', horaires: 'Mo-Fr 09:00-18:00', demo: true,
    },
  },
  busLevezou: {
    village: 'arvieu',
    place: {
      ...NO_LISTS, nom: 'Bus numérique du Lévézou', adresse: 'Parking de la salle des fêtes', commune: DEMO_VILLAGES.arvieu.commune,
      typologie: ['EPN'], services: ['Aide aux démarches administratives', 'Maîtrise des outils numériques du quotidien'],
      publics: ['Seniors'], fraisACharge: ['Gratuit'], modalitesAcces: ['Se présenter'],
      modalitesAccompagnement: ['Accompagnement individuel'], itinerance: 'Itinérant', horaires: 'We 09:00-12:00', demo: true,
    },
  },
};

/** Surveys: `daysAgo` is turned into a date, `author` is the profile's name, places are attached. */
export const DEMO_SURVEYS: Array<{ village: DemoVillageKey; daysAgo: number; places: DemoPlaceKey[]; survey: Omit<Survey, 'villageId' | 'date' | 'author' | 'placeIds'> }> = [
  {
    village: 'lormes', daysAgo: 200, places: ['mediathequeLormes'],
    survey: {
      technologiesFixes: ['dsl', 'satellite'], statutFibre: 'en_cours', debit: 'bon_haut_debit', couvertureVoix: 'bonne_couverture',
      couverture4g: 'couverture_limitee', equipements: ['mediatheque', 'point_acces_public'], nombrePointsAcces: 4,
      distanceFranceServicesKm: 12, publicsPrioritaires: ['seniors', 'agriculteurs'], thematiquesBesoins: ['aide_aux_demarches_administratives', 'email'],
      stadeMaturite: 'connexion', notes: 'Premier diagnostic, avant l’ouverture de la France Services.', demo: true,
    },
  },
  {
    village: 'lormes', daysAgo: 20, places: ['mediathequeLormes', 'franceServicesLormes'],
    survey: {
      technologiesFixes: ['fibre', 'dsl'], statutFibre: 'deployee', debit: 'tres_haut_debit', couvertureVoix: 'bonne_couverture',
      couverture4g: 'bonne_couverture', equipements: ['mediatheque', 'point_acces_public', 'wifi_public', 'france_services', 'imprimante_scanner'],
      nombrePointsAcces: 6, publicsPrioritaires: ['seniors', 'demandeurs_emploi'], thematiquesBesoins: ['securite_numerique', 'sante', 'aide_aux_demarches_administratives'],
      stadeMaturite: 'acteurs_numeriques', notes: 'Fibre arrivée dans le bourg ; les hameaux restent en ADSL.', demo: true,
    },
  },
  {
    village: 'arvieu', daysAgo: 45, places: ['tiersLieuArvieu', 'busLevezou'],
    survey: {
      technologiesFixes: ['thd_radio', 'dsl'], statutFibre: 'prevue', debit: 'bon_haut_debit', couvertureVoix: 'couverture_limitee',
      couverture4g: 'couverture_limitee', equipements: ['tiers_lieu', 'wifi_public', 'services_itinerants'], nombrePointsAcces: 2,
      distanceFranceServicesKm: 18, publicsPrioritaires: ['seniors', 'jeunes', 'independants'], thematiquesBesoins: ['prendre_en_main_du_materiel', 'entrepreneuriat'],
      stadeMaturite: 'connexion', demo: true,
    },
  },
];

type DemoActivity = { daysAgo: number; place: DemoPlaceKey; activity: Omit<Activity, 'date' | 'placeId' | 'villageId' | 'typeLieu'> };

const individual = (daysAgo: number, place: DemoPlaceKey, duree: number, thematiques: Activity['thematiques'], extra: Partial<Activity> = {}): DemoActivity => ({
  daysAgo, place,
  activity: {
    type: 'individuel', duree, thematiques, thematiquesDemarche: [], materiel: ['ordinateur'], tags: [], beneficiaryIds: [],
    autonomie: 'partiellement_autonome', demo: true, ...extra,
  },
});

const workshop = (daysAgo: number, place: DemoPlaceKey, titreAtelier: string, thematiques: Activity['thematiques'], total: number): DemoActivity => ({
  daysAgo, place,
  activity: {
    type: 'collectif', duree: 120, titreAtelier, niveau: 'debutant', thematiques, thematiquesDemarche: [], materiel: ['ordinateur', 'tablette'],
    tags: ['atelier'], beneficiaryIds: [], demo: true,
    participantsAnonymes: {
      total, dejaAccompagne: Math.floor(total / 2), genres: { feminin: total - 2, masculin: 2 },
      tranchesAge: { soixante_soixante_neuf: total - 1, soixante_dix_plus: 1 }, statutsSociaux: { retraite: total },
    },
  },
});

export const DEMO_ACTIVITIES: DemoActivity[] = [
  individual(0, 'franceServicesLormes', 45, ['aide_aux_demarches_administratives'], { thematiquesDemarche: ['argent_impots'] }),
  individual(0, 'mediathequeLormes', 30, ['email', 'navigation_sur_internet'], { materiel: ['telephone'] }),
  workshop(1, 'mediathequeLormes', 'Premiers pas sur la tablette', ['prendre_en_main_du_materiel'], 6),
  individual(2, 'franceServicesLormes', 60, ['aide_aux_demarches_administratives', 'sante'], {
    thematiquesDemarche: ['social_sante'], orienteVersStructure: true, structureDeRedirection: 'aide_sociale',
  }),
  individual(3, 'tiersLieuArvieu', 30, ['securite_numerique'], { autonomie: 'autonome' }),
  workshop(4, 'tiersLieuArvieu', 'Se protéger des arnaques en ligne', ['securite_numerique'], 8),
  individual(5, 'busLevezou', 15, ['prendre_en_main_du_materiel'], { materiel: ['telephone'], autonomie: 'entierement_accompagne' }),
  individual(6, 'busLevezou', 45, ['aide_aux_demarches_administratives'], { thematiquesDemarche: ['transports_mobilite'] }),
  workshop(8, 'mediathequeLormes', 'Créer son adresse e-mail', ['email'], 5),
  individual(10, 'tiersLieuArvieu', 90, ['insertion_professionnelle', 'bureautique']),
];
