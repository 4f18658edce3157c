/**
 * The draft a person reviews before a plan (kế hoạch) is saved. Everything here is as the parser
 * read it from the text; `warnings` lists what the reviewer must check.
 */
export type Comparator = 'gt' | 'ge' | 'eq' | 'le' | 'lt';

export interface DocumentRef {
  /** 'Chỉ thị' | 'Kế hoạch' | 'Quyết định' | 'Nghị quyết' | ... */
  kind: string;
  /** '25-CT/TW', '133/KH-UBND' */
  number: string;
  /** ISO date, when the text gives it. */
  issuedOn: string | null;
  issuer: string | null;
  /** The phrase as written. */
  text: string;
}

export interface TargetDraft {
  /** The sentence as written. */
  text: string;
  indicatorCode: string | null;
  comparator: Comparator;
  value: number;
  unit: 'percent' | 'count';
  year: number | null;
}

export interface TaskDraft {
  /** Heading path, e.g. 'IV.2' or 'II.2.1'. */
  section: string;
  text: string;
  /** Unit names as written, e.g. 'Trạm Y tế xã'. */
  lead: string[];
  coordinating: string[];
  /** ISO date or null. */
  deadline: string | null;
  /** 'hằng năm', 'thường xuyên', ... as written. */
  recurring: string | null;
}

export type IssuerLevel = 'province' | 'district' | 'commune';

export interface PlanIssuer {
  name: string | null;
  level: IssuerLevel | null;
  areaName: string | null;
  /** 'xã' | 'phường' | 'thị trấn' | 'thành phố' | 'thị xã' | 'huyện' | 'quận' | 'tỉnh' */
  areaKind: string | null;
}

export interface PlanWarning {
  vi: string;
  en: string;
}

export interface PlanDraft {
  issuer: PlanIssuer;
  /** '133/KH-UBND'; null when left blank ('Số: /KH-UBND') or absent. */
  number: string | null;
  place: string | null;
  issuedOn: string | null;
  /** When the day is left blank: 'ngày   tháng 7 năm 2024'. */
  issuedMonth: { month: number; year: number } | null;
  /** The text after the word KẾ HOẠCH. */
  title: string;
  /** Documents the plan carries out (the directive/resolution in the title). */
  implements: DocumentRef[];
  /** The higher plan it follows. */
  parentPlan: DocumentRef | null;
  /** Every distinct document cited, deduplicated by number. */
  legalBasis: DocumentRef[];
  fromYear: number | null;
  toYear: number | null;
  targets: TargetDraft[];
  tasks: TaskDraft[];
  recipients: { name: string; purpose: string | null }[];
  signer: { authority: string | null; title: string | null; name: string | null };
  warnings: PlanWarning[];
}
