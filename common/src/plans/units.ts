/**
 * Agency names inside task text: who leads (chủ trì), who coordinates (phối hợp với ...), and
 * when (deadline, recurrence). Names are kept as written; a list is split only where the next
 * piece starts like an agency ("Phòng", "Trạm", "các ..."), because names themselves hold commas
 * and "và" ("Phòng Giáo dục và Đào tạo", "UBND các xã, phường").
 */
import { accentFree } from './normalise.ts';
import { parsePeriod } from '../periods.ts';

const STARTER =
  accentFree(/^(các|Các|cơ quan|Cơ quan|tổ chức|Phòng|UBND|Ủy ban|UB|MTTQ|Mặt trận|Trung tâm|TTYT|Trạm|TYT|Bệnh viện|Công an|Quân sự|Ban|BCH|Hội|Đoàn|Sở|Bảo hiểm|BHXH|Công chức|Đài|Trường|Văn phòng|Chi cục|Chi nhánh|Kho bạc|Viện|Thường trực|Đảng ủy|HĐND|Hội đồng|Liên đoàn|Cộng tác viên|Nhân viên|Cán bộ|Bộ phận|Lãnh đạo|Chủ tịch|Phó Chủ tịch|Tổ|Thôn|Y tế|phụ huynh|Ngành|Doanh nghiệp)(?=[\s,;.]|$)/u);

export function looksLikeUnit(text: string): boolean {
  return STARTER.test(text.trim());
}

function clean(unit: string): string {
  return unit
    .trim()
    .replace(accentFree(/^(và|với)\s+/u), '')
    .replace(/[\s,;.:]+$/u, '')
    .trim();
}

export function splitUnits(text: string): string[] {
  const out: string[] = [];
  for (const group of text.split(/\s*;\s*/)) {
    const tokens = group.split(accentFree(/(,\s*|\s+và\s+)/u));
    let current = '';
    for (let i = 0; i < tokens.length; i += 2) {
      const piece = tokens[i] ?? '';
      const sep = tokens[i - 1] ?? '';
      if (current && looksLikeUnit(piece)) {
        out.push(clean(current));
        current = piece;
      } else {
        current = current ? current + sep + piece : piece;
      }
    }
    if (clean(current)) out.push(clean(current));
  }
  return out.filter((u) => u.length > 1);
}

/** "1. Trung tâm Y tế thành phố" / "8. Đề nghị Ủy ban MTTQ ...: Phổ biến ..." */
export function agencyHeading(text: string): { units: string[]; rest: string | null } | null {
  const stripped = text.replace(accentFree(/^(đề nghị|giao|trách nhiệm của|nhiệm vụ của)\s+/iu), '');
  const colon = stripped.indexOf(':');
  const head = colon >= 0 ? stripped.slice(0, colon) : stripped;
  const rest = colon >= 0 ? stripped.slice(colon + 1).trim() : null;
  // A long heading, or one that ends like a sentence, is a task rather than a name.
  if (!looksLikeUnit(head) || (colon < 0 && (head.split(' ').length > 24 || /[.;]$/.test(head)))) return null;
  return { units: splitUnits(head), rest: rest || null };
}

/** "Đơn vị chủ trì: X", "Cơ quan phối hợp: Y", "Thời gian thực hiện: Z" lines. */
export function metaLine(text: string): { field: 'lead' | 'coordinating' | 'time'; value: string } | null {
  const m = accentFree(/^(?:đơn vị|cơ quan|bộ phận)?\s*(chủ trì|phối hợp|thực hiện)\s*:\s*(.+)$/iu).exec(text);
  if (m?.[1] && m[2]) return { field: accentFree(/phối hợp/iu).test(m[1]) ? 'coordinating' : 'lead', value: m[2] };
  const t = accentFree(/^(?:thời gian|thời hạn|tiến độ)(?:\s+(?:thực hiện|hoàn thành))?\s*:\s*(.+)$/iu).exec(text);
  if (t?.[1]) return { field: 'time', value: t[1] };
  return null;
}

/** "(...; thời gian: Quý III/2024)" inside a heading. */
export function inlineTime(text: string): string | null {
  return accentFree(/thời (?:gian|hạn)(?: thực hiện| hoàn thành)?\s*:\s*([^;)]+)/iu).exec(text)?.[1] ?? null;
}

/** Inline owners: "(chủ trì: X; phối hợp: Y)" or "Giao X chủ trì". */
export function inlineLead(text: string): string[] {
  const paren = accentFree(/\(\s*(?:đơn vị |cơ quan )?chủ trì\s*:\s*([^;)]+)/iu).exec(text);
  if (paren?.[1]) return splitUnits(paren[1]);
  const giao = accentFree(/(?:^|\s)Giao\s+(.{3,80}?)\s+(?:chủ trì|thực hiện|tham mưu)/u).exec(text);
  if (giao?.[1] && looksLikeUnit(giao[1])) return splitUnits(giao[1]);
  // "Trạm Y tế phường chủ trì tổ chức ...": the subject leads.
  const subject = accentFree(/^(.{3,80}?)\s+chủ trì(?=[\s,])/u).exec(text);
  return subject?.[1] && looksLikeUnit(subject[1]) ? splitUnits(subject[1]) : [];
}

const STOP_VERBS =
  'tham mưu|triển khai|thực hiện|xây dựng|đẩy mạnh|cung cấp|tạo|rà soát|kiểm tra|tuyên truyền|hỗ trợ|theo dõi|giải quyết|xem xét|bố trí|đề xuất|vận động|quản lý|chỉ đạo|hướng dẫn|nắm|đảm bảo|bảo đảm|tổng hợp|khám|phát hiện|xử lý|giám sát|đánh giá|hoàn thiện|lồng ghép|huy động|duy trì|nâng cao|tăng cường|cập nhật|chuẩn bị|báo cáo|lập|truyền thông|chăm sóc|trong|để|nhằm|về|tại';
const COORDINATING = accentFree(new RegExp(
  // "các tổ chức" is a noun; "tổ chức" after a name is the verb that ends the list.
  String.raw`phối hợp(?:\s+chặt chẽ)?\s+với\s+(.+?)(?=(?<!các)\s+tổ chức(?:\s|$)|\s+(?:${STOP_VERBS})(?=[\s,.;]|$)|[;.:(]|$)`,
  'giu',
));

export function coordinatingIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(COORDINATING)) out.push(...splitUnits(m[1] ?? ''));
  return out.filter((u) => !/^(cơ quan|đơn vị) chủ trì$/iu.test(u));
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function endOf(code: string): string | null {
  return parsePeriod(code)?.end ?? null;
}

function isoDay(d: string, m: string, y: string): string | null {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(m) - 1) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * The latest day the task may finish: a date, or the end of a quarter, month or year after
 * "trước", "trong", "đến hết". `loose` is for a "Thời gian: ..." field, where no cue word is needed.
 */
export function deadlineOf(text: string, loose = false): string | null {
  const cue = loose ? String.raw`(?:^|\s)` : String.raw`(?:trước|chậm nhất|hoàn thành|xong|trong|đến hết|hết|đến)\s+`;
  const rules: [RegExp, (m: RegExpExecArray) => string | null][] = [
    [accentFree(new RegExp(String.raw`${cue}(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})`, 'iu')), (m) => isoDay(m[1] ?? '', m[2] ?? '', m[3] ?? '')],
    [accentFree(new RegExp(String.raw`${cue}(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`, 'iu')), (m) => isoDay(m[1] ?? '', m[2] ?? '', m[3] ?? '')],
    [
      accentFree(new RegExp(String.raw`${cue}quý\s+(IV|I{1,3}|[1-4])\s*(?:/|năm)\s*(\d{4})`, 'iu')),
      (m) => endOf(`${m[2]}Q${ROMAN[(m[1] ?? '').toLowerCase()] ?? m[1]}`),
    ],
    [accentFree(new RegExp(String.raw`${cue}6 tháng (đầu|cuối) năm\s+(\d{4})`, 'iu')), (m) => endOf(`${m[2]}S${/đầu/iu.test(m[1] ?? '') ? 1 : 2}`)],
    [accentFree(new RegExp(String.raw`${cue}tháng\s+(\d{1,2})\s*(?:/|năm)\s*(\d{4})`, 'iu')), (m) => endOf(`${m[2]}${(m[1] ?? '').padStart(2, '0')}`)],
    [accentFree(new RegExp(String.raw`${cue}(?:năm\s+)?(?:\d{4}\s*[-–]\s*)?(\d{4})(?!\d)`, 'iu')), (m) => (loose || accentFree(/năm/iu).test(m[0]) ? endOf(m[1] ?? '') : null)],
  ];
  for (const [re, toIso] of rules) {
    const m = re.exec(text);
    if (m) {
      const iso = toIso(m);
      if (iso) return iso;
    }
  }
  return null;
}

const RECURRING = [
  accentFree(/định kỳ\s+(?:hằng|hàng)\s+(?:năm|quý|tháng|tuần)/iu),
  accentFree(/(?:hằng|hàng)\s+(?:năm|quý|tháng|tuần|ngày)/iu),
  accentFree(/định kỳ(?:\s+\d+\s+tháng)?/iu),
  accentFree(/thường xuyên/iu),
];

export function recurringOf(text: string): string | null {
  for (const re of RECURRING) {
    const m = re.exec(text);
    if (m) return m[0].toLocaleLowerCase('vi');
  }
  return null;
}

/**
 * Nouns that carry a recurrence word without being a schedule: recurrent spending, the periodic
 * check-up, the yearly budget, and the plans of each period ("kế hoạch phát triển kinh tế - xã
 * hội hàng năm, 5 năm": the plans the targets go into, not how often the task is done).
 */
const NOT_A_SCHEDULE = accentFree(
  /(?:chi|kinh phí hoạt động)\s+thường xuyên|(?:khám|kiểm tra)\s+sức\s+kho[ẻe]\s+định kỳ|ngân sách(?:\s+(?:địa phương|nhà nước|các cấp))?\s+(?:hằng|hàng)\s+năm|kinh tế\s*-\s*xã hội\s+(?:hằng|hàng)\s+năm|(?:hằng|hàng)\s+năm\s*(?:,|và)\s*(?:\d+\s+năm|giai đoạn)/giu,
);

/**
 * A task's own recurrence: said in its "Thời gian:" part, or in its leading clause (up to the
 * first ":" or ";"). What follows is the task's content — a campaign urging people to exercise
 * "hằng ngày" is not itself daily — and is not read for a schedule.
 */
export function taskRecurrence(text: string): string | null {
  const time = inlineTime(text);
  const own = time ? recurringOf(time) : null;
  if (own) return own;
  const lead = text.split(/[:;]/u)[0] ?? '';
  return recurringOf(lead.replace(NOT_A_SCHEDULE, ' '));
}
