/**
 * A household found by its number as imported ("TDP5-902"), typed as written or in lower case,
 * from the residents search and the households list; never outside the caller's scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, signIn, unitId } from '../../../test/harness.ts';

let ctx: TestContext;
let station: string;
let otherStation: string;

const get = async (cookie: string, url: string) => {
  const res = await ctx.app.inject({ method: 'GET', url, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  ctx = await createTestContext();
  const ducXuan = await unitId(ctx, 'commune', '01840');
  const village = await createVillage(ctx, ducXuan, 'Tổ dân phố 5');
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: ducXuan }]);
  await createUser(ctx, 'khac', [{ role: 'station', orgUnitId: await unitId(ctx, 'commune', '01843') }]);
  station = await signIn(ctx, 'tram');
  otherStation = await signIn(ctx, 'khac');
  for (const [code, head] of [['TDP5-902', 'Nông Văn Bình'], ['TDP5-90', 'Hà Thị Lý']] as const) {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/households',
      headers: { cookie: station },
      payload: { unitId: village, code, address: 'Tổ dân phố 5', members: [{ fullName: head, sex: 'male', birthYear: 1975, relationship: 'head' }, { fullName: `${head} con`, sex: 'female', birthYear: 2005, relationship: 'child' }] },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => ctx.close());

describe('searching by household number', () => {
  it('finds the members of the household from the residents search, as typed or in lower case', async () => {
    for (const q of ['TDP5-902', 'tdp5-902', ' TDP5-902 ']) {
      const page = await get(station, `/api/residents?q=${encodeURIComponent(q)}`);
      expect(page.items.map((r: { fullName: string }) => r.fullName).sort(), q).toEqual(['Nông Văn Bình', 'Nông Văn Bình con']);
    }
  });

  it('finds the household in the households list', async () => {
    const page = await get(station, `/api/households?q=${encodeURIComponent('tdp5-902')}`);
    expect(page.items.map((h: { code: string }) => h.code)).toEqual(['TDP5-902']);
  });

  it('finds nothing for another commune', async () => {
    expect((await get(otherStation, '/api/residents?q=TDP5-902')).total).toBe(0);
    expect((await get(otherStation, '/api/households?q=TDP5-902')).total).toBe(0);
  });
});
