/**
 * After "Nơi nhận:": the recipients (one per line, with "(Báo cáo)"-style purposes) and the
 * signature block ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / name"). In the original
 * these are two columns side by side; OCR gives them one after the other or on shared lines
 * separated by a wide gap, which normalise() kept as a tab.
 */
import { classify } from './blocks.ts';
import { accentFree, collapse, foldWords, isAllCaps } from './normalise.ts';

export interface Recipient {
  name: string;
  purpose: string | null;
}

export interface Signer {
  authority: string | null;
  title: string | null;
  name: string | null;
}

// "TM." for a People's Committee, "T/M" for a Party committee ("T/M BAN THƯỜNG VỤ").
const AUTHORITY = /^(?:(?:TM|KT|TL|TUQ|Q)\s*\.|T\/M|K\/T|T\/L)\s*/u;
const TITLES = [
  'PHÓ CHỦ TỊCH',
  'CHỦ TỊCH',
  'PHÓ GIÁM ĐỐC',
  'GIÁM ĐỐC',
  'PHÓ TRƯỞNG PHÒNG',
  'TRƯỞNG PHÒNG',
  'PHÓ TRƯỞNG BAN',
  'TRƯỞNG BAN',
  'TRƯỞNG TRẠM',
  'PHÓ BÍ THƯ',
  'BÍ THƯ',
  'CHÁNH VĂN PHÒNG',
];
const PURPOSES: [RegExp, string][] = [
  [/^(de )?(b\s?c|bao cao)$/, 'Báo cáo'],
  [/^(de )?(t\s?h|thuc hien)$/, 'Thực hiện'],
  [/^(de )?(p\s?h|phoi hop)$/, 'Phối hợp'],
  [/^(de )?(c\s?d|chi dao)$/, 'Chỉ đạo'],
  [/^(de )?biet$/, 'Biết'],
  [/^(de )?(theo doi|giam sat)$/, 'Theo dõi'],
];

function isSignerLine(line: string): boolean {
  return AUTHORITY.test(line) || TITLES.some((t) => line === t || line.startsWith(`${t} `));
}

function recipientOf(line: string): Recipient | null {
  let text = collapse(line.replace(/^[-–+•*]\s*/, '')).replace(/[;,.]+$/, '');
  if (!text || /^luu\b/.test(foldWords(text))) return null; // the file copy, not a recipient
  let purpose: string | null = null;
  const m = /\(([^)]+)\)\s*$/.exec(text);
  if (m?.[1]) {
    const folded = foldWords(m[1].replace(/\//g, ' '));
    const known = PURPOSES.find(([re]) => re.test(folded));
    if (known) {
      purpose = known[1];
      text = text.slice(0, m.index).trim();
    }
  }
  return { name: text, purpose };
}

export function readClosing(closing: string[]): { recipients: Recipient[]; signer: Signer; signerLines: string[]; doubtful: string | null } {
  const left: string[] = [];
  const right: string[] = [];
  closing.forEach((raw, i) => {
    const cells = (i === 0 ? raw.replace(accentFree(/^\s*n[ơo]i\s+nh[ậa]n\s*:?/iu), '') : raw).split('\t').map((c) => c.trim());
    // Once the signature column has begun, what stands after a wide gap belongs to it (the name).
    if (cells.length > 1 && (isSignerLine(cells.at(-1) ?? '') || right.length > 0)) {
      left.push(cells.slice(0, -1).join(' '));
      right.push(cells.at(-1) ?? '');
    } else left.push(cells.join(' '));
  });
  const recipients: Recipient[] = [];
  const signerLines = [...right];
  let inSigner = false;
  let sawBullet = false;
  for (const line of left) {
    if (!line) continue;
    const bullet = classify(line).kind === 'bullet';
    // Recipients are a bulleted list; a plain line after it belongs to the signature column.
    if (!inSigner && (isSignerLine(line) || (sawBullet && !bullet && !/:$/.test(line)))) inSigner = true;
    sawBullet ||= bullet;
    // Flattened columns interleave the two: a bulleted line is a recipient wherever it falls.
    if (inSigner && !bullet) {
      signerLines.push(line);
      continue;
    }
    // Sub-headings such as "Gửi bản điện tử:" group recipients; they are not recipients.
    if (!bullet && /:$/.test(line)) continue;
    const r = recipientOf(line);
    if (r) recipients.push(r);
  }
  const { doubtful, ...signer } = readSigner(signerLines);
  return { recipients, signer, signerLines, doubtful };
}

// Offices that open a recipient's name; no Vietnamese surname is one of them.
const OFFICE_START = /^(?:Ban|Sở|Phòng|UBND|HĐND|Ủy ban|Trạm|Trung tâm|Văn phòng|Các|Đảng ủy|Huyện ủy|Tỉnh ủy|Thành ủy|Thị ủy|Quận ủy)\s/u;
const CAPS_OFFICE = /(?:^|\s)(?:ỦY|BAN THƯỜNG VỤ|THƯỜNG TRỰC|UBND|HĐND)(?:\s|$)/u;

/**
 * A line in the name's place that is a recipient or an office, not a person: a list mark or a
 * purpose ("(b/c)"), a lower-case word or an abbreviation in a mixed-case line ("Như trên",
 * "Lưu VP") — a person's name capitalises every word — an office opening it, or, in capitals,
 * a title or a committee ("BÍ THƯ", "THƯỜNG TRỰC HUYỆN ỦY").
 */
export function looksLikeRecipient(line: string): boolean {
  const text = collapse(line);
  if (/^[-–+•*]/.test(text) || /[()]/.test(text) || OFFICE_START.test(text)) return true;
  if (isAllCaps(text)) return CAPS_OFFICE.test(text) || TITLES.some((t) => text.includes(t));
  return text.split(' ').some((w) => /^\p{Ll}/u.test(w) || /^\p{Lu}{2,}$/u.test(w));
}

/** The signature; `doubtful` is the last line in the name's place that looked like a recipient, when no name was found. */
export function readSigner(lines: string[]): Signer & { doubtful: string | null } {
  const authorities: string[] = [];
  let title: string | null = null;
  let name: string | null = null;
  let capsName: string | null = null;
  let doubtful: string | null = null;
  for (const raw of lines) {
    const line = collapse(raw);
    if (!line || /^\(.*\)$/.test(line) || accentFree(/^(đã ký|ký|\[?chữ ký)/iu).test(line)) continue;
    if (AUTHORITY.test(line)) {
      // "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" on one line: the second office is the signer's title.
      for (const chunk of line.split(/\s+(?=(?:TM|KT|TL|TUQ|Q)\s*\.|T\/M|K\/T|T\/L)/u)) {
        const body = chunk.replace(AUTHORITY, '');
        const cut = TITLES.map((t) => body.indexOf(` ${t}`)).filter((k) => k > 0);
        const at = cut.length ? Math.min(...cut) : -1;
        const prefix = chunk.slice(0, chunk.length - body.length).replace(/\s+/g, '');
        authorities.push(`${prefix} ${at > 0 ? body.slice(0, at) : body}`.trim());
        if (at > 0) title = body.slice(at).trim();
      }
      continue;
    }
    if (!title && isAllCaps(line) && TITLES.some((t) => line.startsWith(t))) {
      title = line;
      continue;
    }
    const words = line.split(' ').length;
    if (words < 2 || words > 6 || !/^[\p{L} .'’-]+$/u.test(line)) continue;
    if (looksLikeRecipient(line)) {
      doubtful = line;
      continue;
    }
    // Some offices print the name in capitals; a mixed-case line is still the better guess.
    if (isAllCaps(line)) capsName = line;
    else name = line;
  }
  const found = name ?? capsName;
  return { authority: authorities.length ? authorities.join(' / ') : null, title, name: found, doubtful: found ? null : doubtful };
}
