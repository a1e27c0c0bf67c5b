/**
 * The language the person reads Relais in, as the shell knows it. Without it, the shell's own words
 * (menus, file dialogs) and Chromium's (date fields: jj/mm/aaaa or mm/dd/yyyy) follow the system's
 * language: a French mediator on a laptop set up in English would read a French page with English
 * menus and type a date as month/day, 02/12 for the 12th of February (Electron takes the date format
 * from the system's language, not its region: electron/electron#13023).
 *
 * The page tells the shell its language at start and at each change (`setShellLanguage`). Menus and
 * dialogs follow at once; Chromium's locale is fixed when the app starts, so the language is kept in
 * `<userData>/language.json` and given as `--lang` before ready at the next start (the date fields
 * then follow it too).
 */
import { readFileSync } from 'node:fs';
import registry from '../../locales/languages.json';
import { isShellLanguage, type Language } from '../shared/contract';
import { writeFileAtomic } from './files';
import { pickLocale, type ShellLocale } from './strings';

/** The file, in the user-data folder, that keeps the page's language from one start to the next. */
export const SHELL_LANGUAGE_FILE = 'language.json';

/** What the file said at start, then what the page said since: `undefined` until either spoke. */
let current: Language | undefined;
/** What the file holds (written only when it changes: the page says its language at every start). */
let kept: Language | undefined;

/**
 * The language kept at the last start, or `undefined`: none yet, unreadable, or not one the shell
 * speaks (a hand-edited file never reaches the command line). Call once, before ready.
 */
export function loadShellLanguage(file: string): Language | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const language = typeof parsed === 'object' && parsed !== null ? (parsed as { language?: unknown }).language : undefined;
    kept = isShellLanguage(language) ? language : undefined;
  } catch {
    kept = undefined;
  }
  current = kept;
  return kept;
}

/**
 * The page's language, told by the page: kept in `file` when it differs from what the file holds.
 * True when it differs from the language the shell was speaking (the menu is then rebuilt).
 */
export async function keepShellLanguage(file: string, language: Language): Promise<boolean> {
  const changed = language !== current;
  current = language;
  if (language !== kept) {
    await writeFileAtomic(file, new TextEncoder().encode(`${JSON.stringify({ language })}\n`));
    kept = language;
  }
  return changed;
}

/** The shell's words: the page's language once known, else the system's (`app.getLocale()`). */
export function shellLocaleFor(systemLocale: string): ShellLocale {
  return pickLocale(current ?? systemLocale);
}

/** Chromium's locale (`--lang`) for a language: the one the page formats dates and numbers with (en → en-GB). */
export function chromiumLocale(language: Language): string {
  return registry.find((entry) => entry.code === language)?.intl ?? registry[0].intl;
}
