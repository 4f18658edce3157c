import { useTranslation } from 'react-i18next';

// The language of texts that come as vi/en pairs in data (indicator names, server warnings).
export function useLang(): 'vi' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'vi';
}
