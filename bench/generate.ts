/**
 * Seeded, deterministic generator of realistic Relais records for the benchmarks.
 *
 * Records have the exact stored shape (`Stored<Activity>` etc.) that the repositories write: flat data
 * fields, per-field HLC stamps in `versions`, a local `seq`. The value mixes follow what mediators
 * actually record (mostly individual sessions, a third of them about online procedures, workshops with
 * anonymous counts), so record sizes and field mixes look like a real coordinator's database.
 *
 * Pure TypeScript: runs in the bench page (Chromium) and in Node (Vitest), same seed → same records.
 */
import {
  AUTONOMIE, COUVERTURES_MOBILES, DEBITS, DUREE_PRESETS, EQUIPEMENTS_VILLAGE, FRAIS, GENRES, MODALITES_ACCES,
  MODALITES_ACCOMPAGNEMENT, NIVEAUX, PUBLICS, PUBLICS_PRIORITAIRES, SERVICES, STADES_MATURITE, STATUTS_FIBRE,
  STATUTS_SOCIAUX, STRUCTURES_REDIRECTION, TECHNOLOGIES_FIXES, THEMATIQUES, THEMATIQUES_DEMARCHE,
  THEMATIQUE_DEMARCHES, TRANCHES_AGE, TYPOLOGIES, DISPOSITIFS,
} from '../renderer/src/domain/codes';
import { formatStamp } from '../renderer/src/domain/hlc';
import { AUTHOR_ID_DIGITS } from '../renderer/src/domain/ids';
import type {
  Activity, AnonymousCounts, Beneficiary, CommuneRef, Place, RecordMeta, Stored, Survey, Village,
} from '../renderer/src/domain/records';

// ---------------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: tiny, fast, good enough for test data, and identical in every JS engine. */
export function createRng(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const chance = (p: number): boolean => next() < p;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  /** `count` distinct items, in list order (how checkbox groups store them). */
  const sample = <T>(list: readonly T[], count: number): T[] => {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, list.length)) chosen.add(Math.floor(next() * list.length));
    return [...chosen].sort((a, b) => a - b).map((i) => list[i]);
  };
  const hex = (length: number): string => {
    let out = '';
    while (out.length < length) out += Math.floor(next() * 0x10000).toString(16).padStart(4, '0');
    return out.slice(0, length);
  };
  return { next, int, chance, pick, sample, hex };
}
export type Rng = ReturnType<typeof createRng>;

/** UUIDv7 from a given time and the seeded generator (the app mints them with crypto randomness). */
export function seededUuidv7(rng: Rng, millis: number): string {
  const time = Math.floor(millis).toString(16).padStart(12, '0');
  const rand = rng.hex(20);
  const variant = ((parseInt(rand[3], 16) & 0x3) | 0x8).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${rand.slice(0, 3)}-${variant}${rand.slice(4, 7)}-${rand.slice(8, 20)}`;
}

/** A record id as the app mints it: a UUIDv7 ending with its author's device id's first 12 hex digits. */
export function seededRecordId(rng: Rng, millis: number, authorDevice: string): string {
  return `${seededUuidv7(rng, millis).slice(0, -AUTHOR_ID_DIGITS)}${authorDevice.slice(0, AUTHOR_ID_DIGITS)}`;
}

// ---------------------------------------------------------------------------------------------------
// Reference data (real communes of the programme's territories; values checked against the official list)

export const COMMUNES: ReadonlyArray<CommuneRef & { departement: string }> = [
  { codeInsee: '58145', nom: 'Lormes', codePostal: '58140', departement: '58' },
  { codeInsee: '12011', nom: 'Arvieu', codePostal: '12120', departement: '12' },
  { codeInsee: '58062', nom: 'Château-Chinon (Ville)', codePostal: '58120', departement: '58' },
  { codeInsee: '58083', nom: 'Corbigny', codePostal: '58800', departement: '58' },
  { codeInsee: '58086', nom: 'Cosne-Cours-sur-Loire', codePostal: '58200', departement: '58' },
  { codeInsee: '58235', nom: 'Saint-Brisson', codePostal: '58230', departement: '58' },
  { codeInsee: '12084', nom: 'Creissels', codePostal: '12100', departement: '12' },
  { codeInsee: '12145', nom: 'Millau', codePostal: '12100', departement: '12' },
  { codeInsee: '12300', nom: 'Villefranche-de-Rouergue', codePostal: '12200', departement: '12' },
  { codeInsee: '23096', nom: 'Guéret', codePostal: '23000', departement: '23' },
  { codeInsee: '48095', nom: 'Mende', codePostal: '48000', departement: '48' },
];

const TAGS = ['CAF', 'ANTS', 'impots.gouv', 'France Travail', 'ameli', 'retraite', 'permanence mardi', 'bus numérique'];
const WORKSHOP_TITLES = [
  'Premiers pas sur la tablette', 'Sécuriser ses comptes en ligne', 'Découvrir FranceConnect',
  'Envoyer des photos à sa famille', 'Faire ses démarches CAF', 'Trier ses e-mails', 'Les bases du traitement de texte',
  'Repérer les arnaques en ligne', 'Prendre rendez-vous chez le médecin en ligne',
];
// Free text written the way the warnings ask: what was done, never who the person is.
const NOTES = [
  'Création de l’espace personnel et mise en favori du site.',
  'À revoir la semaine prochaine pour la suite de la démarche.',
  'Le mot de passe était perdu : réinitialisation faite ensemble.',
  'Séance en deux temps, la connexion du lieu a coupé plusieurs fois.',
  'Orientation vers la permanence France Services pour le dossier papier.',
  'Bonne progression, la personne a réussi seule la deuxième fois.',
];
const PRECISIONS = ['Demande d’aide au logement', 'Prolongation du titre de séjour', 'Déclaration de revenus', 'Prime d’activité'];
const PLACE_KINDS = ['Médiathèque', 'Mairie', 'Espace France Services', 'Tiers-lieu', 'Centre social', 'Bus numérique'];
const STREETS = ['place de la Mairie', 'rue du Commerce', 'route de Nevers', 'avenue de la Gare', 'rue des Écoles', 'Grande Rue'];
const HORAIRES = ['Mo-Fr 09:00-12:00', 'Tu,Th 14:00-18:00', 'We 09:00-12:00,14:00-17:00', 'Mo-Sa 10:00-12:30'];

const DAY = 24 * 60 * 60 * 1000;
/** Activities span two and a half years, like a coordinator's history. */
const FIRST_DAY = Date.UTC(2023, 0, 2);
const LAST_DAY = Date.UTC(2025, 5, 30);

// ---------------------------------------------------------------------------------------------------
// Record assembly: the stamps the repository would have written

export interface StampContext {
  rng: Rng;
  devices: string[];
  nextSeq: () => number;
}

/** Whose records are these: only their author edits them (activities, people), or any device (reference data). */
type Ownership = 'author' | 'shared';

/**
 * Wrap data into a stored record: every data field and `deleted` stamped at creation, and one record in
 * five edited later (one to three fields restamped), as the repository's `update` does — by its author,
 * or for shared reference data sometimes by another device.
 */
function stored<T extends object>(ctx: StampContext, data: T, createdMillis: number, ownership: Ownership): Stored<T> {
  const { rng } = ctx;
  const device = rng.pick(ctx.devices);
  const createdStamp = formatStamp(createdMillis, rng.int(0, 3), device);
  const versions: Record<string, string> = { deleted: createdStamp };
  const replaced: Record<string, string> = {};
  const fields = Object.keys(data);
  for (const key of fields) versions[key] = createdStamp;
  let updatedMillis = createdMillis;
  if (rng.chance(0.2)) {
    // Never past the last generated day: `editOnDevice`'s edits (July 2025) must come after every stamp.
    const editedMillis = createdMillis + rng.int(1, 30) * DAY + rng.int(0, DAY - 1);
    updatedMillis = Math.max(createdMillis + 1, Math.min(editedMillis, LAST_DAY + DAY - 1));
    const editStamp = formatStamp(updatedMillis, 0, ownership === 'author' || rng.chance(0.8) ? device : rng.pick(ctx.devices));
    for (const key of rng.sample(fields, rng.int(1, 3))) {
      versions[key] = editStamp;
      replaced[key] = createdStamp; // what the edit overwrote, as the repository records it
    }
  }
  const meta: RecordMeta = {
    id: seededRecordId(rng, createdMillis, device),
    createdAt: new Date(createdMillis).toISOString(),
    updatedAt: new Date(updatedMillis).toISOString(),
    authorDevice: device,
    versions,
    ...(Object.keys(replaced).length > 0 ? { replaced } : {}),
    deleted: 0,
    erased: 0,
    seq: ctx.nextSeq(),
  };
  return { ...data, ...meta } as Stored<T>;
}

function isoDay(millis: number): string {
  return new Date(millis).toISOString().slice(0, 10);
}

function randomDay(rng: Rng): number {
  return FIRST_DAY + rng.int(0, Math.floor((LAST_DAY - FIRST_DAY) / DAY)) * DAY;
}

/** Working hours on that day: when the mediator typed the record. */
function during(rng: Rng, day: number): number {
  return day + rng.int(8 * 60, 18 * 60) * 60_000 + rng.int(0, 59_999);
}

function communeRef(c: (typeof COMMUNES)[number]): CommuneRef {
  return { codeInsee: c.codeInsee, nom: c.nom, codePostal: c.codePostal };
}

// ---------------------------------------------------------------------------------------------------
// One generator per kind

function makeVillage(ctx: StampContext, index: number): Stored<Village> {
  const commune = COMMUNES[index % COMMUNES.length];
  const data: Village = { commune: communeRef(commune), departement: commune.departement, population: ctx.rng.int(150, 12000) };
  if (ctx.rng.chance(0.3)) data.notes = 'Fibre annoncée pour l’an prochain ; peu de réseau mobile au bourg.';
  return stored(ctx, data, during(ctx.rng, FIRST_DAY - ctx.rng.int(1, 60) * DAY), 'shared');
}

function makePlace(ctx: StampContext, villages: Stored<Village>[]): Stored<Place> {
  const { rng } = ctx;
  const village = rng.pick(villages);
  const day = randomDay(rng);
  const data: Place = {
    nom: `${rng.pick(PLACE_KINDS)} de ${village.commune.nom}`,
    adresse: `${rng.int(1, 40)} ${rng.pick(STREETS)}`,
    commune: { ...village.commune },
    villageId: village.id,
    typologie: rng.sample(TYPOLOGIES, rng.int(1, 2)),
    services: rng.sample(SERVICES, rng.int(1, 4)),
    publics: rng.sample(PUBLICS, rng.int(0, 2)),
    priseEnChargeSpecifique: rng.sample(['Surdité', 'Handicaps moteurs', 'Illettrisme'] as const, rng.int(0, 1)),
    fraisACharge: [rng.pick(FRAIS)],
    modalitesAcces: rng.sample(MODALITES_ACCES, rng.int(1, 2)),
    modalitesAccompagnement: rng.sample(MODALITES_ACCOMPAGNEMENT, rng.int(1, 3)),
    dispositifs: rng.sample(DISPOSITIFS, rng.int(0, 2)),
    dateMaj: isoDay(day),
  };
  if (rng.chance(0.7)) data.pivot = String(rng.int(10_000_000, 99_999_999)) + String(rng.int(100_000, 999_999));
  if (rng.chance(0.8)) data.horaires = rng.pick(HORAIRES);
  if (rng.chance(0.5)) data.itinerance = rng.chance(0.9) ? 'Fixe' : 'Itinérant';
  if (rng.chance(0.6)) {
    data.latitude = Math.round((44 + rng.next() * 3.5) * 1e5) / 1e5;
    data.longitude = Math.round((2 + rng.next() * 2) * 1e5) / 1e5;
  }
  return stored(ctx, data, during(rng, day), 'shared');
}

function makeBeneficiary(ctx: StampContext, index: number): Stored<Beneficiary> {
  const { rng } = ctx;
  const data: Beneficiary = {
    code: `B-${String(index + 1).padStart(4, '0')}`,
    genre: rng.pick(GENRES),
    trancheAge: rng.pick(TRANCHES_AGE),
    statutSocial: rng.pick(STATUTS_SOCIAUX),
    dejaAccompagne: rng.chance(0.4),
  };
  if (rng.chance(0.7)) data.communeResidence = communeRef(rng.pick(COMMUNES));
  return stored(ctx, data, during(rng, randomDay(rng)), 'author');
}

function makeSurvey(ctx: StampContext, villages: Stored<Village>[], places: Stored<Place>[]): Stored<Survey> {
  const { rng } = ctx;
  const village = rng.pick(villages);
  const day = randomDay(rng);
  const equipements = rng.sample(EQUIPEMENTS_VILLAGE, rng.int(0, 4));
  const data: Survey = {
    villageId: village.id,
    date: isoDay(day),
    author: `Médiateur ${rng.int(1, 12)}`,
    technologiesFixes: rng.sample(TECHNOLOGIES_FIXES, rng.int(1, 3)),
    statutFibre: rng.pick(STATUTS_FIBRE),
    debit: rng.pick(DEBITS),
    couvertureVoix: rng.pick(COUVERTURES_MOBILES),
    couverture4g: rng.pick(COUVERTURES_MOBILES),
    equipements,
    nombrePointsAcces: rng.int(0, 4),
    placeIds: places.length > 0 ? [rng.pick(places).id] : [],
    publicsPrioritaires: rng.sample(PUBLICS_PRIORITAIRES, rng.int(1, 3)),
    thematiquesBesoins: rng.sample(THEMATIQUES, rng.int(1, 4)),
    stadeMaturite: rng.pick(STADES_MATURITE),
  };
  if (!equipements.includes('france_services')) data.distanceFranceServicesKm = rng.int(2, 45);
  if (rng.chance(0.5)) data.notes = 'Beaucoup de demandes autour des démarches en ligne ; pas de wifi public au bourg.';
  return stored(ctx, data, during(rng, day), 'shared');
}

interface Links {
  villages: Stored<Village>[];
  places: Stored<Place>[];
  beneficiaries: Stored<Beneficiary>[];
}

/** Where the activity happened: a place (most often), remote, at home or elsewhere (with the commune). */
function activityLocation(rng: Rng, links: Links): Pick<Activity, 'typeLieu' | 'placeId' | 'commune' | 'villageId'> {
  const roll = rng.next();
  const village = rng.pick(links.villages);
  if (roll < 0.6 && links.places.length > 0) {
    const place = rng.pick(links.places);
    return { typeLieu: 'lieu_activite', placeId: place.id, villageId: place.villageId ?? village.id };
  }
  if (roll < 0.8) return { typeLieu: 'a_distance', villageId: village.id };
  return { typeLieu: roll < 0.9 ? 'domicile' : 'autre', commune: { ...village.commune }, villageId: village.id };
}

function activityThemes(rng: Rng): Pick<Activity, 'thematiques' | 'thematiquesDemarche' | 'precisionsDemarche'> {
  const general = THEMATIQUES.filter((t) => t !== THEMATIQUE_DEMARCHES);
  const thematiques: Activity['thematiques'] = rng.sample(general, rng.int(1, 2));
  if (!rng.chance(0.35)) return { thematiques, thematiquesDemarche: [] };
  const result: ReturnType<typeof activityThemes> = {
    thematiques: [...thematiques, THEMATIQUE_DEMARCHES],
    thematiquesDemarche: rng.sample(THEMATIQUES_DEMARCHE, rng.int(1, 2)),
  };
  if (rng.chance(0.4)) result.precisionsDemarche = rng.pick(PRECISIONS);
  return result;
}

function anonymousCounts(rng: Rng): AnonymousCounts {
  const total = rng.int(3, 15);
  const feminin = rng.int(0, total);
  const masculin = rng.int(0, total - feminin);
  const seniors = rng.int(0, total);
  return {
    total,
    dejaAccompagne: rng.int(0, total),
    genres: { feminin, masculin, non_communique: total - feminin - masculin },
    tranchesAge: { soixante_soixante_neuf: seniors, quarante_cinquante_neuf: total - seniors },
    statutsSociaux: { retraite: rng.int(0, total) },
  };
}

function makeActivity(ctx: StampContext, links: Links): Stored<Activity> {
  const { rng } = ctx;
  const day = randomDay(rng);
  const individual = rng.chance(0.7);
  const materiel: Activity['materiel'] = rng.chance(0.1) ? ['aucun'] : rng.sample(['ordinateur', 'telephone', 'tablette', 'autre'] as const, rng.int(1, 2));
  const data: Activity = {
    type: individual ? 'individuel' : 'collectif',
    date: isoDay(day),
    duree: rng.chance(0.85) ? rng.pick(DUREE_PRESETS) : rng.int(5, 180),
    ...activityLocation(rng, links),
    ...activityThemes(rng),
    materiel,
    tags: rng.chance(0.4) ? rng.sample(TAGS, rng.int(1, 2)) : [],
    beneficiaryIds: [],
  };
  if (rng.chance(0.25)) data.notes = rng.pick(NOTES);
  const followed = links.beneficiaries;
  if (individual) {
    if (followed.length > 0 && rng.chance(0.4)) data.beneficiaryIds = [rng.pick(followed).id];
    if (rng.chance(0.8)) data.autonomie = rng.pick(AUTONOMIE);
    if (rng.chance(0.8)) {
      data.orienteVersStructure = rng.chance(0.3);
      if (data.orienteVersStructure) data.structureDeRedirection = rng.pick(STRUCTURES_REDIRECTION);
    }
  } else {
    data.titreAtelier = rng.pick(WORKSHOP_TITLES);
    if (rng.chance(0.7)) data.niveau = rng.pick(NIVEAUX);
    if (followed.length > 0 && rng.chance(0.3)) data.beneficiaryIds = rng.sample(followed, rng.int(1, 3)).map((b) => b.id);
    data.participantsAnonymes = anonymousCounts(rng);
  }
  return stored(ctx, data, during(rng, day), 'author');
}

// ---------------------------------------------------------------------------------------------------
// Whole datasets

export interface Dataset {
  villages: Stored<Village>[];
  places: Stored<Place>[];
  beneficiaries: Stored<Beneficiary>[];
  surveys: Stored<Survey>[];
  activities: Stored<Activity>[];
}
export type TableName = keyof Dataset;
/** Tables of the records only their author may change (renderer/src/domain/kinds.ts, ownership `author`). */
export const AUTHORED_TABLES: readonly TableName[] = ['activities', 'beneficiaries'];
/** Shared reference data. */
export const SHARED_TABLES: readonly TableName[] = ['villages', 'places', 'surveys'];
/** Tables in the order a bundle or a restore writes them (referenced records first). */
export const TABLES: TableName[] = ['villages', 'places', 'beneficiaries', 'surveys', 'activities'];

/** How a coordinator's records split between kinds: mostly activities. Sums to `size` exactly. */
export function datasetMix(size: number): Record<TableName, number> {
  const villages = Math.max(3, Math.round(size * 0.002));
  const places = Math.max(2, Math.round(size * 0.01));
  const beneficiaries = Math.max(2, Math.round(size * 0.08));
  const surveys = Math.max(1, Math.round(size * 0.02));
  return { villages, places, beneficiaries, surveys, activities: Math.max(0, size - villages - places - beneficiaries - surveys) };
}

/** Device ids of the mediators whose records a coordinator gathers (key-derived form: 32 hex). */
export function deviceIds(rng: Rng, count: number): string[] {
  return Array.from({ length: count }, () => rng.hex(32));
}

/** How many mediators' records a coordinator's database gathers. */
export const AUTHORS = 8;

/**
 * A coordinator's database of `size` records. `devices`: the ids of the mediators who wrote them (the
 * bench page derives them from real keys, so it can seal their records); seeded ones otherwise.
 */
export function generateDataset(size: number, seed = 20240601, devices?: readonly string[]): Dataset {
  let dataset: Dataset | undefined;
  for (const part of datasetInParts(size, seed, { devices })) {
    if (!dataset) dataset = part;
    else for (const activity of part.activities) dataset.activities.push(activity);
  }
  return dataset!;
}

/**
 * The same records as `generateDataset`, the activities handed out `chunk` at a time (the first part
 * also carries every other table): a million activities (scenario 10 at 1M) never sit in memory at
 * once. `activities` caps how many activities are made (the rest of the mix is unchanged).
 */
export function* datasetInParts(size: number, seed = 20240601, options: { devices?: readonly string[]; chunk?: number; activities?: number } = {}): Generator<Dataset> {
  const rng = createRng(seed);
  let seq = 0;
  const seeded = deviceIds(rng, AUTHORS); // drawn either way: the same seed gives the same records
  const ctx: StampContext = { rng, devices: options.devices ? [...options.devices] : seeded, nextSeq: () => ++seq };
  const mix = datasetMix(size);
  const villages = Array.from({ length: mix.villages }, (_, i) => makeVillage(ctx, i));
  const places = Array.from({ length: mix.places }, () => makePlace(ctx, villages));
  const beneficiaries = Array.from({ length: mix.beneficiaries }, (_, i) => makeBeneficiary(ctx, i));
  const surveys = Array.from({ length: mix.surveys }, () => makeSurvey(ctx, villages, places));
  const total = Math.min(mix.activities, options.activities ?? Infinity);
  const chunk = options.chunk ?? Infinity;
  let first = true;
  for (let made = 0; first || made < total; first = false) {
    const count = Math.min(chunk, total - made);
    const activities = Array.from({ length: count }, () => makeActivity(ctx, { villages, places, beneficiaries }));
    made += count;
    yield first ? { villages, places, beneficiaries, surveys, activities } : { villages: [], places: [], beneficiaries: [], surveys: [], activities };
  }
}

export function countRecords(dataset: Dataset): number {
  return TABLES.reduce((sum, table) => sum + dataset[table].length, 0);
}

// ---------------------------------------------------------------------------------------------------
// Edits on another device (scenario 2: merges and conflicts)

type AnyStored = Stored<object> & Record<string, unknown>;

/** One valid edit per kind: the field a person would plausibly change, and a new value for it. */
function editOf(table: TableName, record: AnyStored, rng: Rng): [string, unknown] {
  switch (table) {
    case 'activities': {
      if (rng.chance(0.5)) return ['duree', rng.pick(DUREE_PRESETS.filter((d) => d !== record.duree))];
      return ['notes', `${rng.pick(NOTES)} (${rng.hex(4)})`];
    }
    case 'beneficiaries':
      return ['statutSocial', rng.pick(STATUTS_SOCIAUX.filter((s) => s !== record.statutSocial))];
    case 'places':
      return ['horaires', `${rng.pick(HORAIRES)}; PH off`];
    case 'surveys':
      return ['notes', `Mise à jour ${rng.hex(4)} : nouvelle antenne 4G annoncée.`];
    case 'villages':
      return ['population', (record.population as number) + rng.int(1, 50)];
  }
}

export interface EditPlan {
  /** Fraction of records edited (of `tables`). */
  fraction: number;
  /**
   * Who edits shared reference data; the records only their author may change (activities, people) are
   * edited by their author (a mediator's later version, as a coordinator would relay it).
   */
  device: string;
  /** The tables edited (every table unless said). */
  tables?: readonly TableName[];
  /** Wall time of the edits (all later than any generated stamp). */
  millis: number;
  seed: number;
}

/**
 * A copy of `dataset` where `plan.fraction` of the records (chosen by the seed) have one field edited on
 * `plan.device`. Records are copied only when edited; the others are shared with the input.
 */
export function editOnDevice(dataset: Dataset, plan: EditPlan): { dataset: Dataset; editedIds: Set<string> } {
  const rng = createRng(plan.seed);
  const editedIds = new Set<string>();
  const out = {} as Dataset;
  let counter = 0;
  for (const table of TABLES) {
    out[table] = (dataset[table] as unknown as AnyStored[]).map((record) => {
      if (plan.tables && !plan.tables.includes(table)) return record;
      if (!rng.chance(plan.fraction)) return record;
      const [field, value] = editOf(table, record, rng);
      const editor = AUTHORED_TABLES.includes(table) ? record.authorDevice : plan.device;
      const stamp = formatStamp(plan.millis, counter++ % 0x10000, editor);
      editedIds.add(record.id);
      // The other device edited after receiving the record: it knew the value it replaced (none when
      // the field was empty: an undefined entry would be stored as such and differ from the merge's).
      const previous = record.versions[field];
      const replaced = { ...(record.replaced as Record<string, string> | undefined), ...(previous ? { [field]: previous } : {}) };
      return {
        ...record, [field]: value, versions: { ...record.versions, [field]: stamp },
        ...(Object.keys(replaced).length > 0 ? { replaced } : {}),
        updatedAt: new Date(plan.millis).toISOString(),
      };
    }) as never;
  }
  return { dataset: out, editedIds };
}

// ---------------------------------------------------------------------------------------------------
// Checks: sizes and content hashes

/** Sorted-key JSON, `seq` and `updatedAt` left out: the content every device must agree on. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`)
    .join(',')}}`;
}

function syncedView(record: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...record };
  delete copy.seq;
  delete copy.updatedAt;
  return copy;
}

/** Two FNV-1a 32-bit hashes with different offsets: 64 bits, enough to catch any wrong record. */
export function createHasher() {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x9e3779b9;
  return {
    update(text: string): void {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 13);
      }
    },
    digest(): string {
      return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
    },
  };
}

/**
 * Order-independent content hash of a set of records (sync content only), fed a record at a time:
 * each record's canonical content is hashed on its own, and the record digests are hashed in id order.
 * Only ids and 16-character digests are held, so a page can hash a database of 100k records a chunk at a
 * time (the whole content held at once, 270 MB at 100k, crashed scenario 6's page capped at 400 MB
 * in the check after the import).
 */
export function contentHasher() {
  const digests: Array<[string, string]> = [];
  return {
    add(record: object): void {
      const view = syncedView(record as Record<string, unknown>);
      const one = createHasher();
      one.update(canonical(view));
      digests.push([String(view.id), one.digest()]);
    },
    digest(): string {
      digests.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
      const hasher = createHasher();
      for (const [, digest] of digests) {
        hasher.update(digest);
        hasher.update('\n');
      }
      return hasher.digest();
    },
  };
}

export function contentHash(records: Iterable<object>): string {
  const hasher = contentHasher();
  for (const record of records) hasher.add(record);
  return hasher.digest();
}

export function datasetHash(dataset: Dataset): string {
  return contentHash(TABLES.flatMap((table) => dataset[table] as object[]));
}

/** Bytes of the records' plain JSON (UTF-8), the "raw size" bundle sizes are compared with. */
export function jsonBytes(records: Iterable<object>): number {
  const encoder = new TextEncoder();
  let bytes = 0;
  for (const record of records) bytes += encoder.encode(JSON.stringify(record)).length;
  return bytes;
}
