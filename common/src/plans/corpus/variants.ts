/**
 * The plan importer's test corpus: the real seed plans transformed into the shapes real plans
 * arrive in — a Party committee's plan, text without diacritics, text read back by OCR, a
 * document cut off — each with what a correct reading of it is. Deterministic (seeded), so a
 * score moves only when the importer does. Used by corpus.test.ts and scripts/plan-corpus.ts.
 */
import type { PlanDraft, TargetDraft } from '../types.ts';

/** What the transformed text says where it differs from the seed (null: the seed's own value). */
export interface Expected {
  issuerName?: string | null;
  issuerLevel?: PlanDraft['issuer']['level'];
  number?: string | null;
  signer?: PlanDraft['signer'];
  /** The signer's name where the transformed text lost it (null). */
  signerName?: string | null;
  /** How the signer's title reads in the transformed text. */
  signerTitle?: (title: string) => string;
  /** Only the targets whose sentence survives the transformation (truncation). */
  keepTarget?: (text: string) => boolean;
  /** The transformed text is noisy: free texts are right when close, numbers must be exact. */
  noisy?: boolean;
  /** Every word's diacritics are gone: free texts compare without them. */
  folded?: boolean;
  /** A warning whose Vietnamese text matches must be given. */
  warns?: RegExp;
  /** A target's baseline as the transformed text states it (by indicator and unit); the seed's own otherwise. */
  baseline?: (t: TargetDraft) => { baseline: number | null; baselineYear: number | null };
  /** A task's section as numbered in the transformed text. */
  section?: (section: string) => string;
}

export interface Variant {
  name: string;
  text: string;
  expected: Expected;
}

/** The Party committee that would issue each seed's plan (the seeds are People's Committee plans). */
const PARTY: Record<string, { header: string[]; name: string; level: PlanDraft['issuer']['level']; number: string }> = {
  '000': { header: ['ĐẢNG BỘ TỈNH BẮC KẠN', 'THÀNH ỦY BẮC KẠN', '*'], name: 'Thành ủy Bắc Kạn', level: 'district', number: '123-KH/TU' },
  '001': { header: ['ĐẢNG BỘ THỊ XÃ MỸ HÀO', 'ĐẢNG ỦY XÃ HÒA PHONG', '*'], name: 'Đảng ủy xã Hòa Phong', level: 'commune', number: '45-KH/ĐU' },
  '004': { header: ['ĐẢNG ỦY XÃ QUẢNG YÊN', '*'], name: 'Đảng ủy xã Quảng Yên', level: 'commune', number: '07-KH/ĐU' },
};

/** Strips every diacritic (đ → d), keeping case: what a keyboard without Vietnamese input types. */
export function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/**
 * The seed as a Party committee writes it: its header and number, headings numbered `I-`, `1-`,
 * `a-`, and the Standing Committee's signature (`T/M BAN THƯỜNG VỤ`, `PHÓ BÍ THƯ`).
 */
export function partyStyle(text: string, seed: string): string {
  const party = PARTY[seed];
  if (!party) throw new Error(`no Party committee for seed ${seed}`);
  const body = text
    .split('\n')
    .map((line) =>
      line
        .replace(/^(\s*)([IVX]+)\.\s/, '$1$2- ')
        .replace(/^(\s*)(\d{1,2})\.\s/, '$1$2- ')
        .replace(/^(\s*)([a-zđ])\)\s/, '$1$2- ')
        // Signature lines may carry the bold marks of a converted document (`**TM. …`).
        .replace(/^(\s*\**)TM\. ỦY BAN NHÂN DÂN(\**)\s*$/, '$1T/M BAN THƯỜNG VỤ$2')
        .replace(/^(\s*\**)KT\. CHỦ TỊCH(\**)\s*$/, '$1$2')
        .replace(/^(\s*\**)PHÓ CHỦ TỊCH(\**)\s*$/, '$1PHÓ BÍ THƯ$2')
        .replace(/^(\s*\**)CHỦ TỊCH(\**)\s*$/, '$1BÍ THƯ$2')
        // The preamble names the Party committee as the one issuing the plan.
        .replace(/(Ủy ban nhân dân|UBND) (thành phố|xã) [\p{Lu}][\p{L} ]*? (ban hành)/u, `Ban Thường vụ ${party.name} $3`),
    )
    .join('\n');
  return [...party.header, `Số ${party.number}`, body].join('\n');
}

/**
 * The closing as a flattened two-column layout gives it: the signature's lines and the
 * recipients' interleaved. `lost` also drops the name (a signature image, a cut scan) and the
 * recipients' list marks and punctuation, so that only a recipient line could stand in its place.
 */
export function flatClosing(text: string, lost = false): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => /^Nơi nhận/.test(l));
  const rest = lines.slice(at + 1).filter((l) => l.trim());
  const listed = (l: string) => /^\s*[-+]/.test(l) || /:\s*$/.test(l);
  const recipients = rest.filter(listed).map((l) => (lost ? l.replace(/^\s*[-+]\s*/, '').replace(/[:;.,]/g, '').trim() : l));
  const signature = rest.filter((l) => !listed(l)).slice(0, lost ? -1 : undefined);
  const mixed: string[] = [];
  for (let i = 0; i < Math.max(recipients.length, signature.length); i++) mixed.push(...[signature[i], recipients[i]].filter((l): l is string => l !== undefined));
  return [...lines.slice(0, at + 1), ...mixed].join('\n');
}

/** A small seeded generator (mulberry32): the same noise on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Text as OCR reads a scan back: O and 0, l and 1 confused inside words, words split by a stray
 * space, and digits of percentages misread as letters (`95%` → `9S%`), which no reading may turn
 * into another number.
 */
export function ocrNoise(text: string, seed = 25): string {
  const next = random(seed);
  return text
    .replace(/\d+(?=\s?%)/g, (n) => (next() < 0.3 ? n.replace(/5/, 'S').replace(/0/, 'O') : n))
    .replace(/\p{L}{4,}/gu, (word) => {
      let w = word;
      if (next() < 0.03) w = w.replace(/o/, '0').replace(/O/, '0');
      if (next() < 0.03) w = w.replace(/l/, '1');
      if (next() < 0.02) w = `${w.slice(0, 2)} ${w.slice(2)}`;
      return w;
    });
}

/**
 * OCR's digit slips that still read as a number: a digit doubled into a zero (`95%` → `950%`) or
 * a speck read as a decimal comma (`95%` → `9,5%`). No reading may keep such a number as a target.
 */
export function digitSlips(text: string, seed = 72): string {
  const next = random(seed);
  let n = 0;
  return text.replace(/(?<![\d,.])(\d{2,3})(?=\s?%)/g, (digits) => {
    if (next() >= 0.5) return digits;
    return n++ % 2 === 0 ? `${digits}0` : `${digits[0]},${digits.slice(1)}`;
  });
}

/**
 * A situation section ("I. ĐÁNH GIÁ THỰC TRẠNG") put before the seed's first section, whose
 * headings move down one (I → II): today's figures for the seed's indicators, and beside them
 * what no reading may take for one — an estimate, a bound, a change, counts nothing targets.
 */
const SITUATION = [
  'I. ĐÁNH GIÁ THỰC TRẠNG',
  '1. Kết quả đạt được',
  '- Đến hết năm 2023, trên địa bàn có 9/12 trạm y tế có bác sĩ, đạt 75%; 88,5% thôn, bản có nhân viên y tế thôn bản hoạt động.',
  '- Tỷ lệ người dân có hồ sơ sức khỏe điện tử đạt 82%, tăng 5% so với năm 2022.',
  '- Tỷ lệ bao phủ bảo hiểm y tế năm 2023 đạt 93,2% dân số.',
  '- 64% người dân sử dụng dịch vụ chăm sóc ban đầu được bảo hiểm y tế chi trả.',
  '- Trạm y tế thực hiện được 48% danh mục kỹ thuật của tuyến xã; 70% xã đạt Bộ tiêu chí quốc gia về y tế.',
  '- Toàn địa bàn có 3 trạm y tế hoạt động theo mô hình 2; 45 nhân viên y tế; 2 phòng khám tư nhân, 6 nhà thuốc, quầy thuốc.',
  '- Khoảng 60% người có nguy cơ cao được kiểm tra sức khỏe định kỳ.',
  '2. Hạn chế, tồn tại',
  '- Tỷ lệ trường học có người phụ trách y tế trường học còn thấp, chỉ đạt trên 50%.',
  '- Năm 2024, trạm y tế ký hợp đồng khám bệnh, chữa bệnh bảo hiểm y tế đạt 100%.',
  '',
];
/** What SITUATION says, read by hand: indicator → today's share and the year stated (none for NCC_KSK, TH_YTTH). */
const SITUATION_SHARES: Record<string, [number, number | null]> = {
  TYT_BS: [75, 2023],
  THON_NVYT: [88.5, 2023],
  HSSK_QL: [82, null],
  BHYT_BP: [93.2, 2023],
  KCB_BHYT: [64, null],
  TYT_DMKT: [48, null],
  XA_TCQG: [70, null],
  TYT_HDBHYT: [100, 2024],
};
const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const nextRoman = (r: string) => ROMANS[ROMANS.indexOf(r) + 1] ?? r;

export function withSituation(text: string): string {
  const lines = text.split('\n').map((l) => l.replace(/^(\s*)([IVX]+)\.(\s)/, (_, sp: string, r: string, after: string) => `${sp}${nextRoman(r)}.${after}`));
  const at = lines.findIndex((l) => /^\s*II\.\s/.test(l));
  return [...lines.slice(0, at), ...SITUATION, ...lines.slice(at)].join('\n');
}

/** The first part of a document, cut at a line: a scan of which only some pages arrived. */
export function truncated(text: string, share = 0.55): string {
  const lines = text.split('\n');
  return lines.slice(0, Math.floor(lines.length * share)).join('\n');
}

/** Every variant of one seed plan (`seed` is its number, e.g. '000'). */
export function variantsOf(seed: string, text: string): Variant[] {
  const party = PARTY[seed];
  const cut = truncated(text);
  const partyExpected: Expected = {
    issuerName: party?.name ?? null,
    issuerLevel: party?.level ?? null,
    number: party?.number ?? null,
    signerTitle: (title) => title.replace(/^PHÓ CHỦ TỊCH$/, 'PHÓ BÍ THƯ').replace(/^CHỦ TỊCH$/, 'BÍ THƯ'),
  };
  return [
    { name: 'original', text, expected: {} },
    { name: 'no-diacritics', text: withoutDiacritics(text), expected: { folded: true } },
    { name: 'party', text: partyStyle(text, seed), expected: partyExpected },
    { name: 'ocr', text: ocrNoise(text), expected: { noisy: true } },
    { name: 'party-flat', text: flatClosing(partyStyle(text, seed)), expected: partyExpected },
    { name: 'party-flat-noname', text: flatClosing(partyStyle(text, seed), true), expected: { ...partyExpected, signerName: null, warns: /người ký/ } },
    {
      name: 'situation',
      text: withSituation(text),
      expected: {
        section: (s) => s.replace(/^[IVX]+/, nextRoman),
        baseline: (t) => {
          const [baseline, baselineYear] = (t.unit === 'percent' && t.indicatorCode && SITUATION_SHARES[t.indicatorCode]) || [null, null];
          return { baseline, baselineYear };
        },
      },
    },
    { name: 'ocr-digits', text: digitSlips(text), expected: { noisy: true, warns: /ngoài khoảng hợp lý/ } },
    {
      name: 'truncated',
      text: cut,
      expected: { signer: { authority: '', title: '', name: '' }, keepTarget: (sentence) => cut.replace(/\s+/g, ' ').includes(sentence.slice(0, 40)), warns: /cắt|thiếu phần cuối|truncat/i },
    },
  ];
}
