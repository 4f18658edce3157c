// The station's list of children due, overdue or not started for a dose, by village: filters by
// village, status and disease live in the URL (coming back from a child's record finds the list as
// it was); on a phone the rows are cards. The invitation list prints the same children by village.
import { PrinterOutlined } from '@ant-design/icons';
import { ANTIGENS, type Antigen, type DueChild, LISTED_DOSE_STATUSES, type ListedDoseStatus } from '@ytcs/common';
import { Alert, Button, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useLang } from '../../i18n/useLang';
import { formatDate, todayIso } from '../../lib/dates';
import { ListPage } from '../../lib/ListPage';
import { usePaging } from '../../lib/paging';
import { usePageTitle } from '../../lib/usePageTitle';
import { OrgUnitPicker } from '../org-units/OrgUnitPicker';
import { useOrgUnitDetail, useScopeRoots } from '../org-units/orgUnits.api';
import { type SeriesNames, STATUS_COLOURS, doseName, seriesNames, statusKey } from './dueList';
import { useDueList, useSchedule, useVillages } from './immunisation.api';
import './immunisation.css';

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined => list.find((x) => x === value);

/**
 * Where the list is asked for: the village chosen, else the unit chosen (a commune, for a user
 * above the communes), else the first unit of the caller's scope.
 */
export function useDueFilters() {
  const [params, setParams] = useSearchParams();
  const roots = useScopeRoots(todayIso());
  const root = roots.data?.items[0];
  const unit = Number(params.get('unit')) || undefined;
  const unitDetail = useOrgUnitDetail(unit ?? null);
  /** The unit whose villages the village filter offers. */
  const area = unit ? unitDetail.data : root;
  const village = Number(params.get('village')) || undefined;
  const status = oneOf(LISTED_DOSE_STATUSES, params.get('status'));
  const antigen = oneOf(ANTIGENS, params.get('antigen'));
  const set = (key: 'unit' | 'village' | 'status' | 'antigen', value: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (key === 'unit') next.delete('village');
    if (value === undefined) next.delete(key);
    else next.set(key, String(value));
    next.delete('page');
    setParams(next, { replace: true });
  };
  return { root, unit, unitDetail: unitDetail.data, area, village, orgUnit: village ?? unit ?? root?.id, status, antigen, set, rootsError: roots.error, search: params.toString() };
}

export function DoseTags({ child, names }: { child: DueChild; names: SeriesNames }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap>
      {child.doses.map((d) => (
        <Tag key={`${d.series}.${d.dose}`} color={STATUS_COLOURS[d.status]} title={t(statusKey(d.status))} data-testid="due-dose">
          {doseName(d, names)} · {t(statusKey(d.status))} {t('immunisation.dueFrom', { date: formatDate(d.dueDate) })}
        </Tag>
      ))}
    </Space>
  );
}

export function DueListPage() {
  const { t } = useTranslation();
  usePageTitle(t('immunisation.title'));
  const navigate = useNavigate();
  const lang = useLang();
  const filters = useDueFilters();
  const villages = useVillages(filters.area?.level === 'commune' ? filters.area.id : undefined);
  // Above the communes (a health centre, the province), a commune is chosen first.
  const aboveCommunes = filters.root !== undefined && filters.root.level !== 'commune' && filters.root.level !== 'village';
  const names = seriesNames(useSchedule().data?.items, lang);
  const { limit, offset, pagination } = usePaging(50, { inUrl: true });
  const { orgUnit, status, antigen } = filters;
  const due = useDueList(orgUnit ? { orgUnit, day: todayIso(), status, antigen, limit, offset } : null);

  return (
    <ListPage<DueChild>
      title={t('immunisation.title')}
      filters={
        <>
          {aboveCommunes && (
            <div className="toolbar-unit">
              <OrgUnitPicker
                key={filters.unitDetail?.id ?? 0}
                value={filters.unit}
                initialUnit={filters.unitDetail}
                onChange={(id) => filters.set('unit', id)}
                allowClear
                placeholder={t('immunisation.unit')}
                data-testid="due-unit"
              />
            </div>
          )}
          {(villages.data?.items.length ?? 0) > 0 && (
            <Select<number>
              allowClear
              className="due-filter"
              data-testid="due-village"
              placeholder={t('immunisation.allVillages')}
              value={filters.village}
              onChange={(v) => filters.set('village', v)}
              options={villages.data?.items.map((v) => ({ value: v.id, label: v.name }))}
            />
          )}
          <Select<ListedDoseStatus>
            allowClear
            className="due-filter"
            data-testid="due-status"
            placeholder={t('immunisation.allStatuses')}
            value={status}
            onChange={(v) => filters.set('status', v)}
            options={LISTED_DOSE_STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))}
          />
          <Select<Antigen>
            allowClear
            className="due-filter"
            data-testid="due-antigen"
            placeholder={t('immunisation.allAntigens')}
            value={antigen}
            onChange={(v) => filters.set('antigen', v)}
            options={ANTIGENS.map((a) => ({ value: a, label: t(`immunisation.antigens.${a}`) }))}
          />
        </>
      }
      actions={
        <Button icon={<PrinterOutlined />} disabled={!orgUnit} onClick={() => navigate(`/immunisation/invitations?${filters.search}`)} data-testid="due-print">
          {t('immunisation.printList')}
        </Button>
      }
      notices={due.data && <Alert type="info" showIcon className="form-alert" title={t('immunisation.day', { date: formatDate(due.data.day) })} data-testid="due-day" />}
      errors={[filters.rootsError, due.error]}
      emptyText={t('immunisation.empty')}
      cardHead="child"
      onRowClick={(c) => navigate(`/residents/${c.residentId}`)}
      table={{
        'data-testid': 'due-table',
        rowKey: 'residentId',
        loading: due.isFetching,
        dataSource: due.data?.items,
        pagination: pagination(due.data?.total),
        scroll: { x: 900 },
        columns: [
          { title: t('immunisation.columns.child'), key: 'child', render: (_, c) => <span className="resident-name">{c.fullName}</span> },
          { title: t('immunisation.columns.birth'), dataIndex: 'birthDate', width: 110, render: (v: string) => formatDate(v) },
          { title: t('immunisation.columns.village'), key: 'village', width: 140, render: (_, c) => c.villageName ?? t('immunisation.noVillage') },
          { title: t('immunisation.columns.carer'), key: 'carer', width: 170, render: (_, c) => [c.carer, c.address].filter(Boolean).join(' — ') },
          { title: t('immunisation.columns.doses'), key: 'doses', render: (_, c) => <DoseTags child={c} names={names} /> },
        ],
      }}
    />
  );
}
