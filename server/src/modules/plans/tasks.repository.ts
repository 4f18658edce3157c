/**
 * Tasks of plans, their progress updates and evidence files. "Overdue" in SQL is taskOverdue,
 * the twin of common's isOverdue (overdue.int.test.ts checks they agree).
 */
import { type Expression, type Kysely, type SqlBool, type Transaction, sql } from 'kysely';
import type { DB, TaskStatus } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The task (plan_task as `alias`) is overdue on `today` (ISO date): see common's isOverdue. */
export function taskOverdue(alias: string, today: string): Expression<SqlBool> {
  const t = (column: string) => sql.ref(`${alias}.${column}`);
  return sql<SqlBool>`(${t('status')} <> 'done' and ${t('deadline')} is not null and ${t('deadline')} < ${today}::date)`;
}

export interface TaskRow {
  id: number;
  planId: number;
  section: string | null;
  text: string;
  leadAgencyId: number | null;
  lead: string | null;
  coordinating: string[];
  coordinatingIds: number[];
  deadline: string | null;
  recurring: string | null;
  status: TaskStatus;
  progress: number;
  updatedAt: Date;
  lastNote: string | null;
}

export async function tasksOf(db: Db, where: { planId?: number; taskId?: number }): Promise<TaskRow[]> {
  let q = db
    .selectFrom('plan_task as t')
    .leftJoin('agency as a', 'a.id', 't.lead_agency_id')
    .select([
      't.id',
      't.plan_id as planId',
      't.section',
      't.text',
      't.lead_agency_id as leadAgencyId',
      'a.name as lead',
      sql<string[]>`coalesce((select array_agg(g.name order by g.name) from plan_task_partner pp join agency g on g.id = pp.agency_id where pp.task_id = t.id), '{}')`.as('coordinating'),
      sql<number[]>`coalesce((select array_agg(pp.agency_id) from plan_task_partner pp where pp.task_id = t.id), '{}')`.as('coordinatingIds'),
      sql<string | null>`to_char(t.deadline, 'YYYY-MM-DD')`.as('deadline'),
      't.recurring',
      't.status',
      't.progress',
      't.updated_at as updatedAt',
      // The task's own note: a partner's note on its part stays in the history.
      sql<string | null>`(select u.note from task_update u where u.task_id = t.id and u.partner_agency_id is null order by u.created_at desc, u.id desc limit 1)`.as('lastNote'),
    ])
    .orderBy('t.sort');
  if (where.planId) q = q.where('t.plan_id', '=', where.planId);
  if (where.taskId) q = q.where('t.id', '=', where.taskId);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), planId: Number(r.planId), leadAgencyId: r.leadAgencyId === null ? null : Number(r.leadAgencyId), coordinatingIds: r.coordinatingIds.map(Number) }));
}

export interface EvidenceFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/**
 * Writes an update with its evidence files in the caller's transaction. `partOf`: the partner
 * agency whose own part it reports, which leaves the task as its lead reported it.
 */
export async function insertTaskUpdate(
  trx: Db,
  u: { taskId: number; status: TaskStatus; progress: number; note: string | null; userId: number | null; partOf: number | null; files: EvidenceFile[] },
): Promise<void> {
  const update = await trx
    .insertInto('task_update')
    .values({ task_id: u.taskId, status: u.status, progress: u.progress, note: u.note, created_by: u.userId, partner_agency_id: u.partOf })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (u.files.length > 0) {
    await trx
      .insertInto('task_evidence')
      .values(u.files.map((f) => ({ update_id: Number(update.id), file_name: f.fileName, content_type: f.contentType, size: f.content.length, content: f.content })))
      .execute();
  }
  if (u.partOf === null) await trx.updateTable('plan_task').set({ status: u.status, progress: u.progress, updated_at: new Date() }).where('id', '=', u.taskId).execute();
}

/** A task's updates, newest first, with who posted them, the part they report and their files. */
export async function taskHistory(db: Db, taskId: number) {
  const rows = await db
    .selectFrom('task_update as u')
    .leftJoin('app_user as a', 'a.id', 'u.created_by')
    .leftJoin('agency as g', 'g.id', 'u.partner_agency_id')
    .where('u.task_id', '=', taskId)
    .select(['u.id', 'u.status', 'u.progress', 'u.note', 'a.full_name as by', 'u.created_at as at', 'g.name as part'])
    .orderBy('u.created_at', 'desc')
    .orderBy('u.id', 'desc')
    .execute();
  const ids = rows.map((r) => Number(r.id));
  const files = ids.length ? await db.selectFrom('task_evidence').where('update_id', 'in', ids).select(['id', 'update_id', 'file_name', 'size']).orderBy('id').execute() : [];
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    evidence: files.filter((f) => Number(f.update_id) === Number(r.id)).map((f) => ({ id: Number(f.id), fileName: f.file_name, size: f.size })),
  }));
}

/** An evidence file with the task it belongs to (the caller checks the task is readable). */
export async function evidenceFile(db: Db, evidenceId: number) {
  return db
    .selectFrom('task_evidence as e')
    .innerJoin('task_update as u', 'u.id', 'e.update_id')
    .where('e.id', '=', evidenceId)
    .select(['e.file_name', 'e.content', 'u.task_id'])
    .executeTakeFirst();
}
