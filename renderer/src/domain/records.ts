/**
 * The shape every stored record shares, and the data of each kind of record.
 *
 * Data fields sit flat on the record (so Dexie can index them); the sync metadata sits beside them.
 * Every data field, and the `deleted` flag, carries its own version stamp in `versions`, written by the
 * repositories on each change: that is what lets bundles merge field by field (see design.md).
 */
import type {
  ActivityType, Autonomie, CouvertureMobile, Debit, EquipementVillage, Genre, Materiel, Niveau, OperateurMobile,
  PublicPrioritaire, StadeMaturite, StatutFibre, StatutSocial, StructureRedirection, TechnologieFixe,
  Thematique, ThematiqueDemarche, TrancheAge, TypeLieu, Typologie,
} from './codes';

/** Names that belong to the sync machinery and can never be data fields. */
export const META_FIELDS = [
  'id', 'createdAt', 'updatedAt', 'authorDevice', 'versions', 'replaced', 'deleted', 'erased', 'seq', 'seal',
] as const;

export interface RecordMeta {
  /** UUIDv7, minted on the device that created the record. */
  id: string;
  /** ISO date-time of creation (informative; merge uses `versions`). */
  createdAt: string;
  /** ISO date-time of the last change applied on this device. */
  updatedAt: string;
  /** Device id of the creator. */
  authorDevice: string;
  /** Version stamp (HLC) of each data field and of `deleted`. */
  versions: Record<string, string>;
  /**
   * For each field edited in place, what its value is known to have replaced: per other device, the
   * stamp of that device's latest write the value's history overwrote knowingly. A write of that
   * device stamped at or before it was an update, not a race (a conflict). Records written before
   * per-device lists hold one stamp, read as a list of one (domain/sync/merge.ts).
   */
  replaced?: Record<string, string | readonly string[]>;
  /** Soft-delete tombstone: 1 when deleted (numbers, because IndexedDB cannot index booleans). */
  deleted: 0 | 1;
  /** Erased for data protection: payload cleared, never revived. */
  erased: 0 | 1;
  /** Value of the local change counter at the last change: "changes since last export" = seq > mark. */
  seq: number;
  /**
   * The author's signature on this version (kinds only their author may change, domain/sync/seal.ts):
   * lets a relay prove the record is the author's. Written at export, dropped by any later change.
   */
  seal?: string;
}

export type Stored<T> = T & RecordMeta;

const META = new Set<string>(META_FIELDS);

/**
 * The data fields of a record: everything that is not sync metadata. Typed for a stored record of a
 * known kind, and for any record read from a bundle (whose fields are not known yet).
 */
export function dataOf<T extends object>(record: Stored<T>): T;
export function dataOf(record: Omit<RecordMeta, 'seq'> & { [field: string]: unknown }): Record<string, unknown>;
export function dataOf(record: object): object {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (!META.has(key)) data[key] = value;
  return data;
}

/** A commune chosen from the official list (never typed by hand). */
export interface CommuneRef {
  codeInsee: string;
  nom: string;
  codePostal: string;
}

export interface Village {
  commune: CommuneRef;
  departement: string;
  population?: number;
  /** Census year the population refers to (INSEE "population légale" of that year). */
  anneePopulation?: number;
  notes?: string;
  /** Fictitious record created by "Load demo data" (Settings); removed in one click, tagged "Démo" in lists. */
  demo?: boolean;
}

export interface Survey {
  villageId: string;
  /** YYYY-MM-DD */
  date: string;
  author: string;
  technologiesFixes: TechnologieFixe[];
  statutFibre?: StatutFibre;
  debit?: Debit;
  couvertureVoix?: CouvertureMobile;
  couverture4g?: CouvertureMobile;
  /** What ARCEP's maps say for each operator: voice/SMS and 4G data levels, and whether 5G is there. */
  couvertureOperateurs?: Partial<Record<OperateurMobile, CouvertureOperateur>>;
  equipements: EquipementVillage[];
  nombrePointsAcces?: number;
  /** Distance to the nearest France Services desk when there is none in the village. */
  distanceFranceServicesKm?: number;
  placeIds: string[];
  publicsPrioritaires: PublicPrioritaire[];
  thematiquesBesoins: Thematique[];
  stadeMaturite?: StadeMaturite;
  notes?: string;
  /** Fictitious record created by "Load demo data" (Settings); removed in one click, tagged "Démo" in lists. */
  demo?: boolean;
}

export interface CouvertureOperateur {
  voix?: CouvertureMobile;
  data4g?: CouvertureMobile;
  /** 5G available in the village from this operator. */
  cinqG?: boolean;
}

/**
 * The structure that employs the mediator (La Coop's "structure employeuse"), copied onto each
 * activity so that it travels with it: a coordinator's laptop has the activity, not the mediator's
 * profile. Its commune locates remote activities.
 */
export interface StructureEmployeuse {
  nom: string;
  commune?: CommuneRef;
  /** SIRET (14 digits), when known. */
  siret?: string;
}

/**
 * What may be said, for statistics, of the person helped in an individual activity that names no
 * followed person (La Coop's anonymous beneficiary): never who they are.
 */
export interface AnonymousPerson {
  genre?: Genre;
  trancheAge?: TrancheAge;
  statutSocial?: StatutSocial;
  communeResidence?: CommuneRef;
  dejaAccompagne?: boolean;
}

export interface AnonymousCounts {
  total: number;
  dejaAccompagne: number;
  genres: Partial<Record<Genre, number>>;
  tranchesAge: Partial<Record<TrancheAge, number>>;
  statutsSociaux: Partial<Record<StatutSocial, number>>;
}

export interface Activity {
  type: ActivityType;
  /** YYYY-MM-DD */
  date: string;
  /** Whole minutes. */
  duree: number;
  typeLieu: TypeLieu;
  placeId?: string;
  commune?: CommuneRef;
  /** Village the activity is attached to (for village pages and filters). */
  villageId?: string;
  thematiques: Thematique[];
  thematiquesDemarche: ThematiqueDemarche[];
  precisionsDemarche?: string;
  materiel: Materiel[];
  tags: string[];
  notes?: string;
  /** Required for new activities (activity form, workshop closing); absent on records made before it existed. */
  structureEmployeuse?: StructureEmployeuse;
  // individuel
  beneficiaryIds: string[];
  /** Individual activity with no followed person: optional details for statistics. */
  beneficiaireAnonyme?: AnonymousPerson;
  autonomie?: Autonomie;
  orienteVersStructure?: boolean;
  structureDeRedirection?: StructureRedirection;
  // collectif
  titreAtelier?: string;
  niveau?: Niveau;
  participantsAnonymes?: AnonymousCounts;
  /** Fictitious record created by "Load demo data" (Settings); removed in one click, tagged "Démo" in lists. */
  demo?: boolean;
}

export interface Place {
  nom: string;
  pivot?: string;
  adresse: string;
  complementAdresse?: string;
  commune: CommuneRef;
  villageId?: string;
  typologie: Typologie[];
  services: string[];
  publics: string[];
  priseEnChargeSpecifique: string[];
  fraisACharge: string[];
  modalitesAcces: string[];
  modalitesAccompagnement: string[];
  dispositifs: string[];
  /**
   * 'Itinérant', 'Fixe' or both. Records written before schema 7 hold one string: read it with
   * `itinerancesOf` (domain/place.ts).
   */
  itinerance?: string[] | string;
  /** OpenStreetMap `opening_hours` syntax, checked with the `opening_hours` parser. */
  horaires?: string;
  presentationResume?: string;
  presentationDetail?: string;
  /** E.164-like, as the schema's pattern wants it (+33…). */
  telephone?: string;
  courriels?: string[];
  sitesWeb?: string[];
  /** The structure this place belongs to (free text, often its SIRET). */
  structureParente?: string;
  formationsLabels?: string[];
  autresFormationsLabels?: string[];
  /** URL of the place's accessibility sheet on acceslibre. */
  ficheAccesLibre?: string;
  /** URL where an appointment can be booked. */
  priseRdv?: string;
  /** Who collected this place: the schema's `source` (a structure, never the software). */
  source?: string;
  /** The place's `id` in a national CSV it came from: re-importing that file merges by it. */
  idNational?: string;
  latitude?: number;
  longitude?: number;
  /** YYYY-MM-DD of the last update of the place's information. */
  dateMaj: string;
  /** Fictitious record created by "Load demo data" (Settings); removed in one click, tagged "Démo" in lists. */
  demo?: boolean;
}

/**
 * A followed person: a pseudonymous code only — never a name, phone, e-mail or address. Gender, age
 * band and status are optional: absent means "non communiqué", as La Coop reads it.
 */
export interface Beneficiary {
  /** Absent once anonymised (`anonymiseLe`). */
  code?: string;
  genre?: Genre;
  /** Derived from `anneeNaissance` when that is known (domain/beneficiary.ts `trancheAgeOf`). */
  trancheAge?: TrancheAge;
  /** Year of birth only, never the date: the age band is computed from it and kept current. */
  anneeNaissance?: number;
  statutSocial?: StatutSocial;
  communeResidence?: CommuneRef;
  dejaAccompagne: boolean;
  /**
   * YYYY-MM-DD the person was anonymised (retention): the code and year of birth are gone, gender,
   * age band, status and commune stay for statistics, and the activities keep counting them.
   */
  anonymiseLe?: string;
  /** Fictitious record created by "Load demo data" (Settings); removed in one click, tagged "Démo" in lists. */
  demo?: boolean;
}

/** Newest first by creation time: the order of every list in the app. */
export function newestFirst<T extends { createdAt: string }>(records: T[]): T[] {
  return [...records].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
