// Shapes of the plans, indicators and task-progress API (server/src/modules/plans, indicators,
// reports). The draft a plan's text is read into is shared with the parser: PlanDraft.

export type { Comparator, DocumentRef, PlanDraft, PlanWarning } from '@ytcs/common';
import type { Comparator, DocumentRef } from '@ytcs/common';

/** Permissions of the plans and indicators part; the others are in `Permission` (types.ts). */
export const PlanPermission = {
  aggregateRead: 'aggregate.read',
  planRead: 'plan.read',
  planWrite: 'plan.write',
  taskUpdate: 'task.update',
} as const;

export type IndicatorUnit = 'percent' | 'count';

export type Indicator = {
  code: string;
  nameVi: string;
  nameEn: string;
  unit: IndicatorUnit;
  numeratorVi: string;
  denominatorVi: string | null;
  numeratorEn: string;
  denominatorEn: string | null;
  source: 'computed' | 'entered';
  countsPeople: boolean;
};

/** A figure as the caller may see it: about fewer than 5 people it comes suppressed (all null). */
export type Figure = { numerator: number | null; denominator: number | null; value: number | null; suppressed: boolean };

export type IndicatorValue = Figure & { indicator: string; orgUnit: number; period: string; updatedAt: string | null };

export type UnitValue = Figure & { id: number; code: string; name: string; level: string; indicator: string; period: string };

export type ChildValues = { unit: UnitValue; children: UnitValue[] };

export type PlanSummary = {
  id: number;
  orgUnitId: number;
  orgUnitName: string;
  areaIds: number[];
  number: string | null;
  issuedOn: string | null;
  title: string;
  status: PlanStatus;
  fromYear: number | null;
  toYear: number | null;
  /** The higher plan, when it is in the system. */
  parentPlanId: number | null;
  targets: number;
  tasks: number;
  overdueTasks: number;
};

export type TargetView = {
  id: number;
  indicator: string;
  indicatorName: string;
  unit: IndicatorUnit;
  comparator: Comparator;
  value: number;
  year: number | null;
  baseline: number | null;
  baselineYear: number | null;
  text: string | null;
  period: string;
  current: Figure;
  gap: number | null;
  met: boolean | null;
  trend: (Figure & { period: string })[];
};

export type TaskStatus = 'not_started' | 'in_progress' | 'done';

export type TaskView = {
  id: number;
  planId: number;
  section: string | null;
  text: string;
  lead: string | null;
  coordinating: string[];
  deadline: string | null;
  recurring: string | null;
  status: TaskStatus;
  overdue: boolean;
  progress: number;
  updatedAt: string;
  lastNote: string | null;
  /** The caller may post an update (the server's plans.policy.ts decides both). */
  canUpdate: boolean;
  /** The caller's updates report its coordinating agency's own part; the task's status stays the lead's. */
  partOnly: boolean;
};

export type Recipient = { name: string; purpose: string | null };
export type Signer = { authority: string | null; title: string | null; name: string | null };

export type PlanDetail = PlanSummary & {
  orgUnitLevel: string;
  areas: { id: number; name: string }[];
  implements: DocumentRef[];
  parentRef: DocumentRef | null;
  legalBasis: DocumentRef[];
  recipients: Recipient[];
  signer: Signer | null;
  canEdit: boolean;
  targetList: TargetView[];
  taskList: TaskView[];
};

export type DraftCandidate = { id: number; name: string; level: string; validTo: string | null; parentName: string | null };

export type NewTarget = {
  indicator: string;
  comparator: Comparator;
  value: number;
  year: number | null;
  baseline?: number | null;
  baselineYear?: number | null;
  text?: string | null;
};

export type NewTask = {
  section?: string | null;
  text: string;
  lead: string | null;
  coordinating: string[];
  deadline?: string | null;
  recurring?: string | null;
};

export type NewPlan = {
  orgUnitId: number;
  number: string | null;
  issuedOn: string | null;
  title: string;
  implements: DocumentRef[];
  parentRef: DocumentRef | null;
  legalBasis: DocumentRef[];
  fromYear: number | null;
  toYear: number | null;
  recipients: Recipient[];
  signer: Signer | null;
  targets: NewTarget[];
  tasks: NewTask[];
};

export type Evidence = { fileName: string; contentType: string; dataBase64: string };

/** Draft, in force, or ended. */
export type PlanStatus = 'draft' | 'active' | 'closed';

export type NewTaskUpdate = { status: TaskStatus; progress: number; note?: string | null; evidence?: Evidence[] };

export type TaskUpdateView = {
  id: number;
  status: TaskStatus;
  progress: number;
  note: string | null;
  by: string | null;
  at: string;
  /** The coordinating agency whose own part the update reports; null = the task as a whole. */
  part: string | null;
  evidence: { id: number; fileName: string; size: number }[];
};
