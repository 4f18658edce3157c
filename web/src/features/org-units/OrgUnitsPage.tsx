// Browse the org units in the user's scope as they stood on a chosen date, search them by name
// or code, and read one unit's details. The date and the open unit live in the URL so a link
// can be shared with a colleague.
import { SearchOutlined } from '@ant-design/icons';
import { Card, Col, DatePicker, Empty, Input, Row, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { OrgUnitRef } from '@ytcs/common';
import { DATE_FORMAT, parseIsoDate, todayIso, toIsoDate } from '../../lib/dates';
import { useDebounced } from '../../lib/useDebounced';
import { OrgUnitDetail } from './OrgUnitDetail';
import { OrgUnitSearchResults } from './OrgUnitSearchResults';
import { OrgUnitTree } from './OrgUnitTree';
import { useScopeRoots } from './orgUnits.api';
import { usePageTitle } from '../../lib/usePageTitle';

export function OrgUnitsPage() {
  const { t } = useTranslation();
  usePageTitle(t('orgUnit.title'));
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 300);

  const asOf = parseIsoDate(params.get('asOf')) ? (params.get('asOf') as string) : todayIso();
  const unitParam = Number(params.get('unit'));
  const selectedId = Number.isInteger(unitParam) && unitParam > 0 ? unitParam : null;
  const rootsQuery = useScopeRoots(asOf);
  const roots: OrgUnitRef[] = useMemo(() => rootsQuery.data?.items ?? [], [rootsQuery.data]);

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: false },
    );
  const open = (id: number) => update({ unit: String(id) });
  const hrefFor = (id: number) => {
    const next = new URLSearchParams(params);
    next.set('unit', String(id));
    return `?${next}`;
  };

  return (
    <div className="page">
      <Typography.Title level={3}>{t('orgUnit.title')}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card>
            <Space orientation="vertical" size="middle" className="full-width">
              <Space wrap>
                <label htmlFor="orgunit-asof">{t('orgUnit.asOf')}</label>
                <DatePicker
                  id="orgunit-asof"
                  data-testid="orgunit-asof"
                  format={DATE_FORMAT}
                  allowClear={false}
                  value={parseIsoDate(asOf)}
                  onChange={(value) => value && update({ asOf: toIsoDate(value) })}
                />
              </Space>
              <Input
                prefix={<SearchOutlined />}
                data-testid="orgunit-search"
                placeholder={t('orgUnit.searchPlaceholder')}
                allowClear
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
              {q ? (
                <OrgUnitSearchResults key={`${q}|${asOf}`} q={q} asOf={asOf} selectedId={selectedId} onSelect={open} />
              ) : roots.length === 0 ? (
                <Empty description={t('orgUnit.noScope')} />
              ) : (
                // Keyed by date: units valid on another day form another tree.
                <div className="orgunit-tree-scroll">
                  <OrgUnitTree key={asOf} roots={roots} asOf={asOf} selectedId={selectedId} onSelect={open} />
                </div>
              )}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {selectedId === null ? (
            <Card>
              <Empty description={t('orgUnit.selectHint')} />
            </Card>
          ) : (
            <OrgUnitDetail id={selectedId} asOf={asOf} hrefFor={hrefFor} />
          )}
        </Col>
      </Row>
    </div>
  );
}
