// Typing in the figures the system does not compute yet (station staff, villages with a trained
// health worker, communes meeting the National Criteria, the insurance agency's figures): a unit
// and a period (in the URL, ?unit=&period=), one row per entered indicator with its numerator and
// denominator prefilled from what is stored, and one Save that sends only the rows changed.
// The server checks everything at once; its `items.2.denominator` lands on the row sent third.
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type PeriodType, parsePeriod, percentOf, periodOf, previousPeriods } from '@ytcs/common';
import { Alert, App, Button, Card, Empty, Form, InputNumber, Segmented, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { type HTMLAttributes, type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import type { EnteredValue, Indicator, IndicatorValue } from '@ytcs/common';
import { formatInstant, todayIso } from '../../lib/dates';
import { toNamePath, useErrorText } from '../../lib/errors';
import { preventEnterSubmit } from '../../lib/forms';
import { useFormatNumber } from '../../lib/numbers';
import { ResponsiveTable } from '../../lib/ResponsiveTable';
import { usePageTitle } from '../../lib/usePageTitle';
import { indicatorKeys, useIndicators } from './indicators.api';
import { OrgUnitPicker } from '../org-units/OrgUnitPicker';
import { useOrgUnitDetail, useScopeRoots } from '../org-units/orgUnits.api';
import { Suppressed, useIndicatorName } from './indicatorFormat';
import { useLang } from '../../i18n/useLang';
import { readsFigures } from '../../lib/figures';
import { periodChoices, usePeriodLabel } from '../../lib/periods';
import { isEntered, saveEnteredValues, useEnteredValues } from './indicatorEntry.api';
import './indicators.css';
import { serverText } from '../../i18n/languages';

type Pair = { numerator: number | null; denominator: number | null };
type EntryValues = { values: Record<string, Pair> };
type FieldName = ['values', string, keyof Pair];
type EntryType = Extract<PeriodType, 'year' | 'quarter' | 'month'>;
const TYPES: EntryType[] = ['year', 'quarter', 'month'];

const same = (a: Pair | undefined, b: Pair | undefined) => (a?.numerator ?? null) === (b?.numerator ?? null) && (a?.denominator ?? null) === (b?.denominator ?? null);
/** A quarter or month showing its year's figure: saving a change writes the quarter's own. */
const borrowed = (v: IndicatorValue | undefined) => !!v?.valuePeriod && v.valuePeriod !== v.period;
/** Whether the indicator has a denominator to type (every percentage has). */
const hasDenominator = (i: Indicator) => i.unit === 'percent' || i.denominatorVi !== null;

/** The periods offered for a type: this year's begun ones and some before, newest first. */
function periodsOf(type: EntryType, chosen: string): string[] {
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  const list =
    type === 'year'
      ? Array.from({ length: 5 }, (_, n) => String(year - n))
      : type === 'quarter'
        ? periodChoices(['quarter'], 3)
        : previousPeriods(periodOf('month', today), 24).reverse();
  return list.includes(chosen) ? list : [chosen, ...list];
}

function pairOf(v: IndicatorValue | undefined): Pair {
  return { numerator: v?.numerator ?? null, denominator: v?.denominator ?? null };
}

/** The rate as typed so far (red above 100%: the server will refuse it), and whether the row changed. */
function RateCell({ indicator, stored }: { indicator: Indicator; stored: IndicatorValue | undefined }) {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  const form = Form.useFormInstance<EntryValues>();
  const pair = Form.useWatch(['values', indicator.code], form) as Pair | undefined;
  const changed = !same(pair, pairOf(stored));
  const n = pair?.numerator ?? null;
  const d = pair?.denominator ?? null;
  let rate: ReactNode = <span className="muted">—</span>;
  if (!changed && stored?.suppressed) rate = <Suppressed />;
  else if (indicator.unit === 'count' && n !== null) rate = <strong>{fmt(n)}</strong>;
  else if (n !== null && d) {
    const value = percentOf(n, d) as number;
    rate = (
      <strong className={value > 100 ? 'entry-rate-over' : undefined} title={value > 100 ? t('indicators.entry.overHundred') : undefined}>
        {fmt(value)}%
      </strong>
    );
  }
  return (
    <Space size={4} wrap className="entry-rate" data-testid="indicator-rate">
      {rate}
      {changed && (
        <Tag color="processing" data-testid="indicator-changed">
          {t('indicators.entry.changed')}
        </Tag>
      )}
    </Space>
  );
}

/** How many rows differ from what is stored, beside the Save button. */
function ChangedCount({ stored }: { stored: Map<string, IndicatorValue> }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<EntryValues>();
  const values = Form.useWatch('values', form) as Record<string, Pair> | undefined;
  const count = Object.entries(values ?? {}).filter(([code, pair]) => !same(pair, pairOf(stored.get(code)))).length;
  if (count === 0) return null;
  return <span className="muted">{t('indicators.entry.changedCount', { count })}</span>;
}

export function IndicatorEntryPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('indicators.entry.title'));
  const { message } = App.useApp();
  const errorText = useErrorText();
  const lang = useLang();
  const periodLabel = usePeriodLabel();
  const indicatorName = useIndicatorName();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EntryValues>();
  const [problems, setProblems] = useState<string[]>([]);

  const [params, setParams] = useSearchParams();
  const roots = useScopeRoots(todayIso());
  const unitId = Number(params.get('unit')) || roots.data?.items[0]?.id;
  const asked = params.get('period') ?? '';
  const period = parsePeriod(asked) ? asked : periodOf('year', todayIso());
  const type: EntryType = (TYPES as string[]).includes(parsePeriod(period)?.type ?? '') ? (parsePeriod(period)?.type as EntryType) : 'year';
  const set = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) next.delete(k);
      else next.set(k, String(v));
    }
    setProblems([]);
    setParams(next, { replace: true });
  };

  const detail = useOrgUnitDetail(unitId ?? null);
  const indicators = useIndicators();
  const entered = useMemo(() => (indicators.data?.items ?? []).filter(isEntered), [indicators.data]);
  const codes = useMemo(() => entered.map((i) => i.code), [entered]);
  const values = useEnteredValues(codes, unitId, period);
  const stored = useMemo(() => new Map((values.data?.items ?? []).filter((v) => v.orgUnit === unitId && v.period === period).map((v) => [v.indicator, v])), [values.data, unitId, period]);
  const initialValues: EntryValues = useMemo(() => ({ values: Object.fromEntries(entered.map((i) => [i.code, pairOf(stored.get(i.code))])) }), [entered, stored]);

  // A new unit, period or stored answer (after a save) starts the form again from what is stored.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the reset is what these changes cause
  useEffect(() => {
    if (entered.length > 0) form.resetFields();
  }, [form, entered, initialValues, values.dataUpdatedAt]);

  const save = useMutation({
    mutationFn: saveEnteredValues,
    onSuccess: async ({ saved }) => {
      setProblems([]);
      message.success(t('indicators.entry.saved', { count: saved }));
      // The dashboard and the plans read the same figures.
      await Promise.all([queryClient.invalidateQueries({ queryKey: indicatorKeys.all }), queryClient.invalidateQueries({ predicate: readsFigures })]);
    },
    onError: (error, items) => {
      if (!(error instanceof ApiError) || error.errors.length === 0) {
        setProblems([errorText(error)]);
        return;
      }
      const placed = new Map<string, { name: FieldName; errors: string[] }>();
      const loose: string[] = [];
      for (const e of error.errors) {
        const text = serverText(e, i18n.language);
        // items.2.denominator → the third row sent → that indicator's field on the page.
        const [root, index, field] = toNamePath(e.field);
        const sent = root === 'items' && typeof index === 'number' ? items[index] : undefined;
        if (sent && (field === 'numerator' || field === 'denominator')) {
          const name: FieldName = ['values', sent.indicator, field];
          const entry = placed.get(name.join('.')) ?? { name, errors: [] };
          entry.errors.push(text);
          placed.set(name.join('.'), entry);
        } else {
          const ind = sent && entered.find((i) => i.code === sent.indicator);
          loose.push(ind ? `${indicatorName(ind)}: ${text}` : text);
        }
      }
      form.setFields([...placed.values()]);
      setProblems(loose);
      const first = [...placed.values()][0];
      if (first) form.scrollToField(first.name, { block: 'center' });
    },
  });

  const submit = () => {
    if (unitId === undefined) return;
    setProblems([]);
    const current = (form.getFieldValue('values') ?? {}) as Record<string, Pair>;
    const changed = entered.filter((i) => !same(current[i.code], pairOf(stored.get(i.code))));
    if (changed.length === 0) {
      message.info(t('indicators.entry.nothingChanged'));
      return;
    }
    // Only what the server's schema would refuse without saying where: an empty figure.
    const missing = changed.flatMap((i) => {
      const pair = current[i.code];
      const names: FieldName[] = [];
      if (pair?.numerator == null) names.push(['values', i.code, 'numerator']);
      if (hasDenominator(i) && pair?.denominator == null) names.push(['values', i.code, 'denominator']);
      return names;
    });
    if (missing.length > 0) {
      form.setFields(missing.map((name) => ({ name, errors: [t('indicators.entry.required')] })));
      if (missing[0]) form.scrollToField(missing[0], { block: 'center' });
      return;
    }
    const items: EnteredValue[] = changed.map((i) => ({
      indicator: i.code,
      orgUnit: unitId,
      period,
      numerator: current[i.code]?.numerator ?? 0,
      denominator: hasDenominator(i) ? (current[i.code]?.denominator ?? null) : null,
    }));
    save.mutate(items);
  };

  if (roots.isLoading) return <Skeleton active />;
  if (unitId === undefined) return <Alert type="info" showIcon title={t('orgUnit.noScope')} />;

  const numberField = (i: Indicator, field: 'numerator' | 'denominator') => {
    const label = field === 'numerator' ? (lang === 'en' ? i.numeratorEn : i.numeratorVi) : ((lang === 'en' ? i.denominatorEn : i.denominatorVi) ?? '');
    return (
      <Form.Item
        name={['values', i.code, field]}
        label={label}
        className="cell-item entry-field"
        data-testid={`indicator-${field}-item`}
      >
        <InputNumber min={0} precision={0} className="full-width" data-testid={`indicator-${field}`} disabled={save.isPending} />
      </Form.Item>
    );
  };

  return (
    <div className="page" data-testid="indicator-entry-page">
      <Typography.Title level={3}>{t('indicators.entry.title')}</Typography.Title>
      <Typography.Paragraph className="entry-intro">{t('indicators.entry.intro')}</Typography.Paragraph>
      <Card size="small" className="section-card">
        <Space wrap size={[16, 8]}>
          <Space>
            <span>{t('indicators.entry.unit')}:</span>
            <div className="toolbar-unit-wide">
              <OrgUnitPicker
                value={unitId}
                initialUnit={detail.data}
                onChange={(id) => id !== undefined && set({ unit: id })}
                data-testid="indicator-entry-unit"
              />
            </div>
          </Space>
          <Space wrap>
            <span>{t('indicators.entry.period')}:</span>
            <Segmented<EntryType>
              data-testid="indicator-entry-period-type"
              value={type}
              onChange={(next) => set({ period: periodOf(next, todayIso()) })}
              options={TYPES.map((value) => ({ value, label: t(`indicators.entry.periodTypes.${value}`) }))}
            />
            <Select
              data-testid="indicator-entry-period"
              className="period-select"
              value={period}
              onChange={(p) => set({ period: p })}
              options={periodsOf(type, period).map((code) => ({ value: code, label: periodLabel(code) }))}
            />
          </Space>
        </Space>
        <div className="muted entry-hint">{t('indicators.entry.sumHint')}</div>
      </Card>

      {indicators.isError && <Alert type="error" showIcon title={errorText(indicators.error)} className="form-alert" />}
      {values.isError && <Alert type="error" showIcon title={errorText(values.error)} className="form-alert" />}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="form-alert"
          data-testid="indicator-entry-error"
          title={problems.length === 1 ? problems[0] : t('errors.title')}
          description={
            problems.length > 1 ? (
              <ul className="plain-list">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}

      <Card size="small" className="section-card" title={`${detail.data?.name ?? ''} — ${periodLabel(period)}`}>
        {indicators.isSuccess && entered.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('indicators.entry.noIndicators')} />
        ) : (
          <Form<EntryValues>
            form={form}
            layout="vertical"
            initialValues={initialValues}
            onKeyDown={preventEnterSubmit}
            onFinish={submit}
            onValuesChange={(changed: Partial<EntryValues>) => {
              // Typing in a row takes back the server's objection to it (it may name either field).
              const rows = Object.keys(changed.values ?? {});
              form.setFields(rows.flatMap((code) => (['numerator', 'denominator'] as const).map((f) => ({ name: ['values', code, f], errors: [] }))));
            }}
            data-testid="indicator-entry-form"
          >
            {/* On a phone each indicator is a card: its name, then each figure's box at full width. */}
            <ResponsiveTable<Indicator>
              data-testid="indicator-entry-table"
              className="entry-table"
              rowKey="code"
              size="small"
              pagination={false}
              loading={indicators.isLoading || values.isFetching}
              dataSource={entered}
              scroll={{ x: 900 }}
              onRow={(r) => ({ 'data-testid': 'indicator-entry-row', 'data-indicator': r.code }) as HTMLAttributes<HTMLElement>}
              columns={[
                {
                  title: t('indicators.entry.indicator'),
                  key: 'name',
                  render: (_, i) => (
                    <div>
                      <div className="entry-name">{indicatorName(i)}</div>
                      <div className="muted">
                        {i.code}
                        {stored.get(i.code)?.updatedAt ? ` · ${t('indicators.entry.updated')} ${formatInstant(stored.get(i.code)?.updatedAt)}` : ''}
                      </div>
                      {borrowed(stored.get(i.code)) && (
                        <div className="muted" data-testid="indicator-borrowed">
                          {t('indicators.entry.borrowed', { period: periodLabel(stored.get(i.code)?.valuePeriod ?? '') })}
                        </div>
                      )}
                    </div>
                  ),
                },
                { title: t('indicators.entry.numerator'), key: 'numerator', width: 230, className: 'entry-input-cell', render: (_, i) => numberField(i, 'numerator') },
                { title: t('indicators.entry.denominator'), key: 'denominator', width: 230, className: 'entry-input-cell', render: (_, i) => (hasDenominator(i) ? numberField(i, 'denominator') : null) },
                { title: t('indicators.entry.rate'), key: 'rate', width: 150, className: 'entry-input-cell', render: (_, i) => <RateCell indicator={i} stored={stored.get(i.code)} /> },
              ]}
            />
            <div className="entry-actions">
              <ChangedCount stored={stored} />
              <Button icon={<UndoOutlined />} onClick={() => form.resetFields()} disabled={save.isPending} data-testid="indicator-entry-reset">
                {t('indicators.entry.reset')}
              </Button>
              <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} disabled={!values.isSuccess} data-testid="indicator-entry-save">
                {t('common.save')}
              </Button>
            </div>
          </Form>
        )}
      </Card>
    </div>
  );
}
