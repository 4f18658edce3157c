/**
 * The API fuzz promise (issue 9): whatever an authenticated administrator sends — malformed JSON,
 * wrong types, NUL, lone surrogates, direction overrides, 1e20, -0, huge strings, deeply nested
 * documents — every route answers below 500, and a refused write leaves every table as it was.
 * The routes come from the route table (the OpenAPI document the app builds from it), so a new
 * route is fuzzed without anyone writing its test.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, signIn, unitId } from '../../test/harness.ts';

let ctx: TestContext;
let admin: string;

/** Tables a write would change; sessions, the audit log and the refresh queue are bookkeeping. */
const TABLES = ['household', 'resident', 'life_event', 'health_record', 'immunization', 'encounter', 'diagnosis', 'observation', 'prescription', 'org_unit', 'app_user', 'user_role', 'role', 'role_permission', 'indicator_value', 'plan', 'plan_target', 'plan_task', 'task_update', 'task_evidence'];
const countRows = async () => {
  const row = await sql<Record<string, string>>`select ${sql.raw(TABLES.map((t) => `(select count(*) from ${t}) as ${t}`).join(', '))}`.execute(ctx.database.db);
  return row.rows[0];
};

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  query: string[];
  bodyFields: string[];
}

/** Sign-out would end the session the fuzz runs under; it takes no input to fuzz anyway. */
const SKIP = new Set(['POST /api/auth/logout']);
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function operations(doc: { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: { content?: Record<string, { schema?: { properties?: object } }> } }>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const m = method.toUpperCase();
      if (SKIP.has(`${m} ${path}`)) continue;
      const params = op.parameters ?? [];
      ops.push({
        method: m,
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params.filter((p) => p.in === 'query').map((p) => p.name),
        bodyFields: Object.keys(op.requestBody?.content?.['application/json']?.schema?.properties ?? {}),
      });
    }
  }
  return ops;
}

/** A lone surrogate cannot be URI-encoded; send the bytes a careless client would (invalid UTF-8). */
const encodeSegment = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
};

const nested = (depth: number, open: string, close: string, leaf: string) => open.repeat(depth) + leaf + close.repeat(depth);

const edgeStrings = fc.constantFrom('\u0000', 'a\u0000b', '\uD800', 'x\uDFFF', '\u202Eevil', 'An\u200Bna', '\uFEFF', '𝔘𝔫𝔦', '👨‍👩‍👧', '-0', '1e20', '', ' ', 'NaN', '../../etc/passwd', "' or 1=1 --", '%00', '2026-02-30', '0000-01-01', '9999-99-99');
const edgeNumbers = fc.constantFrom(1e20, -1e20, -0, -1, 0, 2 ** 31, 2 ** 53 + 2, Number.MAX_VALUE, 1.5, 1e-300);
const hugeString = fc.constantFrom('x'.repeat(100_000), 'Ừ'.repeat(20_000));
const leaf = fc.oneof(edgeStrings, edgeNumbers, fc.boolean(), fc.constant(null), fc.string({ unit: 'binary', maxLength: 20 }), hugeString);
const value = fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), leaf, { maxKeys: 3 }), fc.constant({}));

/** Raw bodies: malformed JSON, wrong top-level types, very deep nesting, prototype pollution. */
const rawBodies = fc.constantFrom(
  '{"a":',
  '{a:1}',
  '[',
  '\u0000',
  'null',
  '"text"',
  '42',
  '[]',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  nested(5_000, '[', ']', '1'),
  nested(2_000, '{"a":', '}', '1'),
  `{"x":"${'y'.repeat(2_000_000)}"}`,
);

const segment = fc.oneof(edgeStrings, edgeNumbers.map(String), fc.constantFrom('1e20', '100000000000000000000', '-1', '0x10', '1.5', '%', '%ZZ'));

const request = (ops: Operation[]) =>
  fc.record({
    op: fc.constantFrom(...ops),
    params: fc.array(segment, { minLength: 3, maxLength: 3 }),
    query: fc.dictionary(fc.constantFrom('q', 'limit', 'offset', 'unitId', 'asOf', 'from', 'to', 'period', 'x'), fc.oneof(edgeStrings, edgeNumbers.map(String)), { maxKeys: 3 }),
    body: fc.oneof(
      rawBodies.map((raw) => ({ raw })),
      value.map((v) => ({ json: v })),
      fc.array(leaf, { maxLength: 4 }).map((vs) => ({ fields: vs })),
    ),
  });

beforeAll(async () => {
  ctx = await createTestContext();
  const country = await unitId(ctx, 'country', 'VN');
  await createVillage(ctx, await unitId(ctx, 'commune', '01840'), 'Tổ dân phố 1');
  await createUser(ctx, 'root', [{ role: 'admin', orgUnitId: country }]);
  admin = await signIn(ctx, 'root');
}, 180_000);
afterAll(() => ctx.close());

describe('API fuzz (every route from the route table)', () => {
  it('answers below 500 to malformed, mistyped and hostile input, and a refused write changes nothing', async () => {
    const ops = operations(ctx.app.swagger() as never);
    expect(ops.length).toBeGreaterThan(40);
    let cases = 0;
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(request(ops), async ({ op, params, query, body }) => {
        cases++;
        let i = 0;
        const path = op.path.replace(/\{[^}]+\}/g, () => encodeSegment(params[i++ % params.length] as string));
        const qs = new URLSearchParams({ ...Object.fromEntries(op.query.map((q) => [q, '1e20'])), ...query } as Record<string, string>).toString();
        const url = `${path}?${qs}`;
        let payload: string | undefined;
        if (op.method !== 'GET') {
          if ('raw' in body) payload = body.raw;
          else if ('json' in body) payload = JSON.stringify(body.json);
          else payload = JSON.stringify(Object.fromEntries(op.bodyFields.map((f, k) => [f, body.fields[k % Math.max(1, body.fields.length)] ?? null])));
        }
        const before = WRITES.has(op.method) ? await countRows() : null;
        const res = await ctx.app.inject({ method: op.method as 'GET', url, headers: { cookie: admin, 'content-type': 'application/json' }, payload });
        if (res.statusCode >= 500) failures.push(`${op.method} ${url.slice(0, 200)} ${String(payload).slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        expect(res.statusCode, `${op.method} ${url.slice(0, 200)}`).toBeLessThan(500);
        if (before && res.statusCode >= 400) expect(await countRows(), `${op.method} ${op.path} wrote despite ${res.statusCode}`).toEqual(before);
      }),
      { numRuns: 1_500, seed: 20261202, endOnFailure: true },
    );
    // The figure for docs/security/hardening.md: how many requests the property sent.
    console.log(`API fuzz: ${cases} requests over ${ops.length} operations, ${failures.length} answered 5xx`);
    expect(failures).toEqual([]);
  }, 600_000);
});
