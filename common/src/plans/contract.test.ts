/**
 * The contracts of plans, tasks, indicators and reports accept what the server sends and takes,
 * and refuse what it would refuse: each main schema on a valid and an invalid example.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { DataValueSetImport, EnterValues, IndicatorValue } from '../indicators/index.ts';
import { ReportQuery } from '../reports/contract.ts';
import { NewPlan, PlanDetail, PlanSummary } from './contract.ts';
import { DISTRICT_PLAN, PLAN_WITHOUT_TARGETS, PROVINCE_PLAN } from './fixtures.ts';
import { parsePlanText } from './parse.ts';
import { NewTaskUpdate, TaskView } from './tasks.contract.ts';
import { PlanDraft } from './types.ts';

const ref = { kind: 'Chỉ thị', number: '25-CT/TW', issuedOn: '2023-10-25', issuer: 'Ban Bí thư', text: 'Chỉ thị số 25-CT/TW' };

const newPlan = {
  orgUnitId: 12,
  number: '133/KH-UBND',
  issuedOn: '2024-07-15',
  title: 'Thực hiện Chỉ thị số 25-CT/TW',
  implements: [ref],
  parentRef: null,
  legalBasis: [ref],
  fromYear: 2024,
  toYear: 2030,
  recipients: [{ name: 'Trạm Y tế xã', purpose: 'thực hiện' }],
  signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Nguyễn Văn A' },
  targets: [{ indicator: 'BHYT', comparator: 'ge', value: 95, year: 2025 }],
  tasks: [{ text: 'Rà soát hồ sơ sức khỏe', lead: 'Trạm Y tế xã', coordinating: [], deadline: '2025-12-31' }],
};

const summary = {
  id: 1,
  orgUnitId: 12,
  orgUnitName: 'Xã Định Hóa',
  areaIds: [12],
  number: null,
  issuedOn: null,
  title: 'Kế hoạch',
  status: 'active',
  fromYear: 2024,
  toYear: null,
  parentPlanId: null,
  targets: 1,
  tasks: 1,
  overdueTasks: 0,
};

const task = {
  id: 3,
  planId: 1,
  section: 'IV.2',
  text: 'Rà soát hồ sơ sức khỏe',
  lead: 'Trạm Y tế xã',
  coordinating: ['Hội Phụ nữ'],
  deadline: '2025-12-31',
  recurring: null,
  status: 'in_progress',
  overdue: false,
  progress: 40,
  updatedAt: '2026-03-01T08:00:00.000Z',
  lastNote: null,
  canUpdate: true,
  partOnly: false,
};

const figure = { numerator: 90, denominator: 100, value: 90, suppressed: false };
const detail = {
  ...summary,
  orgUnitLevel: 'commune',
  areas: [{ id: 12, name: 'Xã Định Hóa' }],
  implements: [ref],
  parentRef: null,
  legalBasis: [],
  recipients: [],
  signer: null,
  canEdit: false,
  targetList: [
    {
      id: 7,
      indicator: 'BHYT',
      indicatorName: 'Tỷ lệ tham gia bảo hiểm y tế',
      unit: 'percent',
      comparator: 'ge',
      value: 95,
      year: 2025,
      baseline: null,
      baselineYear: null,
      text: null,
      period: '2025',
      current: figure,
      gap: 5,
      met: false,
      standing: 'near',
      trend: [{ period: '2024', ...figure }],
    },
  ],
  taskList: [task],
};

describe('the plans contract', () => {
  it('takes a reviewed plan, and refuses one with an unknown comparator or an impossible date', () => {
    expect(Value.Check(NewPlan, newPlan)).toBe(true);
    expect(Value.Check(NewPlan, { ...newPlan, targets: [{ ...newPlan.targets[0], comparator: 'gte' }] })).toBe(false);
    expect(Value.Check(NewPlan, { ...newPlan, issuedOn: '2024-02-30' })).toBe(false);
  });

  it('describes a plan as listed and as read, and not with a status it does not know', () => {
    expect(Value.Check(PlanSummary, summary)).toBe(true);
    expect(Value.Check(PlanSummary, { ...summary, status: 'archived' })).toBe(false);
    expect(Value.Check(PlanDetail, detail)).toBe(true);
    expect(Value.Check(PlanDetail, { ...detail, targetList: [{ ...detail.targetList[0], unit: 'ratio' }] })).toBe(false);
  });

  it('describes every draft the parser reads, so the draft route’s serialiser drops nothing', () => {
    const seeds = new URL('../../../server/data/plans/', import.meta.url);
    const texts = readdirSync(seeds)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(new URL(f, seeds), 'utf8'));
    for (const text of [DISTRICT_PLAN, PLAN_WITHOUT_TARGETS, PROVINCE_PLAN, ...texts]) {
      const draft = parsePlanText(text);
      expect([...Value.Errors(PlanDraft, draft)]).toEqual([]);
      expect(Value.Clean(PlanDraft, structuredClone(draft))).toEqual(draft);
    }
    expect(Value.Check(PlanDraft, { ...parsePlanText(DISTRICT_PLAN), issuer: null })).toBe(false);
  });
});

describe('the tasks contract', () => {
  it('takes an update with evidence, and refuses progress above 100 or an unknown status', () => {
    const update = { status: 'done', progress: 100, note: 'Xong', evidence: [{ fileName: 'bien-ban.pdf', contentType: 'application/pdf', dataBase64: 'JVBERi0=' }] };
    expect(Value.Check(NewTaskUpdate, update)).toBe(true);
    expect(Value.Check(NewTaskUpdate, { ...update, progress: 101 })).toBe(false);
    expect(Value.Check(NewTaskUpdate, { ...update, status: 'finished' })).toBe(false);
  });

  it('describes a task as read, and not without the caller’s rights on it', () => {
    expect(Value.Check(TaskView, task)).toBe(true);
    const { canUpdate: _, ...withoutRights } = task;
    expect(Value.Check(TaskView, withoutRights)).toBe(false);
  });
});

describe('the indicators contract', () => {
  it('describes a figure, suppressed or not, and not a figure without its suppression flag', () => {
    const value = { indicator: 'BHYT', orgUnit: 12, period: '2026Q1', ...figure, valuePeriod: null, updatedAt: null };
    expect(Value.Check(IndicatorValue, value)).toBe(true);
    expect(Value.Check(IndicatorValue, { ...value, numerator: null, denominator: null, value: null, suppressed: true })).toBe(true);
    const { suppressed: _, ...unflagged } = value;
    expect(Value.Check(IndicatorValue, unflagged)).toBe(false);
  });

  it('takes figures typed in, and refuses a negative numerator or an empty batch', () => {
    const entry = { indicator: 'TYT_BS', orgUnit: 12, period: '2026', numerator: 1, denominator: null };
    expect(Value.Check(EnterValues, { items: [entry] })).toBe(true);
    expect(Value.Check(EnterValues, { items: [{ ...entry, numerator: -1 }] })).toBe(false);
    expect(Value.Check(EnterValues, { items: [] })).toBe(false);
  });

  it('takes a DHIS2 dataValueSet, and refuses a data value without its data element', () => {
    const dataValue = { dataElement: 'TYT_BS_NUM', period: '2026', orgUnit: '12', value: '1' };
    expect(Value.Check(DataValueSetImport, { dataValues: [dataValue] })).toBe(true);
    expect(Value.Check(DataValueSetImport, { dataValues: [{ ...dataValue, dataElement: '' }] })).toBe(false);
  });
});

describe('the reports contract', () => {
  it('takes a period and a kind, and refuses a kind it does not know', () => {
    expect(Value.Check(ReportQuery, { period: '2026S1', kind: 'so_ket' })).toBe(true);
    expect(Value.Check(ReportQuery, { period: '2026S1', kind: 'quarterly' })).toBe(false);
  });
});
