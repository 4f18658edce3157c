/** Org-unit routes: the administrative and health hierarchy as the caller may see it. */
import { contextOf } from '../../access/context.ts';
import type { App } from '../../http/app-types.ts';
import { IdParams, OrgUnitDetail, OrgUnitDetailQuery, OrgUnitList, OrgUnitQuery } from '@ytcs/common';
import { orgUnitService } from './org-units.service.ts';

export async function orgUnitRoutes(app: App) {
  const service = orgUnitService(app.db);

  app.get('/api/org-units', {
    schema: { tags: ['org-units'], operationId: 'listOrgUnits', querystring: OrgUnitQuery, response: { 200: OrgUnitList } },
    config: { permission: 'org_unit.read' },
    handler: (req) => service.list(contextOf(req), req.query),
  });

  app.get('/api/org-units/:id', {
    schema: { tags: ['org-units'], operationId: 'getOrgUnit', params: IdParams, querystring: OrgUnitDetailQuery, response: { 200: OrgUnitDetail } },
    config: { permission: 'org_unit.read' },
    handler: (req) => service.get(contextOf(req), req.params.id, req.query.asOf),
  });
}

