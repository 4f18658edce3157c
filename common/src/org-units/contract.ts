/** Organisation units: the administrative tree and the health facilities (validation, OpenAPI, web types). */
import { type Static, Type } from 'typebox';
import { ORG_UNIT_KINDS, ORG_UNIT_LEVELS, ORG_UNIT_STATES_ON_DATE } from '../access.ts';
import { IsoDate, listOf, literalUnion, Nullable, Page } from '../http/contract.ts';

export const OrgUnitLevel = literalUnion(ORG_UNIT_LEVELS);
export type OrgUnitLevel = Static<typeof OrgUnitLevel>;
export const OrgUnitKind = literalUnion(ORG_UNIT_KINDS);
export type OrgUnitKind = Static<typeof OrgUnitKind>;

const RefFields = { id: Type.Integer(), code: Type.String(), name: Type.String(), level: OrgUnitLevel, kind: OrgUnitKind };

/** Registered once on the server (`addSchema`) and referred to by `OrgUnitRefType` elsewhere. */
export const OrgUnitRef = Type.Object(RefFields, { $id: 'OrgUnitRef' });
export type OrgUnitRef = Static<typeof OrgUnitRef>;
/** A reference to the registered `OrgUnitRef` schema, typed as what it resolves to. */
export const OrgUnitRefType = Type.Unsafe<OrgUnitRef>(Type.Ref('OrgUnitRef'));

const OrgUnitFields = {
  ...RefFields,
  parentId: Nullable(Type.Integer()),
  validFrom: Nullable(Type.String()),
  validTo: Nullable(Type.String()),
  childCount: Type.Integer(),
};

export const OrgUnit = Type.Object(OrgUnitFields);
export type OrgUnit = Static<typeof OrgUnit>;

/** A predecessor or successor (merger, split), with what happened. */
export const OrgUnitLink = Type.Object({ ...RefFields, note: Nullable(Type.String()) });
export type OrgUnitLink = Static<typeof OrgUnitLink>;

export const OrgUnitDetail = Type.Object({
  ...OrgUnitFields,
  asOf: IsoDate,
  stateOnDate: literalUnion(ORG_UNIT_STATES_ON_DATE),
  ancestors: Type.Array(OrgUnitRefType, { description: 'root first' }),
  predecessors: Type.Array(OrgUnitLink),
  successors: Type.Array(OrgUnitLink),
  serves: Type.Array(OrgUnitRefType, { description: "a facility's catchment areas" }),
  servedBy: Type.Array(OrgUnitRefType, { description: 'facilities serving an area' }),
});
export type OrgUnitDetail = Static<typeof OrgUnitDetail>;

export const OrgUnitQuery = Type.Object({
  ...Page,
  level: Type.Optional(OrgUnitLevel),
  kind: Type.Optional(OrgUnitKind),
  parent: Type.Optional(Type.Integer({ minimum: 1 })),
  roots: Type.Optional(Type.Boolean({ description: 'only the tops of the tree the caller may see (its scope roots as of the date)' })),
  asOf: Type.Optional(IsoDate),
  q: Type.Optional(Type.String({ maxLength: 100 })),
});
export type OrgUnitQuery = Static<typeof OrgUnitQuery>;

export const OrgUnitList = listOf(OrgUnit);

export const OrgUnitDetailQuery = Type.Object({
  asOf: Type.Optional(IsoDate),
});
export type OrgUnitDetailQuery = Static<typeof OrgUnitDetailQuery>;
