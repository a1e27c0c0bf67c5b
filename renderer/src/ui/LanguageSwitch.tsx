import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';

/** Switching language applies at once, everywhere, and is remembered. Each language is named in itself. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((lang: Language) => (
        <button key={lang} type="button" className={`button button--small${i18n.language === lang ? ' is-active' : ''}`}
          aria-pressed={i18n.language === lang} lang={lang} onClick={() => void setLanguage(lang)}>
          {t('language.name', { lng: lang })}
        </button>
      ))}
    </div>
  );
}
