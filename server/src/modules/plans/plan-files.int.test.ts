/**
 * Plans read from real files made in the test from the real seed plans: each seed as a Word
 * document (header as a two-column table), as a PDF printed by Chromium (a text layer), and as
 * scans — a page photographed (PNG) and a document scanned to an image-only PDF — read by OCR.
 * Word and PDF give the very draft the seed's text gives; a scan gives no value the document does
 * not say (scoreDraft, noisy). Needs Chromium, poppler-utils and tesseract-ocr-vie: without them
 * these tests fail saying what to install (server/test/plan-documents.ts).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DraftFileResponse, type PlanFileJob, parsePlanText } from '@ytcs/common';
import { scoreDraft } from '../../../../common/src/plans/corpus/score.ts';
import { type TestContext, createTestContext, createUser, multipart, signIn, unitId } from '../../../test/harness.ts';
import { imagePdf, launchChromium, layoutOf, planDocx, planFileTools, planHtml, printPdf, scanPages, seeds } from '../../../test/plan-documents.ts';

const tools = planFileTools();
let ctx: TestContext;
let admin: string;
let browser: Browser;

beforeAll(async () => {
  tools.check();
  ctx = await createTestContext();
  await createUser(ctx, 'quantri', [{ role: 'admin', orgUnitId: await unitId(ctx, 'country', 'VN') }]);
  admin = await signIn(ctx, 'quantri');
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

const send = (file: Buffer, name: string) => ctx.app.inject({ method: 'POST', url: '/api/plans/draft/file', headers: { cookie: admin, ...multipart(file, name).headers }, payload: multipart(file, name).payload });

/** Polls a reading until it ends, keeping the pages done it saw on the way. */
async function follow(id: string, seen: number[] = []): Promise<PlanFileJob> {
  for (let i = 0; i < 1200; i++) {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/plans/draft/file/${id}`, headers: { cookie: admin } });
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json() as PlanFileJob;
    seen.push(job.pagesDone);
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('reading did not end');
}


describe.skipIf(tools.skip)('a plan from a Word document', () => {
  for (const seed of seeds()) {
    it(`reads seed ${seed.id} as the draft of its text`, async () => {
      const res = await send(await planDocx(layoutOf(seed.text)), `ke-hoach-${seed.id}.docx`);
      expect(res.statusCode, res.body).toBe(200);
      const job = res.json() as PlanFileJob;
      expect(job.status).toBe('done');
      const result = job.result as DraftFileResponse;
      expect(result.method).toBe('docx');
      expect(result.fileName).toBe(`ke-hoach-${seed.id}.docx`);
      expect(result.confidence).toBeNull();
      // The header's two columns come back side by side (the number beside the motto in 000).
      expect(result.text.split('\n')[0]).toBe(seed.id === '000' ? 'Số: /KH-UBND\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' : 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(result.draft).toEqual(parsePlanText(seed.text));
      if (seed.id === '001') expect(result.candidates.map((c) => c.parentName)).toContain('Thị xã Mỹ Hào');
    });
  }
});

describe.skipIf(tools.skip)('a plan from a PDF with a text layer', () => {
  for (const seed of seeds()) {
    it(`reads seed ${seed.id} printed by Chromium as the draft of its text`, async () => {
      const pdf = await printPdf(browser, planHtml(layoutOf(seed.text)));
      const res = await send(pdf, `ke-hoach-${seed.id}.pdf`);
      expect(res.statusCode, res.body).toBe(200);
      const result = (res.json() as PlanFileJob).result as DraftFileResponse;
      expect(result.method).toBe('pdf-text');
      expect(result.pages).toBeGreaterThan(5);
      expect(result.ocrPages).toBe(0);
      expect(result.draft).toEqual(parsePlanText(seed.text));
    });
  }
});

describe.skipIf(tools.skip)('a scanned plan, read by OCR', () => {
  for (const seed of seeds()) {
    it(`reads the first page of seed ${seed.id} photographed (PNG) without inventing a value`, async () => {
      const [png] = await scanPages(browser, planHtml(layoutOf(seed.text)), { pages: 1 });
      const res = await send(png as Buffer, `trang-1-${seed.id}.png`);
      expect(res.statusCode, res.body).toBe(202);
      const job = await follow((res.json() as PlanFileJob).id);
      expect(job.status, JSON.stringify(job.error)).toBe('done');
      const result = job.result as DraftFileResponse;
      expect([result.method, result.pages, result.ocrPages]).toEqual(['ocr', 1, 1]);
      expect(result.confidence).toBeGreaterThan(80);
      const score = scoreDraft(result.draft, parsePlanText(seed.text), { noisy: true });
      console.log(`scan-png ${seed.id} page 1: ${score.right}/${score.fields} right, ${score.found} found, ${score.wrong} wrong, ${result.seconds} s, confidence ${result.confidence}`);
      expect(score.mistakes).toEqual([]);
      expect(score.right).toBeGreaterThan(3);
    });
  }

  it('reads a whole scanned document (image-only PDF) page by page, telling its progress', async () => {
    const seed = seeds().find((s) => s.id === '001');
    if (!seed) throw new Error('seed 001');
    const pages = await scanPages(browser, planHtml(layoutOf(seed.text)));
    const pdf = await imagePdf(browser, pages);
    const res = await send(pdf, 'ban-quet.pdf');
    expect(res.statusCode, res.body).toBe(202);
    const started = res.json() as PlanFileJob;
    expect(started.method).toBe('ocr');
    expect(started.pages).toBe(pages.length);
    const seen: number[] = [];
    const job = await follow(started.id, seen);
    expect(job.status, JSON.stringify(job.error)).toBe('done');
    // Progress moved through the pages, never backwards.
    expect(new Set(seen).size).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const result = job.result as DraftFileResponse;
    expect([result.method, result.pages, result.ocrPages]).toEqual(['ocr', pages.length, pages.length]);
    const score = scoreDraft(result.draft, parsePlanText(seed.text), { noisy: true });
    console.log(`scan-pdf 001 (${pages.length} pages): ${score.right}/${score.fields} right, ${score.found} found, ${score.wrong} wrong, ${result.seconds} s, confidence ${result.confidence}`);
    expect(score.mistakes).toEqual([]);
    expect(score.right / score.fields).toBeGreaterThan(0.9);
  });
});
