import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { resident } from '../registry/examples.ts';
import { HealthRecord, History, NewEncounter, NewImmunization } from './contract.ts';

describe('health record contract', () => {
  it('takes the history of part 2 and refuses what it does not know', () => {
    const history = { personalHistory: { conditions: ['I10', 'E11.9'] }, tobacco: 'former', alcohol: { status: 'occasional', glassesPerDay: 1 } };
    expect(Value.Check(History, history)).toBe(true);
    expect(Value.Check(History, { ...history, personalHistory: { conditions: ['hypertension'] } })).toBe(false);
    expect(Value.Check(History, { ...history, pets: 'cat' })).toBe(false);
  });

  it('takes an encounter with plausible measurements only', () => {
    const encounter = { date: '2026-12-02', type: 'checkup', diagnoses: ['I10'], observations: { systolic_bp: 150, diastolic_bp: 95 } };
    expect(Value.Check(NewEncounter, encounter)).toBe(true);
    expect(Value.Check(NewEncounter, { ...encounter, observations: { systolic_bp: 1500 } })).toBe(false);
    expect(Value.Check(NewEncounter, { ...encounter, type: 'surgery' })).toBe(false);
  });

  it('takes an immunisation dose from 1 to 10', () => {
    expect(Value.Check(NewImmunization, { vaccineCode: 'BCG', dose: 1, date: '2026-01-05' })).toBe(true);
    expect(Value.Check(NewImmunization, { vaccineCode: 'BCG', dose: 0, date: '2026-01-05' })).toBe(false);
  });

  it('takes a whole record', () => {
    const record = {
      resident,
      household: { id: 3, code: 'HD-01', address: '12 Quang Trung', headName: 'Lê Văn Cường' },
      opened: true,
      history: {},
      immunizations: [{ id: 1, vaccineCode: 'BCG', vaccineName: 'Lao', dose: 1, date: '1990-06-01', facilityName: null, lot: null, note: null }],
      encounters: [{ id: 4, date: '2026-12-02', type: 'checkup', facilityName: null, practitioner: null, reason: null, notes: null, diagnoses: [{ code: 'I10', nameVi: 'Tăng huyết áp vô căn', isPrimary: true }], observations: { systolic_bp: 150 }, bmi: null, prescriptions: [] }],
      timeline: [{ date: '2026-12-02', kind: 'encounter.checkup', title: 'Khám sức khỏe', titleEn: 'Check-up' }],
      growth: null,
      updatedAt: null,
    };
    expect(Value.Check(HealthRecord, record)).toBe(true);
    expect(Value.Check(HealthRecord, { ...record, encounters: [{ ...record.encounters[0], type: 'surgery' }] })).toBe(false);
  });
});
