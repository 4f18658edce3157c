/**
 * Task progress: an update (status, percent, note) with evidence files, kept as a history; the
 * task carries its lead's latest state, a partner's update on its own part stays in the history.
 * Who may post is plans.policy.ts. Overdue is computed when read (deadline passed, not done), so it
 * is never stale. A committee or agency works here without ever reaching personal records.
 */
import { todayIso } from '@ytcs/common';
import type { Kysely } from 'kysely';
import type { Static } from 'typebox';
import { type Principal, type Scope, scopeOf } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { invalid, notFound } from '../../errors.ts';
import type { Actor } from '../../http/app-types.ts';
import { recordAudit } from '../audit/index.ts';
import { notTheTasksAgency, planRights } from './plans.policy.ts';
import { planIsReadable, tasksOf } from './plans.repository.ts';
import type { NewTaskUpdate } from './plans.schemas.ts';

const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

export function taskService(db: Kysely<DB>) {
  /** A task of a plan the caller reads; any other is "not found". */
  async function taskIn(scope: Scope, taskId: number) {
    const [task] = await tasksOf(db, { taskId });
    if (!task || !(await planIsReadable(db, scope, task.planId))) throw notFound();
    return task;
  }

  return {
    async update(principal: Principal, actor: Actor, taskId: number, body: Static<typeof NewTaskUpdate>) {
      const task = await taskIn(scopeOf(principal, 'plan.read'), taskId);
      const rights = await planRights(db, principal, task.planId);
      const right = rights?.taskRight(task) ?? null;
      if (!rights || right === null) throw notTheTasksAgency();
      const partOf = right === 'part' ? rights.agencyId : null;
      if (body.status === 'done' && body.progress !== 100) {
        throw invalid([{ field: 'progress', message: 'Nhiệm vụ hoàn thành phải đạt 100%', messageEn: 'A finished task is at 100%' }]);
      }
      const files = (body.evidence ?? []).map((e, n) => ({ ...e, n, content: Buffer.from(e.dataBase64, 'base64') }));
      const tooBig = files.find((f) => f.content.length > MAX_EVIDENCE_BYTES || f.content.length === 0);
      if (tooBig) throw invalid([{ field: `evidence.${tooBig.n}`, message: 'Tệp minh chứng rỗng hoặc quá 5 MB', messageEn: 'The evidence file is empty or over 5 MB' }]);
      await db.transaction().execute(async (trx) => {
        const update = await trx
          .insertInto('task_update')
          .values({ task_id: taskId, status: body.status, progress: body.progress, note: body.note ?? null, created_by: actor.userId, partner_agency_id: partOf })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (files.length > 0) {
          await trx
            .insertInto('task_evidence')
            .values(files.map((f) => ({ update_id: Number(update.id), file_name: f.fileName, content_type: f.contentType, size: f.content.length, content: f.content })))
            .execute();
        }
        // A partner's part leaves the task as its lead reported it.
        if (partOf === null) await trx.updateTable('plan_task').set({ status: body.status, progress: body.progress, updated_at: new Date() }).where('id', '=', taskId).execute();
        await recordAudit(trx, actor, {
          action: 'task.update',
          entityType: 'plan_task',
          entityId: taskId,
          orgUnitId: rights.issuerId,
          details: { plan: task.planId, status: body.status, progress: body.progress, files: files.length, ...(partOf === null ? {} : { partOf }) },
        });
      });
      const [fresh] = await tasksOf(db, { taskId });
      if (!fresh) throw notFound();
      const today = todayIso();
      return { ...fresh, overdue: fresh.status !== 'done' && fresh.deadline !== null && fresh.deadline < today, canUpdate: true, partOnly: partOf !== null };
    },

    async history(scope: Scope, taskId: number) {
      await taskIn(scope, taskId);
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
      return {
        items: rows.map((r) => ({
          ...r,
          id: Number(r.id),
          evidence: files.filter((f) => Number(f.update_id) === Number(r.id)).map((f) => ({ id: Number(f.id), fileName: f.file_name, size: f.size })),
        })),
      };
    },

    async evidence(scope: Scope, evidenceId: number) {
      const file = await db
        .selectFrom('task_evidence as e')
        .innerJoin('task_update as u', 'u.id', 'e.update_id')
        .where('e.id', '=', evidenceId)
        .select(['e.file_name', 'e.content', 'u.task_id'])
        .executeTakeFirst();
      if (!file) throw notFound();
      await taskIn(scope, Number(file.task_id));
      return file;
    },
  };
}
