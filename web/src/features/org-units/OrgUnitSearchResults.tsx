import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '@ytcs/common';
import { formatDate } from '../../lib/dates';
import { useErrorText } from '../../lib/errors';
import { usePaging } from '../../lib/paging';
import { useOrgUnitSearch } from './orgUnits.api';
import { useOrgUnitLabels } from './useOrgUnitLabels';
import { ResponsiveTable } from '../../lib/ResponsiveTable';

type Props = { q: string; asOf: string; selectedId: number | null; onSelect: (id: number) => void };

/**
 * Search answers replace the tree while the search box has text.
 * The parent keys this component by question, so a new question starts at page one.
 */
export function OrgUnitSearchResults({ q, asOf, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const { level, kind } = useOrgUnitLabels();
  const errorText = useErrorText();
  const { limit, offset, pagination } = usePaging(20);
  const search = useOrgUnitSearch({ q, asOf, limit, offset });

  if (search.isError) return <Alert type="error" showIcon title={errorText(search.error)} />;

  return (
    <ResponsiveTable<OrgUnit>
      data-testid="orgunit-search-results"
      size="small"
      rowKey="id"
      loading={search.isFetching}
      dataSource={search.data?.items}
      pagination={pagination(search.data?.total)}
      emptyText={t('orgUnit.noResults')}
      rowClassName={(unit) => (unit.id === selectedId ? 'row-selected' : '')}
      onRowClick={(unit) => onSelect(unit.id)}
      columns={[
        {
          title: t('orgUnit.name'),
          key: 'name',
          render: (_, unit) => (
            <div>
              <Typography.Link>{unit.name}</Typography.Link>
              <div className="orgunit-result-kind">
                {kind(unit.kind)} · {level(unit.level)}
              </div>
            </div>
          ),
        },
        { title: t('orgUnit.code'), dataIndex: 'code', width: 100 },
        {
          title: t('orgUnit.validTo'),
          dataIndex: 'validTo',
          width: 110,
          render: (validTo: string | null) => (validTo ? formatDate(validTo) : t('common.current')),
        },
      ]}
    />
  );
}
