/** Households and residents: the population registry of a commune. */
import { Type } from 'typebox';
import type { App } from '../../http/app-types.ts';
import { IdParams, listOf } from '../../http/schemas.ts';
import { contextOf, signedInContext } from '../../access/context.ts';
import { IsoDate } from '../../http/schemas.ts';
import { coverageService } from './coverage.service.ts';
import { householdService } from './households.service.ts';
import { Household, HouseholdDetail, HouseholdQuery, LifeEvent, NewHousehold, NewResident, Resident, ResidentPage, ResidentPatch, ResidentQuery } from './registry.schemas.ts';
import { residentService } from './residents.service.ts';

export async function registryRoutes(app: App) {
  const households = householdService(app.db);
  const residents = residentService(app.db);
  const coverage = coverageService(app.db, app.config);
  const tags = ['registry'];

  const N = Type.Union([Type.Number(), Type.Null()]);
  const CoverageRow = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), level: Type.String(), residents: N, withRecord: N, insured: N, recordRate: N, insuredRate: N, suppressed: Type.Boolean() });
  app.get('/api/registry/coverage', {
    schema: {
      tags,
      operationId: 'registryCoverage',
      description: 'Residents with an opened health record and residents insured, for a unit and each child unit (sums, not averages); small cells suppressed for roles without access to personal records',
      querystring: Type.Object({ orgUnit: Type.Optional(Type.Integer({ minimum: 1 })), asOf: Type.Optional(IsoDate) }),
      response: { 200: Type.Object({ asOf: Type.String(), unit: CoverageRow, children: Type.Array(CoverageRow) }) },
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
    schema: { tags, operationId: 'mergeResident', description: 'Merge this (duplicate) record into another; both histories are kept under the survivor', params: IdParams, body: Type.Object({ intoId: Type.Integer({ minimum: 1 }) }), response: { 200: Resident } },
    config: { permission: 'person.write' },
    handler: (req) => residents.merge(contextOf(req), req.params.id, req.body.intoId),
  });

  app.post('/api/residents/:id/events', {
    schema: { tags, operationId: 'recordLifeEvent', description: 'Move out/in, death', params: IdParams, body: LifeEvent, response: { 200: Resident } },
    config: { permission: 'person.write' },
    handler: (req) => residents.lifeEvent(contextOf(req), req.params.id, req.body),
  });
}
