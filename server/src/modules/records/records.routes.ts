/** The personal health record (831/QĐ-BYT): read, complete, add encounters and immunisations, print. */
import { Created, HealthRecord, History, IdParams, NewEncounter, NewImmunization } from '@ytcs/common';
import { contextOf } from '../../access/context.ts';
import type { App } from '../../http/app-types.ts';
import { recordDocument } from './records.document.ts';
import { recordService } from './records.service.ts';

export async function recordRoutes(app: App) {
  const records = recordService(app.db);
  const tags = ['records'];

  app.get('/api/residents/:id/record', {
    schema: { tags, operationId: 'getHealthRecord', params: IdParams, response: { 200: HealthRecord } },
    config: { permission: 'person.read' },
    handler: (req) => records.read(contextOf(req), req.params.id),
  });

  app.get('/api/residents/:id/record.docx', {
    schema: { tags, operationId: 'printHealthRecord', description: 'The record as a DOCX in the order of the Ministry form', params: IdParams },
    config: { permission: 'person.read' },
    handler: async (req, reply) => {
      const record = await records.read(contextOf(req), req.params.id);
      const buffer = await recordDocument(record, { name: `Trạm Y tế ${record.resident.communeName}` });
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="ho-so-suc-khoe-${req.params.id}.docx"`)
        .send(buffer);
    },
  });

  app.put('/api/residents/:id/record/history', {
    schema: { tags, operationId: 'saveHealthHistory', params: IdParams, body: History },
    config: { permission: 'person.write' },
    handler: async (req, reply) => {
      await records.saveHistory(contextOf(req), req.params.id, req.body);
      return reply.code(204).send();
    },
  });

  app.post('/api/residents/:id/encounters', {
    schema: { tags, operationId: 'addEncounter', params: IdParams, body: NewEncounter, response: { 201: Created } },
    config: { permission: 'person.write' },
    handler: async (req, reply) => reply.code(201).send(await records.addEncounter(contextOf(req), req.params.id, req.body)),
  });

  app.post('/api/residents/:id/immunizations', {
    schema: { tags, operationId: 'addImmunization', params: IdParams, body: NewImmunization, response: { 201: Created } },
    config: { permission: 'person.write' },
    handler: async (req, reply) => reply.code(201).send(await records.addImmunization(contextOf(req), req.params.id, req.body)),
  });
}
