/**
 * The authorisation matrix: every route × every role × in scope / out of scope, plus anonymous,
 * generated from the route table. What each role may do comes from the route's declared
 * permission and the roles' permissions in the database; a route without a sample still gets its
 * anonymous and no-permission cells, and fails "every route has a sample" until it has one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteAccess } from '../http/app-types.ts';
import { type TestContext, createTestContext } from '../../test/harness.ts';
import { SAMPLES, type Sample, type SampleRequest } from '../../test/matrix/samples.ts';
import { ROLES, type Role, SIDES, type Side, type World, buildWorld } from '../../test/matrix/world.ts';

interface RouteEntry {
  key: string;
  method: string;
  url: string;
  access: RouteAccess;
}

let ctx: TestContext;
let world: World;
const routes: RouteEntry[] = [];
const cells: { route: string; who: string; side: Side | '-'; expected: number | string; got: number }[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  for (const r of ctx.app.apiRoutes) routes.push({ ...r, key: `${r.method} ${r.url}` });
  world = await buildWorld(ctx);
}, 300_000);
afterAll(async () => {
  const summary = cells.filter((c) => c.side !== '-').length;
  console.log(`authorisation matrix: ${routes.length} routes, ${cells.length} cells (${summary} scoped)`);
  await ctx?.close();
});

/** A stand-in request for a route without a sample: every ":param" = 1. */
const placeholder = (url: string): SampleRequest => ({ url: url.replace(/:[a-zA-Z]+/g, '1') });

async function send(route: RouteEntry, req: SampleRequest, cookie: string | null) {
  const headers: Record<string, string> = { ...world.origin, ...(req.headers ?? {}) };
  if (cookie) headers.cookie = cookie;
  return ctx.app.inject({ method: route.method as 'GET', url: req.url, headers, payload: req.payload as never });
}

const mayCall = (role: Role, access: RouteAccess) => access === 'public' || access === 'signed-in' || world.permissions[role].has(access);

async function check(route: RouteEntry, sample: Sample | undefined) {
  const failures: string[] = [];
  const record = (who: string, side: Side | '-', expected: number | string, got: number, body: string, ok: boolean) => {
    cells.push({ route: route.key, who, side, expected, got });
    if (!ok) failures.push(`${who} ${side}: expected ${expected}, got ${got} ${body.slice(0, 160)}`);
  };

  const anonReq = sample ? await sample.request(world, 'in', null) : placeholder(route.url);
  const anon = await send(route, anonReq, null);
  const anonExpected = route.access === 'public' ? (sample ? (typeof sample.ok === 'number' ? sample.ok : 200) : anon.statusCode) : 401;
  record('anonymous', '-', anonExpected, anon.statusCode, anon.body, anon.statusCode === anonExpected);

  for (const role of ROLES) {
    if (!mayCall(role, route.access)) {
      const res = await send(route, sample ? await sample.request(world, 'in', role) : placeholder(route.url), world.cookies[role]);
      record(role, '-', 403, res.statusCode, res.body, res.statusCode === 403);
      continue;
    }
    if (!sample) continue;
    for (const side of SIDES) {
      if (side !== 'in' && sample.out === 'none') continue;
      const req = await sample.request(world, side, role);
      const cookie = req.freshUser ? (await world.freshUser(role)).cookie : world.cookies[role];
      const res = await send(route, req, cookie);
      const okStatus = typeof sample.ok === 'number' ? sample.ok : sample.ok(role);
      // Whatever the status, no answer names a person the role may not reach.
      const leaked = SIDES.filter((s) => !world.reaches(role, s, 'village')).map((s) => world.places[s].person).find((name) => res.body.includes(name));
      if (leaked) record(role, side, `no "${leaked}"`, res.statusCode, res.body, false);
      else if (world.reaches(role, side, sample.level ?? 'village')) {
        record(role, side, okStatus, res.statusCode, res.body, res.statusCode === okStatus);
      } else if (sample.out === 'filtered') {
        record(role, side, 200, res.statusCode, res.body, res.statusCode === 200);
      } else {
        const refused = typeof sample.out === 'number' ? sample.out : 404;
        record(role, side, refused, res.statusCode, res.body, res.statusCode === refused);
      }
    }
  }
  return failures;
}

describe('authorisation matrix', () => {
  it('has a sample for every route, and no sample for a route that is gone', () => {
    const keys = routes.map((r) => r.key);
    expect(keys.filter((k) => !SAMPLES[k]), 'routes without a sample in server/test/matrix/samples.ts').toEqual([]);
    expect(Object.keys(SAMPLES).filter((k) => !keys.includes(k.split('#')[0] ?? k)), 'samples of routes that no longer exist').toEqual([]);
  });

  it('gives every route × role × scope the exact outcome', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const cases = Object.keys(SAMPLES).filter((k) => k.split('#')[0] === route.key);
      if (cases.length === 0) cases.push(route.key);
      for (const key of cases) for (const f of await check(route, SAMPLES[key])) failures.push(`${key} — ${f}`);
    }
    expect(failures).toEqual([]);
    expect(cells.length).toBeGreaterThan(routes.length * 9);
  }, 600_000);
});
