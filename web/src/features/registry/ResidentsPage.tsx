// Finding a person: one box takes a name (diacritics optional, any order), a 12-digit ID, a
// phone, a 10-digit social-insurance number or a card code; the server tells which it is.
// The search, the unit filter (?unit=ID), the order (?order=given_name: by given name, as
// Vietnamese lists usually are), ?missing=record|insurance (the people behind a coverage
// figure's gap, so the dashboard can link to them) and the page all live in the URL: coming back
// from a record finds the list as it was.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { RESIDENT_ORDERS, type Resident, type ResidentOrder } from '@ytcs/common';
import { formatBirth } from '../../lib/dates';
import { ListPage } from '../../lib/ListPage';
import { usePaging } from '../../lib/paging';
import { useDebounced } from '../../lib/useDebounced';
import { usePageTitle } from '../../lib/usePageTitle';
import { hasPermission, useMe } from '../auth/auth.api';
import { OrgUnitPicker } from '../org-units/OrgUnitPicker';
import { useOrgUnitDetail } from '../org-units/orgUnits.api';
import { CoverageCard } from './CoverageCard';
import { ExportButton } from './ExportButton';
import { ResidentFormModal } from './ResidentFormModal';
import { InsuredTag, RecordTag, StatusTag, WarningsTag } from './ResidentTags';
import { type ResidentListParams, useResidents } from './registry.api';

type Missing = NonNullable<ResidentListParams['missing']>;
const MISSING_LABEL: Record<Missing, string> = { record: 'indicators.residents.missingRecord', insurance: 'indicators.residents.missingInsurance' };

export function ResidentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('registry.residents'));
  const navigate = useNavigate();
  const me = useMe().data;
  const canWrite = hasPermission(me, 'person.write');
  const canExport = hasPermission(me, 'person.export');
  const canSeeCoverage = hasPermission(me, 'aggregate.read');
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const includeInactive = params.get('inactive') === '1';
  const orgUnit = Number(params.get('unit')) || undefined;
  const askedMissing = params.get('missing');
  const missing = askedMissing === 'record' || askedMissing === 'insurance' ? askedMissing : undefined;
  const order = params.get('order') === 'given_name' ? 'given_name' : undefined;
  /** A new filter starts from the first page: one URL update, so neither change undoes the other. */
  const setParam = (key: 'q' | 'unit' | 'missing' | 'inactive' | 'order', value: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
    next.delete('page');
    setParams(next, { replace: true });
  };
  // The name of a unit that came in the URL, for the picker.
  const unitDetail = useOrgUnitDetail(orgUnit ?? null);
  const [creating, setCreating] = useState(false);
  const q = useDebounced(query.trim(), 300);
  const { limit, offset, pagination } = usePaging(20, { inUrl: true });
  const residents = useResidents({ q, orgUnit, includeInactive: includeInactive || undefined, missing, order, limit, offset });
  const capped = residents.data?.totalCapped === true;
  const paging = pagination(residents.data?.total);

  return (
    <ListPage<Resident>
      title={t('registry.residents')}
      above={canSeeCoverage && <CoverageCard orgUnit={orgUnit} />}
      search={{
        value: query,
        onChange: (value) => setParam('q', value),
        placeholder: t('registry.residentSearch'),
        testId: 'residents-search',
        wide: true,
      }}
      filters={
        <>
          <div className="toolbar-unit">
            <OrgUnitPicker
              value={orgUnit}
              initialUnit={unitDetail.data}
              onChange={(id) => setParam('unit', id)}
              allowClear
              placeholder={t('registry.unitFilter')}
              data-testid="residents-unit"
            />
          </div>
          <Select<ResidentOrder>
            value={order ?? 'name'}
            onChange={(value) => setParam('order', value === 'given_name' ? value : undefined)}
            options={RESIDENT_ORDERS.map((value) => ({ value, label: t(`registry.order.${value}`) }))}
            aria-label={t('registry.orderLabel')}
            data-testid="residents-order"
            className="toolbar-order"
          />
          <Checkbox
            checked={includeInactive}
            onChange={(e) => setParam('inactive', e.target.checked ? '1' : undefined)}
          >
            {t('registry.includeInactive')}
          </Checkbox>
        </>
      }
      actions={
        <>
          {canExport && <ExportButton orgUnit={orgUnit} />}
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="residents-create">
              {t('registry.residentCreate')}
            </Button>
          )}
        </>
      }
      notices={
        <>
          {missing && (
            <div className="form-alert">
              <Tag
                closable
                color="warning"
                data-testid="residents-missing"
                onClose={() => setParam('missing', undefined)}
              >
                {t(MISSING_LABEL[missing])}
              </Tag>
            </div>
          )}
          {capped && <Alert type="info" showIcon title={t('indicators.residents.cappedHint')} className="form-alert" data-testid="residents-capped" />}
        </>
      }
      errors={[residents.error]}
      emptyText={q ? t('registry.noResidentsFound') : t('registry.noResidents')}
      onRowClick={(r) => navigate(`/residents/${r.id}`)}
      table={{
        'data-testid': 'residents-table',
        loading: residents.isFetching,
        dataSource: residents.data?.items,
        pagination: capped ? { ...paging, showTotal: (_, [from, to]) => t('common.range', { from, to, total: '1000+' }) } : paging,
        scroll: { x: 1000 },
        columns: [
            {
              title: t('registry.fullName'),
              key: 'name',
              render: (_, r) => (
                <Space size={4} wrap>
                  <span className="resident-name">{r.fullName}</span>
                  <StatusTag resident={r} />
                </Space>
              ),
            },
            { title: t('registry.sex'), dataIndex: 'sex', width: 75, render: (v: string) => t(`registry.sexes.${v}`) },
            { title: t('registry.birth'), key: 'birth', width: 110, render: (_, r) => formatBirth(r.birthDate, r.birthYear) },
            { title: t('registry.citizenIdShort'), dataIndex: 'citizenId', width: 135 },
            { title: t('registry.village'), key: 'village', width: 150, render: (_, r) => r.villageName ?? r.communeName },
            { title: t('registry.insurance'), key: 'insured', width: 125, render: (_, r) => <InsuredTag resident={r} /> },
            { title: t('registry.record'), key: 'record', width: 135, render: (_, r) => <RecordTag resident={r} /> },
            { title: t('registry.warnings'), key: 'warnings', width: 120, render: (_, r) => <WarningsTag resident={r} /> },
        ],
      }}
    >
      {creating && <ResidentFormModal onClose={() => setCreating(false)} onCreated={(r) => navigate(`/residents/${r.id}`)} />}
    </ListPage>
  );
}
