/** Reference lists any signed-in user may read: diagnoses, ethnic groups, vaccines. */
import { foldVietnamese } from '@ytcs/common';
import { Type } from 'typebox';
import type { App } from '../../http/app-types.ts';
import { Nullable, Page, listOf } from '../../http/schemas.ts';
import * as repo from './reference.repository.ts';


const Icd10 = Type.Object({ code: Type.String(), nameVi: Type.String(), nameEn: Nullable(Type.String()), chapter: Nullable(Type.String()) });
const EthnicGroup = Type.Object({ code: Type.String(), name: Type.String(), otherNames: Nullable(Type.String()) });
const Vaccine = Type.Object({ code: Type.String(), nameVi: Type.String(), nameEn: Type.String(), expandedProgramme: Type.Boolean() });

export async function referenceRoutes(app: App) {
  app.get('/api/icd10', {
    schema: {
      tags: ['reference'],
      operationId: 'searchIcd10',
      description: 'ICD-10 (Bộ Y tế) by code or Vietnamese name, diacritics optional',
      querystring: Type.Object({ ...Page, q: Type.Optional(Type.String({ maxLength: 100 })) }),
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
