/**
 * The plans API: a plan as saved from a reviewed draft (types.ts), and as read with each target's
 * live figure and its tasks.
 */
import { type Static, Type } from 'typebox';
import { PLAN_STATUSES } from './codes.ts';
import { IsoDate, Nullable, listOf, literalUnion } from '../http/contract.ts';
import { Figure, IndicatorUnit } from '../indicators/contract.ts';
import { Comparator, DocumentRef, PlanDraft, Recipient, Signer } from './types.ts';
import { TaskView } from './tasks.contract.ts';
import { STANDINGS } from './judge.ts';

export const PlanStatus = literalUnion(PLAN_STATUSES);
export type PlanStatus = Static<typeof PlanStatus>;

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });

export const DraftRequest = Type.Object({ text: Type.String({ minLength: 20, maxLength: 500_000 }) });
export type DraftRequest = Static<typeof DraftRequest>;

/** An org unit the plan's issuer may be; a closed one (validTo set) is judged on its heirs. */
export const DraftCandidate = Type.Object({ id: Type.Integer(), name: Type.String(), level: Type.String(), validTo: Nullable(Type.String()), parentName: Nullable(Type.String()) });
export type DraftCandidate = Static<typeof DraftCandidate>;

export const DraftResponse = Type.Object({ draft: PlanDraft, candidates: Type.Array(DraftCandidate) });
export type DraftResponse = Static<typeof DraftResponse>;

export const NewTarget = Type.Object({
  indicator: Type.String({ minLength: 1 }),
  comparator: Comparator,
  value: Type.Number({ minimum: 0 }),
  year: Nullable(Year),
  baseline: Type.Optional(Nullable(Type.Number({ minimum: 0 }))),
  baselineYear: Type.Optional(Nullable(Year)),
  text: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
});
export type NewTarget = Static<typeof NewTarget>;

export const NewTask = Type.Object({
  section: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
  text: Text(4000),
  lead: Nullable(Type.String({ maxLength: 300 })),
  coordinating: Type.Array(Text(300), { maxItems: 50 }),
  deadline: Type.Optional(Nullable(IsoDate)),
  recurring: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
});
export type NewTask = Static<typeof NewTask>;

export const NewPlan = Type.Object({
  orgUnitId: Type.Integer({ minimum: 1 }),
  number: Nullable(Type.String({ maxLength: 100 })),
  issuedOn: Nullable(IsoDate),
  title: Text(2000),
  implements: Type.Array(DocumentRef, { maxItems: 50 }),
  parentRef: Nullable(DocumentRef),
  legalBasis: Type.Array(DocumentRef, { maxItems: 100 }),
  fromYear: Nullable(Year),
  toYear: Nullable(Year),
  recipients: Type.Array(Recipient, { maxItems: 100 }),
  signer: Nullable(Signer),
  targets: Type.Array(NewTarget, { maxItems: 200 }),
  tasks: Type.Array(NewTask, { maxItems: 1000 }),
});
export type NewPlan = Static<typeof NewPlan>;

export const PlanListQuery = Type.Object({ orgUnit: Type.Optional(Type.Integer({ minimum: 1 })) });
export type PlanListQuery = Static<typeof PlanListQuery>;

export const PlanSummary = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  orgUnitName: Type.String(),
  areaIds: Type.Array(Type.Integer()),
  number: Nullable(Type.String()),
  issuedOn: Nullable(Type.String()),
  title: Type.String(),
  status: PlanStatus,
  fromYear: Nullable(Type.Integer()),
  toYear: Nullable(Type.Integer()),
  parentPlanId: Nullable(Type.Integer({ description: 'the higher plan, when it is in the system' })),
  targets: Type.Integer(),
  tasks: Type.Integer(),
  overdueTasks: Type.Integer(),
});
export type PlanSummary = Static<typeof PlanSummary>;

export const PlanList = listOf(PlanSummary);
export type PlanList = Static<typeof PlanList>;

const N = Nullable(Type.Number());

export const TargetView = Type.Object({
  id: Type.Integer(),
  indicator: Type.String(),
  indicatorName: Type.String(),
  unit: IndicatorUnit,
  comparator: Comparator,
  value: Type.Number(),
  year: Nullable(Type.Integer()),
  baseline: N,
  baselineYear: Nullable(Type.Integer()),
  text: Nullable(Type.String()),
  period: Type.String(),
  current: Figure,
  gap: N,
  met: Nullable(Type.Boolean()),
  /** met; near: short by at most a tenth of the target; far (standingOf in judge.ts). */
  standing: Nullable(literalUnion(STANDINGS)),
  trend: Type.Array(Type.Object({ period: Type.String(), ...Figure.properties })),
});
export type TargetView = Static<typeof TargetView>;

export const PlanDetail = Type.Object({
  ...PlanSummary.properties,
  orgUnitLevel: Type.String(),
  areas: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  implements: Type.Array(DocumentRef),
  parentRef: Nullable(DocumentRef),
  legalBasis: Type.Array(DocumentRef),
  recipients: Type.Array(Recipient),
  signer: Nullable(Signer),
  canEdit: Type.Boolean({ description: 'the caller may change the plan: an editor of its issuing unit or of a successor at its level or above' }),
  targetList: Type.Array(TargetView),
  taskList: Type.Array(TaskView),
});
export type PlanDetail = Static<typeof PlanDetail>;

export const PlanStatusChange = Type.Object({ status: PlanStatus });
export type PlanStatusChange = Static<typeof PlanStatusChange>;
