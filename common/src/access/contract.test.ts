import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { OrgUnitRef } from '../org-units/contract.ts';
import { Me, NewUser, User, UserChanges } from './contract.ts';

const orgUnit = { id: 7, code: '26734', name: 'Phường Hà Đông', level: 'commune', kind: 'ward' };
const me = { id: 1, username: 'tram.hadong', fullName: 'Nguyễn Văn An', mustChangePassword: false, roles: [{ role: 'station_staff', roleName: { vi: 'Nhân viên trạm', en: 'Station staff' }, orgUnit }], permissions: ['person.read', 'person.write'] };

describe('access contract', () => {
  it('takes who is signed in, with permission codes only', () => {
    expect(Value.Check({ OrgUnitRef }, Me, me)).toBe(true);
    expect(Value.Check({ OrgUnitRef }, Me, { ...me, permissions: ['person.raed'] })).toBe(false);
  });

  it('takes a user and refuses one without its roles', () => {
    const user = { id: 2, username: 'an', fullName: 'An', active: true, lockedUntil: null, createdAt: '2026-12-01T08:00:00.000Z', roles: [{ role: 'station_staff', orgUnit }], canEdit: true };
    expect(Value.Check({ OrgUnitRef }, User, user)).toBe(true);
    expect(Value.Check({ OrgUnitRef }, User, { ...user, roles: undefined })).toBe(false);
  });

  it('bounds a new user and a change of one', () => {
    expect(Value.Check(NewUser, { username: 'an', fullName: 'An', password: 'đủ dài và khó đoán', roles: [{ role: 'station_staff', orgUnitId: 7 }] })).toBe(true);
    expect(Value.Check(NewUser, { username: 'an', fullName: 'An', password: 'x', roles: [{ role: 'station_staff', orgUnitId: 0 }] })).toBe(false);
    expect(Value.Check(UserChanges, { active: false })).toBe(true);
    expect(Value.Check(UserChanges, { fullName: 'x'.repeat(201) })).toBe(false);
  });
});
