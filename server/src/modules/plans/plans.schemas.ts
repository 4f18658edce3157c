/** The plan API's shapes: a plan as saved from a reviewed draft, and as read with live figures. */
import { Type } from 'typebox';
import { Instant, IsoDate, Nullable } from '@ytcs/common';

export const Comparator = Type.Union([Type.Literal('gt'), Type.Literal('ge'), Type.Literal('eq'), Type.Literal('le'), Type.Literal('lt')]);
export const PlanStatus = Type.Union([Type.Literal('draft'), Type.Literal('active'), Type.Literal('closed')]);
export const TaskStatus = Type.Union([Type.Literal('not_started'), Type.Literal('in_progress'), Type.Literal('done')]);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const DocumentRef = Type.Object({
  kind: Type.String({ maxLength: 100 }),
  number: Type.String({ maxLength: 100 }),
  issuedOn: Nullable(IsoDate),
  issuer: Nullable(Type.String({ maxLength: 300 })),
  text: Type.String({ maxLength: 2000 }),
});
const Recipient = Type.Object({ name: Text(300), purpose: Nullable(Type.String({ maxLength: 100 })) });
const Signer = Type.Object({ authority: Nullable(Type.String({ maxLength: 100 })), title: Nullable(Type.String({ maxLength: 100 })), name: Nullable(Type.String({ maxLength: 100 })) });

export const NewTarget = Type.Object({
  indicator: Type.String({ minLength: 1 }),
  comparator: Comparator,
  value: Type.Number({ minimum: 0 }),
  year: Nullable(Type.Integer({ minimum: 2000, maximum: 2100 })),
  baseline: Type.Optional(Nullable(Type.Number({ minimum: 0 }))),
  baselineYear: Type.Optional(Nullable(Type.Integer({ minimum: 2000, maximum: 2100 }))),
  text: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
});

export const NewTask = Type.Object({
  section: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
  text: Text(4000),
  lead: Nullable(Type.String({ maxLength: 300 })),
  coordinating: Type.Array(Text(300), { maxItems: 50 }),
  deadline: Type.Optional(Nullable(IsoDate)),
  recurring: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
});

export const NewPlan = Type.Object({
  orgUnitId: Type.Integer({ minimum: 1 }),
  number: Nullable(Type.String({ maxLength: 100 })),
  issuedOn: Nullable(IsoDate),
  title: Text(2000),
  implements: Type.Array(DocumentRef, { maxItems: 50 }),
  parentRef: Nullable(DocumentRef),
  legalBasis: Type.Array(DocumentRef, { maxItems: 100 }),
  fromYear: Nullable(Type.Integer({ minimum: 2000, maximum: 2100 })),
  toYear: Nullable(Type.Integer({ minimum: 2000, maximum: 2100 })),
  recipients: Type.Array(Recipient, { maxItems: 100 }),
  signer: Nullable(Signer),
  targets: Type.Array(NewTarget, { maxItems: 200 }),
  tasks: Type.Array(NewTask, { maxItems: 1000 }),
});

const N = Nullable(Type.Number());
const Figure = { numerator: N, denominator: N, value: N, suppressed: Type.Boolean() };

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

export const TargetView = Type.Object({
  id: Type.Integer(),
  indicator: Type.String(),
  indicatorName: Type.String(),
  unit: Type.Union([Type.Literal('percent'), Type.Literal('count')]),
  comparator: Comparator,
  value: Type.Number(),
  year: Nullable(Type.Integer()),
  baseline: N,
  baselineYear: Nullable(Type.Integer()),
  text: Nullable(Type.String()),
  period: Type.String(),
  current: Type.Object(Figure),
  gap: N,
  met: Nullable(Type.Boolean()),
  trend: Type.Array(Type.Object({ period: Type.String(), ...Figure })),
});

export const TaskView = Type.Object({
  id: Type.Integer(),
  planId: Type.Integer(),
  section: Nullable(Type.String()),
  text: Type.String(),
  lead: Nullable(Type.String()),
  coordinating: Type.Array(Type.String()),
  deadline: Nullable(Type.String()),
  recurring: Nullable(Type.String()),
  status: TaskStatus,
  overdue: Type.Boolean(),
  progress: Type.Integer(),
  updatedAt: Instant,
  lastNote: Nullable(Type.String()),
  canUpdate: Type.Boolean({ description: 'the caller may post an update (plans.policy.ts)' }),
  partOnly: Type.Boolean({ description: 'the caller’s updates report its coordinating agency’s own part and leave the task’s status to the lead' }),
});

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

export const Evidence = Type.Object({
  fileName: Text(200),
  contentType: Type.String({ minLength: 1, maxLength: 100 }),
  dataBase64: Type.String({ minLength: 1, maxLength: 7_000_000 }),
});

export const NewTaskUpdate = Type.Object({
  status: TaskStatus,
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
  note: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  evidence: Type.Optional(Type.Array(Evidence, { maxItems: 5 })),
});

export const TaskUpdateView = Type.Object({
  id: Type.Integer(),
  status: TaskStatus,
  progress: Type.Integer(),
  note: Nullable(Type.String()),
  by: Nullable(Type.String()),
  at: Instant,
  part: Nullable(Type.String({ description: 'the coordinating agency whose own part the update reports; null = the task as a whole' })),
  evidence: Type.Array(Type.Object({ id: Type.Integer(), fileName: Type.String(), size: Type.Integer() })),
});
