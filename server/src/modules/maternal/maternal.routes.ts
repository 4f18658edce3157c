/** Pregnancies: register, record the outcome, a woman's pregnancies, the station's antenatal list. */
import { AntenatalPage, IdParams, listOf, NewPregnancy, Pregnancy, PregnancyListQuery, PregnancyOutcomeBody } from '@ytcs/common';
import { contextOf } from '../../access/context.ts';
import type { App } from '../../http/app-types.ts';
import { maternalService } from './maternal.service.ts';

export async function maternalRoutes(app: App) {
  const maternal = maternalService(app.db);
  const tags = ['maternal'];

  app.post('/api/residents/:id/pregnancies', {
    schema: { tags, operationId: 'registerPregnancy', description: 'Register a pregnancy of a woman in the caller’s scope (the last period or the expected date)', params: IdParams, body: NewPregnancy, response: { 201: Pregnancy } },
    config: { permission: 'person.write' },
    handler: async (req, reply) => reply.code(201).send(await maternal.register(contextOf(req), req.params.id, req.body)),
  });

  app.get('/api/residents/:id/pregnancies', {
    schema: { tags, operationId: 'listPregnanciesOfResident', params: IdParams, response: { 200: listOf(Pregnancy) } },
    config: { permission: 'person.read' },
    handler: (req) => maternal.ofResident(contextOf(req), req.params.id),
  });

  app.post('/api/pregnancies/:id/outcome', {
    schema: { tags, operationId: 'recordPregnancyOutcome', description: 'How the pregnancy ended; a live birth may register the newborn into the mother’s household', params: IdParams, body: PregnancyOutcomeBody, response: { 200: Pregnancy } },
    config: { permission: 'person.write' },
    handler: (req) => maternal.recordOutcome(contextOf(req), req.params.id, req.body),
  });

  app.get('/api/pregnancies', {
    schema: { tags, operationId: 'listAntenatal', description: 'Ongoing pregnancies in the caller’s scope with where their antenatal care stands: missed, due, on track', querystring: PregnancyListQuery, response: { 200: AntenatalPage } },
    config: { permission: 'person.read' },
    handler: (req) => maternal.list(contextOf(req), req.query),
  });
}
