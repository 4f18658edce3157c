import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { AuditEvent, AuditQuery } from './contract.ts';

describe('audit contract', () => {
  it('takes an event and refuses one without the units it concerns', () => {
    const event = { id: 1, at: '2026-12-02T08:00:00.000Z', userId: 2, username: 'an', action: 'resident.read', entityType: 'resident', entityId: '15', entityName: null, orgUnitId: 7, orgUnitName: 'Phường Đức Xuân', orgUnitIds: [7], ip: '10.0.0.1', requestId: 'req-1' };
    expect(Value.Check(AuditEvent, event)).toBe(true);
    expect(Value.Check(AuditEvent, { ...event, orgUnitIds: undefined })).toBe(false);
  });

  it('takes real dates as the period', () => {
    expect(Value.Check(AuditQuery, { limit: 50, offset: 0, from: '2026-12-01' })).toBe(true);
    expect(Value.Check(AuditQuery, { limit: 50, offset: 0, from: '2026-13-01' })).toBe(false);
  });
});
