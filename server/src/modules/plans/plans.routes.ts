/** Plans with targets and tasks, the plan importer's draft (from text or a file), and task progress with evidence. */
import multipart from '@fastify/multipart';
import {
  DraftRequest,
  DraftResponse,
  IdParams,
  NewPlan,
  NewTaskUpdate,
  PlanDetail,
  PlanFileJob,
  PlanFileJobParams,
  PlanList,
  PlanListQuery,
  PlanStatusChange,
  TaskHistory,
  TaskView,
  say,
} from '@ytcs/common';
import { contextOf, signedInContext } from '../../access/context.ts';
import type { App } from '../../http/app-types.ts';
import { AppError } from '../../errors.ts';
import { indicatorService } from '../indicators/index.ts';
import { evidenceHeaders } from './evidence.ts';
import { planFileService } from './plan-files.service.ts';
import { draftPlan } from './plans.draft.ts';
import { planService } from './plans.service.ts';
import { taskService } from './tasks.service.ts';

export async function planRoutes(app: App) {
  const plans = planService(app.db, indicatorService(app.db, app.config));
  const tasks = taskService(app.db);
  const files = planFileService(app.db, { toolsPath: app.config.toolsPath, onError: (err) => app.log.error({ err }, 'plan file reading failed') });
  app.addHook('onClose', async () => files.close());
  await app.register(multipart, { limits: { fileSize: files.limits.fileBytes, files: 1, fields: 5, fieldSize: 1024 }, throwFileSizeLimit: false });
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

  app.post('/api/plans/draft/file', {
    schema: {
      tags,
      operationId: 'draftPlanFromFile',
      description:
        'Reads a plan file (multipart, one part `file`: .docx, .pdf, .png, .jpg or .txt, at most 30 MB) into the same draft as POST /api/plans/draft, with the text read and how (docx, pdf-text, ocr, text). Answered 200 with the draft when no OCR is needed; a scan is answered 202 and read in the background: follow GET /api/plans/draft/file/{id}. One scan is read at a time per server; 429 (Retry-After) when too many wait. 503 names the Debian package to install when a tool is missing.',
      consumes: ['multipart/form-data'],
      response: { 200: PlanFileJob, 202: PlanFileJob },
    },
    config: { permission: 'plan.write' },
    handler: async (req, reply) => {
      const data = await req.file();
      if (!data) throw new AppError(400, 'invalid', say('plans.files.noFile'), [{ field: 'file', ...say('plans.files.noFile') }]);
      try {
        const { status, job } = await files.start(signedInContext(req), { file: data.file, fileName: data.filename, truncated: () => data.file.truncated });
        return reply.code(status).send(job);
      } finally {
        // Whatever happened, read the rest of the upload so the request completes.
        data.file.resume();
      }
    },
  });

  app.get('/api/plans/draft/file/:id', {
    schema: {
      tags,
      operationId: 'planFileReading',
      description: 'A file reading of the caller’s: queued (with the scans ahead), reading (pages done of pages), done (with the draft) or failed (with why). Kept 30 minutes after it ends.',
      params: PlanFileJobParams,
      response: { 200: PlanFileJob },
    },
    config: { permission: 'plan.write' },
    handler: (req) => files.get(signedInContext(req), req.params.id),
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
