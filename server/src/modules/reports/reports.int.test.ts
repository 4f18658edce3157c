import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { formatDateVi, periodOf, todayIso } from '@ytcs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, insuranceCard, signIn, unitId } from '../../../test/harness.ts';

let ctx: TestContext;
let station: string;
let committee: string;
let planId: number;
const quarter = periodOf('quarter', todayIso());

const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) => ctx.app.inject({ method, url, headers: { cookie }, payload });

beforeAll(async () => {
  ctx = await createTestContext();
  const ducXuan = await unitId(ctx, 'commune', '01840');
  const village = await createVillage(ctx, ducXuan, 'Tổ dân phố 1');
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: ducXuan }]);
  await createUser(ctx, 'ubnd', [{ role: 'committee', orgUnitId: ducXuan }]);
  await createUser(ctx, 'khac', [{ role: 'committee', orgUnitId: await unitId(ctx, 'commune', '01843') }]);
  station = await signIn(ctx, 'tram');
  committee = await signIn(ctx, 'ubnd');
  const names = ['An', 'Bình', 'Cúc', 'Dũng', 'Hạnh', 'Khoa'];
  const members = names.map((n, i) => ({ fullName: `Ma Văn ${n}`, sex: 'male', birthYear: 1980 + i, relationship: i === 0 ? 'head' : 'child', ...(i < 5 ? insuranceCard() : {}) }));
  expect((await call('POST', '/api/households', station, { unitId: village, address: 'Số 5', members })).statusCode).toBe(201);
  await ctx.app.refresher.drain();
  const res = await call('POST', '/api/plans', station, {
    orgUnitId: ducXuan,
    number: '45/KH-UBND',
    issuedOn: '2026-02-10',
    title: 'triển khai thực hiện Chỉ thị số 25-CT/TW trên địa bàn phường',
    implements: [],
    parentRef: null,
    legalBasis: [],
    fromYear: 2026,
    toYear: 2030,
    recipients: [
      { name: 'UBND tỉnh Thái Nguyên', purpose: 'Báo cáo' },
      { name: 'Trạm Y tế phường', purpose: 'Thực hiện' },
    ],
    signer: { authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Hà Thị Thu' },
    targets: [{ indicator: 'BHYT_BP', comparator: 'ge', value: 95, year: 2030 }],
    tasks: [{ section: 'IV.1', text: 'Rà soát hộ chưa tham gia BHYT', lead: 'Trạm Y tế phường', coordinating: ['Công an phường'], deadline: '2026-01-31' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  planId = res.json().id;
});
afterAll(() => ctx.close());

const text = (docx: Buffer) => strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml'] as Uint8Array).replace(/<[^>]+>/g, '');

describe('the quarterly report', () => {
  it('is a DOCX in the administrative format with the live figures', async () => {
    // The station's report: 5 of 6 insured is a small cell (1 uninsured) a committee does not see.
    const res = await call('GET', `/api/plans/${planId}/report.docx?period=${quarter}`, station);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const body = text(res.rawPayload);
    const [d, m, y] = formatDateVi(todayIso()).split('/');
    const order = ['ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC XUÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', `Đức Xuân, ngày ${d} tháng ${m} năm ${y}`, 'BÁO CÁO', 'Kế hoạch số 45/KH-UBND', 'I. KẾT QUẢ THỰC HIỆN', '83,3%', '5/6', 'Chưa đạt', 'Rà soát hộ chưa tham gia BHYT', 'Quá hạn', 'II. TỒN TẠI, HẠN CHẾ', 'III. PHƯƠNG HƯỚNG', 'Nơi nhận:', 'UBND tỉnh Thái Nguyên', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Hà Thị Thu'];
    const at = order.map((s) => body.indexOf(s));
    expect(order.filter((_, i) => (at[i] as number) < 0)).toEqual([]);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('has an XLSX annex with the figures per village', async () => {
    const res = await call('GET', `/api/plans/${planId}/report.xlsx?period=${quarter}`, station);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const targets = book.getWorksheet('Chỉ tiêu');
    const values = targets?.getSheetValues().flat().filter((v) => v !== null && v !== undefined) ?? [];
    expect(values).toEqual(expect.arrayContaining([5, 6, 83.3]));
    expect(book.getWorksheet('Đơn vị')?.getColumn(2).values).toContain('Tổ dân phố 1');
  });

  it('is refused for a bad period and to another commune', async () => {
    const bad = await call('GET', `/api/plans/${planId}/report.docx?period=2026Q7`, committee);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('period');
    expect((await call('GET', `/api/plans/${planId}/report.docx?period=${quarter}`, await signIn(ctx, 'khac'))).statusCode).toBe(404);
  });
});
