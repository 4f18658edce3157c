/**
 * Wording and number/date formats of the report, shared by the DOCX and the XLSX so both say the
 * same thing. Vietnamese conventions: '.' groups thousands, ',' is the decimal mark, dates dd/mm/yyyy.
 */
import { formatDateVi, type Standing } from '@ytcs/common';
import type { ReportData, ReportFigure, ReportTarget, ReportTask } from './report.types.ts';

export { formatDateVi };

/**
 * Note shown instead of a suppressed figure: a count of fewer than 5 people (or one that other
 * figures would give back by subtraction) is hidden so no resident can be singled out.
 */
export const SUPPRESSED_NOTE = 'Ẩn';
export const SUPPRESSED_EXPLANATION = 'Ẩn: số liệu dưới 5 trường hợp, hoặc số liệu từ đó suy ra được số liệu dưới 5 trường hợp, không công bố để bảo vệ thông tin cá nhân.';
export const DASH = '—';

/** Fixed decimals, rounded half away from zero on the decimal value (toFixed rounds the binary one). */
export function formatNumberVi(n: number, decimals = 0): string {
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(n) * factor + 1e-9) / factor;
  const [int = '0', frac] = rounded.toFixed(decimals).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${n < 0 && rounded !== 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** Up to one decimal, without a trailing ',0' — for plan targets, which are written as '95%' in the plans. */
function formatTargetNumber(n: number): string {
  return formatNumberVi(n, Number.isInteger(n) ? 0 : 1);
}

export const formatPercent = (v: number): string => `${formatNumberVi(v, 1)}%`;

export function formatValue(unit: ReportTarget['unit'], v: number | null): string {
  if (v === null) return DASH;
  return unit === 'percent' ? formatPercent(v) : formatNumberVi(v, Number.isInteger(v) ? 0 : 1);
}

const COMPARATOR: Record<ReportTarget['comparator'], string> = { gt: '>', ge: '≥', eq: '=', le: '≤', lt: '<' };

/** '≥ 95%', '> 95% (2030)'. */
export function targetText(t: Pick<ReportTarget, 'unit' | 'comparator' | 'targetValue' | 'targetYear'>): string {
  const value = `${formatTargetNumber(t.targetValue)}${t.unit === 'percent' ? '%' : ''}`;
  return `${COMPARATOR[t.comparator]} ${value}${t.targetYear === null ? '' : ` (${t.targetYear})`}`;
}

/** The achieved figure as text: main line plus an optional second line (fraction, or why it is missing). */
export function figureText(unit: ReportTarget['unit'], f: ReportFigure): { main: string; note: string | null } {
  if (f.suppressed) return { main: DASH, note: SUPPRESSED_NOTE };
  if (f.value === null) return { main: DASH, note: 'Chưa có số liệu' };
  const fraction = f.numerator !== null && f.denominator !== null ? `${formatNumberVi(f.numerator)}/${formatNumberVi(f.denominator)}` : null;
  return { main: formatValue(unit, f.value), note: fraction };
}

/** The verdict as the dashboard colours it: near and far both fall short, near by at most a tenth. */
export function verdictLabel(standing: Standing | null): string {
  return standing === null ? 'Chưa đánh giá' : { met: 'Đạt', near: 'Chưa đạt (gần đạt)', far: 'Chưa đạt (còn xa)' }[standing];
}

export const TASK_STATUS_LABEL: Record<ReportTask['status'], string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Hoàn thành',
  overdue: 'Quá hạn',
};

export const kindLabel = (kind: ReportData['kind']): string => (kind === 'so_ket' ? 'Sơ kết' : 'Tổng kết');

/** 'Số: 15/BC-UBND'; without a number the registry clerk writes it in by hand, so leave the gap. */
export const numberLine = (number: string | null): string => (number ? `Số: ${number}` : 'Số:      /BC-UBND');

/**
 * 'Đức Xuân, ngày 25 tháng 11 năm 2026'. Decree 30/2020 (Appendix I) writes a leading zero only
 * for days below 10 and for months 1 and 2 — 'ngày 05 tháng 3', 'tháng 02' — so it is not dd/mm.
 */
export function placeDateLine(place: string, iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = String(d).padStart(2, '0');
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

/** Plans are titled 'Triển khai thực hiện …'; after 'về' the first word is lower case unless it is an acronym. */
function titleAfterVe(title: string): string {
  const t = title.trim();
  return /^\p{Lu}\p{Ll}/u.test(t) ? t.charAt(0).toLocaleLowerCase('vi') + t.slice(1) : t;
}

/** 'Kế hoạch số 45/KH-UBND ngày 10/03/2025 của UBND phường Đức Xuân về …' (number/date left out when unknown). */
export function planReference(plan: ReportData['plan']): string {
  const number = plan.number ? ` số ${plan.number}` : '';
  const issued = plan.issuedOn ? ` ngày ${formatDateVi(plan.issuedOn)}` : '';
  return `Kế hoạch${number}${issued} của ${plan.issuer} về ${titleAfterVe(plan.title)}`;
}

/** Short form for the closing sentence, where the full title would repeat the summary line. */
export function planShortReference(plan: ReportData['plan']): string {
  return `Kế hoạch${plan.number ? ` số ${plan.number}` : ''}${plan.issuedOn ? ` ngày ${formatDateVi(plan.issuedOn)}` : ''}`;
}

/**
 * The issuer inside a sentence: 'ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC XUÂN' → 'Ủy ban nhân dân phường Đức Xuân'.
 * Proper names cannot be recovered from capitals, so the place name (given in normal case) is
 * restored where it ends the issuer; the rest is sentence case.
 */
export function issuerInSentence(issuer: string, place: string): string {
  const upperPlace = place.toLocaleUpperCase('vi');
  const hasPlace = issuer.endsWith(upperPlace);
  const head = (hasPlace ? issuer.slice(0, issuer.length - upperPlace.length) : issuer).toLocaleLowerCase('vi');
  const text = `${head}${hasPlace ? place : ''}`.trim();
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** Percentage points / units by which a target is missed; 0 when only a strict bound is touched. */
export function targetGap(t: ReportTarget): number | null {
  const v = t.current.value;
  if (v === null || t.current.suppressed) return null;
  return t.comparator === 'le' || t.comparator === 'lt' ? Math.max(0, v - t.targetValue) : t.comparator === 'eq' ? Math.abs(v - t.targetValue) : Math.max(0, t.targetValue - v);
}
