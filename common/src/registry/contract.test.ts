import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { resident } from './examples.ts';
import { Coverage, HouseholdDetail, LifeEvent, NewHousehold, NewResident, Resident, ResidentPatch } from './contract.ts';


describe('registry contract', () => {
  it('takes a resident and refuses a status or relationship the register does not have', () => {
    expect(Value.Check(Resident, resident)).toBe(true);
    expect(Value.Check(Resident, { ...resident, status: 'dead' })).toBe(false);
    expect(Value.Check(Resident, { ...resident, relationship: 'cousin' })).toBe(false);
  });

  it('takes a household with its members', () => {
    const household = { id: 3, code: 'HD-01', address: '12 Quang Trung', communeId: 7, communeName: 'Phường Hà Đông', villageId: 9, villageName: 'Tổ dân phố 1', headId: 14, headName: 'Lê Văn Cường', memberCount: 2, createdAt: '2026-12-01T08:00:00.000Z' };
    expect(Value.Check(HouseholdDetail, { ...household, members: [resident] })).toBe(true);
    expect(Value.Check(HouseholdDetail, { ...household, members: [{ ...resident, sex: 'x' }] })).toBe(false);
  });

  it('bounds what a person fills in', () => {
    const fields = { fullName: 'Trần Thị Bình', sex: 'female', birthDate: '1990-05-12', relationship: 'head' };
    expect(Value.Check(NewResident, { ...fields, unitId: 9 })).toBe(true);
    expect(Value.Check(NewResident, { ...fields, unitId: 9, birthDate: '1990-02-30' })).toBe(false);
    expect(Value.Check(NewResident, { ...fields, unitId: 9, residenceStatus: 'visiting' })).toBe(false);
    expect(Value.Check(NewHousehold, { unitId: 9, address: '12 Quang Trung', members: [fields] })).toBe(true);
    expect(Value.Check(NewHousehold, { unitId: 9, address: '12 Quang Trung', members: Array(31).fill(fields) })).toBe(false);
    expect(Value.Check(ResidentPatch, { phone: null })).toBe(true);
    expect(Value.Check(ResidentPatch, { fullName: 'x'.repeat(201) })).toBe(false);
  });

  it('takes the life events it knows', () => {
    expect(Value.Check(LifeEvent, { kind: 'death', date: '2026-11-30' })).toBe(true);
    expect(Value.Check(LifeEvent, { kind: 'birth', date: '2026-11-30' })).toBe(false);
  });

  it('takes coverage figures, suppressed ones as null', () => {
    const row = { id: 9, code: '01', name: 'Tổ dân phố 1', level: 'village', residents: null, withRecord: null, insured: null, recordRate: null, insuredRate: null, suppressed: true };
    expect(Value.Check(Coverage, { asOf: '2026-12-02', unit: { ...row, level: 'commune', suppressed: false, residents: 120 }, children: [row] })).toBe(true);
    expect(Value.Check(Coverage, { asOf: '2026-12-02', unit: { ...row, residents: '120' }, children: [] })).toBe(false);
  });
});
