/**
 * Plans typed before Unicode (the .Vn fonts, TCVN3), pasted or sent as Word: read as the same plan
 * typed in Unicode, with a warning first; VNI is left as it is with a warning; Unicode is untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftFileResponse, PlanDraft } from '@ytcs/common';
import { type TestContext, createTestContext, createUser, multipart, signIn, unitId } from '../../../test/harness.ts';
import { asVnFontText, VNI_TEXT, vn3Typed } from '../../../test/legacy-text.ts';
import { layoutOf, planDocx, seeds } from '../../../test/plan-documents.ts';

let ctx: TestContext;
let admin: string;
const seed = seeds().find((s) => s.id === '000') ?? (seeds()[0] as ReturnType<typeof seeds>[number]);
/** What a .Vn-font typist could type of the seed: capitals with tones only in lines of capitals (.VnTimeH). */
const typed = seed.text
  .split('\n')
  .map((line) => (/\p{Lu}/u.test(line) && line === line.toUpperCase() ? line : vn3Typed(line)))
  .join('\n');

const paste = async (text: string) => {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/plans/draft', headers: { cookie: admin }, payload: { text } });
  expect(res.statusCode).toBe(200);
  return (res.json() as { draft: PlanDraft }).draft;
};
const send = async (file: Buffer) => {
  const body = multipart(file, 'ke-hoach.docx');
  const res = await ctx.app.inject({ method: 'POST', url: '/api/plans/draft/file', headers: { cookie: admin, ...body.headers }, payload: body.payload });
  expect(res.statusCode).toBe(200);
  return (res.json() as { result: DraftFileResponse }).result;
};
const keys = (draft: PlanDraft) => draft.warnings.map((w) => w.key);
const withoutWarnings = (draft: PlanDraft) => ({ ...draft, warnings: draft.warnings.filter((w) => !/encoding/.test(w.key ?? '')) });

beforeAll(async () => {
  ctx = await createTestContext();
  await createUser(ctx, 'quantri', [{ role: 'admin', orgUnitId: await unitId(ctx, 'country', 'VN') }]);
  admin = await signIn(ctx, 'quantri');
}, 120_000);
afterAll(() => ctx?.close());

describe('plans typed in the .Vn fonts', () => {
  it('pasted: read as the same plan in Unicode, the conversion said first', async () => {
    const unicode = await paste(vn3Typed(seed.text));
    const draft = await paste(asVnFontText(seed.text));
    expect(draft.warnings[0]).toMatchObject({ key: 'plans.draft.encodingConverted', params: { encoding: 'TCVN3 (ABC)' } });
    expect(withoutWarnings(draft)).toEqual(unicode);
    expect(draft.tasks.length).toBeGreaterThan(10);
  });

  it('a Word file in .VnTime and .VnTimeH: the same draft as the same file in Times New Roman', async () => {
    const unicode = await send(await planDocx(layoutOf(typed)));
    const legacy = await send(await planDocx(layoutOf(typed), true));
    expect(legacy.text).toBe(unicode.text);
    expect(legacy.text).toContain('KẾ HOẠCH');
    expect(keys(legacy.draft)[0]).toBe('plans.draft.encodingConverted');
    expect(withoutWarnings(legacy.draft)).toEqual(unicode.draft);
  });

  it('leaves a modern plan alone, and VNI as it is with a warning that it could not be read', async () => {
    expect(keys(await paste(seed.text)).filter((k) => /encoding/.test(k ?? ''))).toEqual([]);
    const vni = await paste(VNI_TEXT);
    expect(vni.warnings[0]).toMatchObject({ key: 'plans.draft.encodingUnreadable', params: { encoding: 'VNI' } });
    expect(vni.title).not.toMatch(/[ạ-ỹ]/);
  });
});
