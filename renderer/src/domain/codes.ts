/**
 * The exact value codes of the national tools (La Coop de la médiation numérique, CRA; the national
 * places schema v1.0.2) and of our village diagnostic. Stored as-is so exports line up with the
 * national tools; human labels come from i18n (`locales/<lang>/codes.json`, one key per list and code).
 */

export const ACTIVITY_TYPES = ['individuel', 'collectif'] as const;
export const DUREE_PRESETS = [15, 30, 45, 60, 90, 120] as const;
export const TYPES_LIEU = ['lieu_activite', 'domicile', 'a_distance', 'autre'] as const;
export const MATERIEL = ['ordinateur', 'telephone', 'tablette', 'autre', 'aucun'] as const;
export const THEMATIQUES = [
  'diagnostic_numerique', 'prendre_en_main_du_materiel', 'maintenance_de_materiel',
  'gere_ses_contenus_numeriques', 'navigation_sur_internet', 'email', 'bureautique', 'reseaux_sociaux',
  'sante', 'banque_et_achats_en_ligne', 'entrepreneuriat', 'insertion_professionnelle',
  'securite_numerique', 'parentalite', 'scolarite_et_numerique', 'creer_avec_le_numerique',
  'culture_numerique', 'intelligence_artificielle', 'aide_aux_demarches_administratives',
] as const;
export const THEMATIQUE_DEMARCHES = 'aide_aux_demarches_administratives';
export const THEMATIQUES_DEMARCHE = [
  'papiers_elections_citoyennete', 'famille_scolarite', 'social_sante', 'travail_formation', 'logement',
  'transports_mobilite', 'argent_impots', 'justice', 'etrangers_europe', 'loisirs_sports_culture',
  'associations',
] as const;
export const AUTONOMIE = ['entierement_accompagne', 'partiellement_autonome', 'autonome'] as const;
export const STRUCTURES_REDIRECTION = [
  'administration', 'mediation_numerique', 'operateur_ou_organisme_en_charge', 'aide_sociale',
  'insertion_professionnelle', 'aide_aux_demarches_administratives', 'autre',
] as const;
export const NIVEAUX = ['debutant', 'intermediaire', 'avance'] as const;

export const GENRES = ['masculin', 'feminin', 'non_communique'] as const;
export const TRANCHES_AGE = [
  'moins_de_douze', 'douze_dix_huit', 'dix_huit_vingt_quatre', 'vingt_cinq_trente_neuf',
  'quarante_cinquante_neuf', 'soixante_soixante_neuf', 'soixante_dix_plus', 'non_communique',
] as const;
export const STATUTS_SOCIAUX = ['scolarise', 'sans_emploi', 'en_emploi', 'retraite', 'non_communique'] as const;

// --- Places: national schema v1.0.2 value lists (exact strings, accents included) ---
/**
 * The typologies of places the national tools use (La Coop de la médiation numérique and the national
 * cartography, from data.inclusion's list): the `typologie` column of the places schema, `|`-joined.
 */
export const TYPOLOGIES = [
  'ACI', 'ACIPHC', 'AFPA', 'AI', 'ASE', 'ASSO', 'ASSO_CHOMEUR', 'Autre', 'AVIP', 'BIB', 'CAARUD', 'CADA',
  'CAF', 'CAP_EMPLOI', 'CAVA', 'CC', 'CCAS', 'CCONS', 'CD', 'CDAS', 'CFP', 'CHRS', 'CHU', 'CIAS', 'CIDFF',
  'CITMET', 'CMP', 'CMS', 'CPAM', 'CPH', 'CS', 'CSAPA', 'CSC', 'DEETS', 'DEPT', 'DIPLP', 'E2C', 'EA', 'EATT',
  'EI', 'EITI', 'ENM', 'EPCI', 'EPI', 'EPIDE', 'EPN', 'ES', 'ESAT', 'ESS', 'ETTI', 'EVS', 'FABLAB',
  'FABRIQUE', 'FAIS', 'FT', 'GEIQ', 'HUDA', 'LA_POSTE', 'MDE', 'MDH', 'MDEF', 'MDPH', 'MDS', 'MJC', 'ML',
  'MQ', 'MSA', 'MSAP', 'MUNI', 'OACAS', 'ODC', 'OF', 'OIL', 'OPCS', 'PAD', 'PENSION', 'PI', 'PIJ_BIJ',
  'PIMMS', 'PJJ', 'PLIE', 'PREF', 'PREVENTION', 'REG', 'RELAIS_LECTURE', 'RESSOURCERIE', 'RFS', 'RS_FJT',
  'SCP', 'SPIP', 'TIERS_LIEUX', 'UDAF',
] as const;
export const SERVICES = [
  'Aide aux démarches administratives', 'Maîtrise des outils numériques du quotidien',
  'Insertion professionnelle via le numérique', 'Utilisation sécurisée du numérique',
  'Parentalité et éducation avec le numérique', 'Loisirs et créations numériques',
  'Compréhension du monde numérique', 'Accès internet et matériel informatique',
  'Acquisition de matériel informatique à prix solidaire',
] as const;
export const PUBLICS = ['Jeunes', 'Étudiants', 'Familles et/ou enfants', 'Seniors', 'Femmes'] as const;
export const PRISES_EN_CHARGE = [
  'Surdité', 'Handicaps moteurs', 'Handicaps mentaux', 'Illettrisme', 'Langues étrangères (anglais)',
  'Langues étrangères (autres)', 'Déficience visuelle',
] as const;
export const FRAIS = ['Gratuit', 'Gratuit sous condition', 'Payant'] as const;
export const MODALITES_ACCES = [
  'Se présenter', 'Téléphoner', 'Contacter par mail', 'Prendre un RDV en ligne',
  "Ce lieu n'accueille pas de public", 'Envoyer un mail avec une fiche de prescription',
] as const;
export const MODALITES_ACCOMPAGNEMENT = [
  'En autonomie', 'Accompagnement individuel', 'Dans un atelier collectif', 'À distance',
] as const;
export const DISPOSITIFS = [
  'Aidants Connect', 'Bibliothèques numérique de référence', 'Certification PIX', 'Conseillers numériques',
  'Emmaüs Connect', 'France Services', 'Grande école du numérique', 'La Croix Rouge',
  "Point d'accès numérique CAF", 'Promeneurs du net', 'Relais numérique (Emmaüs Connect)',
] as const;
export const ITINERANCE = ['Itinérant', 'Fixe'] as const;
/** The schema's closed list for `formations_labels` (its pattern); other labels go to `autres_formations_labels`. */
export const FORMATIONS_LABELS = [
  'Formé à « Mon Espace Santé »', 'Formé à « DUPLEX » (illettrisme)', 'Arnia/MedNum BFC (Bourgogne-Franche-Comté)',
  'Collectif ressources et acteurs réemploi (Normandie)', 'Étapes numériques(La Poste)', 'Fabriques de Territoire',
  'Les Éclaireurs du numérique (Drôme)', 'Mes Papiers (Métropole de Lyon)', 'ORDI 3.0', 'SUD LABS (PACA)',
] as const;

// --- Village diagnostic (ARCEP, MedNum, INSEE, European smart villages) ---
export const TECHNOLOGIES_FIXES = ['fibre', 'cable', 'dsl', '4g_fixe', 'thd_radio', 'satellite', 'hd_radio'] as const;
export const STATUTS_FIBRE = ['non_prevue', 'prevue', 'en_cours', 'partielle', 'deployee'] as const;
export const DEBITS = ['moins_8', 'bon_haut_debit', 'tres_haut_debit'] as const; // <8, ≥8, ≥30 Mbit/s
export const COUVERTURES_MOBILES = [
  'pas_de_couverture', 'couverture_limitee', 'bonne_couverture', 'tres_bonne_couverture',
] as const;
/** The four mobile network operators ARCEP's maps ("Mon réseau mobile") report on, each separately. */
export const OPERATEURS_MOBILES = ['orange', 'sfr', 'bouygues_telecom', 'free_mobile'] as const;
export const EQUIPEMENTS_VILLAGE = [
  'point_acces_public', 'wifi_public', 'imprimante_scanner', 'tiers_lieu', 'mediatheque', 'france_services',
  'services_itinerants',
] as const;
export const PUBLICS_PRIORITAIRES = [
  'seniors', 'jeunes', 'familles', 'demandeurs_emploi', 'personnes_handicap', 'allophones', 'agriculteurs',
  'independants',
] as const;
export const STADES_MATURITE = ['isolement', 'connexion', 'acteurs_numeriques'] as const;

export const ROLES = ['mediateur', 'coordinateur', 'formateur'] as const;

export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export type TypeLieu = (typeof TYPES_LIEU)[number];
export type Materiel = (typeof MATERIEL)[number];
export type Thematique = (typeof THEMATIQUES)[number];
export type ThematiqueDemarche = (typeof THEMATIQUES_DEMARCHE)[number];
export type Autonomie = (typeof AUTONOMIE)[number];
export type StructureRedirection = (typeof STRUCTURES_REDIRECTION)[number];
export type Niveau = (typeof NIVEAUX)[number];
export type Genre = (typeof GENRES)[number];
export type TrancheAge = (typeof TRANCHES_AGE)[number];
export type StatutSocial = (typeof STATUTS_SOCIAUX)[number];
export type Typologie = (typeof TYPOLOGIES)[number];
export type TechnologieFixe = (typeof TECHNOLOGIES_FIXES)[number];
export type StatutFibre = (typeof STATUTS_FIBRE)[number];
export type Debit = (typeof DEBITS)[number];
export type CouvertureMobile = (typeof COUVERTURES_MOBILES)[number];
export type EquipementVillage = (typeof EQUIPEMENTS_VILLAGE)[number];
export type PublicPrioritaire = (typeof PUBLICS_PRIORITAIRES)[number];
export type StadeMaturite = (typeof STADES_MATURITE)[number];
export type Role = (typeof ROLES)[number];
export type OperateurMobile = (typeof OPERATEURS_MOBILES)[number];
export type FormationLabel = (typeof FORMATIONS_LABELS)[number];

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
