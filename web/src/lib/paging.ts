// Every list is paged on the server; this keeps antd's page/pageSize and the API's limit/offset in step.
import type { TablePaginationConfig } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function usePaging(initialPageSize = 20) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);

  const reset = useCallback(() => setPage(1), []);

  const pagination = (total: number | undefined): TablePaginationConfig => ({
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (count, [from, to]) => t('common.range', { from, to, total: count }),
    onChange: (nextPage, nextSize) => {
      // A new page size starts from the first page, otherwise the offset may overshoot.
      setPage(nextSize !== pageSize ? 1 : nextPage);
      setPageSize(nextSize);
    },
  });

  return { limit: pageSize, offset: (page - 1) * pageSize, pagination, reset };
}
