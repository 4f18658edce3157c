// The station's (and the village health worker's) antenatal list: every ongoing pregnancy in reach,
// those who missed a visit first, then those due, nearest delivery first. Unit, standing and page
// live in the URL, so coming back from a record finds the list as it was.
import { ANC_STANDINGS, type AncStanding, type AntenatalRow } from '@ytcs/common';
import { Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { formatDate } from '../../lib/dates';
import { ListPage } from '../../lib/ListPage';
import { usePaging } from '../../lib/paging';
import { usePageTitle } from '../../lib/usePageTitle';
import { OrgUnitPicker } from '../org-units/OrgUnitPicker';
import { useOrgUnitDetail } from '../org-units/orgUnits.api';
import { useAntenatalList } from './maternal.api';
import { AncStandingTag } from './StandingTag';

export function AntenatalPage() {
  const { t } = useTranslation();
  usePageTitle(t('maternal.title'));
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const orgUnit = Number(params.get('unit')) || undefined;
  const asked = params.get('standing');
  const standing = ANC_STANDINGS.find((s) => s === asked);
  const setParam = (key: 'unit' | 'standing', value: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
    next.delete('page');
    setParams(next, { replace: true });
  };
  const unitDetail = useOrgUnitDetail(orgUnit ?? null);
  const { limit, offset, pagination } = usePaging(20, { inUrl: true });
  const list = useAntenatalList({ orgUnit, standing, limit, offset });

  return (
    <ListPage<AntenatalRow>
      title={t('maternal.title')}
      above={<Typography.Paragraph type="secondary">{t('maternal.standingHint')}</Typography.Paragraph>}
      filters={
        <>
          <div className="toolbar-unit">
            <OrgUnitPicker value={orgUnit} initialUnit={unitDetail.data} onChange={(id) => setParam('unit', id)} allowClear placeholder={t('registry.unitFilter')} data-testid="antenatal-unit" />
          </div>
          <Select<AncStanding>
            allowClear
            value={standing}
            placeholder={t('maternal.standingFilter')}
            onChange={(value) => setParam('standing', value)}
            options={ANC_STANDINGS.map((value) => ({ value, label: t(`maternal.standing.${value}`) }))}
            data-testid="antenatal-standing"
            className="toolbar-order"
          />
        </>
      }
      errors={[list.error]}
      emptyText={t('maternal.none')}
      cardHead="fullName"
      onRowClick={(r) => navigate(`/residents/${r.residentId}?tab=pregnancies`)}
      table={{
        'data-testid': 'antenatal-table',
        rowKey: 'pregnancyId',
        loading: list.isFetching,
        dataSource: list.data?.items,
        pagination: pagination(list.data?.total),
        columns: [
          { title: t('maternal.woman'), dataIndex: 'fullName', key: 'fullName', render: (name: string, r) => <span className="resident-name">{name}{r.birthYear ? ` (${r.birthYear})` : ''}</span> },
          { title: t('maternal.village'), dataIndex: 'villageName' },
          { title: t('maternal.weeks'), dataIndex: 'weeks', align: 'right', render: (weeks: number) => t('maternal.weeksN', { weeks }) },
          { title: t('maternal.edd'), dataIndex: 'edd', render: (d: string) => formatDate(d) },
          { title: t('maternal.visits'), dataIndex: 'visits', align: 'right' },
          { title: t('maternal.lastVisit'), dataIndex: 'lastVisit', render: (d: string | null) => formatDate(d) },
          {
            title: t('maternal.risks'),
            dataIndex: 'risks',
            render: (risks: AntenatalRow['risks']) =>
              risks.length ? (
                <Space size={4} wrap>
                  {risks.map((r) => (
                    <Tag key={r}>{t(`maternal.risk.${r}`)}</Tag>
                  ))}
                </Space>
              ) : null,
          },
          { title: t('maternal.standingFilter'), dataIndex: 'standing', render: (s: AncStanding) => <AncStandingTag standing={s} /> },
        ],
      }}
    />
  );
}
