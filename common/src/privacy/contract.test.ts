import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { AccessReport, AccessReportQuery } from './contract.ts';

describe('privacy contract', () => {
  it('takes an access report and refuses one without its reader summary', () => {
    const report = {
      from: '2026-11-01',
      to: '2026-11-30',
      total: 1,
      truncated: false,
      users: [{ userId: 2, username: 'an', events: 1, records: 1 }],
      items: [{ id: 10, at: '2026-11-05T08:00:00.000Z', userId: 2, username: 'an', fullName: 'An', action: 'resident.read', entityType: 'resident', entityId: '15', units: ['Phường Hà Đông'], results: null, ip: null }],
    };
    expect(Value.Check(AccessReport, report)).toBe(true);
    expect(Value.Check(AccessReport, { ...report, users: undefined })).toBe(false);
  });

  it('needs both ends of the period', () => {
    expect(Value.Check(AccessReportQuery, { from: '2026-11-01', to: '2026-11-30' })).toBe(true);
    expect(Value.Check(AccessReportQuery, { from: '2026-11-01' })).toBe(false);
  });
});
