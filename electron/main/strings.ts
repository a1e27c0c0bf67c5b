/**
 * The few words the main process shows (menus, dialogs). The renderer has i18next; main only needs
 * this tiny dictionary, and keeping it typed means a missing English word is a compile error.
 */
import type { FileKind } from '../shared/contract';

export type ShellLocale = 'fr' | 'en';

const fr = {
  menuFile: 'Fichier',
  menuQuit: 'Quitter',
  menuEdit: 'Édition',
  menuUndo: 'Annuler',
  menuRedo: 'Rétablir',
  menuCut: 'Couper',
  menuCopy: 'Copier',
  menuPaste: 'Coller',
  menuSelectAll: 'Tout sélectionner',
  menuView: 'Affichage',
  menuResetZoom: 'Taille réelle',
  menuZoomIn: 'Zoom avant',
  menuZoomOut: 'Zoom arrière',
  menuFullScreen: 'Plein écran',
  menuDevTools: 'Outils de développement',
  menuHelp: 'Aide',
  menuAbout: 'À propos de Relais',
  aboutDetail: 'Relais {version}\nCarnet hors ligne pour la médiation numérique.\nDonnées\u00a0: {dataLocation}',
  ok: 'OK',
  saveTitle: 'Enregistrer',
  openTitle: 'Ouvrir',
  allFiles: 'Tous les fichiers',
  kindBundle: 'Paquet de synchronisation Relais',
  kindCard: 'Carte de contact Relais',
  kindBackup: 'Sauvegarde ou export complet Relais',
  kindPdf: 'Document PDF',
  kindJson: 'Fichier JSON',
  kindCsv: 'Tableau CSV',
  kindXlsx: 'Classeur Excel',
  kindText: 'Texte',
  openFolderTitle: 'Choisir un dossier',
  linkTitle: 'Ouvrir cette page d’aide dans votre navigateur\u202f?',
  linkDetail: '{url}\n\nRelais ne se connecte jamais à Internet\u00a0: la page s’ouvrira dans votre navigateur, en dehors de Relais.',
  linkOpen: 'Ouvrir dans le navigateur',
  cancel: 'Annuler',
  colon: '\u00a0: ',
  megabytes: '{count}\u00a0Mo',
  diagTitle: 'Diagnostic de Relais',
  diagVersion: 'Version',
  diagDevelopment: 'développement',
  diagSystem: 'Système',
  diagLocale: 'Langue du système',
  diagDataFolder: 'Dossier des données',
  diagLog: 'Dernières lignes du journal ({count})',
  diagNoLog: '(journal vide)',
  refusedTitle: 'Fichier non ouvert',
  chooseInbox: 'Dossier de réception des paquets',
  chooseOutbox: 'Dossier d’envoi des paquets',
  chooseFolder: 'Choisir ce dossier',
  refusedMessage: 'Relais n’a pas pu ouvrir ce fichier.',
  refusedTooLarge: '«\u00a0{name}\u00a0»\u00a0: trop volumineux (plus de {limit}).',
  refusedUnreadable: '«\u00a0{name}\u00a0»\u00a0: introuvable ou illisible.',
};

export type StringKey = keyof typeof fr;

const en: Record<StringKey, string> = {
  menuFile: 'File',
  menuQuit: 'Quit',
  menuEdit: 'Edit',
  menuUndo: 'Undo',
  menuRedo: 'Redo',
  menuCut: 'Cut',
  menuCopy: 'Copy',
  menuPaste: 'Paste',
  menuSelectAll: 'Select all',
  menuView: 'View',
  menuResetZoom: 'Actual size',
  menuZoomIn: 'Zoom in',
  menuZoomOut: 'Zoom out',
  menuFullScreen: 'Full screen',
  menuDevTools: 'Developer tools',
  menuHelp: 'Help',
  menuAbout: 'About Relais',
  aboutDetail: 'Relais {version}\nOffline notebook for digital-inclusion mediation.\nData: {dataLocation}',
  ok: 'OK',
  saveTitle: 'Save',
  openTitle: 'Open',
  allFiles: 'All files',
  kindBundle: 'Relais sync bundle',
  kindCard: 'Relais contact card',
  kindBackup: 'Relais backup or full export',
  kindPdf: 'PDF document',
  kindJson: 'JSON file',
  kindCsv: 'CSV table',
  kindXlsx: 'Excel workbook',
  kindText: 'Text',
  openFolderTitle: 'Choose a folder',
  linkTitle: 'Open this help page in your browser?',
  linkDetail: '{url}\n\nRelais never connects to the Internet: the page will open in your browser, outside Relais.',
  linkOpen: 'Open in browser',
  cancel: 'Cancel',
  colon: ': ',
  megabytes: '{count} MB',
  diagTitle: 'Relais diagnostics',
  diagVersion: 'Version',
  diagDevelopment: 'development',
  diagSystem: 'System',
  diagLocale: 'System language',
  diagDataFolder: 'Data folder',
  diagLog: 'Last log lines ({count})',
  diagNoLog: '(empty log)',
  refusedTitle: 'File not opened',
  chooseInbox: 'Folder where bundles arrive',
  chooseOutbox: 'Folder where bundles are sent',
  chooseFolder: 'Choose this folder',
  refusedMessage: 'Relais could not open this file.',
  refusedTooLarge: '“{name}”: too large (over {limit}).',
  refusedUnreadable: '“{name}”: missing or unreadable.',
};

const dictionaries: Record<ShellLocale, Record<StringKey, string>> = { fr, en };

export const KIND_LABEL: Record<FileKind, StringKey> = {
  bundle: 'kindBundle',
  card: 'kindCard',
  backup: 'kindBackup',
  pdf: 'kindPdf',
  json: 'kindJson',
  csv: 'kindCsv',
  xlsx: 'kindXlsx',
  text: 'kindText',
};

/**
 * French unless the system asks for English: our users are French mediators, and a machine set
 * to some third language is more likely shared in France than read by an English speaker.
 */
export function pickLocale(systemLocale: string): ShellLocale {
  return systemLocale.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

/** Look a word up and fill `{name}` placeholders. */
export function t(locale: ShellLocale, key: StringKey, values: Record<string, string> = {}): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
