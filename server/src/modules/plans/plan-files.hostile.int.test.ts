/**
 * Files that are not plans, or are built to hurt: each is answered with what is wrong with it
 * (its key in the catalogue and the right status), never a 500, and the server reads the next
 * file as usual. Also: a server without poppler or Tesseract still starts and reads Word and
 * text, and refuses a PDF or a photo naming the Debian package to install.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanFileJob } from '@ytcs/common';
import { type TestContext, createTestContext, createUser, multipart, signIn, unitId } from '../../../test/harness.ts';
import * as hostile from '../../../test/hostile-plan-files.ts';
import { layoutOf, planDocx, planFileTools, seeds } from '../../../test/plan-documents.ts';
import { PLAN_FILE_LIMITS } from './plan-files.limits.ts';
import { readPlanFile } from './plan-files.ts';
import { planTools } from './plan-files.tools.ts';

const tools = planFileTools();
const seed = seeds().find((s) => s.id === '001') ?? (seeds()[0] as ReturnType<typeof seeds>[number]);

async function signedInAdmin(ctx: TestContext): Promise<string> {
  await createUser(ctx, 'quantri', [{ role: 'admin', orgUnitId: await unitId(ctx, 'country', 'VN') }]);
  return signIn(ctx, 'quantri');
}

const sender = (ctx: () => TestContext, cookie: () => string) => async (file: Buffer, name: string) => {
  const body = multipart(file, name);
  const res = await ctx().app.inject({ method: 'POST', url: '/api/plans/draft/file', headers: { cookie: cookie(), ...body.headers }, payload: body.payload });
  return { status: res.statusCode, body: res.json() as { key?: string; code: string; params?: Record<string, unknown>; message: string; messageEn: string } & PlanFileJob };
};

describe.skipIf(tools.skip)('hostile and broken plan files', () => {
  let ctx: TestContext;
  let admin: string;
  const send = sender(
    () => ctx,
    () => admin,
  );
  beforeAll(async () => {
    tools.check();
    ctx = await createTestContext();
    admin = await signedInAdmin(ctx);
  }, 120_000);
  afterAll(() => ctx?.close());

  it.each([
    ['ke-hoach.docx', 'plans.files.notDocx'],
    ['ke-hoach.pdf', 'plans.files.notPdf'],
    ['trang-1.png', 'plans.files.notImage'],
    ['trang-1.jpg', 'plans.files.notImage'],
    ['ke-hoach.txt', 'plans.files.notText'],
    ['ke-hoach.bin', 'plans.files.unknownType'],
  ])('random bytes named %s: %s', async (name, key) => {
    const res = await send(hostile.randomBytes(20_000), name);
    expect([res.status, res.body.code, res.body.key, res.body.params]).toEqual([400, 'unreadable_file', key, { name }]);
    expect(res.body.message).toContain(name);
  });

  it('an empty file', async () => {
    const res = await send(Buffer.alloc(0), 'ke-hoach.docx');
    expect([res.status, res.body.key]).toEqual([400, 'plans.files.empty']);
  });

  it('a Word zip bomb, honest or lying about its size, or of thousands of parts: 413 before it is inflated', async () => {
    for (const bomb of [hostile.honestDocxBomb(), hostile.lyingDocxBomb(), hostile.manyPartsDocx()]) {
      const before = process.memoryUsage().rss;
      const res = await send(bomb, 'ke-hoach.docx');
      expect([res.status, res.body.code, res.body.key]).toEqual([413, 'too_large', 'plans.files.docxExpands']);
      expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    }
  });

  it('a damaged zip, a workbook, a Word 97–2003 file, a Word document of pictures only', async () => {
    expect((await send(hostile.brokenZip(), 'ke-hoach.docx')).body.key).toBe('plans.files.docxBroken');
    expect((await send(hostile.workbookZip(), 'ke-hoach.docx')).body.key).toBe('plans.files.zipNotWord');
    expect((await send(hostile.compoundFile(), 'ke-hoach.doc')).body.key).toBe('plans.files.legacyWord');
    const { Document, ImageRun, Packer, Paragraph } = await import('docx');
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const pictures = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 400, height: 560 } })] })] }] }));
    const res = await send(pictures, 'ban-quet.docx');
    expect([res.status, res.body.key]).toEqual([400, 'plans.files.docxImagesOnly']);
  });

  it('a PDF of too many pages, a PDF with a password, a damaged PDF', async () => {
    const long = await send(hostile.blankPagesPdf(PLAN_FILE_LIMITS.pdfPages + 1), 'dai.pdf');
    expect([long.status, long.body.key, long.body.params]).toEqual([413, 'plans.files.tooManyPages', { pages: PLAN_FILE_LIMITS.pdfPages + 1, max: PLAN_FILE_LIMITS.pdfPages }]);
    const locked = await send(hostile.passwordPdf(), 'mat-khau.pdf');
    expect([locked.status, locked.body.key]).toEqual([400, 'plans.files.pdfEncrypted']);
    const damaged = await send(Buffer.concat([Buffer.from('%PDF-1.7\n'), hostile.randomBytes(5000, 21)]), 'hong.pdf');
    expect([damaged.status, damaged.body.key]).toEqual([400, 'plans.files.pdfBroken']);
  });

  it('an image claiming ten billion pixels: 413 from its header, before any OCR', async () => {
    const res = await send(hostile.hugePngHeader(), 'anh.png');
    expect([res.status, res.body.key, res.body.params]).toEqual([413, 'plans.files.imageTooLarge', { megapixels: 10_000, max: 50 }]);
  });

  it('text in UTF-16 is read; text in another encoding is refused by name', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed.text, 'utf16le')]);
    const res = await send(utf16, 'ke-hoach.txt');
    expect(res.status).toBe(200);
    expect(res.body.result?.method).toBe('text');
    expect(res.body.result?.draft.signer.name).toBe('Phạm Văn Súng');
    const latin1 = Buffer.from('Kế hoạch số 5/KH-UBND ngày 2/3/2025 của Ủy ban nhân dân xã', 'latin1');
    expect((await send(latin1, 'ke-hoach.txt')).body.key).toBe('plans.files.notText');
  });

  it('a PDF that keeps pdftotext busy is stopped at the time limit', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ytcs-slow-'));
    const file = path.join(dir, 'cham.pdf');
    fs.writeFileSync(file, hostile.slowPdf());
    const started = Date.now();
    try {
      await expect(
        readPlanFile({ path: file, name: 'cham.pdf' }, { tools: planTools(process.env.PATH ?? '/usr/bin:/bin'), limits: { ...PLAN_FILE_LIMITS, readSeconds: 1 }, ocr: { acquire: async () => () => {} } }),
      ).rejects.toMatchObject({ status: 422, said: { key: 'plans.files.timeout', params: { seconds: 1 } } });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('still reads a real plan after all that', async () => {
    const res = await send(await planDocx(layoutOf(seed.text)), 'ke-hoach.docx');
    expect(res.status).toBe(200);
    expect(res.body.result?.draft.tasks.length).toBe(22);
  });
});

describe('a server without poppler or Tesseract', () => {
  let ctx: TestContext;
  let admin: string;
  const send = sender(
    () => ctx,
    () => admin,
  );
  beforeAll(async () => {
    ctx = await createTestContext({ YTCS_TOOLS_PATH: path.join(os.tmpdir(), 'ytcs-no-tools-here') });
    admin = await signedInAdmin(ctx);
  }, 120_000);
  afterAll(() => ctx?.close());

  it('starts and reads Word and text files', async () => {
    const docx = await send(await planDocx(layoutOf(seed.text)), 'ke-hoach.docx');
    expect([docx.status, docx.body.result?.method]).toEqual([200, 'docx']);
    const text = await send(Buffer.from(seed.text), 'ke-hoach.txt');
    expect([text.status, text.body.result?.method]).toEqual([200, 'text']);
  });

  it('refuses a PDF or a photo with 503, naming what to install', async () => {
    const pdf = await send(hostile.textPdf('KE HOACH trien khai thuc hien Chi thi so 25-CT/TW'), 'ke-hoach.pdf');
    expect([pdf.status, pdf.body.code, pdf.body.key, pdf.body.params]).toEqual([503, 'tool_missing', 'plans.files.toolMissing', { tool: 'pdfinfo', packages: 'poppler-utils' }]);
    expect(pdf.body.message).toContain('apt-get install -y poppler-utils');
    expect(pdf.body.messageEn).toContain('apt-get install -y poppler-utils');
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const photo = await send(png, 'trang-1.png');
    expect([photo.status, photo.body.params]).toEqual([503, { tool: 'tesseract', packages: 'tesseract-ocr tesseract-ocr-vie' }]);
  });
});
