/** Plans with targets and tasks, the plan importer's draft, and task progress with evidence. */
import { Type } from 'typebox';
import { signedIn } from '../../access/principal.ts';
import type { App } from '../../http/app-types.ts';
import { IdParams, Nullable, listOf } from '../../http/schemas.ts';
import { indicatorService } from '../indicators/index.ts';
import { evidenceHeaders } from './evidence.ts';
import { draftPlan } from './plans.draft.ts';
import { NewPlan, NewTaskUpdate, PlanDetail, PlanStatus, PlanSummary, TaskUpdateView, TaskView } from './plans.schemas.ts';
import { planService } from './plans.service.ts';
import { taskService } from './tasks.service.ts';

export async function planRoutes(app: App) {
  const plans = planService(app.db, indicatorService(app.db, app.config));
  const tasks = taskService(app.db);
  const tags = ['plans'];

  app.get('/api/plans', {
    schema: { tags, operationId: 'listPlans', querystring: Type.Object({ orgUnit: Type.Optional(Type.Integer({ minimum: 1 })) }), response: { 200: listOf(PlanSummary) } },
    config: { permission: 'plan.read' },
    handler: (req) => plans.list(req.scope, req.query),
  });

  app.post('/api/plans/draft', {
    schema: {
      tags,
      operationId: 'draftPlan',
      description: 'Reads the text of a plan into a draft to review: header, legal basis, targets, tasks with lead and coordinating units, recipients; with the org units the issuer may be',
      body: Type.Object({ text: Type.String({ minLength: 20, maxLength: 500_000 }) }),
      response: { 200: Type.Object({ draft: Type.Unknown(), candidates: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), level: Type.String(), validTo: Nullable(Type.String()), parentName: Nullable(Type.String()) })) }) },
    },
    bodyLimit: 2 * 1024 * 1024,
    config: { permission: 'plan.write' },
    handler: (req) => draftPlan(app.db, req.scope, req.body.text),
  });

  app.post('/api/plans', {
    schema: { tags, operationId: 'createPlan', body: NewPlan, response: { 201: PlanDetail } },
    bodyLimit: 2 * 1024 * 1024,
    config: { permission: 'plan.write' },
    handler: async (req, reply) => reply.code(201).send(await plans.create(signedIn(req), req.scope, req.actor, req.body)),
  });

  app.get('/api/plans/:id', {
    schema: { tags, operationId: 'getPlan', description: 'A plan with each target’s live value, gap and trend, and its tasks', params: IdParams, response: { 200: PlanDetail } },
    config: { permission: 'plan.read' },
    handler: (req) => plans.get(signedIn(req), req.scope, req.params.id),
  });

  app.patch('/api/plans/:id', {
    schema: { tags, operationId: 'setPlanStatus', params: IdParams, body: Type.Object({ status: PlanStatus }), response: { 200: PlanDetail } },
    config: { permission: 'plan.write' },
    handler: (req) => plans.setStatus(signedIn(req), req.actor, req.params.id, req.body.status),
  });

  app.post('/api/tasks/:id/updates', {
    schema: { tags, operationId: 'updateTask', description: 'Progress on a task, with evidence files (base64)', params: IdParams, body: NewTaskUpdate, response: { 201: TaskView } },
    bodyLimit: 40 * 1024 * 1024,
    config: { permission: 'task.update' },
    handler: async (req, reply) => reply.code(201).send(await tasks.update(signedIn(req), req.actor, req.params.id, req.body)),
  });

  app.get('/api/tasks/:id/updates', {
    schema: { tags, operationId: 'taskHistory', params: IdParams, response: { 200: Type.Object({ items: Type.Array(TaskUpdateView) }) } },
    config: { permission: 'plan.read' },
    handler: (req) => tasks.history(req.scope, req.params.id),
  });

  app.get('/api/task-evidence/:id', {
    schema: { tags, operationId: 'taskEvidence', description: 'An evidence file, always as a download: PDF, PNG or JPEG when its bytes are, else application/octet-stream', params: IdParams },
    config: { permission: 'plan.read' },
    handler: async (req, reply) => {
      const file = await tasks.evidence(req.scope, req.params.id);
      return reply.headers(evidenceHeaders(file.file_name, file.content)).send(file.content);
    },
  });
}
