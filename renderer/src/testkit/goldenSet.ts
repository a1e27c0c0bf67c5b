/**
 * A fixed set of records for the golden export test: every way an activity can be located, followed and
 * anonymous people, a workshop with counts, démarches with precisions, text that CSV must quote (a
 * semicolon, quotes, a line break, « »), a remote activity located by its structure, and an activity
 * recorded before Relais knew the employing structure. Fixed ids and dates: the export is byte-exact.
 */
import type { Activity, Beneficiary, Place, Stored, Survey, Village } from '../domain/records';
import { ARVIEU, LORMES, placeData } from './records';

const DEVICE = 'dev-golden-0001';

function stored<T extends object>(id: string, data: T, createdAt: string, updatedAt = createdAt): Stored<T> {
  const versions: Record<string, string> = { deleted: '000000000001000:0000:dev-golden-0001' };
  for (const key of Object.keys(data)) versions[key] = versions.deleted;
  return { ...data, id, createdAt, updatedAt, authorDevice: DEVICE, versions, deleted: 0, erased: 0, seq: 1 };
}

const STRUCTURE = { nom: 'Mairie de Lormes', commune: LORMES, siret: '21580145000017' };

export const GOLDEN_PLACE = stored<Place>('0195f0a2-0000-7000-8000-00000000a001', placeData('Médiathèque « Le Pont »', {
  adresse: '2 rue du Pont Chevalier',
}), '2026-01-05T09:00:00.000Z');

export const GOLDEN_PEOPLE: Stored<Beneficiary>[] = [
  stored<Beneficiary>('0195f0a2-0000-7000-8000-00000000b001', {
    code: 'B-0001', genre: 'feminin', anneeNaissance: 1950, trancheAge: 'soixante_dix_plus', statutSocial: 'retraite',
    communeResidence: LORMES, dejaAccompagne: true,
  }, '2026-01-06T10:00:00.000Z'),
  stored<Beneficiary>('0195f0a2-0000-7000-8000-00000000b002', {
    code: 'B-0002', genre: 'masculin', trancheAge: 'dix_huit_vingt_quatre', statutSocial: 'sans_emploi', dejaAccompagne: false,
  }, '2026-01-06T10:05:00.000Z'),
  stored<Beneficiary>('0195f0a2-0000-7000-8000-00000000b003', {
    genre: 'feminin', trancheAge: 'quarante_cinquante_neuf', statutSocial: 'en_emploi', communeResidence: ARVIEU,
    dejaAccompagne: false, anonymiseLe: '2026-02-01',
  }, '2025-01-06T10:05:00.000Z', '2026-02-01T08:00:00.000Z'),
];

const base = { thematiquesDemarche: [], materiel: [], tags: [], beneficiaryIds: [] } satisfies Partial<Activity>;

export const GOLDEN_ACTIVITIES: Stored<Activity>[] = [
  stored<Activity>('0195f0a2-0000-7000-8000-0000000c0001', {
    ...base, type: 'individuel', date: '2026-03-02', duree: 45, typeLieu: 'lieu_activite', placeId: GOLDEN_PLACE.id,
    thematiques: ['email', 'securite_numerique'], materiel: ['ordinateur', 'telephone'], tags: ['permanence'],
    beneficiaryIds: [GOLDEN_PEOPLE[0].id], autonomie: 'partiellement_autonome', orienteVersStructure: true,
    structureDeRedirection: 'aide_sociale', structureEmployeuse: STRUCTURE,
    notes: 'Revoir la boîte "courriel"; prévoir 2 séances\nà la médiathèque',
  }, '2026-03-02T09:30:00.000Z', '2026-03-02T15:45:00.000Z'),
  stored<Activity>('0195f0a2-0000-7000-8000-0000000c0002', {
    ...base, type: 'individuel', date: '2026-03-03', duree: 30, typeLieu: 'domicile', commune: ARVIEU,
    thematiques: ['aide_aux_demarches_administratives'], thematiquesDemarche: ['logement', 'argent_impots'],
    precisionsDemarche: 'Dossier APL; avis d’impôt', materiel: ['aucun'], structureEmployeuse: STRUCTURE,
    beneficiaireAnonyme: { genre: 'masculin', trancheAge: 'soixante_soixante_neuf', statutSocial: 'retraite', communeResidence: ARVIEU, dejaAccompagne: false },
    orienteVersStructure: false,
  }, '2026-03-03T14:00:00.000Z'),
  stored<Activity>('0195f0a2-0000-7000-8000-0000000c0003', {
    ...base, type: 'individuel', date: '2026-03-04', duree: 20, typeLieu: 'a_distance', thematiques: ['navigation_sur_internet'],
    structureEmployeuse: STRUCTURE, beneficiaryIds: [GOLDEN_PEOPLE[2].id],
  }, '2026-03-04T16:10:00.000Z'),
  stored<Activity>('0195f0a2-0000-7000-8000-0000000c0004', {
    ...base, type: 'collectif', date: '2026-03-05', duree: 120, typeLieu: 'lieu_activite', placeId: GOLDEN_PLACE.id,
    thematiques: ['intelligence_artificielle'], materiel: ['tablette'], titreAtelier: 'Café IA', niveau: 'debutant',
    beneficiaryIds: [GOLDEN_PEOPLE[1].id],
    participantsAnonymes: { total: 3, dejaAccompagne: 1, genres: { feminin: 2 }, tranchesAge: { soixante_dix_plus: 1 }, statutsSociaux: { retraite: 3 } },
    structureEmployeuse: STRUCTURE,
  }, '2026-03-05T17:00:00.000Z'),
  // Recorded before Relais knew the employing structure (schema 7): still exported, with what it has.
  stored<Activity>('0195f0a2-0000-7000-8000-0000000c0005', {
    ...base, type: 'individuel', date: '2026-02-20', duree: 90, typeLieu: 'autre', commune: LORMES,
    thematiques: ['reseaux_sociaux', 'entrepreneuriat'],
  }, '2026-02-20T08:00:00.000Z'),
  // Outside the golden period: must not be exported.
  stored<Activity>('0195f0a2-0000-7000-8000-0000000c0006', {
    ...base, type: 'individuel', date: '2025-12-31', duree: 15, typeLieu: 'domicile', commune: LORMES, thematiques: ['email'],
    structureEmployeuse: STRUCTURE,
  }, '2025-12-31T08:00:00.000Z'),
];

export const GOLDEN_VILLAGE = stored<Village>('0195f0a2-0000-7000-8000-0000000d0001', {
  commune: LORMES, departement: '58', population: 1274, anneePopulation: 2023,
}, '2026-01-02T08:00:00.000Z');

export const GOLDEN_SURVEY = stored<Survey>('0195f0a2-0000-7000-8000-0000000e0001', {
  villageId: GOLDEN_VILLAGE.id, date: '2026-03-01', author: 'Aïcha Benali', technologiesFixes: ['fibre', 'dsl'],
  statutFibre: 'partielle', debit: 'bon_haut_debit', couvertureVoix: 'bonne_couverture', couverture4g: 'couverture_limitee',
  couvertureOperateurs: { orange: { voix: 'tres_bonne_couverture', data4g: 'bonne_couverture', cinqG: true }, free_mobile: { voix: 'couverture_limitee', cinqG: false } },
  equipements: ['mediatheque'], nombrePointsAcces: 2, distanceFranceServicesKm: 12, placeIds: [GOLDEN_PLACE.id],
  publicsPrioritaires: ['seniors'], thematiquesBesoins: ['aide_aux_demarches_administratives'], stadeMaturite: 'connexion',
  notes: 'Zone blanche au hameau des Granges',
}, '2026-03-01T11:00:00.000Z');
