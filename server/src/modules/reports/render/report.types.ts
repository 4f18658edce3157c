/**
 * What the periodic report renderers (DOCX body, XLSX annex) take. The service assembles it from
 * the plan, the indicator values and the task updates; the renderers only lay it out, so they stay
 * pure and testable without a database.
 */
import type { Standing } from '@ytcs/common';

export interface ReportTarget {
  indicatorCode: string;
  indicatorName: string;
  unit: 'percent' | 'count';
  comparator: 'gt' | 'ge' | 'eq' | 'le' | 'lt';
  targetValue: number;
  targetYear: number | null;
  baseline: number | null;
  current: { numerator: number | null; denominator: number | null; value: number | null; suppressed: boolean };
  previous: number | null /* same indicator, previous period */;
  /** common's standingOf: met, near (short by at most a tenth of the target), far; null when not assessed. */
  standing: Standing | null;
}
export interface ReportTask {
  section: string | null;
  text: string;
  lead: string;
  coordinating: string[];
  deadline: string | null /* ISO */;
  status: 'not_started' | 'in_progress' | 'done' | 'overdue';
  progress: number /* 0-100 */;
  lastNote: string | null;
  lastUpdatedOn: string | null;
}
export interface ReportChildRow {
  unitName: string;
  values: Record<string /* indicator code */, { numerator: number | null; denominator: number | null; value: number | null; suppressed: boolean }>;
}
export interface ReportData {
  lang: 'vi';
  superior: string | null; // governing body line, e.g. 'UBND TỈNH THÁI NGUYÊN' (may be null)
  issuer: string; // 'ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC XUÂN'
  number: string | null; // '15/BC-UBND' or null → rendered 'Số:      /BC-UBND'
  place: string; // 'Đức Xuân'
  date: string; // ISO date of the report
  kind: 'so_ket' | 'tong_ket';
  periodCode: string;
  periodLabel: string; // '2026Q3', 'Quý III năm 2026'
  plan: { number: string | null; issuedOn: string | null; title: string; issuer: string };
  targets: ReportTarget[];
  tasks: ReportTask[];
  children: ReportChildRow[];
  childLevelLabel: string; // 'Tổ dân phố' / 'Xã, phường' — header of the annex's unit column
  recipients: { name: string; purpose: string | null }[];
  signer: { authority: string | null; title: string; name: string | null }; // 'TM. ỦY BAN NHÂN DÂN' / 'CHỦ TỊCH' / name
  generatedBy: string; // e.g. 'ytcs' – goes only in document properties
}

/** One indicator's figures for one unit and period (the shape shared by targets and child rows). */
export type ReportFigure = ReportTarget['current'];
