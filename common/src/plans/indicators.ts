/**
 * Which national indicator a target sentence speaks about. Rules run on folded words
 * (no diacritics, no punctuation) and the more specific ones come first: "được bảo hiểm y tế chi
 * trả" is primary care paid by insurance, not insurance coverage. No match means the reviewer
 * picks; a wrong guess is worse than none.
 */
import { foldWords } from './normalise.ts';

const BHYT = '(bao hiem y te|bhyt)';
const KCB = 'kham (benh )?chua benh';

export const INDICATOR_RULES: { code: string; test: RegExp }[] = [
  { code: 'NCC_KSK', test: /nguy co cao.*(kham|kiem tra|tam soat)( suc khoe| sang loc)?/ },
  { code: 'KCB_BHYT', test: new RegExp(`${BHYT} chi tra|quy ${BHYT} thanh toan`) },
  { code: 'TYT_HDBHYT', test: new RegExp(`hop dong ${KCB} ${BHYT}|tram y te (tham gia|ky hop dong|duoc ky hop dong) ${KCB} ${BHYT}`) },
  { code: 'BHYT_BP', test: new RegExp(`(bao phu|tham gia) ${BHYT}|${BHYT} toan dan|ty le ${BHYT}`) },
  { code: 'TYT_DMKT', test: /danh muc (dich vu )?ky thuat/ },
  { code: 'XA_TCQG', test: /(bo )?tieu chi quoc gia (ve )?y te/ },
  { code: 'TYT_HS', test: /ho sinh|y si san nhi/ },
  { code: 'TYT_BS', test: /bac si(?! gia dinh)/ },
  { code: 'THON_NVYT', test: /nhan vien y te thon|y te thon ban|thon( ban)?( to dan pho)? co( (it nhat|mot|01|1))* nhan vien y te/ },
  { code: 'TH_YTTH', test: /y te truong hoc|(cham soc|quan ly) suc khoe hoc sinh/ },
  { code: 'KSK_DK', test: /(kham|kiem tra) suc khoe dinh ky|kham sang loc|kham suc khoe (hang|moi) nam/ },
  { code: 'HSSK_QL', test: /ho so suc khoe|quan ly( theo doi)? suc khoe|theo doi quan ly suc khoe|duoc quan ly theo doi/ },
];

export function indicatorOf(text: string): string | null {
  const words = foldWords(text);
  if (!words) return null;
  return INDICATOR_RULES.find((r) => r.test.test(words))?.code ?? null;
}
