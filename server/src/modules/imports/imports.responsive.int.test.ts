/**
 * A long import does not stop the server: during the preview and the commit of a 20,000-row file
 * every health check is answered within a second (on PGlite the one connection is shared, and each
 * statement holds the event loop), and the page following them sees rows read, checked and written
 * grow. The 500,000-row run is `npm run bench -- import-responsive`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, multipart, signIn, unitId } from '../../../test/harness.ts';
import { letters } from '../../../test/matrix/world.ts';

/** YTCS_RESPONSIVE_ROWS=500000 runs the full size here, with the server alone in the process. */
const ROWS = Number(process.env.YTCS_RESPONSIVE_ROWS ?? 20_000);
let ctx: TestContext;
let station: string;
let village: number;

beforeAll(async () => {
  ctx = await createTestContext();
  const commune = await unitId(ctx, 'commune', '01840');
  village = await createVillage(ctx, commune, 'Tổ Dài');
  await createUser(ctx, 'tram.dai', [{ role: 'station', orgUnitId: commune }]);
  station = await signIn(ctx, 'tram.dai');
});
afterAll(() => ctx.close());

function register(rows: number): string {
  const lines = ['Số hộ,Quan hệ với chủ hộ,Họ và tên,Giới tính,Ngày sinh'];
  for (let i = 0; i < rows; i++) {
    const head = i % 3 === 0;
    lines.push(`D${Math.floor(i / 3)},${head ? 'Chủ hộ' : 'Con'},Đào Văn ${letters(i + 1)},Nam,${head ? 1960 + (i % 30) : 1995 + (i % 20)}`);
  }
  return lines.join('\n');
}

/** Calls `ask` every 50 ms until `until` settles; the slowest health answer and what `ask` saw. */
async function watch<T>(until: Promise<unknown>, ask: () => Promise<T | null>) {
  let settled = false;
  until.finally(() => {
    settled = true;
  });
  let slowest = 0;
  let peakRss = 0;
  const seen: T[] = [];
  while (!settled) {
    const started = performance.now();
    const health = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    slowest = Math.max(slowest, performance.now() - started);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    expect(health.statusCode).toBe(200);
    const value = await ask();
    if (value !== null) seen.push(value);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { slowest, seen, peakRssMiB: Math.round(peakRss / 2 ** 20) };
}

it(`answers within a second and shows progress while ${ROWS.toLocaleString('en')} rows are previewed and committed`, async () => {
  const body = multipart(Buffer.from(register(ROWS)), 'dai.csv', { unitId: String(village), upload: 'long-upload-1' });
  const preview = ctx.app.inject({ method: 'POST', url: '/api/imports', payload: body.payload, headers: { ...body.headers, cookie: station } });
  const reading = await watch(preview, async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/imports/upload/long-upload-1', headers: { cookie: station } });
    return res.statusCode === 200 && res.json().status === 'parsing' ? (res.json().rows as number) : null;
  });
  const job = (await preview).json();
  expect(job).toMatchObject({ rows: ROWS, valid: ROWS, status: 'previewed' });
  expect(reading.slowest).toBeLessThan(1000);
  expect(reading.seen.some((rows) => rows > 0 && rows < ROWS)).toBe(true);

  const commit = ctx.app.inject({ method: 'POST', url: `/api/imports/${job.id}/commit`, headers: { cookie: station } });
  const writing = await watch(commit, async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/imports/${job.id}`, headers: { cookie: station } });
    return res.json().status === 'committing' ? (res.json().done as number) : null;
  });
  expect((await commit).json()).toMatchObject({ inserted: ROWS, households: Math.ceil(ROWS / 3) });
  expect(writing.slowest).toBeLessThan(1000);
  const between = writing.seen.filter((done) => done > 0 && done < ROWS);
  expect(new Set(between).size).toBeGreaterThan(1);
  process.stdout.write(`import responsiveness: slowest health answer ${reading.slowest.toFixed(0)} ms while previewing, ${writing.slowest.toFixed(0)} ms while committing; peak RSS ${reading.peakRssMiB} / ${writing.peakRssMiB} MiB\n`);
}, Math.max(300_000, ROWS * 3));
