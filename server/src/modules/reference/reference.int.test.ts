import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, signIn, unitId } from '../../../test/harness.ts';

let ctx: TestContext;
let cookie: string;
beforeAll(async () => {
  ctx = await createTestContext();
  await createUser(ctx, 'nurse', [{ role: 'station', orgUnitId: await unitId(ctx, 'commune', '01840') }]);
  cookie = await signIn(ctx, 'nurse');
});
afterAll(() => ctx.close());

const get = (url: string, auth = true) => ctx.app.inject({ method: 'GET', url, headers: auth ? { cookie } : {} });

describe('reference lists', () => {
  it('holds the whole ICD-10 list and finds diagnoses by name without diacritics or by code', async () => {
    expect((await get('/api/icd10?limit=1')).json().total).toBe(15844);
    const byName = (await get(`/api/icd10?q=${encodeURIComponent('tang huyet ap')}`)).json();
    expect(byName.items[0].code).toBe('I10');
    const byCode = (await get('/api/icd10?q=e11')).json();
    expect(byCode.items[0]).toMatchObject({ code: 'E11' });
    expect(byCode.items[0].nameVi).toMatch(/đái tháo đường/i);
  });

  it('lists the ethnic groups with their statistical codes and the vaccines', async () => {
    const ethnic = (await get('/api/ethnic-groups')).json();
    expect(ethnic.items[0]).toMatchObject({ code: '01', name: 'Kinh' });
    expect(ethnic.items.find((e: { code: string }) => e.code === '02').name).toBe('Tày');
    const vaccines = (await get('/api/vaccines')).json();
    expect(vaccines.items.filter((v: { expandedProgramme: boolean }) => v.expandedProgramme).length).toBeGreaterThanOrEqual(11);
  });

  it('needs a session', async () => {
    for (const url of ['/api/icd10', '/api/ethnic-groups', '/api/vaccines']) expect((await get(url, false)).statusCode).toBe(401);
  });
});
