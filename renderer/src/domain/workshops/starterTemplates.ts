/**
 * The starter library that ships with the app, in French and English.
 *
 * Decision: starters are read-only built-ins, not rows seeded into the database. Seeding on first
 * open would create one copy per device, and bundles would then carry six duplicate templates from
 * every trainer to every coordinator. A starter is copied into the database (a normal synced
 * template, `starter: true`, `starterKey`) only when someone uses, edits or duplicates it, in the
 * language they work in at that moment; the copy is then theirs to change.
 */
import type { Materiel, Niveau, Thematique } from '../codes';
import type { PixCompetence } from './pix';
import type { WorkshopTemplate } from './types';

export type StarterLanguage = 'fr' | 'en';

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
  text: Record<StarterLanguage, LocalizedText>;
}

const STARTERS: StarterDefinition[] = [
  {
    key: 'souris-clavier',
    niveau: 'debutant',
    thematiques: ['prendre_en_main_du_materiel'],
    competencesPix: ['5.1', '5.2'],
    duree: 90,
    materiel: ['ordinateur'],
    text: {
      fr: {
        titre: 'Premiers pas avec la souris et le clavier',
        objectifs: 'Allumer et éteindre un ordinateur, tenir et utiliser la souris (clic, double-clic, glisser), écrire un court texte au clavier.',
        materielNecessaire: 'Un ordinateur par personne, des souris de rechange, un tapis de souris, un jeu d’entraînement hors ligne.',
        etapes: [
          'Accueil et tour de table : ce que chacun veut savoir faire',
          'Allumer l’ordinateur, reconnaître l’écran d’accueil',
          'La souris : pointer, cliquer, double-cliquer, glisser-déposer',
          'Le clavier : lettres, majuscules, accents, effacer',
          'Exercice : écrire et enregistrer une liste de courses',
          'Éteindre correctement et bilan',
        ],
      },
      en: {
        titre: 'First steps with a mouse and keyboard',
        objectifs: 'Switch a computer on and off, hold and use the mouse (click, double-click, drag), type a short text on the keyboard.',
        materielNecessaire: 'One computer per person, spare mice, mouse mats, an offline practice game.',
        etapes: [
          'Welcome and round of the table: what each person wants to be able to do',
          'Switch the computer on, recognise the home screen',
          'The mouse: point, click, double-click, drag and drop',
          'The keyboard: letters, capitals, accents, deleting',
          'Exercise: type and save a shopping list',
          'Shut down properly and review',
        ],
      },
    },
  },
  {
    key: 'adresse-email',
    niveau: 'debutant',
    thematiques: ['email'],
    competencesPix: ['2.1', '4.2'],
    duree: 120,
    materiel: ['ordinateur', 'telephone'],
    text: {
      fr: {
        titre: 'Créer son adresse e-mail',
        objectifs: 'Créer une adresse e-mail, choisir un mot de passe solide, envoyer et lire un message avec une pièce jointe.',
        materielNecessaire: 'Ordinateurs connectés, téléphones des participants pour la vérification, fiches « mon mot de passe » à garder chez soi.',
        etapes: [
          'À quoi sert une adresse e-mail ? Exemples de démarches',
          'Choisir un fournisseur et un identifiant',
          'Un mot de passe solide et où le noter en sécurité',
          'Créer le compte pas à pas',
          'Envoyer un premier message à son voisin de table',
          'Joindre une photo et répondre',
        ],
      },
      en: {
        titre: 'Creating an e-mail address',
        objectifs: 'Create an e-mail address, choose a strong password, send and read a message with an attachment.',
        materielNecessaire: 'Connected computers, participants’ phones for verification, “my password” cards to keep at home.',
        etapes: [
          'What is an e-mail address for? Examples of procedures',
          'Choose a provider and a username',
          'A strong password and where to keep it safely',
          'Create the account step by step',
          'Send a first message to the person next to you',
          'Attach a photo and reply',
        ],
      },
    },
  },
  {
    key: 'franceconnect',
    niveau: 'intermediaire',
    thematiques: ['aide_aux_demarches_administratives', 'navigation_sur_internet'],
    competencesPix: ['1.1', '2.4', '4.2'],
    duree: 120,
    materiel: ['ordinateur'],
    text: {
      fr: {
        titre: 'FranceConnect et démarches en ligne',
        objectifs: 'Comprendre FranceConnect, se connecter à un service public avec un compte existant, retrouver un document officiel.',
        materielNecessaire: 'Ordinateurs connectés, vidéoprojecteur, comptes de démonstration, liste des sites officiels (.gouv.fr).',
        etapes: [
          'Les services publics en ligne : lesquels, pour quoi faire',
          'Reconnaître un site officiel (.gouv.fr) d’un site payant',
          'FranceConnect : un bouton, plusieurs comptes possibles',
          'Démonstration : se connecter et télécharger une attestation',
          'Exercice guidé avec les comptes de démonstration',
          'Où trouver de l’aide : France Services, Aidants Connect',
        ],
      },
      en: {
        titre: 'FranceConnect and online procedures',
        objectifs: 'Understand FranceConnect, sign in to a public service with an existing account, find an official document.',
        materielNecessaire: 'Connected computers, projector, demonstration accounts, list of official sites (.gouv.fr).',
        etapes: [
          'Public services online: which ones, what for',
          'Tell an official site (.gouv.fr) from a paid look-alike',
          'FranceConnect: one button, several possible accounts',
          'Demonstration: sign in and download a certificate',
          'Guided exercise with the demonstration accounts',
          'Where to get help: France Services, Aidants Connect',
        ],
      },
    },
  },
  {
    key: 'arnaques',
    niveau: 'intermediaire',
    thematiques: ['securite_numerique'],
    competencesPix: ['4.1', '4.2'],
    duree: 90,
    materiel: ['ordinateur', 'telephone'],
    text: {
      fr: {
        titre: 'Repérer les arnaques',
        objectifs: 'Reconnaître un message frauduleux (SMS, e-mail, appel), savoir quoi faire et à qui le signaler.',
        materielNecessaire: 'Exemples imprimés de faux messages, vidéoprojecteur, fiche mémo « les bons réflexes ».',
        etapes: [
          'Tour de table : avez-vous déjà reçu un message suspect ?',
          'Les signes qui doivent alerter : urgence, fautes, lien étrange',
          'Jeu : vrai ou faux message ?',
          'Que faire si j’ai cliqué ou donné mes informations',
          'Signaler : 33700, Pharos, cybermalveillance.gouv.fr',
        ],
      },
      en: {
        titre: 'Spotting scams',
        objectifs: 'Recognise a fraudulent message (text, e-mail, call), know what to do and where to report it.',
        materielNecessaire: 'Printed examples of fake messages, projector, “good habits” reminder card.',
        etapes: [
          'Round of the table: have you ever received a suspicious message?',
          'Warning signs: urgency, mistakes, strange link',
          'Game: real or fake message?',
          'What to do if I clicked or gave my details',
          'Reporting: 33700, Pharos, cybermalveillance.gouv.fr',
        ],
      },
    },
  },
  {
    key: 'smartphone',
    niveau: 'debutant',
    thematiques: ['prendre_en_main_du_materiel'],
    competencesPix: ['5.1', '5.2', '2.1'],
    duree: 90,
    materiel: ['telephone'],
    text: {
      fr: {
        titre: 'Utiliser son smartphone',
        objectifs: 'Maîtriser les gestes de base, régler l’affichage, installer une application utile et gérer ses contacts.',
        materielNecessaire: 'Les smartphones des participants (chargés), chargeurs, une tablette de démonstration.',
        etapes: [
          'Les gestes : toucher, glisser, pincer, appui long',
          'Régler la taille du texte, la luminosité, le volume',
          'Le Wi-Fi et les données mobiles',
          'Installer une application depuis le magasin officiel',
          'Ajouter un contact et passer un appel',
        ],
      },
      en: {
        titre: 'Using a smartphone',
        objectifs: 'Master the basic gestures, adjust the display, install a useful app and manage contacts.',
        materielNecessaire: 'Participants’ own smartphones (charged), chargers, a demonstration tablet.',
        etapes: [
          'Gestures: tap, swipe, pinch, long press',
          'Adjust text size, brightness, volume',
          'Wi-Fi and mobile data',
          'Install an app from the official store',
          'Add a contact and make a call',
        ],
      },
    },
  },
  {
    key: 'appels-video',
    niveau: 'debutant',
    thematiques: ['reseaux_sociaux', 'prendre_en_main_du_materiel'],
    competencesPix: ['2.1', '2.2'],
    duree: 90,
    materiel: ['telephone', 'tablette'],
    text: {
      fr: {
        titre: 'Appels vidéo avec la famille',
        objectifs: 'Passer et recevoir un appel vidéo, partager une photo, régler le son et la caméra.',
        materielNecessaire: 'Smartphones ou tablettes, casques ou écouteurs, un second appareil pour s’appeler entre participants.',
        etapes: [
          'Quelles applications pour les appels vidéo',
          'Installer et ouvrir l’application',
          'Appeler quelqu’un de la salle, répondre à un appel',
          'Couper le micro, retourner la caméra, régler le son',
          'Partager une photo pendant ou après l’appel',
        ],
      },
      en: {
        titre: 'Video calls with family',
        objectifs: 'Make and answer a video call, share a photo, adjust sound and camera.',
        materielNecessaire: 'Smartphones or tablets, headsets or earphones, a second device to call each other in the room.',
        etapes: [
          'Which apps for video calls',
          'Install and open the app',
          'Call someone in the room, answer a call',
          'Mute, switch camera, adjust the sound',
          'Share a photo during or after the call',
        ],
      },
    },
  },
];

export const STARTER_KEYS = STARTERS.map((s) => s.key);

/** The built-in templates in one language, shaped like stored templates (without sync metadata). */
export function starterTemplates(language: StarterLanguage): WorkshopTemplate[] {
  return STARTERS.map((s) => {
    const text = s.text[language];
    return {
      titre: text.titre,
      objectifs: text.objectifs,
      niveau: s.niveau,
      thematiques: [...s.thematiques],
      competencesPix: [...s.competencesPix],
      duree: s.duree,
      materiel: [...s.materiel],
      materielNecessaire: text.materielNecessaire,
      // Step ids are the same in both languages, so a template copied in one language keeps its ticks.
      etapes: text.etapes.map((titre, i) => ({ id: `${s.key}-${i + 1}`, titre })),
      starter: true,
      starterKey: s.key,
    };
  });
}

export function starterTemplate(key: string, language: StarterLanguage): WorkshopTemplate | undefined {
  return starterTemplates(language).find((t) => t.starterKey === key);
}
