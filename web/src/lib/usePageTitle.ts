import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Browser tab title: "<page> – Y Tế Cơ Sở", so officials can tell their open tabs apart. */
export function usePageTitle(page: string): void {
  const { t } = useTranslation();
  const product = t('app.name');
  useEffect(() => {
    document.title = page ? `${page} – ${product}` : product;
  }, [page, product]);
}
