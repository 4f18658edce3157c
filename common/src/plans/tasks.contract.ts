/** A plan's tasks and their progress, posted as updates with evidence files. */
import { type Static, Type } from 'typebox';
import { Instant, Nullable, literalUnion } from '../http/contract.ts';

export const TASK_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export const TaskStatus = literalUnion(TASK_STATUSES);
export type TaskStatus = Static<typeof TaskStatus>;

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
export type TaskView = Static<typeof TaskView>;

/** A file sent with an update, base64-encoded. */
export const Evidence = Type.Object({
  fileName: Type.String({ minLength: 1, maxLength: 200 }),
  contentType: Type.String({ minLength: 1, maxLength: 100 }),
  dataBase64: Type.String({ minLength: 1, maxLength: 7_000_000 }),
});
export type Evidence = Static<typeof Evidence>;

export const NewTaskUpdate = Type.Object({
  status: TaskStatus,
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
  note: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  evidence: Type.Optional(Type.Array(Evidence, { maxItems: 5 })),
});
export type NewTaskUpdate = Static<typeof NewTaskUpdate>;

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
export type TaskUpdateView = Static<typeof TaskUpdateView>;

export const TaskHistory = Type.Object({ items: Type.Array(TaskUpdateView) });
export type TaskHistory = Static<typeof TaskHistory>;
