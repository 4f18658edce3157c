/**
 * Reporting periods, coded the way DHIS2 codes them so aggregate data can be exchanged as-is:
 * `2026` (year), `2026S1`/`2026S2` (half), `2026Q1`..`2026Q4` (quarter), `202603` (month).
 * Dates are ISO strings and every computation is in UTC, so a period never shifts with the
 * server's time zone.
 */
export type PeriodType = 'year' | 'half' | 'quarter' | 'month';

export interface Period {
  code: string;
  type: PeriodType;
  year: number;
  /** First day, ISO. */
  start: string;
  /** Last day (inclusive), ISO. */
  end: string;
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const ROMAN = ['I', 'II', 'III', 'IV'];
const MONTHS_PER: Record<PeriodType, number> = { year: 12, half: 6, quarter: 3, month: 1 };

const pad2 = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The period's type, year and 1-based index (half, quarter or month number; 1 for a year). */
function decode(code: string): { type: PeriodType; year: number; index: number } | null {
  const m = /^(\d{4})(?:(S)([12])|(Q)([1-4])|(0[1-9]|1[0-2]))?$/.exec(code);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900 || year > 9999) return null;
  if (m[2]) return { type: 'half', year, index: Number(m[3]) };
  if (m[4]) return { type: 'quarter', year, index: Number(m[5]) };
  if (m[6]) return { type: 'month', year, index: Number(m[6]) };
  return { type: 'year', year, index: 1 };
}

function encode(type: PeriodType, year: number, index: number): string {
  switch (type) {
    case 'year':
      return String(year);
    case 'half':
      return `${year}S${index}`;
    case 'quarter':
      return `${year}Q${index}`;
    case 'month':
      return `${year}${pad2(index)}`;
  }
}

export function parsePeriod(code: string): Period | null {
  const d = decode(code);
  if (!d) return null;
  const span = MONTHS_PER[d.type];
  const firstMonth = (d.index - 1) * span + 1;
  const lastMonth = firstMonth + span - 1;
  return {
    code,
    type: d.type,
    year: d.year,
    start: `${d.year}-${pad2(firstMonth)}-01`,
    end: `${d.year}-${pad2(lastMonth)}-${pad2(lastDayOfMonth(d.year, lastMonth))}`,
  };
}

/** The period of the given type that contains an ISO date. */
export function periodOf(type: PeriodType, isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-\d{2}/.exec(isoDate);
  if (!m) throw new Error(`not an ISO date: ${isoDate}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  return encode(type, year, Math.floor((month - 1) / MONTHS_PER[type]) + 1);
}

/** `n` consecutive periods ending with `code`, oldest first (the x-axis of a trend). */
export function previousPeriods(code: string, n: number): string[] {
  const d = decode(code);
  if (!d) throw new Error(`not a period code: ${code}`);
  if (n <= 0) return [];
  const perYear = 12 / MONTHS_PER[d.type];
  // Count periods from year 0 so stepping back across a year boundary is plain arithmetic.
  const ordinal = d.year * perYear + (d.index - 1);
  const out: string[] = [];
  for (let k = n - 1; k >= 0; k--) {
    const o = ordinal - k;
    out.push(encode(d.type, Math.floor(o / perYear), (o % perYear) + 1));
  }
  return out;
}

export function periodLabel(code: string, lang: 'vi' | 'en'): string {
  const d = decode(code);
  if (!d) return code;
  const { type, year, index } = d;
  if (lang === 'vi') {
    switch (type) {
      case 'year':
        return `Năm ${year}`;
      case 'half':
        return index === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`;
      case 'quarter':
        return `Quý ${ROMAN[index - 1]}/${year}`;
      case 'month':
        return `Tháng ${pad2(index)}/${year}`;
    }
  }
  switch (type) {
    case 'year':
      return String(year);
    case 'half':
      return `H${index} ${year}`;
    case 'quarter':
      return `Q${index} ${year}`;
    case 'month':
      return `${MONTHS_EN[index - 1]} ${year}`;
  }
}
