/**
 * The plan importer's score on real files: each seed plan (server/data/plans) made into the files
 * plans arrive as — a Word document, a PDF with a text layer (printed by Chromium), a photographed
 * first page (PNG, clean; and a phone-like JPEG: askew, soft, grey paper), a scanned document
 * (image-only PDF of every page) — read through the server's reader (readPlanFile, the same code
 * as POST /api/plans/draft/file) and scored against the draft of the seed's own text with
 * scoreDraft: fields right / found / wrong (a wrong value is worse than a missing one), and the
 * seconds the reading took. A first page alone cannot have the tasks of later pages: its "right"
 * counts what one page can give; its "wrong" must still be 0.
 *
 *   npx tsx scripts/plans/corpus-files.ts [--mistakes] [--seed 001] [--form scan-pdf]
 *
 * Needs Chromium, poppler-utils and tesseract-ocr-vie (see README). OCR runs on one core, as on
 * the server.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parsePlanText } from '../../common/src/plans/parse.ts';
import { type Score, scoreDraft } from '../../common/src/plans/corpus/score.ts';
import type { Expected } from '../../common/src/plans/corpus/variants.ts';
import { PLAN_FILE_LIMITS } from '../../server/src/modules/plans/plan-files.limits.ts';
import { readPlanFile } from '../../server/src/modules/plans/plan-files.ts';
import { planTools } from '../../server/src/modules/plans/plan-files.tools.ts';
import { imagePdf, launchChromium, layoutOf, missingTools, planDocx, planHtml, printPdf, scanPages, seeds } from '../../server/test/plan-documents.ts';

const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const showMistakes = process.argv.includes('--mistakes');
const onlySeed = arg('--seed');
const onlyForm = arg('--form');

const missing = missingTools();
if (missing.length) {
  console.error(`Thiếu / missing: ${missing.join(', ')} — apt-get install -y chromium fonts-noto-core poppler-utils tesseract-ocr tesseract-ocr-vie`);
  process.exit(1);
}

type Form = 'docx' | 'pdf-text' | 'scan-png' | 'photo-jpg' | 'scan-pdf';
const FORMS: { form: Form; file: string; expected: Expected }[] = [
  { form: 'docx', file: 'ke-hoach.docx', expected: {} },
  { form: 'pdf-text', file: 'ke-hoach.pdf', expected: {} },
  { form: 'scan-png', file: 'trang-1.png', expected: { noisy: true } },
  { form: 'photo-jpg', file: 'trang-1.jpg', expected: { noisy: true } },
  { form: 'scan-pdf', file: 'ban-quet.pdf', expected: { noisy: true } },
];

const tools = planTools(process.env.PATH ?? '/usr/bin:/bin');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ytcs-corpus-files-'));
const browser = await launchChromium();
const totals = new Map<Form, { fields: number; right: number; found: number; wrong: number; seconds: number; pages: number }>();

try {
  console.log('seed  form        pages  fields  right  found  wrong  seconds  OCR confidence');
  for (const seed of seeds().filter((s) => !onlySeed || s.id === onlySeed)) {
    const reference = parsePlanText(seed.text);
    const layout = layoutOf(seed.text);
    const html = planHtml(layout);
    for (const { form, file, expected } of FORMS.filter((f) => !onlyForm || f.form === onlyForm)) {
      let bytes: Buffer;
      if (form === 'docx') bytes = await planDocx(layout);
      else if (form === 'pdf-text') bytes = await printPdf(browser, html);
      else if (form === 'scan-png') bytes = (await scanPages(browser, html, { pages: 1 }))[0] as Buffer;
      else if (form === 'photo-jpg') bytes = (await scanPages(browser, html, { pages: 1, photo: true }))[0] as Buffer;
      else bytes = await imagePdf(browser, await scanPages(browser, html));
      const target = path.join(dir, `${seed.id}-${file}`);
      fs.writeFileSync(target, bytes);
      const started = performance.now();
      const read = await readPlanFile({ path: target, name: file }, { tools, limits: PLAN_FILE_LIMITS, ocr: { acquire: async () => () => {} } });
      const seconds = (performance.now() - started) / 1000;
      const score: Score = scoreDraft(parsePlanText(read.text), reference, expected);
      const pages = read.pages ?? 0;
      console.log(
        `${seed.id}   ${form.padEnd(10)} ${String(read.pages ?? '–').padStart(5)} ${String(score.fields).padStart(7)} ${String(score.right).padStart(6)} ${String(score.found).padStart(6)} ${String(score.wrong).padStart(6)} ${seconds.toFixed(1).padStart(8)}  ${read.confidence === null ? '' : `${read.confidence}`}`,
      );
      if (showMistakes) for (const m of score.mistakes) console.log(`        ${m}`);
      const t = totals.get(form) ?? { fields: 0, right: 0, found: 0, wrong: 0, seconds: 0, pages: 0 };
      totals.set(form, { fields: t.fields + score.fields, right: t.right + score.right, found: t.found + score.found, wrong: t.wrong + score.wrong, seconds: t.seconds + seconds, pages: t.pages + pages });
    }
  }
  console.log('\nform        right/fields  found  wrong  seconds  (s/page)');
  for (const [form, t] of totals) {
    const perPage = t.pages && form !== 'docx' ? (t.seconds / t.pages).toFixed(2) : '';
    console.log(`${form.padEnd(10)} ${`${t.right}/${t.fields}`.padStart(13)} ${String(t.found).padStart(6)} ${String(t.wrong).padStart(6)} ${t.seconds.toFixed(1).padStart(8)}  ${perPage}`);
  }
} finally {
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
