import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, signIn, unitId } from '../../../test/harness.ts';
import { insertCatchments, insertOrgUnits } from '../org-units/index.ts';

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

  it('prints every observation the Vietnamese way, where the examination took place, and the address once', async () => {
    // The commune's health station, serving it (as the demo and a real set-up have).
    const ducXuan = await unitId(ctx, 'commune', '01840');
    const placed = await insertOrgUnits(ctx.database.db, [{ key: 's', parentKey: 'c', code: 'TYT-01840', name: 'Trạm Y tế Phường Đức Xuân', level: 'facility', kind: 'health_station', validFrom: '2025-07-01', validTo: null }], new Map([['c', await ctx.database.db.selectFrom('org_unit').where('id', '=', ducXuan).select(['id', 'path']).executeTakeFirstOrThrow()]]));
    await insertCatchments(ctx.database.db, [{ facilityId: placed.get('s')?.id as number, areaId: ducXuan }]);
    const village = await createVillage(ctx, ducXuan, 'Tổ dân phố 7');
    const household = await call('POST', '/api/households', station, { unitId: village, address: 'Số 12, Tổ dân phố 7', members: [{ fullName: 'Hoàng Văn Tú', sex: 'male', birthYear: 1970, relationship: 'head' }] });
    expect(household.statusCode, household.body).toBe(201);
    const personId = (await ctx.database.db.selectFrom('resident').where('full_name', '=', 'Hoàng Văn Tú').select('id').executeTakeFirstOrThrow()).id;
    // The form sends no facility: the examination is the station's.
    const enc = await call('POST', `/api/residents/${personId}/encounters`, station, {
      date: '2026-11-02',
      type: 'checkup',
      observations: { systolic_bp: 128, diastolic_bp: 82, pulse: 78, temperature: 37.5, weight: 62.5, height: 161, waist: 84, glucose: 5.6 },
    });
    expect(enc.statusCode, enc.body).toBe(201);

    const res = await call('GET', `/api/residents/${personId}/record.docx`, station);
    const text = strFromU8(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml'] as Uint8Array).replace(/<[^>]+>/g, '');
    const signs = text.slice(text.indexOf('IV. KHÁM LÂM SÀNG'));
    for (const piece of ['Trạm Y tế Phường Đức Xuân', 'HA 128/82 mmHg', 'Mạch 78 lần/phút', 'Nhiệt độ 37,5 °C', 'CN 62,5 kg', 'CC 161 cm', 'BMI 24,1', 'Vòng bụng 84 cm', 'ĐH 5,6 mmol/L']) expect(signs).toContain(piece);
    expect(signs).not.toMatch(/\d\.\d/);
    expect(text).toContain('Số 12, Tổ dân phố 7, Phường Đức Xuân');
    expect(text.match(/Tổ dân phố 7/g)).toHaveLength(1);
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
