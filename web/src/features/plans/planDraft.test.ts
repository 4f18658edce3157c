import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { DraftCandidate, PlanDraft } from '@ytcs/common';
import { type ReviewValues, proposedUnit, reviewValues, toNewPlan } from './planDraft';

const directive = { kind: 'Chỉ thị', number: '25-CT/TW', issuedOn: '2023-10-25', issuer: 'Ban Bí thư', text: 'Chỉ thị số 25-CT/TW' };
const provincePlan = { kind: 'Kế hoạch', number: '133/KH-UBND', issuedOn: null, issuer: null, text: 'Kế hoạch số 133/KH-UBND' };

const draft = (over: Partial<PlanDraft> = {}): PlanDraft => ({
  issuer: { name: 'UBND xã Tân Phú', level: 'commune', areaName: 'Tân Phú', areaKind: 'xã' },
  number: '12/KH-UBND',
  place: 'Tân Phú',
  issuedOn: '2026-03-10',
  issuedMonth: null,
  title: 'Thực hiện công tác y tế cơ sở năm 2026',
  implements: [directive],
  parentPlan: provincePlan,
  legalBasis: [directive, provincePlan],
  fromYear: 2026,
  toYear: 2030,
  targets: [{ text: 'Tỷ lệ tiêm chủng đầy đủ đạt trên 95%', indicatorCode: 'immunisation_full', comparator: 'ge', value: 95, unit: 'percent', year: 2030, baseline: 82, baselineYear: 2024 }],
  tasks: [
    { section: 'IV.1', text: 'Rà soát dân số', lead: ['Trạm Y tế xã', 'Công an xã'], coordinating: ['Trưởng thôn'], deadline: '2026-06-30', recurring: null },
    { section: '', text: 'Truyền thông', lead: [], coordinating: [], deadline: null, recurring: 'hằng năm' },
  ],
  recipients: [
    { name: 'UBND huyện', purpose: 'để báo cáo' },
    { name: 'Trạm Y tế xã', purpose: null },
  ],
  signer: { authority: 'TM. UBND', title: 'Chủ tịch', name: 'Nguyễn Văn Bình' },
  warnings: [],
  ...over,
});

const candidate = (id: number, validTo: string | null = null): DraftCandidate => ({ id, name: `Xã ${id}`, level: 'commune', validTo, parentName: null });

describe('proposedUnit', () => {
  it('proposes the first unit that still exists, passing over former ones', () => {
    expect(proposedUnit([candidate(1, '2025-06-30'), candidate(2), candidate(3)])).toBe(2);
  });

  it('falls back to a former unit when no current one matches, and to none without candidates', () => {
    expect(proposedUnit([candidate(4, '2025-06-30'), candidate(5, '2024-12-31')])).toBe(4);
    expect(proposedUnit([])).toBeUndefined();
  });
});

describe('reviewValues', () => {
  it('puts the draft on the form: dates as dayjs, targets by indicator code, recipients by name', () => {
    const v = reviewValues(draft(), [candidate(9)]);
    expect(v.orgUnitId).toBe(9);
    expect(v.issuedOn?.format('YYYY-MM-DD')).toBe('2026-03-10');
    expect(v.targets).toEqual([{ indicator: 'immunisation_full', comparator: 'ge', value: 95, year: 2030, baseline: 82, baselineYear: 2024, text: 'Tỷ lệ tiêm chủng đầy đủ đạt trên 95%' }]);
    expect(v.recipients).toEqual(['UBND huyện', 'Trạm Y tế xã']);
    expect(v.signer).toEqual({ authority: 'TM. UBND', title: 'Chủ tịch', name: 'Nguyễn Văn Bình' });
  });

  it('keeps one lead agency per task, the other joint leads becoming partners first', () => {
    const [first, second] = reviewValues(draft(), []).tasks;
    expect(first).toMatchObject({ section: 'IV.1', lead: 'Trạm Y tế xã', coordinating: ['Công an xã', 'Trưởng thôn'] });
    expect(first?.deadline?.format('YYYY-MM-DD')).toBe('2026-06-30');
    expect(second).toMatchObject({ section: null, lead: null, coordinating: [], deadline: null, recurring: 'hằng năm' });
  });

  it('leaves a target the parser could not name without an indicator, and an unreadable date empty', () => {
    const v = reviewValues(draft({ issuedOn: null, targets: [{ text: 'Giảm tỷ lệ suy dinh dưỡng', indicatorCode: null, comparator: 'lt', value: 10, unit: 'percent', year: null, baseline: null, baselineYear: null }] }), []);
    expect(v.issuedOn).toBeNull();
    expect(v.targets[0]?.indicator).toBeUndefined();
  });

  it('leaves the value of a target the parser found implausible empty, for the reviewer to fill in', () => {
    const v = reviewValues(draft({ targets: [{ text: 'Bao phủ BHYT đạt 950%', indicatorCode: 'BHYT_BP', comparator: 'ge', value: null, unit: 'percent', year: 2030, baseline: null, baselineYear: null }] }), []);
    expect(v.targets[0]?.value).toBeUndefined();
  });

  it('does not share the signer with the draft, so editing the form leaves the draft as read', () => {
    const d = draft();
    reviewValues(d, []).signer.name = 'Người khác';
    expect(d.signer.name).toBe('Nguyễn Văn Bình');
  });
});

describe('toNewPlan', () => {
  it('turns an untouched review back into the plan the draft describes', () => {
    const d = draft();
    expect(toNewPlan(reviewValues(d, [candidate(9)]), d)).toEqual({
      orgUnitId: 9,
      number: '12/KH-UBND',
      issuedOn: '2026-03-10',
      title: 'Thực hiện công tác y tế cơ sở năm 2026',
      implements: [directive],
      parentRef: provincePlan,
      legalBasis: [directive, provincePlan],
      fromYear: 2026,
      toYear: 2030,
      recipients: [
        { name: 'UBND huyện', purpose: 'để báo cáo' },
        { name: 'Trạm Y tế xã', purpose: null },
      ],
      signer: { authority: 'TM. UBND', title: 'Chủ tịch', name: 'Nguyễn Văn Bình' },
      targets: [{ indicator: 'immunisation_full', comparator: 'ge', value: 95, year: 2030, baseline: 82, baselineYear: 2024, text: 'Tỷ lệ tiêm chủng đầy đủ đạt trên 95%' }],
      tasks: [
        { section: 'IV.1', text: 'Rà soát dân số', lead: 'Trạm Y tế xã', coordinating: ['Công an xã', 'Trưởng thôn'], deadline: '2026-06-30', recurring: null },
        { section: null, text: 'Truyền thông', lead: null, coordinating: [], deadline: null, recurring: 'hằng năm' },
      ],
    });
  });

  it('trims what the reviewer typed and sends blanks as null', () => {
    const d = draft();
    const edited: ReviewValues = {
      ...reviewValues(d, [candidate(9)]),
      number: '  ',
      title: '  Kế hoạch sửa  ',
      issuedOn: dayjs('2026-04-01'),
      tasks: [{ section: ' II.2 ', text: ' Khám sàng lọc ', lead: ' ', coordinating: [' Hội Phụ nữ ', '', '  '], deadline: null, recurring: '' }],
    };
    const plan = toNewPlan(edited, d);
    expect(plan.number).toBeNull();
    expect(plan.title).toBe('Kế hoạch sửa');
    expect(plan.issuedOn).toBe('2026-04-01');
    expect(plan.tasks).toEqual([{ section: 'II.2', text: 'Khám sàng lọc', lead: null, coordinating: ['Hội Phụ nữ'], deadline: null, recurring: null }]);
  });

  it('sends no signer when every part of it was cleared, but keeps a partial one', () => {
    const d = draft();
    const v = reviewValues(d, []);
    expect(toNewPlan({ ...v, signer: { authority: ' ', title: null, name: '' } }, d).signer).toBeNull();
    expect(toNewPlan({ ...v, signer: { name: ' Lê Hoa ' } }, d).signer).toEqual({ authority: null, title: null, name: 'Lê Hoa' });
  });

  it('keeps the purpose of the recipients the draft named, and none for a recipient the reviewer added', () => {
    const d = draft();
    const plan = toNewPlan({ ...reviewValues(d, []), recipients: ['Trạm Y tế xã', 'UBND huyện', 'Hội Nông dân'] }, d);
    expect(plan.recipients).toEqual([
      { name: 'Trạm Y tế xã', purpose: null },
      { name: 'UBND huyện', purpose: 'để báo cáo' },
      { name: 'Hội Nông dân', purpose: null },
    ]);
  });

  it('sends an unfinished target row as it stands, for the server to refuse by field', () => {
    const d = draft();
    const plan = toNewPlan({ ...reviewValues(d, []), targets: [{ comparator: 'ge' }], fromYear: undefined, toYear: null }, d);
    expect(plan.targets).toEqual([{ indicator: '', comparator: 'ge', value: 0, year: null, baseline: null, baselineYear: null, text: null }]);
    expect(plan.fromYear).toBeNull();
    expect(plan.toYear).toBeNull();
  });
});
