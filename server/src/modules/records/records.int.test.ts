import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, signIn, unitId } from '../../../test/harness.ts';

let ctx: TestContext;
let station: string;
let other: string;
let residentId: number;

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: cookie ? { cookie } : {}, payload });

beforeAll(async () => {
  ctx = await createTestContext();
  const ducXuan = await unitId(ctx, 'commune', '01840');
  const village = await createVillage(ctx, ducXuan, 'Tổ dân phố 5');
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: ducXuan }]);
  await createUser(ctx, 'other', [{ role: 'station', orgUnitId: await unitId(ctx, 'commune', '01843') }]);
  station = await signIn(ctx, 'tram');
  other = await signIn(ctx, 'other');
  const res = await call('POST', '/api/residents', station, { unitId: village, fullName: 'Ma Thị Lan', sex: 'female', birthDate: '1965-08-20', citizenId: '006165001122', insuranceCode: 'HT3190000011122' });
  residentId = res.json().id;
});
afterAll(() => ctx.close());

describe('the personal health record', () => {
  it('starts unopened with the administrative part only', async () => {
    const res = await call('GET', `/api/residents/${residentId}/record`, station);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ opened: false, history: {}, immunizations: [], encounters: [], resident: { fullName: 'Ma Thị Lan' } });
  });

  it('records history, an encounter with BMI and diagnoses, and an immunisation', async () => {
    const history = { personalHistory: { conditions: ['I10'] }, allergies: { drugs: 'Penicillin' }, tobacco: 'never', alcohol: { status: 'none' }, familyHistory: [{ relation: 'Mẹ', icd10Code: 'E11' }] };
    expect((await call('PUT', `/api/residents/${residentId}/record/history`, station, history)).statusCode).toBe(204);
    const enc = await call('POST', `/api/residents/${residentId}/encounters`, station, {
      date: '2026-10-15',
      type: 'chronic_followup',
      practitioner: 'BS. Hoàng Văn Minh',
      diagnoses: ['I10', 'E11.9'],
      observations: { systolic_bp: 150, diastolic_bp: 95, weight: 60, height: 155 },
      prescriptions: [{ drug: 'Amlodipin 5mg', dose: '1 viên/ngày', days: 30 }],
    });
    expect(enc.statusCode).toBe(201);
    expect((await call('POST', `/api/residents/${residentId}/immunizations`, station, { vaccineCode: 'td', dose: 1, date: '2026-03-01' })).statusCode).toBe(201);

    const record = (await call('GET', `/api/residents/${residentId}/record`, station)).json();
    expect(record.opened).toBe(true);
    expect(record.history).toMatchObject({ allergies: { drugs: 'Penicillin' } });
    expect(record.encounters[0]).toMatchObject({ type: 'chronic_followup', bmi: 25, observations: { systolic_bp: 150 }, diagnoses: [{ code: 'I10', isPrimary: true }, { code: 'E11.9', isPrimary: false }] });
    expect(record.encounters[0].diagnoses[0].nameVi).toMatch(/huyết áp/i);
    expect(record.immunizations[0]).toMatchObject({ vaccineCode: 'td', dose: 1 });
    expect(record.timeline.map((t: { kind: string }) => t.kind)).toEqual(['life.registered', 'encounter.chronic_followup', 'immunization']);
    const resident = (await call('GET', `/api/residents/${residentId}`, station)).json();
    expect(resident.hasRecord).toBe(true);
  });

  it('refuses unknown codes, implausible values and future dates, naming the field', async () => {
    const bad = await call('POST', `/api/residents/${residentId}/encounters`, station, { date: '2099-01-01', type: 'checkup', diagnoses: ['Z99.99'], observations: { systolic_bp: 80, diastolic_bp: 90 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['date', 'diagnoses.0', 'observations.diastolic_bp']);
    const range = await call('POST', `/api/residents/${residentId}/encounters`, station, { date: '2026-01-01', type: 'checkup', observations: { weight: 900 } });
    expect(range.statusCode).toBe(400);
    expect(range.json().errors[0].field).toBe('observations.weight');
    const vaccine = await call('POST', `/api/residents/${residentId}/immunizations`, station, { vaccineCode: 'nope', dose: 1, date: '1960-01-01' });
    expect(vaccine.json().errors.map((e: { field: string }) => e.field)).toEqual(['vaccineCode', 'date']);
  });

  it('prints the record as a DOCX in the order of the Ministry form', async () => {
    const res = await call('GET', `/api/residents/${residentId}/record.docx`, station);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = strFromU8(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml'] as Uint8Array);
    const text = xml.replace(/<[^>]+>/g, '');
    const order = ['HỒ SƠ QUẢN LÝ SỨC KHỎE CÁ NHÂN', 'I. THÔNG TIN HÀNH CHÍNH', 'Ma Thị Lan', '20/08/1965', 'II. TIỀN SỬ', 'Penicillin', 'III. TIÊM CHỦNG', 'IV. KHÁM LÂM SÀNG', 'HA 150/95 mmHg', 'Amlodipin 5mg'];
    const positions = order.map((s) => text.indexOf(s));
    // Each piece is present, and they come in the form's order.
    expect(order.filter((_, i) => (positions[i] as number) < 0)).toEqual([]);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('audits each read and print, and keeps other communes out', async () => {
    const reads = await ctx.database.db.selectFrom('audit_event').where('action', '=', 'record.read').where('entity_id', '=', String(residentId)).select('id').execute();
    expect(reads.length).toBeGreaterThanOrEqual(3);
    expect((await call('GET', `/api/residents/${residentId}/record`, other)).statusCode).toBe(404);
    expect((await call('GET', `/api/residents/${residentId}/record.docx`, other)).statusCode).toBe(404);
    expect((await call('PUT', `/api/residents/${residentId}/record/history`, other, {})).statusCode).toBe(404);
    expect((await call('POST', `/api/residents/${residentId}/encounters`, other, { date: '2026-01-01', type: 'checkup' })).statusCode).toBe(404);
    expect((await call('GET', `/api/residents/${residentId}/record`)).statusCode).toBe(401);
  });
});
