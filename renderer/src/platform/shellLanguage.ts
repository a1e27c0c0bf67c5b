/**
 * The desktop shell's menus, dialogs and (from the next start) date fields follow the interface's
 * language, not the system's: the shell is told it at start and at each change (electron/main/
 * shellLanguage.ts). A browser does nothing with it.
 */
import type { i18n } from 'i18next';
import { platform, shellLanguage, type DesktopApi } from './index';

export function tellShellTheLanguage(instance: i18n, api: Pick<DesktopApi, 'setShellLanguage'> = platform): void {
  const tell = (language: string) => {
    // The page starts and works on whatever the shell answers (an error, a throw, an older shell without
    // the call): only the menus and date fields stay as they were.
    Promise.resolve()
      .then(() => api.setShellLanguage({ language: shellLanguage(language) }))
      .catch((error: unknown) => console.warn('setShellLanguage', error));
  };
  tell(instance.language);
  instance.on('languageChanged', tell);
}
