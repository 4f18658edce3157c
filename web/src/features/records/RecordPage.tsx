// The personal health record (831/QĐ-BYT) of one resident, in the form's order: I. administrative
// information, II. history and risk factors, III. immunisations, IV. examinations; then the
// timeline. The open section is kept in the URL (?tab=) so a reload returns to it.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Result, Skeleton, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useErrorText } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { hasPermission, useMe } from '../auth/auth.api';
import { PregnancySection } from '../maternal/PregnancySection';
import { ResidentEditForm } from '../registry/ResidentEditForm';
import { EncountersSection } from './EncountersSection';
import { GrowthSection } from './GrowthSection';
import { HistorySection } from './HistorySection';
import { ImmunizationsSection } from './ImmunizationsSection';
import { RecordHeader } from './RecordHeader';
import { recordKeys, useRecord } from './records.api';
import { TimelineSection } from './TimelineSection';

const TABS = ['admin', 'history', 'immunizations', 'encounters', 'pregnancies', 'growth', 'timeline'] as const;

export function RecordPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const record = useRecord(id);
  const me = useMe().data;
  const canWrite = hasPermission(me, 'person.write');
  const canExport = hasPermission(me, 'person.export');
  const data = record.data;
  usePageTitle(data ? data.resident.fullName : t('record.title'));
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'admin';

  const back = (
    <Link to="/residents" className="page-back">
      <ArrowLeftOutlined /> {t('registry.residents')}
    </Link>
  );

  if (record.isPending) return <Skeleton active />;
  if (record.isError || !data) {
    const notFound = record.error instanceof ApiError && (record.error.status === 404 || record.error.status === 403);
    return (
      <div className="page" data-testid="record-page">
        {back}
        <Result
          status={notFound ? '404' : 'error'}
          title={notFound ? t('registry.notFound') : t('errors.title')}
          subTitle={errorText(record.error)}
          data-testid="record-error"
        />
      </div>
    );
  }

  const r = data.resident;
  const writable = canWrite && r.status !== 'merged';
  const refresh = () => queryClient.invalidateQueries({ queryKey: recordKeys.detail(id) });

  return (
    <div className="page" data-testid="record-page">
      {back}
      <RecordHeader record={data} canWrite={writable} canExport={canExport} />
      {!r.hasRecord && writable && tab !== 'history' && (
        <Alert
          type="info"
          showIcon
          className="form-alert"
          data-testid="record-none"
          title={t('registry.recordNone')}
          description={t('registry.recordHow')}
          action={
            <Button type="primary" onClick={() => setParams({ tab: 'history' }, { replace: true })} data-testid="record-open">
              {t('registry.recordOpen')}
            </Button>
          }
        />
      )}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'admin' ? {} : { tab: key }, { replace: true })}
          data-testid="record-tabs"
          items={[
            {
              key: 'admin',
              label: t('record.sections.admin'),
              children: <ResidentEditForm key={r.updatedAt} resident={r} readOnly={!writable} onSaved={refresh} />,
            },
            {
              key: 'history',
              label: t('record.sections.history'),
              children: <HistorySection key={data.updatedAt ?? 'new'} residentId={id} history={data.history} sex={r.sex} canWrite={writable} />,
            },
            {
              key: 'immunizations',
              label: t('record.sections.immunizations', { count: data.immunizations.length }),
              children: <ImmunizationsSection residentId={id} immunizations={data.immunizations} canWrite={writable} />,
            },
            {
              key: 'encounters',
              label: t('record.sections.encounters', { count: data.encounters.length }),
              children: <EncountersSection residentId={id} encounters={data.encounters} canWrite={writable} />,
            },
            // Pregnancies, for women and girls of child-bearing age or with a pregnancy on record.
            ...(r.sex === 'female' ? [{ key: 'pregnancies', label: t('maternal.section'), children: <PregnancySection residentId={id} canWrite={writable} /> }] : []),
            // A child's growth on WHO's charts, for those with a date of birth (the server sends none otherwise).
            ...(data.growth ? [{ key: 'growth', label: t('record.sections.growth'), children: <GrowthSection growth={data.growth} name={r.fullName} /> }] : []),
            { key: 'timeline', label: t('record.sections.timeline'), children: <TimelineSection timeline={data.timeline} /> },
          ]}
        />
      </Card>
    </div>
  );
}
