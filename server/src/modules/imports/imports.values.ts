/**
 * Reading a cell the way stations write it: sex as Nam/Nữ, the relationship to the head as
 * "Vợ", "Con", "Bà", dates as dd/mm/yyyy, a year alone or an Excel date, ethnic groups by name
 * (or any of their other names) or code, villages by name with or without "Thôn"/"Tổ dân phố".
 * Pure functions; each also has the label the export writes, which reads back to the same value.
 */
import { type Relationship, type ResidenceStatus, foldVietnamese } from '@ytcs/common';

export type Cell = string | number | boolean | Date | null;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const key = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]+/g, ' ').trim();

/** The text a person sees in the cell (dates as dd/mm/yyyy, whole numbers without exponent). */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : `${pad(cell.getUTCDate())}/${pad(cell.getUTCMonth() + 1)}/${cell.getUTCFullYear()}`;
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  return String(cell).normalize('NFC').replace(/\s+/g, ' ').trim();
}

export const SEX_LABELS = { male: 'Nam', female: 'Nữ' } as const;
const SEXES = new Map<string, 'male' | 'female'>([
  ['nam', 'male'],
  ['nam gioi', 'male'],
  ['trai', 'male'],
  ['m', 'male'],
  ['male', 'male'],
  ['nu', 'female'],
  ['nu gioi', 'female'],
  ['gai', 'female'],
  ['f', 'female'],
  ['female', 'female'],
]);

/** male/female, or the text as written (the shared rules then report it). */
export function readSex(text: string): string {
  return SEXES.get(key(text)) ?? text;
}

export const RELATIONSHIP_LABELS: Record<Relationship, string> = {
  head: 'Chủ hộ',
  spouse: 'Vợ/Chồng',
  child: 'Con',
  parent: 'Bố/Mẹ',
  grandchild: 'Cháu',
  grandparent: 'Ông/Bà',
  sibling: 'Anh/Chị/Em',
  in_law: 'Con dâu/Con rể',
  other: 'Khác',
};

const RELATIONSHIP_WORDS: [Relationship, string[]][] = [
  ['head', ['chủ hộ', 'chu ho', 'chủ hộ gia đình', 'head', 'head of household']],
  ['spouse', ['vợ', 'chồng', 'vợ/chồng', 'vợ chồng', 'spouse', 'wife', 'husband']],
  ['child', ['con', 'con trai', 'con gái', 'con đẻ', 'con ruột', 'con nuôi', 'con riêng', 'child', 'son', 'daughter']],
  ['parent', ['bố', 'mẹ', 'cha', 'ba', 'má', 'bố/mẹ', 'cha/mẹ', 'bố mẹ', 'cha mẹ', 'bố đẻ', 'mẹ đẻ', 'cha đẻ', 'parent', 'father', 'mother']],
  ['grandchild', ['cháu', 'cháu nội', 'cháu ngoại', 'chắt', 'grandchild', 'grandson', 'granddaughter']],
  ['grandparent', ['ông', 'bà', 'ông/bà', 'ông bà', 'ông nội', 'bà nội', 'ông ngoại', 'bà ngoại', 'grandparent', 'grandfather', 'grandmother']],
  ['sibling', ['anh', 'chị', 'em', 'anh/chị/em', 'anh chị em', 'anh trai', 'chị gái', 'em trai', 'em gái', 'sibling', 'brother', 'sister']],
  ['in_law', ['con dâu', 'con rể', 'con dâu/con rể', 'bố vợ', 'mẹ vợ', 'bố chồng', 'mẹ chồng', 'chị dâu', 'em dâu', 'anh rể', 'em rể', 'in law', 'in-law', 'son in law', 'daughter in law']],
  ['other', ['khác', 'other', 'người ở nhờ', 'ở nhờ', 'cháu họ']],
];
// Exact words first ("Bà" is a grandmother, "Ba" a father in the South); folded words as a fallback
// for files typed without diacritics, where an ambiguous word keeps the exact reading only.
const RELATIONSHIP_EXACT = new Map<string, Relationship>();
const RELATIONSHIP_FOLDED = new Map<string, Relationship | 'ambiguous'>();
for (const [value, words] of RELATIONSHIP_WORDS) {
  for (const w of words) {
    RELATIONSHIP_EXACT.set(w.toLowerCase().replace(/\s*\/\s*/g, '/'), value);
    const folded = key(w);
    const seen = RELATIONSHIP_FOLDED.get(folded);
    RELATIONSHIP_FOLDED.set(folded, seen && seen !== value ? 'ambiguous' : value);
  }
}

/** A relationship code, null when blank, or undefined when the word is not known. */
export function readRelationship(text: string): Relationship | null | undefined {
  if (!text) return null;
  const exact = RELATIONSHIP_EXACT.get(text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').replace(/\s*\/\s*/g, '/').trim());
  if (exact) return exact;
  const folded = RELATIONSHIP_FOLDED.get(key(text));
  return folded === 'ambiguous' ? undefined : folded;
}

const HEAD_SYMBOLS = /^[✓✔☑☒✗✘×]$/u;
const HEAD_MARKS = new Set(['x', 'v', '1', 'co', 'chu ho', 'ch', 'la chu ho', 'yes', 'y', 'true', 'head']);
const NOT_HEAD = new Set(['0', 'khong', 'ko', 'k', 'no', 'n', 'false']);

/**
 * The head column: "x" (or ✓, "có", "Chủ hộ") marks the head; blank or "không" does not. Some
 * registers write the head's name on every member's row instead: the head is then the row that
 * carries its own name. Anything else is not understood (undefined), never guessed.
 */
export function readHeadMark(mark: string, fullName: string): boolean | undefined {
  const raw = mark.trim();
  if (!raw || raw === '-') return false;
  if (HEAD_SYMBOLS.test(raw)) return true;
  const folded = key(raw);
  if (HEAD_MARKS.has(folded)) return true;
  if (NOT_HEAD.has(folded)) return false;
  if (/^\p{L}+(?: \p{L}+)+$/u.test(folded)) return folded === key(fullName);
  return undefined;
}

export const RESIDENCE_LABELS: Record<ResidenceStatus, string> = { permanent: 'Thường trú', temporary: 'Tạm trú', absent: 'Vắng mặt' };
const RESIDENCES = new Map<string, ResidenceStatus>([
  ['thuong tru', 'permanent'],
  ['permanent', 'permanent'],
  ['tam tru', 'temporary'],
  ['temporary', 'temporary'],
  ['vang mat', 'absent'],
  ['tam vang', 'absent'],
  ['absent', 'absent'],
]);

export function readResidence(text: string): ResidenceStatus | null | undefined {
  if (!text) return null;
  return RESIDENCES.get(key(text));
}

export type DateReading = { date: string } | { year: number } | { invalid: string } | null;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** dd/mm/yyyy (also - or .), yyyy-mm-dd, a year alone, an Excel date cell or serial number. */
export function readDate(cell: Cell): DateReading {
  if (cell === null || cell === undefined || cell === '') return null;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { invalid: '' };
    return { date: `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}` };
  }
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 1000 && cell <= 2200) return { year: cell };
    if (cell > 2200 && cell < 200_000) return readDate(new Date(EXCEL_EPOCH + Math.round(cell * 86_400_000)));
    return { invalid: cellText(cell) };
  }
  const text = cellText(cell);
  if (!text) return null;
  if (/^\d{4}$/.test(text)) return { year: Number(text) };
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return { date: `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}` };
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (m) return { date: `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` };
  return { invalid: text };
}

/** Spellings in common use that the official list does not carry, → the list's name. */
const ETHNIC_SPELLINGS: Record<string, string> = { khmer: 'Khơ-me', mong: 'HMông', edê: 'Ê-đê', bahnar: 'Ba na', giarai: 'Gia-rai', jrai: 'Gia-rai' };

/** The ethnic groups by code, by name and by their other names (an other name two groups share is not used). */
export function ethnicityReader(groups: { code: string; name: string; other_names: string | null }[]) {
  const codes = new Set(groups.map((g) => g.code));
  const names = new Map<string, string>();
  const others = new Map<string, string | null>();
  const squash = (s: string) => key(s).replace(/ /g, '');
  for (const g of groups) {
    names.set(squash(g.name), g.code);
    for (const other of (g.other_names ?? '').split(/[,.;]/)) {
      const k = squash(other);
      if (!k) continue;
      others.set(k, others.has(k) && others.get(k) !== g.code ? null : g.code);
    }
  }
  const nameOf = new Map(groups.map((g) => [g.code, g.name]));
  const spellings = new Map(Object.entries(ETHNIC_SPELLINGS).map(([k, v]) => [squash(k), v]));
  return {
    /** A code, null when blank, undefined when not in the list. */
    read(cell: Cell): string | null | undefined {
      const text = cellText(cell);
      if (!text) return null;
      if (/^\d{1,2}$/.test(text)) {
        const code = text.padStart(2, '0');
        return codes.has(code) ? code : undefined;
      }
      const k = squash(text.replace(/^(dan toc|dân tộc)\s+/i, ''));
      return names.get(k) ?? others.get(k) ?? names.get(squash(spellings.get(k) ?? '')) ?? undefined;
    },
    name: (code: string | null) => (code ? (nameOf.get(code) ?? code) : ''),
  };
}

const VILLAGE_PREFIX = /^(thon|to dan pho|tdp|to|ap|ban|xom|lang|khu pho|kp|khu|buon|plei|soc|khom|khoi|cum)\s+/;

/** Villages of the commune by name: exact (folded) first, else without the "Thôn"/"Tổ dân phố" prefix when that is unambiguous. */
export function villageReader(villages: { id: number; name: string }[]) {
  const exact = new Map<string, number>();
  const bare = new Map<string, number | null>();
  for (const v of villages) {
    const k = key(v.name);
    exact.set(k, v.id);
    const b = k.replace(VILLAGE_PREFIX, '');
    bare.set(b, bare.has(b) && bare.get(b) !== v.id ? null : v.id);
  }
  return (text: string): number | undefined => {
    const k = key(text);
    return exact.get(k) ?? bare.get(k.replace(VILLAGE_PREFIX, '')) ?? undefined;
  };
}
