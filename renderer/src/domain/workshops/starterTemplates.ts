/**
 * The starter library that ships with the app. Its words live with every other word, in
 * locales/<lang>/starters.json (so a new language translates them like the rest, and the locale
 * check holds them to the same rules); this file holds what is not words: codes, duration, steps.
 *
 * Decision: starters are read-only built-ins, not rows seeded into the database. Seeding on first
 * open would create one copy per device, and bundles would then carry six duplicate templates from
 * every trainer to every coordinator. A starter is copied into the database (a normal synced
 * template, `starter: true`, `starterKey`) only when someone uses, edits or duplicates it, in the
 * language they work in at that moment; the copy is then theirs to change.
 */
import { DEFAULT_LANGUAGE } from '../../i18n/languages';
import { resourcesFor } from '../../i18n/resources';
import type { Materiel, Niveau, Thematique } from '../codes';
import type { PixCompetence } from './pix';
import type { WorkshopTemplate } from './types';

/** Any language code: one without its own starters.json gets the French starters. */
export type StarterLanguage = string;

interface LocalizedText {
  titre: string;
  objectifs: string;
  materielNecessaire: string;
  etapes: string[];
}

interface StarterDefinition {
  key: string;
  niveau: Niveau;
  thematiques: Thematique[];
  competencesPix: PixCompetence[];
  duree: number;
  materiel: Materiel[];
}

const STARTERS: StarterDefinition[] = [
  {
    key: 'souris-clavier',
    niveau: 'debutant',
    thematiques: ['prendre_en_main_du_materiel'],
    competencesPix: ['5.1', '5.2'],
    duree: 90,
    materiel: ['ordinateur'],
  },
  {
    key: 'adresse-email',
    niveau: 'debutant',
    thematiques: ['email'],
    competencesPix: ['2.1', '4.2'],
    duree: 120,
    materiel: ['ordinateur', 'telephone'],
  },
  {
    key: 'franceconnect',
    niveau: 'intermediaire',
    thematiques: ['aide_aux_demarches_administratives', 'navigation_sur_internet'],
    competencesPix: ['1.1', '2.4', '4.2'],
    duree: 120,
    materiel: ['ordinateur'],
  },
  {
    key: 'arnaques',
    niveau: 'intermediaire',
    thematiques: ['securite_numerique'],
    competencesPix: ['4.1', '4.2'],
    duree: 90,
    materiel: ['ordinateur', 'telephone'],
  },
  {
    key: 'smartphone',
    niveau: 'debutant',
    thematiques: ['prendre_en_main_du_materiel'],
    competencesPix: ['5.1', '5.2', '2.1'],
    duree: 90,
    materiel: ['telephone'],
  },
  {
    key: 'appels-video',
    niveau: 'debutant',
    thematiques: ['reseaux_sociaux', 'prendre_en_main_du_materiel'],
    competencesPix: ['2.1', '2.2'],
    duree: 90,
    materiel: ['telephone', 'tablette'],
  },
];

function textOf(key: string, language: StarterLanguage): LocalizedText {
  const texts = (language: string) => resourcesFor(language)?.starters as Record<string, LocalizedText> | undefined;
  return texts(language)?.[key] ?? (texts(DEFAULT_LANGUAGE) as Record<string, LocalizedText>)[key];
}

export const STARTER_KEYS = STARTERS.map((s) => s.key);

/** The built-in templates in one language, shaped like stored templates (without sync metadata). */
export function starterTemplates(language: StarterLanguage): WorkshopTemplate[] {
  return STARTERS.map((s) => {
    const text = textOf(s.key, language);
    return {
      titre: text.titre,
      objectifs: text.objectifs,
      niveau: s.niveau,
      thematiques: [...s.thematiques],
      competencesPix: [...s.competencesPix],
      duree: s.duree,
      materiel: [...s.materiel],
      materielNecessaire: text.materielNecessaire,
      // Step ids are the same in every language (the locale check keeps the step lists aligned),
      // so a template copied in one language keeps its ticks.
      etapes: text.etapes.map((titre, i) => ({ id: `${s.key}-${i + 1}`, titre })),
      starter: true,
      starterKey: s.key,
    };
  });
}

export function starterTemplate(key: string, language: StarterLanguage): WorkshopTemplate | undefined {
  return starterTemplates(language).find((t) => t.starterKey === key);
}
