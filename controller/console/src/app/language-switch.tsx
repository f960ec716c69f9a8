import { useLang, useT } from '../i18n/catalogue';

/**
 * Switches the console's language. The button reads as the language it switches to, in that language, and its
 * accessible name starts with what a person sees (WCAG 2.5.3, "label in name").
 */
export function LanguageSwitch({ onToggle }: { onToggle: () => void }) {
  const t = useT();
  const lang = useLang();
  return (
    <button type="button" className="bc-header__button" onClick={onToggle} data-testid="language-switch">
      <span lang={lang === 'id' ? 'en' : 'id'}>{lang === 'id' ? t('languageEnglish') : t('languageIndonesian')}</span>
      <span className="bc-sr"> · {t('switchLanguage')}</span>
    </button>
  );
}
