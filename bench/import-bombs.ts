/**
 * Peak memory while two XLSX bombs are uploaded at once (issue 9, hole 1): boots the real app on
 * PGlite, signs in as a station, sends both, samples RSS every 20 ms. Run it with a heap limit so
 * an unguarded server dies quickly instead of eating the machine:
 *   node --max-old-space-size=2048 --import tsx bench/import-bombs.ts
 */
import { createTestContext, createUser, signIn, unitId } from '../server/test/harness.ts';
import { lyingBomb, sharedStringsBomb } from '../server/test/zip-bombs.ts';

function form(file: Buffer, unit: number) {
  const boundary = '----ytcs-bomb';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="unitId"\r\n\r\n${unit}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bom.xlsx"\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const ctx = await createTestContext();
const commune = await unitId(ctx, 'commune', '01840');
await createUser(ctx, 'bomber', [{ role: 'station', orgUnitId: commune }]);
const cookie = await signIn(ctx, 'bomber');
global.gc?.();
const base = process.memoryUsage().rss;
let peak = base;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const started = Date.now();
const send = (file: Buffer) => ctx.app.inject({ method: 'POST', url: '/api/imports', ...form(file, commune), headers: { ...form(file, commune).headers, cookie } });
const results = await Promise.all([send(sharedStringsBomb(3)), send(lyingBomb(3))]);
clearInterval(sampler);
console.log(JSON.stringify({ statuses: results.map((r) => r.statusCode), codes: results.map((r) => r.json().code), baseRss: mb(base), peakRss: mb(peak), growth: mb(peak - base), ms: Date.now() - started }));
await ctx.close();
