/**
 * `npm run bench:import-memory`: the server's memory and responsiveness while a station's register
 * of IMPORT_ROWS rows (default 1,000,000) is previewed and committed, with the server in its own
 * process, as `npm start` runs it (demo data, PGlite in a data directory, or PostgreSQL when
 * DATABASE_URL is set). The file is written to disk and streamed, so neither it nor this process
 * counts in the server's memory: the server's resident set is read from /proc every 100 ms, and
 * its peak (VmHWM) at the end. Health is asked every 100 ms throughout; the goals are the
 * importer's: 1,000,000 rows within 1 GiB, every health answer within 1 s. The server is measured
 * after a restart: the first start's own peak (bootstrap) is reported apart.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../server/src/demo/demo-data.ts';
import { startServer } from '../e2e/server.ts';
import { request, signIn } from './lib/http.ts';
import { machine } from './lib/results.ts';

const ROWS = Number((process.env.IMPORT_ROWS ?? '1000000').replace(/[_,]/g, ''));
const GOAL_MIB = 1024;
const mib = (kib: number) => Math.round(kib / 1024);

/** VmRSS and VmHWM of a process, in KiB. */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kib('VmRSS'), hwm: kib('VmHWM') };
}

/**
 * A ward's register as stations keep it: households of three (head, spouse, child) in one village,
 * every adult with a personal ID (CCCD: province 096, sex and century, birth year, serial),
 * written in pieces so the file never sits in memory.
 */
function writeRegister(file: string, rows: number, village: string): number {
  const out = fs.openSync(file, 'w');
  const syllables = ['An', 'Bình', 'Châu', 'Dũng', 'Đạt', 'Giang', 'Hà', 'Hùng', 'Khánh', 'Lan', 'Minh', 'Nga', 'Phúc', 'Quỳnh', 'Sơn', 'Thảo', 'Uyên', 'Việt', 'Xuân', 'Yến'];
  const given = (n: number) => `${syllables[n % 20]} ${syllables[Math.floor(n / 20) % 20]} ${syllables[Math.floor(n / 400) % 20]}`;
  let lines = ['Số hộ,Quan hệ với chủ hộ,Họ và tên,Giới tính,Ngày sinh,Số CCCD,Thôn/Tổ dân phố,Địa chỉ'];
  for (let i = 0; i < rows; i++) {
    const household = Math.floor(i / 3);
    const role = i % 3;
    const male = role === 0;
    const year = role === 2 ? 2005 + (household % 15) : 1950 + (household % 45);
    const century = year >= 2000 ? 2 : 0;
    const cccd = role === 2 && year > 2010 ? '' : `096${century + (male ? 0 : 1)}${String(year % 100).padStart(2, '0')}${String(i).padStart(6, '0')}`;
    const name = `${['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Đỗ'][household % 5]} ${male ? 'Văn' : 'Thị'} ${given(i)}`;
    const day = `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${year}`;
    lines.push(`HM-${household},${['Chủ hộ', 'Vợ', 'Con'][role]},${name},${male ? 'Nam' : 'Nữ'},${day},${cccd},${village},"Số ${household}, ngõ ${household % 97}"`);
    if (lines.length >= 10_000) {
      fs.writeSync(out, `${lines.join('\n')}\n`);
      lines = [];
    }
  }
  fs.writeSync(out, `${lines.join('\n')}\n`);
  fs.closeSync(out);
  return fs.statSync(file).size;
}

/** POST multipart/form-data (text fields, then the file streamed from disk) with node:http. */
function uploadFile(url: string, cookie: string, fields: Record<string, string>, file: string): Promise<{ status: number; body: string }> {
  const boundary = `----ytcs-memory-${Date.now().toString(36)}`;
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const head = Buffer.from(`${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(file)}"\r\nContent-Type: text/csv\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const length = head.length + fs.statSync(file).size + tail.length;
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: false, headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.write(head);
    const body = fs.createReadStream(file);
    body.on('error', reject);
    body.on('end', () => req.end(tail));
    body.pipe(req, { end: false });
  });
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ytcs-import-memory-'));
  const file = path.join(dir, 'so-ho-khau.csv');
  const t0 = performance.now();
  const bytes = writeRegister(file, ROWS, 'Tổ dân phố 2');
  console.log(`file: ${ROWS.toLocaleString('en')} rows, ${(bytes / 2 ** 20).toFixed(0)} MiB, written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const server = await startServer();
  // Memory after the first start (migrations, official units, demo data), then a restart: the
  // import is measured on the server as it runs day to day.
  const firstStart = memoryOf(server.pid);
  await server.restart();
  const pid = server.pid;
  try {
    const { cookie } = await signIn(server.url, 'tram.ducxuan', DEMO_PASSWORD);
    const me = JSON.parse((await request(`${server.url}/api/auth/me`, { headers: { cookie } })).body) as { roles: { orgUnit: { id: number } }[] };
    // The station's role is at the health station; the register is the commune's.
    const station = me.roles[0]?.orgUnit.id;
    const unit = JSON.parse((await request(`${server.url}/api/org-units/${station}`, { headers: { cookie } })).body) as { level: string; parentId: number | null };
    const commune = unit.level === 'commune' ? station : unit.parentId;
    const idle = memoryOf(pid);
    console.log(`server ${pid}: ${mib(idle.rss)} MiB resident before the import`);

    // Health and memory every 100 ms, whatever the import is doing.
    const health: number[] = [];
    const rss: { at: number; mib: number; phase: string }[] = [];
    let phase = 'preview';
    let running = true;
    const started = performance.now();
    const probe = (async () => {
      while (running) {
        const t = performance.now();
        // A connection of its own each time, as a monitor would: no keep-alive race to misread as the server's.
        const res = await request(`${server.url}/api/health`);
        if (res.status !== 200) throw new Error(`health → ${res.status}`);
        health.push(performance.now() - t);
        rss.push({ at: Math.round((performance.now() - started) / 1000), mib: mib(memoryOf(pid).rss), phase });
        if (rss.length % 300 === 0) console.log(`  ${rss.at(-1)?.at} s: ${phase}, ${rss.at(-1)?.mib} MiB resident, slowest health so far ${Math.round(Math.max(...health))} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    probe.catch(() => {}); // thrown where awaited, after the import

    const tp = performance.now();
    const preview = await uploadFile(`${server.url}/api/imports`, cookie, { unitId: String(commune) }, file);
    const job = JSON.parse(preview.body) as { id: number; rows: number; valid: number; invalid: number; errors?: unknown[] };
    const previewSeconds = (performance.now() - tp) / 1000;
    if (preview.status !== 201) throw new Error(`preview → ${preview.status} ${JSON.stringify(job).slice(0, 500)}`);
    const afterPreview = memoryOf(pid);
    console.log(`preview: ${job.rows} rows (${job.valid} valid, ${job.invalid} invalid) in ${previewSeconds.toFixed(0)} s; peak ${mib(afterPreview.hwm)} MiB`);
    phase = 'commit';
    const tc = performance.now();
    const commit = await request(`${server.url}/api/imports/${job.id}/commit`, { method: 'POST', headers: { cookie } });
    const done = JSON.parse(commit.body) as { inserted: number; households: number };
    const commitSeconds = (performance.now() - tc) / 1000;
    running = false;
    await probe;
    if (commit.status !== 200) throw new Error(`commit → ${commit.status} ${JSON.stringify(done).slice(0, 500)}`);
    const end = memoryOf(pid);
    const sorted = [...health].sort((a, b) => a - b);
    const peakOf = (p: string) => Math.max(...rss.filter((s) => s.phase === p).map((s) => s.mib));
    const result = {
      name: 'import-memory',
      database: process.env.DATABASE_URL ? 'postgresql' : 'pglite',
      date: new Date().toISOString(),
      machine: machine(),
      workload: { rows: ROWS, fileMiB: Number((bytes / 2 ** 20).toFixed(1)), user: 'tram.ducxuan', serverProcess: 'node server/src/main.ts (demo data), its own process' },
      preview: { seconds: Math.round(previewSeconds), rows: job.rows, valid: job.valid, invalid: job.invalid, peakRssMiB: peakOf('preview') },
      commit: { seconds: Math.round(commitSeconds), ...done, peakRssMiB: peakOf('commit') },
      memory: { firstStartPeakMiB: mib(firstStart.hwm), idleMiB: mib(idle.rss), peakMiB: mib(end.hwm), endMiB: mib(end.rss), goalMiB: GOAL_MIB, goalMet: mib(end.hwm) <= GOAL_MIB },
      health: { samples: sorted.length, maxMs: Math.round(sorted.at(-1) ?? 0), p99Ms: Math.round(sorted[Math.floor(0.99 * sorted.length)] ?? 0), over1s: sorted.filter((ms) => ms > 1000).length, goalMet: (sorted.at(-1) ?? 0) < 1000 },
      // Every 10th sample: how memory grew and fell over the run.
      rssOverTime: rss.filter((_, i) => i % 10 === 0),
    };
    const out = new URL(`./results/import-memory-${result.database}.json`, import.meta.url);
    fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`commit: ${done.inserted} inserted, ${done.households} households in ${commitSeconds.toFixed(0)} s`);
    console.log(`memory: idle ${result.memory.idleMiB} MiB, peak ${result.memory.peakMiB} MiB (goal ≤ ${GOAL_MIB}); health max ${result.health.maxMs} ms, ${result.health.over1s} over 1 s → ${out.pathname}`);
  } catch (error) {
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the server's last words
    console.error(server.output().slice(-3000));
    throw error;
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
