/**
 * The OCR queue, with a stand-in Tesseract that reads a page only when the test says so: one scan
 * is read at a time, the next ones wait their turn and are told how many are ahead, one too many is
 * answered 429 with the seconds to wait, a person has at most `perUser` readings open, a reading is
 * its reader's alone, and shutting down stops the readings with a reason.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedIn } from '../../access/context.ts';
import { type TestContext, createTestContext } from '../../../test/harness.ts';
import { type PlanFileService, planFileService } from './plan-files.service.ts';
import type { PlanTools } from './plan-files.tools.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
}, 120_000);
afterAll(() => ctx?.close());

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const WORDS = ['KẾ', 'HOẠCH', 'Triển', 'khai', 'thực', 'hiện', 'Chỉ', 'thị', 'số', '25-CT/TW'];
const TSV = ['level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext', ...WORDS.map((w, i) => `5\t1\t1\t1\t${i < 2 ? 1 : 2}\t${i}\t${100 + i * 80}\t${i < 2 ? 100 : 160}\t${w.length * 20}\t40\t90\t${w}`)].join('\n');

/** Tesseract that answers each page when `next()` is called. */
function gatedTools() {
  const gates: (() => void)[] = [];
  const tools: PlanTools = {
    async require() {},
    async run(program, _args, options) {
      if (program !== 'tesseract') throw new Error(`unexpected ${program}`);
      await new Promise<void>((resolve, reject) => {
        gates.push(resolve);
        options.signal?.addEventListener('abort', () => reject(options.signal?.reason), { once: true });
      });
      return { stdout: TSV, stderr: '' };
    },
  };
  return {
    tools,
    /** Lets the oldest waiting page be read. */
    async next() {
      for (let i = 0; i < 100 && !gates.length; i++) await new Promise((r) => setTimeout(r, 10));
      gates.shift()?.();
    },
  };
}

const person = (userId: number): SignedIn => ({
  principal: { userId, username: `u${userId}`, sessionHash: '', grants: [] },
  scope: { paths: [] },
  actor: { userId, ip: null, requestId: null },
  scopeFor: () => ({ paths: [] }),
});

const upload = (fileName = 'trang.png') => ({ file: Readable.from([PNG]), fileName, truncated: () => false });

async function until(service: PlanFileService, who: SignedIn, id: string, status: string) {
  for (let i = 0; i < 200; i++) {
    if (service.get(who, id).status === status) return service.get(who, id);
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`reading ${id} never ${status}: ${JSON.stringify(service.get(who, id))}`);
}

describe('the OCR queue', () => {
  it('reads one scan at a time, queues a few, and tells the next one when to come back', async () => {
    const gate = gatedTools();
    const service = planFileService(ctx.database.db, { toolsPath: '', tools: gate.tools, limits: { ocrWaiting: 1 } });
    const [a, b, c] = [person(1), person(2), person(3)];
    const first = await service.start(a, upload());
    expect([first.status, first.job.status, first.job.method, first.job.pages, first.job.waiting]).toEqual([202, 'reading', 'ocr', 1, 0]);
    const second = await service.start(b, upload());
    expect([second.status, second.job.status, second.job.waiting]).toEqual([202, 'queued', 1]);
    await expect(service.start(c, upload())).rejects.toMatchObject({ status: 429, code: 'plan_files_busy', said: { key: 'plans.files.ocrBusy' }, extra: { retryAfterSeconds: expect.any(Number) } });

    // A reading is its reader's: another person is told it is not there.
    expect(() => service.get(c, first.job.id)).toThrow(expect.objectContaining({ status: 404, said: expect.objectContaining({ key: 'plans.files.jobGone' }) }));

    await gate.next();
    const done = await until(service, a, first.job.id, 'done');
    expect([done.pagesDone, done.result?.method, done.result?.confidence, done.result?.text.split('\n')[0]]).toEqual([1, 'ocr', 90, 'KẾ HOẠCH']);
    await until(service, b, second.job.id, 'reading');
    expect(service.get(b, second.job.id).waiting).toBe(0);
    await gate.next();
    expect((await until(service, b, second.job.id, 'done')).result?.draft.title).toContain('Chỉ thị số 25-CT/TW');
    service.close();
  });

  it('keeps a person to their own share of readings', async () => {
    const gate = gatedTools();
    const service = planFileService(ctx.database.db, { toolsPath: '', tools: gate.tools, limits: { perUser: 1 } });
    const d = person(4);
    await service.start(d, upload());
    await expect(service.start(d, upload())).rejects.toMatchObject({ status: 429, said: { key: 'plans.files.perUser', params: { files: 1 } } });
    service.close();
  });

  it('stops every reading when the server shuts down, saying so', async () => {
    const gate = gatedTools();
    const service = planFileService(ctx.database.db, { toolsPath: '', tools: gate.tools });
    const [e, f] = [person(5), person(6)];
    const running = await service.start(e, upload());
    const waiting = await service.start(f, upload());
    service.close();
    for (const [who, id] of [
      [e, running.job.id],
      [f, waiting.job.id],
    ] as const) {
      const job = await until(service, who, id, 'failed');
      expect(job.error).toMatchObject({ code: 'stopping', key: 'plans.files.stopped' });
    }
    await expect(service.start(e, upload())).rejects.toMatchObject({ status: 503 });
  });
});
