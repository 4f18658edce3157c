/**
 * Small cells, attacked by subtraction. As the committee (aggregates only) we fetch everything the
 * API offers about a commune — every period of the year, the commune and each village, every
 * indicator, coverage, the DHIS2 export, the report — and for every additive relation check that
 * no hidden figure equals what the visible ones compute. The truth comes from the station, which
 * may see everything.
 */
import { periodOf, todayIso } from '@ytcs/common';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, createVillage, insuranceCard, signIn, unitId } from '../../../test/harness.ts';

let ctx: TestContext;
let station: string;
let province: string;
let committee: string;
let ducXuan: number;
let villages: number[];
let planId: number;
const K = 5;
const YEAR = periodOf('year', todayIso());
const PERIODS = [YEAR, `${YEAR}S1`, `${YEAR}S2`, ...[1, 2, 3, 4].map((q) => `${YEAR}Q${q}`), ...Array.from({ length: 12 }, (_, m) => `${YEAR}${String(m + 1).padStart(2, '0')}`)];
const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) => ctx.app.inject({ method, url, headers: { cookie }, payload });

interface Shown {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  suppressed: boolean;
}

const NAMES = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Lâm', 'Minh', 'Nam'];
async function household(unit: number, size: number, insured: number, tag: string) {
  const members = Array.from({ length: size }, (_, i) => ({
    fullName: `Lý ${tag} ${NAMES[i]}`,
    sex: 'female',
    birthYear: 1960 + i,
    relationship: i === 0 ? 'head' : 'child',
    ...(i < insured ? insuranceCard() : {}),
  }));
  const res = await call('POST', '/api/households', station, { unitId: unit, address: 'Số 9', members });
  expect(res.statusCode, res.body).toBe(201);
}

/** Every figure of one indicator the caller can fetch about the commune and its villages, keyed unit|period. */
async function everything(cookie: string, indicator: string): Promise<Map<string, Shown>> {
  const out = new Map<string, Shown>();
  for (const unit of [ducXuan, ...villages]) {
    const res = await call('GET', `/api/indicator-values?indicator=${indicator}&orgUnit=${unit}&period=${PERIODS.join(',')}`, cookie);
    expect(res.statusCode).toBe(200);
    for (const v of res.json().items) out.set(`${unit}|${v.period}`, v);
  }
  return out;
}

/** The additive relations a reader knows: the commune is its villages; a period is its sub-periods. */
function relations(): { total: string; parts: string[] }[] {
  const q = (n: number) => `${YEAR}Q${n}`;
  const m = (n: number) => `${YEAR}${String(n).padStart(2, '0')}`;
  const periodSums: [string, string[]][] = [
    [YEAR, [`${YEAR}S1`, `${YEAR}S2`]],
    [YEAR, [q(1), q(2), q(3), q(4)]],
    [`${YEAR}S1`, [q(1), q(2)]],
    [`${YEAR}S2`, [q(3), q(4)]],
    ...[1, 2, 3, 4].map((n): [string, string[]] => [q(n), [m(3 * n - 2), m(3 * n - 1), m(3 * n)]]),
    // Stocks counted as of the same day are equal: the year, its second half, its last quarter and December.
    [YEAR, [`${YEAR}S2`]],
    [`${YEAR}S2`, [q(4)]],
    [q(4), [m(12)]],
  ];
  return [
    ...PERIODS.map((p) => ({ total: `${ducXuan}|${p}`, parts: villages.map((v) => `${v}|${p}`) })),
    ...[ducXuan, ...villages].flatMap((u) => periodSums.map(([t, parts]) => ({ total: `${u}|${t}`, parts: parts.map((p) => `${u}|${p}`) }))),
  ];
}

/** Hidden figures that a visible total minus visible parts gives back exactly (numerator or its complement). */
function recovered(seen: Map<string, Shown>, truth: Map<string, Shown>): string[] {
  const leaks: string[] = [];
  const n = (m: Map<string, Shown>, key: string) => m.get(key)?.numerator ?? 0;
  for (const r of relations()) {
    const cells = [r.total, ...r.parts].filter((key) => seen.has(key));
    const hidden = cells.filter((key) => seen.get(key)?.suppressed);
    // Nothing hidden: what the parts leave of the total (residents outside any village) must not be a small count.
    const left = n(seen, r.total) - r.parts.reduce((a, p) => a + n(seen, p), 0);
    if (hidden.length === 0 && seen.has(r.total) && left > 0 && left < K) leaks.push(`${r.total} − [${r.parts.join(' ')}] = ${left}`);
    if (hidden.length !== 1) continue;
    const [unknown] = hidden as [string];
    const rest = r.parts.filter((p) => p !== unknown).reduce((a, p) => a + n(seen, p), 0);
    const derived = unknown === r.total ? rest : n(seen, r.total) - rest;
    const actual = truth.get(unknown)?.numerator;
    if (actual !== undefined && actual !== null && actual > 0 && derived === actual) leaks.push(`${unknown} = ${derived} from ${r.total} − [${r.parts.join(' ')}]`);
  }
  return leaks;
}

beforeAll(async () => {
  ctx = await createTestContext();
  ducXuan = await unitId(ctx, 'commune', '01840');
  villages = [await createVillage(ctx, ducXuan, 'Tổ 1'), await createVillage(ctx, ducXuan, 'Tổ 2'), await createVillage(ctx, ducXuan, 'Tổ 3')];
  await createUser(ctx, 'tram', [{ role: 'station', orgUnitId: ducXuan }]);
  await createUser(ctx, 'soyte', [{ role: 'province', orgUnitId: await unitId(ctx, 'province', '19') }]);
  await createUser(ctx, 'ubnd', [{ role: 'committee', orgUnitId: ducXuan }]);
  station = await signIn(ctx, 'tram');
  province = await signIn(ctx, 'soyte');
  committee = await signIn(ctx, 'ubnd');
  // Tổ 1: insured 2 of 10 (a small cell); Tổ 2: 6 of 8; Tổ 3: 7 of 7. The commune: 15 of 25.
  await household(villages[0] as number, 10, 2, 'Một');
  await household(villages[1] as number, 8, 6, 'Hai');
  await household(villages[2] as number, 7, 7, 'Ba');
  await ctx.app.refresher.drain();
  // Primary-care visits paid by insurance, entered for the commune per period: 3 in the fourth quarter.
  const visits = (period: string, numerator: number, denominator: number) => ({ indicator: 'KCB_BHYT', orgUnit: ducXuan, period, numerator, denominator });
  const entered = await call('PUT', '/api/indicator-values', province, {
    items: [visits(`${YEAR}S2`, 33, 60), visits(`${YEAR}Q3`, 30, 40), visits(`${YEAR}Q4`, 3, 20)],
  });
  expect(entered.statusCode, entered.body).toBe(200);
  const plan = await call('POST', '/api/plans', station, {
    orgUnitId: ducXuan,
    number: '46/KH-UBND',
    issuedOn: '2026-02-10',
    title: 'bảo hiểm y tế toàn dân',
    implements: [],
    parentRef: null,
    legalBasis: [],
    fromYear: 2026,
    toYear: 2030,
    recipients: [{ name: 'UBND tỉnh Thái Nguyên', purpose: 'Báo cáo' }],
    signer: null,
    targets: [{ indicator: 'BHYT_BP', comparator: 'ge', value: 95, year: 2030 }],
    tasks: [],
  });
  expect(plan.statusCode, plan.body).toBe(201);
  planId = plan.json().id;
});
afterAll(() => ctx.close());

describe('small cells attacked by subtraction (committee)', () => {
  it('a parent minus its other children does not give a hidden child', async () => {
    const seen = await everything(committee, 'BHYT_BP');
    const tổ1 = seen.get(`${villages[0]}|${periodOf('quarter', todayIso())}`);
    expect(tổ1).toMatchObject({ numerator: null, value: null, suppressed: true });
    expect(recovered(seen, await everything(station, 'BHYT_BP'))).toEqual([]);
  });

  it('a half-year minus its third quarter does not give the hidden fourth quarter', async () => {
    const seen = await everything(committee, 'KCB_BHYT');
    expect(seen.get(`${ducXuan}|${YEAR}Q4`)).toMatchObject({ numerator: null, suppressed: true });
    expect(recovered(seen, await everything(station, 'KCB_BHYT'))).toEqual([]);
  });

  it('no relation between any figures of any indicator gives back a hidden one', async () => {
    for (const indicator of ['HSSK_QL', 'BHYT_BP', 'KSK_DK', 'KCB_BHYT', 'NCC_KSK']) {
      expect(recovered(await everything(committee, indicator), await everything(station, indicator)), indicator).toEqual([]);
    }
  });

  it('8 of 10 uninsured is as telling as 2 of 10 insured: the complement is suppressed too', async () => {
    await call('PUT', '/api/indicator-values', province, { items: [{ indicator: 'NCC_KSK', orgUnit: villages[1], period: YEAR, numerator: 18, denominator: 20 }] });
    const res = await call('GET', `/api/indicator-values?indicator=NCC_KSK&orgUnit=${villages[1]}&period=${YEAR}`, committee);
    expect(res.json().items[0]).toMatchObject({ numerator: null, value: null, suppressed: true });
  });

  it('the children listing and the values agree, call after call', async () => {
    const quarter = periodOf('quarter', todayIso());
    const seen = await everything(committee, 'BHYT_BP');
    for (let i = 0; i < 2; i++) {
      const res = await call('GET', `/api/indicator-values/children?indicator=BHYT_BP&orgUnit=${ducXuan}&period=${quarter}`, committee);
      const { unit, children } = res.json();
      for (const row of [unit, ...children]) {
        const v = seen.get(`${row.id}|${quarter}`);
        expect({ numerator: row.numerator, suppressed: row.suppressed }).toEqual({ numerator: v?.numerator, suppressed: v?.suppressed });
      }
    }
  });

  it('coverage hides what the indicator values hide (no "insured 2 of 10")', async () => {
    const quarter = periodOf('quarter', todayIso());
    const seen = await everything(committee, 'BHYT_BP');
    const records = await everything(committee, 'HSSK_QL');
    const res = await call('GET', `/api/registry/coverage?orgUnit=${ducXuan}`, committee);
    expect(res.statusCode).toBe(200);
    const { unit, children } = res.json();
    for (const row of [unit, ...children]) {
      const insured = seen.get(`${row.id}|${quarter}`);
      const withRecord = records.get(`${row.id}|${quarter}`);
      expect(row.insured, `insured of ${row.id}`).toBe(insured?.numerator ?? null);
      expect(row.withRecord, `records of ${row.id}`).toBe(withRecord?.numerator ?? null);
    }
    expect(children.find((c: { id: number }) => c.id === villages[0])).toMatchObject({ insured: null, insuredRate: null });
    // The station still sees every figure.
    const full = (await call('GET', `/api/registry/coverage?orgUnit=${ducXuan}`, station)).json();
    expect(full.children.find((c: { id: number }) => c.id === villages[0])).toMatchObject({ residents: 10, insured: 2, suppressed: false });
  });

  it('coverage and the indicator values hide exactly the same cells of the same month', async () => {
    const month = periodOf('month', todayIso());
    const coverage = (await call('GET', `/api/registry/coverage?orgUnit=${ducXuan}`, committee)).json();
    const hiddenCells = { coverage: [] as string[], indicators: [] as string[] };
    for (const row of [coverage.unit, ...coverage.children]) {
      const res = await call('GET', `/api/indicator-values?indicator=HSSK_QL,BHYT_BP&orgUnit=${row.id}&period=${month}`, committee);
      const at = (code: string) => res.json().items.find((v: { indicator: string }) => v.indicator === code);
      for (const [code, count, rate] of [['HSSK_QL', 'withRecord', 'recordRate'], ['BHYT_BP', 'insured', 'insuredRate']] as const) {
        const v = at(code);
        if (row[count] === null) hiddenCells.coverage.push(`${row.id}|${code}`);
        if (v.suppressed) hiddenCells.indicators.push(`${row.id}|${code}`);
        expect({ count: row[count], rate: row[rate] }, `${code} of ${row.id}`).toEqual({ count: v.numerator, rate: v.value });
      }
      expect(row.residents, `residents of ${row.id}`).toBe(at('BHYT_BP').denominator);
      expect(row.suppressed).toBe(at('HSSK_QL').suppressed || at('BHYT_BP').suppressed);
    }
    expect(hiddenCells.indicators.length).toBeGreaterThan(0);
    expect(hiddenCells.coverage).toEqual(hiddenCells.indicators);
  });

  it('the DHIS2 export gives a committee no figure the indicator values hide', async () => {
    const seen = await everything(committee, 'BHYT_BP');
    const res = await call('GET', `/api/dataValueSets?orgUnit=${ducXuan}&period=${PERIODS.join(',')}&indicator=BHYT_BP`, committee);
    expect(res.statusCode).toBe(200);
    for (const dv of res.json().dataValues) expect(seen.get(`${dv.orgUnit}|${dv.period}`)?.suppressed, `${dv.orgUnit} ${dv.period}`).toBe(false);
  });

  it('the report and its annex for a committee carry no hidden figure', async () => {
    const quarter = periodOf('quarter', todayIso());
    const seen = await everything(committee, 'BHYT_BP');
    const hiddenVillages = villages.filter((v) => seen.get(`${v}|${quarter}`)?.suppressed);
    expect(hiddenVillages.length).toBeGreaterThanOrEqual(2);
    const xlsx = await call('GET', `/api/plans/${planId}/report.xlsx?period=${quarter}`, committee);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
    const truth = await everything(station, 'BHYT_BP');
    for (const v of hiddenVillages) {
      const t = truth.get(`${v}|${quarter}`) as Shown;
      expect(cells.join('|')).not.toContain(`${t.numerator}/${t.denominator}`);
    }
    const docx = await call('GET', `/api/plans/${planId}/report.docx?period=${quarter}`, committee);
    const text = strFromU8(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml'] as Uint8Array).replace(/<[^>]+>/g, '');
    for (const v of hiddenVillages) expect(text).not.toContain(`${(truth.get(`${v}|${quarter}`) as Shown).numerator}/${(truth.get(`${v}|${quarter}`) as Shown).denominator}`);
  });

  it('the station sees every figure, as before', async () => {
    const quarter = periodOf('quarter', todayIso());
    const res = await call('GET', `/api/indicator-values?indicator=BHYT_BP&orgUnit=${villages[0]}&period=${quarter}`, station);
    expect(res.json().items[0]).toMatchObject({ numerator: 2, denominator: 10, value: 20, suppressed: false });
  });
});
