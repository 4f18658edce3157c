import { describe, expect, it } from 'vitest';
import { en } from '../messages/en.ts';
import { textAt } from '../messages/index.ts';
import { vi } from '../messages/vi.ts';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, auditActionKey, auditEntityKey } from './codes.ts';

describe('the audit log’s labels', () => {
  it('name every action and every entity type in Vietnamese and English', () => {
    for (const catalogue of [vi, en]) {
      expect(AUDIT_ACTIONS.filter((a) => !textAt(catalogue, auditActionKey(a)))).toEqual([]);
      expect(AUDIT_ENTITY_TYPES.filter((t) => !textAt(catalogue, auditEntityKey(t)))).toEqual([]);
    }
  });

  it('label no action or entity type that is not recorded', () => {
    expect(Object.keys(vi.auditLabels.actions).map((k) => `auditLabels.actions.${k}`).sort()).toEqual(AUDIT_ACTIONS.map(auditActionKey).sort());
    expect(Object.keys(vi.auditLabels.entities).map((k) => `auditLabels.entities.${k}`).sort()).toEqual(AUDIT_ENTITY_TYPES.map(auditEntityKey).sort());
  });

  it('key report.generate as reportGenerate (i18next reads a dot as nesting)', () => {
    expect(auditActionKey('report.generate')).toBe('auditLabels.actions.reportGenerate');
    expect(auditActionKey('auth.login_failed')).toBe('auditLabels.actions.authLoginFailed');
    expect(textAt(vi, auditActionKey('task.update'))).toBe('Cập nhật tiến độ nhiệm vụ');
    expect(textAt(en, auditEntityKey('plan_task'))).toBe('Plan task');
  });
});
