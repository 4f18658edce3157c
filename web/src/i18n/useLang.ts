import { useTranslation } from 'react-i18next';
import { type PairLanguage, pairLanguage } from './languages';

/** The half to show of texts that come as Vietnamese/English pairs in data (indicator names, a record's timeline); the server's messages go through serverText(). */
export function useLang(): PairLanguage {
  const { i18n } = useTranslation();
  return pairLanguage(i18n.language);
}
