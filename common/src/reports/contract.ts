/** The periodic report of a plan: which period, and whether it is an interim or a final report. */
import { type Static, Type } from 'typebox';
import { literalUnion } from '../http/contract.ts';

/** Báo cáo sơ kết (interim) or tổng kết (final). */
export const REPORT_KINDS = ['so_ket', 'tong_ket'] as const;
export const ReportKind = literalUnion(REPORT_KINDS);
export type ReportKind = Static<typeof ReportKind>;

export const REPORT_FORMATS = ['docx', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const ReportQuery = Type.Object({
  period: Type.String({ minLength: 4, maxLength: 6, description: '2026, 2026S1, 2026Q3 or 202609' }),
  kind: Type.Optional(ReportKind),
});
export type ReportQuery = Static<typeof ReportQuery>;
