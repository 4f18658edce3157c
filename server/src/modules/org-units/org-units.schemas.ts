/** Request and response schemas: validation and the OpenAPI document come from these. */
import { ORG_UNIT_KINDS, ORG_UNIT_LEVELS } from '@ytcs/common';
import { Type } from 'typebox';
import { IsoDate, Page, listOf } from '../../http/schemas.ts';

const Level = Type.Union(ORG_UNIT_LEVELS.map((l) => Type.Literal(l)));
const Kind = Type.Union(ORG_UNIT_KINDS.map((k) => Type.Literal(k)));

export const OrgUnitRef = Type.Object(
  { id: Type.Integer(), code: Type.String(), name: Type.String(), level: Type.String(), kind: Type.String() },
  { $id: 'OrgUnitRef' },
);

const OrgUnitFields = {
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  level: Type.String(),
  kind: Type.String(),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  validFrom: Type.Union([Type.String(), Type.Null()]),
  validTo: Type.Union([Type.String(), Type.Null()]),
  childCount: Type.Integer(),
};

export const OrgUnit = Type.Object(OrgUnitFields);

const SuccessionRef = Type.Object({
  id: Type.Integer(), code: Type.String(), name: Type.String(), level: Type.String(), kind: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
});

export const OrgUnitDetail = Type.Object({
  ...OrgUnitFields,
  ancestors: Type.Array(Type.Ref('OrgUnitRef')),
  predecessors: Type.Array(SuccessionRef),
  successors: Type.Array(SuccessionRef),
  serves: Type.Array(Type.Ref('OrgUnitRef')),
  servedBy: Type.Array(Type.Ref('OrgUnitRef')),
});

export const OrgUnitQuery = Type.Object({
  ...Page,
  level: Type.Optional(Level),
  kind: Type.Optional(Kind),
  parent: Type.Optional(Type.Integer({ minimum: 1 })),
  roots: Type.Optional(Type.Boolean({ description: 'only the tops of the tree the caller may see (its scope roots as of the date)' })),
  asOf: Type.Optional(IsoDate),
  q: Type.Optional(Type.String({ maxLength: 100 })),
});

export const OrgUnitList = listOf(OrgUnit);
