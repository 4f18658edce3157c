/**
 * The document header: issuing body, number ("Số: 133/KH-UBND"), place and date. The header is
 * a two-column table in the original (issuer left, national motto and date right); after OCR
 * the columns are either separate lines or one line with a wide gap, so both are handled.
 */
import { accentFree, collapse, foldKeep, foldWords } from './normalise.ts';
import type { IssuerLevel, PlanIssuer } from './types.ts';

const MOTTO = [/cong hoa xa hoi chu nghia viet nam/g, /doc lap\s*[-–]\s*tu do\s*[-–]\s*hanh phuc/g];

/** Header lines split at column breaks, with the national motto cut out. */
function headerCells(lines: string[]): string[] {
  const cells: string[] = [];
  for (const line of lines) {
    for (const cell of line.split('\t')) {
      let text = cell;
      for (const re of MOTTO) {
        const folded = foldKeep(text);
        text = [...folded.matchAll(re)].reverse().reduce((t, m) => t.slice(0, m.index) + t.slice((m.index ?? 0) + m[0].length), text);
      }
      const c = collapse(text.replace(/^[-_=*.\s]+|[-_=*.\s]+$/g, ''));
      if (c) cells.push(c);
    }
  }
  return cells;
}

export function readNumber(lines: string[]): { number: string | null; found: boolean } {
  for (const cell of headerCells(lines)) {
    const m = accentFree(/^S[ốô]\s*:?\s*(.*)$/u).exec(cell);
    if (!m) continue;
    const raw = (m[1] ?? '').replace(/\s*([/\-–])\s*/g, '$1').split(/\s/)[0] ?? '';
    // "Số: /KH-UBND" — the number is written in by hand when the plan is signed.
    return { number: /^\d/.test(raw) ? raw : null, found: true };
  }
  return { number: null, found: false };
}

export interface IssueDate {
  place: string | null;
  issuedOn: string | null;
  issuedMonth: { month: number; year: number } | null;
}

// "TP. Bắc Kạn, ngày   tháng 7 năm 2024": the place, then the date with the day often left blank.
const DATE_LINE = accentFree(/^(?:(.{2,60}?),\s*)?ngày\s*(\d{1,2})?\s*(?:tháng|\/)\s*(\d{1,2})?\s*(?:năm|\/)\s*(\d{4})/iu);

export function readIssueDate(lines: string[]): IssueDate | null {
  for (const cell of headerCells(lines)) {
    const m = DATE_LINE.exec(cell);
    if (!m) continue;
    // OCR may put "Số: ..." and the place on one line when the columns are close together.
    const place = collapse(m[1] ?? '').replace(accentFree(/^S[ốô]\s*:?\s*\S*\s*/u), '').replace(/,$/, '') || null;
    const day = m[2] ? Number(m[2]) : null;
    const month = m[3] ? Number(m[3]) : null;
    const year = Number(m[4]);
    const valid = day && month && month <= 12 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
    const pad = (n: number) => String(n).padStart(2, '0');
    return {
      place,
      issuedOn: valid ? `${year}-${pad(month)}-${pad(day)}` : null,
      issuedMonth: !valid && month && month <= 12 ? { month, year } : null,
    };
  }
  return null;
}

const KINDS: [RegExp, string][] = [
  [/^thanh pho\b|^tp\b/, 'thành phố'],
  [/^thi xa\b|^tx\b/, 'thị xã'],
  [/^thi tran\b|^tt\b/, 'thị trấn'],
  [/^xa\b/, 'xã'],
  [/^phuong\b/, 'phường'],
  [/^huyen\b/, 'huyện'],
  [/^quan\b/, 'quận'],
  [/^tinh\b/, 'tỉnh'],
];
// Cities directly under the centre rank as provinces; every other "thành phố" is a district.
const CENTRAL_CITIES = /^(ha noi|ho chi minh|hai phong|da nang|can tho|hue)$/;

export function levelOf(kind: string, areaName: string): IssuerLevel {
  if (kind === 'tỉnh') return 'province';
  if (kind === 'thành phố') return CENTRAL_CITIES.test(foldWords(areaName)) ? 'province' : 'district';
  if (kind === 'xã' || kind === 'phường' || kind === 'thị trấn') return 'commune';
  return 'district';
}

function titleCase(words: string): string {
  return words
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');
}

/**
 * Party committees: "TỈNH ỦY", "THÀNH ỦY", "THỊ ỦY", "HUYỆN ỦY", "QUẬN ỦY" + the area's name,
 * "ĐẢNG ỦY XÃ/PHƯỜNG/THỊ TRẤN" + the commune's. The kind of area is the committee's own.
 */
const PARTY_COMMITTEES: [RegExp, string, string][] = [
  [/^tinh uy\s+/, 'Tỉnh ủy', 'tỉnh'],
  [/^thanh uy\s+/, 'Thành ủy', 'thành phố'],
  [/^thi uy\s+/, 'Thị ủy', 'thị xã'],
  [/^huyen uy\s+/, 'Huyện ủy', 'huyện'],
  [/^quan uy\s+/, 'Quận ủy', 'quận'],
  [/^dang uy xa\s+/, 'Đảng ủy xã', 'xã'],
  [/^dang uy phuong\s+/, 'Đảng ủy phường', 'phường'],
  [/^dang uy thi tran\s+/, 'Đảng ủy thị trấn', 'thị trấn'],
];

/** The area's name: the words of the original after the first `skip`, in title case if written in capitals. */
function areaNameAfter(text: string, skip: number): string | null {
  const nameWords = collapse(text.replace(/[^\p{L}\p{N}]+/gu, ' ')).split(' ').slice(skip);
  if (nameWords.length === 0) return null;
  const raw = nameWords.join(' ');
  return raw === raw.toLocaleUpperCase('vi') ? titleCase(raw) : raw;
}

function partyIssuerFrom(text: string, folded: string): PlanIssuer | null {
  const committee = PARTY_COMMITTEES.find(([re]) => re.test(folded));
  if (!committee) return null;
  const skip = (folded.match(committee[0])?.[0] ?? '').trim().split(' ').length;
  const areaName = areaNameAfter(text, skip);
  if (!areaName) return null;
  return { name: `${committee[1]} ${areaName}`, level: levelOf(committee[2], areaName), areaName, areaKind: committee[2] };
}

/** "ỦY BAN NHÂN DÂN XÃ HÒA PHONG", "UBND xã Hòa Phong", "THÀNH ỦY BẮC KẠN" → issuer parts. */
export function issuerFrom(text: string): PlanIssuer | null {
  const folded = foldWords(text);
  const party = partyIssuerFrom(text, folded);
  if (party) return party;
  const m = /^(uy ban nhan dan|ubnd)\s+(.+)$/.exec(folded);
  if (!m?.[2]) return null;
  const rest = m[2];
  const kind = KINDS.find(([re]) => re.test(rest));
  if (!kind) return null;
  // Cut the area name out of the original text: the same number of words as in the folded one.
  const skip = m[1] === 'ubnd' ? 1 : 4;
  const kindWords = (rest.match(kind[0])?.[0] ?? '').split(' ').length;
  const areaName = areaNameAfter(text, skip + kindWords);
  if (!areaName) return null;
  return {
    name: `Ủy ban nhân dân ${kind[1]} ${areaName}`,
    level: levelOf(kind[1], areaName),
    areaName,
    areaKind: kind[1],
  };
}

/** The issuer named in the header's left column ("ỦY BAN NHÂN DÂN" / "XÃ HÒA PHONG"). */
export function readHeaderIssuer(lines: string[]): PlanIssuer | null {
  const cells = headerCells(lines).filter((c) => !/^S[ốô]\s*:/u.test(c) && !DATE_LINE.test(c));
  for (let i = 0; i < cells.length; i++) {
    const one = issuerFrom(cells[i] ?? '');
    if (one) return one;
    const two = issuerFrom(`${cells[i]} ${cells[i + 1] ?? ''}`);
    if (two) return two;
  }
  return null;
}

const NAME = String.raw`((?:\p{Lu}[\p{L}'’]*|\d+)(?:\s+(?:\p{Lu}[\p{L}'’]*|\d+))*)`;
const AREA = '(xã|phường|thị trấn|thị xã|thành phố|huyện|quận|tỉnh)';

const ISSUES = '(?:ban hành|xây dựng|triển khai)';

/** "Ủy ban nhân dân xã Hòa Phong ban hành Kế hoạch ...", "Ban Thường vụ Huyện ủy Văn Lâm ban hành ..." in the preamble. */
export function issuerInText(text: string): PlanIssuer | null {
  const people = accentFree(new RegExp(String.raw`(?:Ủy ban nhân dân|UBND)\s+${AREA}\s+${NAME}\s+${ISSUES}`, 'u')).exec(text);
  if (people) return issuerFrom(`Ủy ban nhân dân ${people[1]} ${people[2]}`);
  const party = accentFree(new RegExp(String.raw`((?:Tỉnh|Thành|Thị|Huyện|Quận) ủy|Đảng ủy (?:xã|phường|thị trấn))\s+${NAME}\s+${ISSUES}`, 'u')).exec(text);
  return party ? issuerFrom(`${party[1]} ${party[2]}`) : null;
}

/** "trên địa bàn xã Quảng Yên": the area, when the issuer itself is not named. */
export function areaInText(text: string): PlanIssuer | null {
  const re = accentFree(new RegExp(String.raw`(?:trên địa bàn|tại)\s+${AREA}\s+${NAME}`, 'u'));
  const m = re.exec(text);
  return m ? issuerFrom(`Ủy ban nhân dân ${m[1]} ${m[2]}`) : null;
}
