/**
 * Task progress: an update (status, percent, note) with evidence files, kept as a history; the
 * task carries its lead's latest state, a partner's update on its own part stays in the history.
 * Who may post is plans.policy.ts. Overdue is computed when read (common's isOverdue), so it is
 * never stale. A committee or agency works here without ever reaching personal records.
 */
import { isOverdue, todayIso, say } from '@ytcs/common';
import type { Kysely } from 'kysely';
import type { Static } from 'typebox';
import type { RequestContext } from '../../access/context.ts';
import type { Scope } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { invalid, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { notTheTasksAgency, planRights } from './plans.policy.ts';
import { communeBodyAgency, planIsReadable } from './plans.repository.ts';
import type { NewTaskUpdate } from '@ytcs/common';
import type { SignedIn } from './plans.service.ts';
import { evidenceFile, insertTaskUpdate, taskHistory, tasksOf } from './tasks.repository.ts';

const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

export function taskService(db: Kysely<DB>) {
  /** A task of a plan the caller reads; any other is "not found". */
  async function taskIn(scope: Scope, taskId: number) {
    const [task] = await tasksOf(db, { taskId });
    if (!task || !(await planIsReadable(db, scope, task.planId))) throw notFound();
    return task;
  }

  return {
    async update(ctx: SignedIn, taskId: number, body: Static<typeof NewTaskUpdate>) {
      const task = await taskIn(ctx.scopeFor('plan.read'), taskId);
      const rights = await planRights(db, ctx.principal, task.planId);
      const right = rights?.taskRight(task) ?? null;
      if (!rights || right === null) throw notTheTasksAgency();
      const filer = right === 'part' ? rights.partFiler(task) : null;
      if (body.status === 'done' && body.progress !== 100) {
        throw invalid([{ field: 'progress', ...say('plans.doneAt100') }]);
      }
      const files = (body.evidence ?? []).map((e, n) => ({ n, fileName: e.fileName, contentType: e.contentType, content: Buffer.from(e.dataBase64, 'base64') }));
      const tooBig = files.find((f) => f.content.length > MAX_EVIDENCE_BYTES || f.content.length === 0);
      if (tooBig) throw invalid([{ field: `evidence.${tooBig.n}`, ...say('plans.evidenceSize') }]);
      const partOf = await db.transaction().execute(async (trx) => {
        const partOf = filer === null ? null : 'agencyId' in filer ? filer.agencyId : await communeBodyAgency(trx, filer.communeId, filer.name);
        // A partner's part leaves the task as its lead reported it.
        await insertTaskUpdate(trx, { taskId, status: body.status, progress: body.progress, note: body.note ?? null, userId: ctx.actor.userId, partOf, files });
        await recordAudit(trx, ctx.actor, {
          action: 'task.update',
          entityType: 'plan_task',
          entityId: taskId,
          orgUnitId: rights.issuerId,
          details: { plan: task.planId, status: body.status, progress: body.progress, files: files.length, ...(partOf === null ? {} : { partOf }) },
        });
        return partOf;
      });
      const [fresh] = await tasksOf(db, { taskId });
      if (!fresh) throw notFound();
      return { ...fresh, overdue: isOverdue(fresh, todayIso()), canUpdate: true, partOnly: partOf !== null };
    },

    async history(ctx: RequestContext, taskId: number) {
      await taskIn(ctx.scope, taskId);
      return { items: await taskHistory(db, taskId) };
    },

    async evidence(ctx: RequestContext, evidenceId: number) {
      const file = await evidenceFile(db, evidenceId);
      if (!file) throw notFound();
      await taskIn(ctx.scope, Number(file.task_id));
      return file;
    },
  };
}
