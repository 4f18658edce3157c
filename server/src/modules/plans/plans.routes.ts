/** Plans with targets and tasks, the plan importer's draft, and task progress with evidence. */
import { DraftRequest, DraftResponse, IdParams, NewPlan, NewTaskUpdate, PlanDetail, PlanList, PlanListQuery, PlanStatusChange, TaskHistory, TaskView } from '@ytcs/common';
import { contextOf, signedInContext } from '../../access/context.ts';
import type { App } from '../../http/app-types.ts';
import { indicatorService } from '../indicators/index.ts';
import { evidenceHeaders } from './evidence.ts';
import { draftPlan } from './plans.draft.ts';
import { planService } from './plans.service.ts';
import { taskService } from './tasks.service.ts';

export async function planRoutes(app: App) {
  const plans = planService(app.db, indicatorService(app.db, app.config));
  const tasks = taskService(app.db);
  const tags = ['plans'];

  app.get('/api/plans', {
    schema: { tags, operationId: 'listPlans', querystring: PlanListQuery, response: { 200: PlanList } },
    config: { permission: 'plan.read' },
    handler: (req) => plans.list(contextOf(req), req.query),
  });

  app.post('/api/plans/draft', {
    schema: {
      tags,
      operationId: 'draftPlan',
      description: 'Reads the text of a plan into a draft to review: header, legal basis, targets, tasks with lead and coordinating units, recipients; with the org units the issuer may be',
      body: DraftRequest,
      response: { 200: DraftResponse },
    },
    bodyLimit: 2 * 1024 * 1024,
    config: { permission: 'plan.write' },
    handler: (req) => draftPlan(app.db, contextOf(req), req.body.text),
  });

  app.post('/api/plans', {
    schema: { tags, operationId: 'createPlan', body: NewPlan, response: { 201: PlanDetail } },
    bodyLimit: 2 * 1024 * 1024,
    config: { permission: 'plan.write' },
    handler: async (req, reply) => reply.code(201).send(await plans.create(signedInContext(req), req.body)),
  });

  app.get('/api/plans/:id', {
    schema: { tags, operationId: 'getPlan', description: 'A plan with each target’s live value, gap and trend, and its tasks', params: IdParams, response: { 200: PlanDetail } },
    config: { permission: 'plan.read' },
    handler: (req) => plans.get(signedInContext(req), req.params.id),
  });

  app.patch('/api/plans/:id', {
    schema: { tags, operationId: 'setPlanStatus', params: IdParams, body: PlanStatusChange, response: { 200: PlanDetail } },
    config: { permission: 'plan.write' },
    handler: (req) => plans.setStatus(signedInContext(req), req.params.id, req.body.status),
  });

  app.post('/api/tasks/:id/updates', {
    schema: { tags, operationId: 'updateTask', description: 'Progress on a task, with evidence files (base64)', params: IdParams, body: NewTaskUpdate, response: { 201: TaskView } },
    bodyLimit: 40 * 1024 * 1024,
    config: { permission: 'task.update' },
    handler: async (req, reply) => reply.code(201).send(await tasks.update(signedInContext(req), req.params.id, req.body)),
  });

  app.get('/api/tasks/:id/updates', {
    schema: { tags, operationId: 'taskHistory', params: IdParams, response: { 200: TaskHistory } },
    config: { permission: 'plan.read' },
    handler: (req) => tasks.history(contextOf(req), req.params.id),
  });

  app.get('/api/task-evidence/:id', {
    schema: { tags, operationId: 'taskEvidence', description: 'An evidence file, always as a download: PDF, PNG or JPEG when its bytes are, else application/octet-stream', params: IdParams },
    config: { permission: 'plan.read' },
    handler: async (req, reply) => {
      const file = await tasks.evidence(contextOf(req), req.params.id);
      return reply.headers(evidenceHeaders(file.file_name, file.content)).send(file.content);
    },
  });
}
