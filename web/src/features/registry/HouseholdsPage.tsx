// Households in the caller's scope, found by the head's name (diacritics optional), the address
// or the household number; a row opens the household and its members.
import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Household } from '@ytcs/common';
import { formatInstantDate } from '../../lib/dates';
import { ListPage } from '../../lib/ListPage';
import { usePaging } from '../../lib/paging';
import { useDebounced } from '../../lib/useDebounced';
import { usePageTitle } from '../../lib/usePageTitle';
import { hasPermission, useMe } from '../auth/auth.api';
import { OrgUnitPicker } from '../org-units/OrgUnitPicker';
import { useHouseholds } from './registry.api';

export function HouseholdsPage() {
  const { t } = useTranslation();
  usePageTitle(t('registry.households'));
  const navigate = useNavigate();
  const canWrite = hasPermission(useMe().data, 'person.write');
  const [query, setQuery] = useState('');
  const [orgUnit, setOrgUnit] = useState<number | undefined>();
  const q = useDebounced(query.trim(), 300);
  const { limit, offset, pagination, reset } = usePaging(20);
  const households = useHouseholds({ q, orgUnit, limit, offset });

  return (
    <ListPage<Household>
      title={t('registry.households')}
      search={{
        value: query,
        onChange: (value) => {
          setQuery(value);
          reset();
        },
        placeholder: t('registry.householdSearch'),
        testId: 'households-search',
        wide: true,
      }}
      filters={
        <div className="toolbar-unit">
          <OrgUnitPicker
            value={orgUnit}
            onChange={(id) => {
              setOrgUnit(id);
              reset();
            }}
            allowClear
            placeholder={t('registry.unitFilter')}
            data-testid="households-unit"
          />
        </div>
      }
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/households/new')} data-testid="households-create">
            {t('registry.householdCreate')}
          </Button>
        )
      }
      errors={[households.error]}
      emptyText={t('registry.noHouseholds')}
      onRowClick={(h) => navigate(`/households/${h.id}`)}
      table={{
        'data-testid': 'households-table',
        loading: households.isFetching,
        dataSource: households.data?.items,
        pagination: pagination(households.data?.total),
        scroll: { x: 900 },
        columns: [
            { title: t('registry.householdCode'), dataIndex: 'code', width: 110 },
            { title: t('registry.head'), dataIndex: 'headName', width: 200 },
            { title: t('registry.address'), dataIndex: 'address' },
            { title: t('registry.village'), key: 'village', width: 200, render: (_, h) => h.villageName ?? h.communeName },
            { title: t('registry.memberCount'), dataIndex: 'memberCount', width: 110, align: 'right' },
            { title: t('registry.registeredAt'), dataIndex: 'createdAt', width: 120, render: (v: string) => formatInstantDate(v) },
        ],
      }}
    />
  );
}
