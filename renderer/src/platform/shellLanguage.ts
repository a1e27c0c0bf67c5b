/**
 * The desktop shell's menus, dialogs and (from the next start) date fields follow the interface's
 * language, not the system's: the shell is told it at start and at each change (electron/main/
 * shellLanguage.ts). A browser does nothing with it.
 */
import type { i18n } from 'i18next';
import { platform, shellLanguage, type DesktopApi } from './index';

export function tellShellTheLanguage(instance: i18n, api: Pick<DesktopApi, 'setShellLanguage'> = platform): void {
  const tell = (language: string) => {
    // The page works on in its own language if the shell does not answer: only its menus stay as they were.
    api.setShellLanguage({ language: shellLanguage(language) }).catch((error: unknown) => console.warn('setShellLanguage', error));
  };
  tell(instance.language);
  instance.on('languageChanged', tell);
}
