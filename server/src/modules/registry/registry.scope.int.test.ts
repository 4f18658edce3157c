import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, signIn, unitId } from '../../../test/harness.ts';

// Issue 9, hole 4: every household or resident a write refers to must lie in the caller's scope,
// and the answer for one outside it is the answer for an id that does not exist. Two callers try:
// a village health worker of village 2 (its neighbour, village 1, is out of reach) and the
// station of another commune.
let ctx: TestContext;
let station: string;
let villageWorker: string;
let otherStation: string;
let ducXuan: number;
let village1: number;
let village2: number;
/** Household in village 1 (head Hồng), a resident of village 1 and one of village 2, one of the other commune. */
let household1: number;
let resident1: number;
let resident2: number;
let residentOther: number;
const MISSING = 99_999_999;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';
const call = (method: Method, url: string, cookie: string, payload?: object) => ctx.app.inject({ method, url, headers: { cookie }, payload });
const residentCount = async () => Number((await sql<{ n: number }>`select count(*)::int as n from resident`.execute(ctx.database.db)).rows[0]?.n);

beforeAll(async () => {
  ctx = await createTestContext();
  ducXuan = await unitId(ctx, 'commune', '01840');
  const otherCommune = await unitId(ctx, 'commune', '01843');
  village1 = await createVillage(ctx, ducXuan, 'Thôn 1');
  village2 = await createVillage(ctx, ducXuan, 'Thôn 2');
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: ducXuan }]);
  await createUser(ctx, 'thon2', [{ role: 'village_worker', orgUnitId: village2 }]);
  await createUser(ctx, 'other', [{ role: 'station', orgUnitId: otherCommune }]);
  station = await signIn(ctx, 'tram');
  villageWorker = await signIn(ctx, 'thon2');
  otherStation = await signIn(ctx, 'other');
  const hh = await call('POST', '/api/households', station, { unitId: village1, address: 'Số 7, Thôn 1', members: [{ fullName: 'Nguyễn Thị Hồng', sex: 'female', birthYear: 1970, relationship: 'head' }] });
  household1 = hh.json().id;
  resident1 = hh.json().members[0].id;
  resident2 = (await call('POST', '/api/residents', villageWorker, { unitId: village2, fullName: 'Lò Văn Sáu', sex: 'male', birthYear: 1985 })).json().id;
  residentOther = (await call('POST', '/api/residents', otherStation, { unitId: otherCommune, fullName: 'Hà Thị Bảy', sex: 'female', birthYear: 1991 })).json().id;
});
afterAll(() => ctx.close());

/** The answer for an out-of-scope reference equals the answer for a missing one. */
async function sameAsMissing(outOfScope: () => Promise<{ statusCode: number; json: () => unknown }>, missing: () => Promise<{ statusCode: number; json: () => unknown }>, status: number) {
  const [a, b] = [await outOfScope(), await missing()];
  expect(a.statusCode).toBe(status);
  expect(b.statusCode).toBe(status);
  expect(a.json()).toEqual(b.json());
}

describe('writes referring to a household or resident out of scope', () => {
  it('refuses a new resident placed in a household of another village, as if the household did not exist', async () => {
    const before = await residentCount();
    const person = { unitId: village2, fullName: 'Lò Thị Tám', sex: 'female', birthYear: 2001, relationship: 'child' };
    await sameAsMissing(
      () => call('POST', '/api/residents', villageWorker, { ...person, householdId: household1 }),
      () => call('POST', '/api/residents', villageWorker, { ...person, householdId: MISSING }),
      400,
    );
    const otherCommune = await unitId(ctx, 'commune', '01843');
    await sameAsMissing(
      () => call('POST', '/api/residents', otherStation, { ...person, unitId: otherCommune, householdId: household1 }),
      () => call('POST', '/api/residents', otherStation, { ...person, unitId: otherCommune, householdId: MISSING }),
      400,
    );
    expect(await residentCount()).toBe(before);
  });

  it('refuses a resident or household placed in a unit out of scope', async () => {
    const person = { fullName: 'Lò Thị Chín', sex: 'female', birthYear: 2002 };
    await sameAsMissing(() => call('POST', '/api/residents', villageWorker, { ...person, unitId: village1 }), () => call('POST', '/api/residents', villageWorker, { ...person, unitId: MISSING }), 400);
    await sameAsMissing(() => call('POST', '/api/residents', otherStation, { ...person, unitId: village1 }), () => call('POST', '/api/residents', otherStation, { ...person, unitId: MISSING }), 400);
    const hh = { address: 'Số 1', members: [{ ...person, relationship: 'head' }] };
    await sameAsMissing(() => call('POST', '/api/households', villageWorker, { ...hh, unitId: village1 }), () => call('POST', '/api/households', villageWorker, { ...hh, unitId: MISSING }), 400);
    await sameAsMissing(() => call('POST', '/api/households', otherStation, { ...hh, unitId: ducXuan }), () => call('POST', '/api/households', otherStation, { ...hh, unitId: MISSING }), 400);
  });

  it('answers 404 to a correction of a resident out of scope, 400 to a move into a unit out of scope', async () => {
    for (const cookie of [villageWorker, otherStation]) {
      await sameAsMissing(() => call('PATCH', `/api/residents/${resident1}`, cookie, { phone: '0911111111' }), () => call('PATCH', `/api/residents/${MISSING}`, cookie, { phone: '0911111111' }), 404);
    }
    await sameAsMissing(() => call('PATCH', `/api/residents/${resident2}`, villageWorker, { unitId: village1 }), () => call('PATCH', `/api/residents/${resident2}`, villageWorker, { unitId: MISSING }), 400);
    expect((await call('GET', `/api/residents/${resident2}`, villageWorker)).json().villageId).toBe(village2);
  });

  it('answers 404 to a merge with a partner out of scope, either way round', async () => {
    await sameAsMissing(() => call('POST', `/api/residents/${resident2}/merge`, villageWorker, { intoId: resident1 }), () => call('POST', `/api/residents/${resident2}/merge`, villageWorker, { intoId: MISSING }), 404);
    await sameAsMissing(() => call('POST', `/api/residents/${resident1}/merge`, villageWorker, { intoId: resident2 }), () => call('POST', `/api/residents/${MISSING}/merge`, villageWorker, { intoId: resident2 }), 404);
    await sameAsMissing(() => call('POST', `/api/residents/${residentOther}/merge`, otherStation, { intoId: resident1 }), () => call('POST', `/api/residents/${residentOther}/merge`, otherStation, { intoId: MISSING }), 404);
    expect((await call('GET', `/api/residents/${resident2}`, villageWorker)).json().status).toBe('active');
  });

  it('answers 404 to a life event of a resident out of scope, 400 to a move-in to a unit out of scope', async () => {
    for (const cookie of [villageWorker, otherStation]) {
      await sameAsMissing(() => call('POST', `/api/residents/${resident1}/events`, cookie, { kind: 'death', date: '2026-01-02' }), () => call('POST', `/api/residents/${MISSING}/events`, cookie, { kind: 'death', date: '2026-01-02' }), 404);
    }
    const moveIn = (toUnitId: number) => call('POST', `/api/residents/${resident2}/events`, villageWorker, { kind: 'move_in', date: '2026-01-02', toUnitId });
    await sameAsMissing(() => moveIn(village1), () => moveIn(MISSING), 400);
    expect((await call('GET', `/api/residents/${resident1}`, station)).json().status).toBe('active');
  });

  it('answers 400, not 500, to a move out to a unit that does not exist', async () => {
    const res = await call('POST', `/api/residents/${resident2}/events`, villageWorker, { kind: 'move_out', date: '2026-01-02', toUnitId: MISSING });
    expect(res.statusCode).toBe(400);
    expect((await call('GET', `/api/residents/${resident2}`, villageWorker)).json().status).toBe('active');
  });

  it('answers 404 to history, encounters and immunisations on a record out of scope', async () => {
    const writes: [Method, string, object][] = [
      ['PUT', 'record/history', { personalHistory: { conditions: [] } }],
      ['POST', 'encounters', { date: '2026-01-02', type: 'checkup' }],
      ['POST', 'immunizations', { vaccineCode: 'BCG', dose: 1, date: '2026-01-02' }],
    ];
    for (const cookie of [villageWorker, otherStation]) {
      for (const [method, path, body] of writes) {
        await sameAsMissing(() => call(method, `/api/residents/${resident1}/${path}`, cookie, body), () => call(method, `/api/residents/${MISSING}/${path}`, cookie, body), 404);
      }
    }
    const written = await sql<{ n: number }>`select (select count(*) from encounter where resident_id = ${resident1}) + (select count(*) from immunization where resident_id = ${resident1}) + (select count(*) from health_record where resident_id = ${resident1}) as n`.execute(ctx.database.db);
    expect(Number(written.rows[0]?.n)).toBe(0);
  });
});

describe('reads joining a person out of scope', () => {
  it('shows no head or address of a household out of scope on a record page', async () => {
    // Left by an older version (or a move): a resident of village 2 in village 1's household.
    await ctx.database.db.updateTable('resident').set({ household_id: household1 }).where('id', '=', resident2).execute();
    const record = await call('GET', `/api/residents/${resident2}/record`, villageWorker);
    expect(record.statusCode).toBe(200);
    expect(record.json().household).toBeNull();
    expect(record.body).not.toContain('Hồng');
    expect(record.body).not.toContain('Số 7');
    expect((await call('GET', `/api/residents/${resident2}/record`, station)).json().household).toMatchObject({ headName: 'Nguyễn Thị Hồng' });
    await ctx.database.db.updateTable('resident').set({ household_id: null }).where('id', '=', resident2).execute();
  });

  it('shows no head out of scope in a household’s list row or detail, and counts only members in scope', async () => {
    const hh = await call('POST', '/api/households', villageWorker, { unitId: village2, address: 'Số 2, Thôn 2', members: [{ fullName: 'Lò Văn Mười', sex: 'male', birthYear: 1960, relationship: 'head' }, { fullName: 'Lò Thị Một', sex: 'female', birthYear: 1962, relationship: 'spouse' }] });
    expect(hh.statusCode).toBe(201);
    const id = hh.json().id as number;
    // The head moved to village 1 but is still named the household's head.
    const headId = hh.json().headId as number;
    await ctx.database.db.updateTable('resident').set({ village_id: village1 }).where('id', '=', headId).execute();
    const detail = (await call('GET', `/api/households/${id}`, villageWorker)).json();
    expect(detail).toMatchObject({ headId: null, headName: null, memberCount: 1 });
    expect(detail.members).toHaveLength(1);
    const row = (await call('GET', `/api/households?orgUnit=${village2}`, villageWorker)).json().items.find((h: { id: number }) => h.id === id);
    expect(row).toMatchObject({ headId: null, headName: null, memberCount: 1 });
    expect((await call('GET', '/api/households?q=lo%20van%20muoi', villageWorker)).json().items).toEqual([]);
    expect((await call('GET', `/api/households/${id}`, station)).json()).toMatchObject({ headName: 'Lò Văn Mười', memberCount: 2 });
  });
});
