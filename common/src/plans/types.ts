/**
 * The draft a person reviews before a plan (kế hoạch) is saved. Everything here is as the parser
 * read it from the text; `warnings` lists what the reviewer must check. The schemas are also the
 * API's: the draft is what POST /api/plans/draft answers, and a saved plan carries the same
 * document references, recipients and signer (contract.ts).
 */
import { type Static, Type } from 'typebox';
import { COMPARATORS, ISSUER_LEVELS } from './codes.ts';
import { IsoDate, MessageRef, Nullable, literalUnion } from '../http/contract.ts';
import { IndicatorUnit } from '../indicators/contract.ts';

export const Comparator = literalUnion(COMPARATORS);
export type Comparator = Static<typeof Comparator>;

export const DocumentRef = Type.Object({
  kind: Type.String({ maxLength: 100, description: "'Chỉ thị' | 'Kế hoạch' | 'Quyết định' | 'Nghị quyết' | ..." }),
  number: Type.String({ maxLength: 100, description: "'25-CT/TW', '133/KH-UBND'" }),
  issuedOn: Nullable(IsoDate),
  issuer: Nullable(Type.String({ maxLength: 300 })),
  text: Type.String({ maxLength: 2000, description: 'the phrase as written' }),
});
export type DocumentRef = Static<typeof DocumentRef>;

export const Recipient = Type.Object({ name: Type.String({ minLength: 1, maxLength: 300 }), purpose: Nullable(Type.String({ maxLength: 100 })) });
export type Recipient = Static<typeof Recipient>;

const Short = Nullable(Type.String({ maxLength: 100 }));
export const Signer = Type.Object({ authority: Short, title: Short, name: Short });
export type Signer = Static<typeof Signer>;

export const TargetDraft = Type.Object({
  text: Type.String({ description: 'the sentence as written' }),
  indicatorCode: Nullable(Type.String()),
  comparator: Comparator,
  value: Nullable(Type.Number({ description: 'null when the number read is implausible for the indicator (a warning names the line)' })),
  unit: IndicatorUnit,
  year: Nullable(Type.Integer()),
  baseline: Nullable(Type.Number({ description: "the current figure the plan's situation section states for the same indicator" })),
  baselineYear: Nullable(Type.Integer()),
});
export type TargetDraft = Static<typeof TargetDraft>;

export const TaskDraft = Type.Object({
  section: Type.String({ description: "heading path, e.g. 'IV.2' or 'II.2.1'" }),
  text: Type.String(),
  lead: Type.Array(Type.String(), { description: "unit names as written, e.g. 'Trạm Y tế xã'" }),
  coordinating: Type.Array(Type.String()),
  deadline: Nullable(Type.String({ description: 'ISO date' })),
  recurring: Nullable(Type.String({ description: "'hằng năm', 'thường xuyên', ... as written" })),
});
export type TaskDraft = Static<typeof TaskDraft>;

export const IssuerLevel = literalUnion(ISSUER_LEVELS);
export type IssuerLevel = Static<typeof IssuerLevel>;

export const PlanIssuer = Type.Object({
  name: Nullable(Type.String()),
  level: Nullable(IssuerLevel),
  areaName: Nullable(Type.String()),
  areaKind: Nullable(Type.String({ description: "'xã' | 'phường' | 'thị trấn' | 'thành phố' | 'thị xã' | 'huyện' | 'quận' | 'tỉnh'" })),
});
export type PlanIssuer = Static<typeof PlanIssuer>;

/** What the reviewer must check: the sentence in Vietnamese and English, and its key in the server's catalogue. */
export const PlanWarning = Type.Object({ ...MessageRef, vi: Type.String(), en: Type.String() });
export type PlanWarning = Static<typeof PlanWarning>;

export const PlanDraft = Type.Object({
  issuer: PlanIssuer,
  number: Nullable(Type.String({ description: "'133/KH-UBND'; null when left blank ('Số: /KH-UBND') or absent" })),
  place: Nullable(Type.String()),
  issuedOn: Nullable(Type.String()),
  issuedMonth: Nullable(Type.Object({ month: Type.Integer(), year: Type.Integer() }, { description: "when the day is left blank: 'ngày   tháng 7 năm 2024'" })),
  title: Type.String({ description: 'the text after the words KẾ HOẠCH' }),
  implements: Type.Array(DocumentRef, { description: 'documents the plan carries out (the directive or resolution in the title)' }),
  parentPlan: Nullable(DocumentRef),
  legalBasis: Type.Array(DocumentRef, { description: 'every distinct document cited, deduplicated by number' }),
  fromYear: Nullable(Type.Integer()),
  toYear: Nullable(Type.Integer()),
  targets: Type.Array(TargetDraft),
  tasks: Type.Array(TaskDraft),
  recipients: Type.Array(Type.Object({ name: Type.String(), purpose: Nullable(Type.String()) })),
  signer: Signer,
  warnings: Type.Array(PlanWarning),
});
export type PlanDraft = Static<typeof PlanDraft>;
