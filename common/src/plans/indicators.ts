/**
 * Which national indicator a target sentence speaks about. Rules run on folded words
 * (no diacritics, no punctuation) and the more specific ones come first: "được bảo hiểm y tế chi
 * trả" is primary care paid by insurance, not insurance coverage. No match means the reviewer
 * picks; a wrong guess is worse than none.
 */
import { foldWords } from './normalise.ts';
import type { IssuerLevel } from './types.ts';

const BHYT = '(bao hiem y te|bhyt)';
const KCB = 'kham (benh )?chua benh';

/**
 * What a plan can set for the indicator. A percentage outside `percent` or a count above the
 * issuer level's `count` is a misreading (OCR's "950%" for 95%, "9,5%" with a stray comma) or a
 * slip, never a target: the floors are far below any national target of 2020–2035 (coverage is
 * already ~93%), so a real target is not caught. `count` is how many units of the kind one issuer
 * can have (a merged commune keeps a few stations); null where the indicator counts people.
 */
export interface Plausible {
  percent: readonly [number, number];
  count: Readonly<Record<IssuerLevel, number>> | null;
}

const STATIONS = { commune: 10, district: 60, province: 600 } as const;
const VILLAGES = { commune: 150, district: 800, province: 8000 } as const;
const SCHOOLS = { commune: 40, district: 400, province: 4000 } as const;
const share = (min: number, count: Plausible['count'] = null): Plausible => ({ percent: [min, 100], count });

/** A number no indicator was found for: only what any percentage or count can be. */
export const ANY_INDICATOR: Plausible = share(0);

export const INDICATOR_RULES: { code: string; test: RegExp; plausible: Plausible }[] = [
  { code: 'NCC_KSK', test: /nguy co cao.*(kham|kiem tra|tam soat)( suc khoe| sang loc)?/, plausible: share(50) },
  { code: 'KCB_BHYT', test: new RegExp(`${BHYT} chi tra|quy ${BHYT} thanh toan`), plausible: share(50) },
  {
    code: 'TYT_HDBHYT',
    test: new RegExp(`hop dong ${KCB} ${BHYT}|tram y te (tham gia|ky hop dong|duoc ky hop dong) ${KCB} ${BHYT}`),
    plausible: share(50, STATIONS),
  },
  { code: 'BHYT_BP', test: new RegExp(`(bao phu|tham gia) ${BHYT}|${BHYT} toan dan|ty le ${BHYT}`), plausible: share(80) },
  { code: 'TYT_DMKT', test: /danh muc (dich vu )?ky thuat/, plausible: share(30, STATIONS) },
  { code: 'XA_TCQG', test: /(bo )?tieu chi quoc gia (ve )?y te/, plausible: share(30, STATIONS) },
  { code: 'TYT_HS', test: /ho sinh|y si san nhi/, plausible: share(30, STATIONS) },
  { code: 'TYT_BS', test: /bac si(?! gia dinh)/, plausible: share(30, STATIONS) },
  {
    code: 'THON_NVYT',
    test: /nhan vien y te thon|y te thon ban|thon( ban)?( to dan pho)? co( (it nhat|mot|01|1))* nhan vien y te/,
    plausible: share(30, VILLAGES),
  },
  { code: 'TH_YTTH', test: /y te truong hoc|(cham soc|quan ly) suc khoe hoc sinh/, plausible: share(30, SCHOOLS) },
  { code: 'KSK_DK', test: /(kham|kiem tra) suc khoe dinh ky|kham sang loc|kham suc khoe (hang|moi) nam/, plausible: share(10) },
  { code: 'HSSK_QL', test: /ho so suc khoe|quan ly( theo doi)? suc khoe|theo doi quan ly suc khoe|duoc quan ly theo doi/, plausible: share(30) },
];

export function plausibleFor(code: string | null): Plausible {
  return INDICATOR_RULES.find((r) => r.code === code)?.plausible ?? ANY_INDICATOR;
}

export function indicatorOf(text: string): string | null {
  const words = foldWords(text);
  if (!words) return null;
  return INDICATOR_RULES.find((r) => r.test.test(words))?.code ?? null;
}
