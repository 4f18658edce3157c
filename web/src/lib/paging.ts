// Every list is paged on the server; this keeps antd's page/pageSize and the API's limit/offset in step.
// With `inUrl`, the page and its size live in the URL (?page=&size=), so coming back from a row's
// page (the browser's Back) finds the list where it was.
import type { TablePaginationConfig } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';

const PAGE_SIZES = [10, 20, 50, 100];

export function usePaging(initialPageSize = 20, { inUrl = false }: { inUrl?: boolean } = {}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [localPage, setLocalPage] = useState(1);
  const [localSize, setLocalSize] = useState(initialPageSize);
  const urlSize = Number(params.get('size'));
  const page = inUrl ? Math.max(1, Math.floor(Number(params.get('page'))) || 1) : localPage;
  const pageSize = inUrl ? (PAGE_SIZES.includes(urlSize) ? urlSize : initialPageSize) : localSize;

  const set = useCallback(
    (nextPage: number, nextSize: number) => {
      if (!inUrl) {
        setLocalPage(nextPage);
        setLocalSize(nextSize);
        return;
      }
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (nextPage > 1) next.set('page', String(nextPage));
          else next.delete('page');
          if (nextSize !== initialPageSize) next.set('size', String(nextSize));
          else next.delete('size');
          return next;
        },
        { replace: true },
      );
    },
    [inUrl, initialPageSize, setParams],
  );
  const reset = useCallback(() => set(1, pageSize), [set, pageSize]);

  const pagination = (total: number | undefined): TablePaginationConfig => ({
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES,
    showTotal: (count, [from, to]) => t('common.range', { from, to, total: count }),
    // A new page size starts from the first page, otherwise the offset may overshoot.
    onChange: (nextPage, nextSize) => set(nextSize !== pageSize ? 1 : nextPage, nextSize),
  });

  return { limit: pageSize, offset: (page - 1) * pageSize, pagination, reset };
}
