// One household: where it lives, its head, and its members; a member opens their record.
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Resident } from '@ytcs/common';
import { ApiError } from '../../api/client';
import { ageOf, formatBirth, formatInstantDate } from '../../lib/dates';
import { useErrorText } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { hasPermission, useMe } from '../auth/auth.api';
import { ResidentFormModal } from './ResidentFormModal';
import { InsuredTag, StatusTag, WarningsTag } from './ResidentTags';
import { useHousehold } from './registry.api';
import { ResponsiveTable } from '../../lib/ResponsiveTable';

export function HouseholdDetailPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const household = useHousehold(id);
  const canWrite = hasPermission(useMe().data, 'person.write');
  const [adding, setAdding] = useState(false);
  const h = household.data;
  usePageTitle(h ? t('registry.householdOf', { name: h.headName ?? h.address }) : t('registry.households'));

  if (household.isPending) return <Skeleton active />;
  if (household.isError || !h) {
    const notFound = household.error instanceof ApiError && household.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('registry.notFound') : t('errors.title')}
        subTitle={errorText(household.error)}
        extra={<Link to="/households">{t('registry.backToHouseholds')}</Link>}
        data-testid="household-detail"
      />
    );
  }

  return (
    <div className="page" data-testid="household-detail">
      <Space className="page-back">
        <Link to="/households">
          <ArrowLeftOutlined /> {t('registry.households')}
        </Link>
      </Space>
      <Typography.Title level={3}>{t('registry.householdOf', { name: h.headName ?? h.address })}</Typography.Title>
      <Card className="section-card">
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('registry.householdCode')}>{h.code ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('registry.head')}>{h.headName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('registry.address')}>{h.address}</Descriptions.Item>
          <Descriptions.Item label={t('registry.village')}>{h.villageName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('registry.commune')}>{h.communeName}</Descriptions.Item>
          <Descriptions.Item label={t('registry.registeredAt')}>{formatInstantDate(h.createdAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={t('registry.membersCount', { count: h.members.length })}
        extra={
          canWrite && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="household-add-member">
              {t('registry.addMember')}
            </Button>
          )
        }
      >
        <ResponsiveTable<Resident>
          data-testid="household-members"
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={[...h.members].sort((a, b) => (a.relationship === 'head' ? -1 : b.relationship === 'head' ? 1 : a.birthYear - b.birthYear))}
          scroll={{ x: 900 }}
          onRowClick={(r) => navigate(`/residents/${r.id}`)}
          columns={[
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
            { title: t('registry.relationshipShort'), dataIndex: 'relationship', width: 120, render: (v: string | null) => (v ? t(`registry.relationships.${v}`) : '') },
            { title: t('registry.sex'), dataIndex: 'sex', width: 80, render: (v: string) => t(`registry.sexes.${v}`) },
            { title: t('registry.birth'), key: 'birth', width: 120, render: (_, r) => formatBirth(r.birthDate, r.birthYear) },
            { title: t('registry.age'), key: 'age', width: 70, render: (_, r) => ageOf(r.birthDate, r.birthYear) },
            { title: t('registry.citizenIdShort'), dataIndex: 'citizenId', width: 135 },
            { title: t('registry.insurance'), key: 'insured', width: 130, render: (_, r) => <InsuredTag resident={r} /> },
            { title: t('registry.warnings'), key: 'warnings', width: 130, render: (_, r) => <WarningsTag resident={r} /> },
          ]}
        />
      </Card>
      {adding && (
        <ResidentFormModal
          household={{ id: h.id, unitId: h.villageId ?? h.communeId }}
          onClose={() => setAdding(false)}
          onCreated={() => setAdding(false)}
        />
      )}
    </div>
  );
}
