import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '.';
import { LANGUAGES, LANGUAGE_CODES, type Language, languageOf } from './languages';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('shell.language')}
      data-testid="lang-switch"
      value={languageOf(i18n.language)}
      options={LANGUAGE_CODES.map((code) => ({ label: LANGUAGES[code].label, title: LANGUAGES[code].name, value: code }))}
      onChange={setLanguage}
    />
  );
}
