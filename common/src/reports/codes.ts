/**
 * The codes of reports as plain arrays, kept apart from the schemas so that
 * the web can import them without bundling TypeBox.
 */

/** Báo cáo sơ kết (interim) or tổng kết (final). */
export const REPORT_KINDS = ['so_ket', 'tong_ket'] as const;

export const REPORT_FORMATS = ['docx', 'xlsx'] as const;
