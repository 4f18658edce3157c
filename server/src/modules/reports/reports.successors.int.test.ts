/**
 * Reports after the 2025 reorganisation: the demo's plans of the former Bắc Kạn city (a district
 * abolished, its province merged into Thái Nguyên) and of xã Hòa Phong (merged into phường
 * Thượng Hồng, Hưng Yên). A report drawn today comes from, and goes to, today's bodies; the plan
 * it reports on keeps its historical issuer.
 */
import { strFromU8, unzipSync } from 'fflate';
import { periodOf, todayIso } from '@ytcs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, signIn, unitId } from '../../../test/harness.ts';
import { loadDemoData } from '../../demo/demo-data.ts';
import { loadDemoPlans } from '../../demo/demo-plans.ts';

let ctx: TestContext;
let admin: string;
let cityPlan: number;
let hoaPhongPlan: number;
let quangYenPlan: number;
const quarter = periodOf('quarter', todayIso());

beforeAll(async () => {
  ctx = await createTestContext();
  await createUser(ctx, 'root', [{ role: 'admin', orgUnitId: await unitId(ctx, 'country', 'VN') }]);
  admin = await signIn(ctx, 'root');
  await loadDemoData(ctx.database.db);
  [cityPlan, hoaPhongPlan, quangYenPlan] = (await loadDemoPlans(ctx.database.db, null)) as [number, number, number];
});
afterAll(() => ctx.close());

/** The report's paragraphs, tags stripped. */
async function report(planId: number): Promise<string[]> {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/plans/${planId}/report.docx?period=${quarter}`, headers: { cookie: admin } });
  expect(res.statusCode, res.body).toBe(200);
  const xml = strFromU8(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml'] as Uint8Array);
  return xml.split('</w:p>').map((p) => p.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&')).filter(Boolean);
}

const recipients = (paragraphs: string[]) => paragraphs.slice(paragraphs.indexOf('Nơi nhận:') + 1).filter((p) => p.startsWith('- '));

describe('a report on a plan whose issuer was abolished in 2025', () => {
  it('is issued by the province that carries the former city and names the plan’s historical issuer', async () => {
    const paragraphs = await report(cityPlan);
    const text = paragraphs.join('\n');
    expect(paragraphs).toContain('ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN');
    expect(text).not.toContain('ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC KẠN');
    expect(text).toMatch(/^Thái Nguyên, ngày/m);
    expect(text).toContain('của Ủy ban nhân dân thành phố Bắc Kạn');
    // The city's vice-chair signed the plan, not the report.
    expect(text).not.toContain('Lê Đăng Trường');
  });

  it('is addressed to today’s bodies, never to the former province or city', async () => {
    const lines = recipients(await report(cityPlan));
    expect(lines).toContain('- Sở Y tế tỉnh Thái Nguyên;');
    expect(lines.join('\n')).not.toMatch(/Bắc Kạn|thành phố|UBND tỉnh Thái Nguyên/);
  });

  it('of a merged commune comes from its successor ward and goes to the new province', async () => {
    const paragraphs = await report(hoaPhongPlan);
    expect(paragraphs).toContain('ỦY BAN NHÂN DÂN PHƯỜNG THƯỢNG HỒNG');
    const lines = recipients(paragraphs);
    expect(lines).toContain('- UBND tỉnh Hưng Yên;');
    expect(lines).toContain('- Trạm y tế phường;');
    expect(lines.join('\n')).not.toMatch(/Mỹ Hào|thị xã|\bxã\b/);
  });

  it('of a plan whose issuer still exists is issued, signed and addressed as the plan was', async () => {
    const paragraphs = await report(quangYenPlan);
    expect(paragraphs).toContain('ỦY BAN NHÂN DÂN XÃ QUẢNG YÊN');
    expect(recipients(paragraphs)).toEqual(['- Sở Y tế (Báo cáo);', '- TTr Đảng ủy, HĐND xã (Báo cáo);', '- Lưu: VT.']);
    expect(paragraphs.join('\n')).toContain('Đào Nguyên Dũng');
  });
});
