import type { Me, Permission } from '@ytcs/common';
import { describe, expect, it } from 'vitest';
import { landingPath } from './landing';

// The demo roles' permissions as the migrations grant them (platform + plans).
const GRANTS: Record<string, Permission[]> = {
  admin: ['org_unit.read', 'org_unit.write', 'user.read', 'user.write', 'audit.read', 'person.read', 'person.write', 'person.export', 'aggregate.read', 'aggregate.write', 'plan.read', 'plan.write', 'task.update'],
  province: ['org_unit.read', 'org_unit.write', 'user.read', 'user.write', 'audit.read', 'person.read', 'aggregate.read', 'aggregate.write', 'plan.read', 'plan.write', 'task.update'],
  health_centre: ['org_unit.read', 'org_unit.write', 'user.read', 'person.read', 'person.write', 'aggregate.read', 'aggregate.write', 'plan.read', 'plan.write', 'task.update'],
  station: ['org_unit.read', 'org_unit.write', 'person.read', 'person.write', 'person.export', 'aggregate.read', 'aggregate.write', 'plan.read', 'plan.write', 'task.update'],
  village_worker: ['org_unit.read', 'person.read', 'person.write'],
  school_health: ['org_unit.read', 'person.read', 'person.write'],
  committee: ['org_unit.read', 'aggregate.read', 'plan.read', 'task.update'],
  auditor: ['org_unit.read', 'user.read', 'audit.read'],
};

function user(...roles: string[]): Pick<Me, 'roles' | 'permissions'> {
  const unit = { id: 1, code: '19', name: 'Tỉnh Thái Nguyên', level: 'province', kind: 'province' } as Me['roles'][number]['orgUnit'];
  return {
    roles: roles.map((role) => ({ role, roleName: { vi: role, en: role }, orgUnit: unit })),
    permissions: [...new Set(roles.flatMap((r) => GRANTS[r] ?? []))],
  };
}

describe('where a role lands after signing in', () => {
  it.each([
    ['admin', '/users'],
    ['province', '/dashboard'],
    ['health_centre', '/dashboard'],
    ['station', '/dashboard'],
    ['village_worker', '/residents'],
    ['school_health', '/residents'],
    ['committee', '/plans'],
    ['auditor', '/audit'],
  ])('%s lands on %s, never on the org units', (role, page) => {
    expect(landingPath(user(role))).toBe(page);
  });

  it('lands a user with several roles on the work of the highest ranked', () => {
    expect(landingPath(user('committee', 'station'))).toBe('/dashboard');
    expect(landingPath(user('village_worker', 'auditor'))).toBe('/audit');
  });

  it('skips a role whose page the user may not open (roles are data)', () => {
    const station = user('station');
    station.permissions = station.permissions.filter((p) => p !== 'aggregate.read');
    expect(landingPath(station)).toBe('/plans');
  });

  it('sends an unknown role to the first page it may open, else the org units', () => {
    expect(landingPath({ ...user('inspector'), permissions: ['org_unit.read', 'plan.read'] })).toBe('/plans');
    expect(landingPath({ ...user('inspector'), permissions: ['org_unit.read'] })).toBe('/org-units');
    expect(landingPath({ ...user(), permissions: [] })).toBe('/org-units');
  });
});
