/** Reference lists any signed-in user may read: diagnoses, ethnic groups, vaccines. */
import { EthnicGroup, Icd10, Icd10Query, listOf, Vaccine, foldVietnamese } from '@ytcs/common';
import type { App } from '../../http/app-types.ts';
import * as repo from './reference.repository.ts';

export async function referenceRoutes(app: App) {
  app.get('/api/icd10', {
    schema: {
      tags: ['reference'],
      operationId: 'searchIcd10',
      description: 'ICD-10 (Bộ Y tế) by code or Vietnamese name, diacritics optional',
      querystring: Icd10Query,
      response: { 200: listOf(Icd10) },
    },
    config: { permission: 'signed-in' },
    handler: (req) => repo.searchIcd10(app.db, foldVietnamese(req.query.q ?? ''), req.query.limit, req.query.offset),
  });

  app.get('/api/ethnic-groups', {
    schema: { tags: ['reference'], operationId: 'listEthnicGroups', response: { 200: listOf(EthnicGroup) } },
    config: { permission: 'signed-in' },
    handler: async () => {
      const items = await repo.listEthnicGroups(app.db);
      return { items, total: items.length };
    },
  });

  app.get('/api/vaccines', {
    schema: { tags: ['reference'], operationId: 'listVaccines', response: { 200: listOf(Vaccine) } },
    config: { permission: 'signed-in' },
    handler: async () => {
      const items = await repo.listVaccines(app.db);
      return { items, total: items.length };
    },
  });
}
