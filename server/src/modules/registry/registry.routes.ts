/** Households and residents: the population registry of a commune. */
import { Coverage, CoverageQuery, Household, HouseholdDetail, HouseholdQuery, IdParams, LifeEvent, NewHousehold, NewResident, listOf, Resident, ResidentMerge, ResidentPage, ResidentPatch, ResidentQuery } from '@ytcs/common';
import type { App } from '../../http/app-types.ts';
import { contextOf, signedInContext } from '../../access/context.ts';
import { coverageService } from './coverage.service.ts';
import { householdService } from './households.service.ts';
import { residentService } from './residents.service.ts';

export async function registryRoutes(app: App) {
  const households = householdService(app.db);
  const residents = residentService(app.db);
  const coverage = coverageService(app.db, app.config);
  const tags = ['registry'];

  app.get('/api/registry/coverage', {
    schema: {
      tags,
      operationId: 'registryCoverage',
      description: 'Residents with an opened health record and residents insured, for a unit and each child unit (sums, not averages); small cells suppressed for roles without access to personal records',
      querystring: CoverageQuery,
      response: { 200: Coverage },
    },
    config: { permission: 'aggregate.read' },
    handler: (req) => coverage.forUnit(signedInContext(req), req.query),
  });

  app.get('/api/households', {
    schema: { tags, operationId: 'listHouseholds', querystring: HouseholdQuery, response: { 200: listOf(Household) } },
    config: { permission: 'person.read' },
    handler: (req) => households.list(contextOf(req), req.query),
  });

  app.post('/api/households', {
    schema: { tags, operationId: 'createHousehold', body: NewHousehold, response: { 201: HouseholdDetail } },
    config: { permission: 'person.write' },
    handler: async (req, reply) => reply.code(201).send(await households.create(contextOf(req), req.body)),
  });

  app.get('/api/households/:id', {
    schema: { tags, operationId: 'getHousehold', params: IdParams, response: { 200: HouseholdDetail } },
    config: { permission: 'person.read' },
    handler: (req) => households.get(contextOf(req), req.params.id),
  });

  app.get('/api/residents', {
    schema: { tags, operationId: 'searchResidents', querystring: ResidentQuery, response: { 200: ResidentPage } },
    config: { permission: 'person.read' },
    handler: (req) => residents.search(contextOf(req), req.query),
  });

  app.post('/api/residents', {
    schema: { tags, operationId: 'createResident', body: NewResident, response: { 201: Resident } },
    config: { permission: 'person.write' },
    handler: async (req, reply) => reply.code(201).send(await residents.create(contextOf(req), req.body)),
  });

  app.get('/api/residents/:id', {
    schema: { tags, operationId: 'getResident', params: IdParams, response: { 200: Resident } },
    config: { permission: 'person.read' },
    handler: (req) => residents.read(contextOf(req), req.params.id),
  });

  app.patch('/api/residents/:id', {
    schema: { tags, operationId: 'updateResident', params: IdParams, body: ResidentPatch, response: { 200: Resident } },
    config: { permission: 'person.write' },
    handler: (req) => residents.update(contextOf(req), req.params.id, req.body),
  });

  app.post('/api/residents/:id/merge', {
    schema: { tags, operationId: 'mergeResident', description: 'Merge this (duplicate) record into another; both histories are kept under the survivor', params: IdParams, body: ResidentMerge, response: { 200: Resident } },
    config: { permission: 'person.write' },
    handler: (req) => residents.merge(contextOf(req), req.params.id, req.body.intoId),
  });

  app.post('/api/residents/:id/events', {
    schema: { tags, operationId: 'recordLifeEvent', description: 'Move out/in, death', params: IdParams, body: LifeEvent, response: { 200: Resident } },
    config: { permission: 'person.write' },
    handler: (req) => residents.lifeEvent(contextOf(req), req.params.id, req.body),
  });
}
