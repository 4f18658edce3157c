/** Households, residents, their life events and coverage figures (validation, OpenAPI, web types). */
import { type Static, Type } from 'typebox';
import { Instant, IsoDate, literalUnion, Nullable, Page, Warning } from '../http/contract.ts';
import { OrgUnitLevel } from '../org-units/contract.ts';
import { RELATIONSHIPS, RESIDENCE_STATUSES, RESIDENT_ORDERS } from './codes.ts';

const N = Nullable;
const Str = (max: number) => Type.String({ maxLength: max });

export const RESIDENT_STATUSES = ['active', 'moved_out', 'deceased', 'merged'] as const;
export const LIFE_EVENT_KINDS = ['move_out', 'move_in', 'death'] as const;

export const SexSchema = Type.Union([Type.Literal('male'), Type.Literal('female')]);
export const ResidenceStatus = literalUnion(RESIDENCE_STATUSES);
export type ResidenceStatus = Static<typeof ResidenceStatus>;
export const Relationship = literalUnion(RELATIONSHIPS);
export type Relationship = Static<typeof Relationship>;
export const ResidentStatus = literalUnion(RESIDENT_STATUSES);
export type ResidentStatus = Static<typeof ResidentStatus>;

export const Resident = Type.Object({
  id: Type.Integer(),
  fullName: Type.String(),
  sex: SexSchema,
  birthDate: N(Type.String()),
  birthYear: Type.Integer(),
  citizenId: N(Type.String()),
  insuranceCode: N(Type.String()),
  socialInsuranceNo: N(Type.String()),
  insuranceValidFrom: N(Type.String()),
  insuranceValidTo: N(Type.String()),
  insuranceFacility: N(Type.String()),
  beneficiaryGroup: N(Type.String()),
  phone: N(Type.String()),
  ethnicityCode: N(Type.String()),
  ethnicityName: N(Type.String()),
  occupation: N(Type.String()),
  residenceStatus: ResidenceStatus,
  status: ResidentStatus,
  deathDate: N(Type.String()),
  mergedInto: N(Type.Integer()),
  householdId: N(Type.Integer()),
  relationship: N(Relationship),
  warnings: Type.Array(Warning),
  communeId: Type.Integer(),
  communeName: Type.String(),
  villageId: N(Type.Integer()),
  villageName: N(Type.String()),
  insured: Type.Boolean({ description: 'the insurance card is valid today' }),
  hasRecord: Type.Boolean(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Resident = Static<typeof Resident>;

/** A page of residents; a broad name search counts no further than 1,000 (then totalCapped). */
export const ResidentPage = Type.Object({
  items: Type.Array(Resident),
  total: Type.Integer({ description: 'Matches; 1,001 when totalCapped' }),
  totalCapped: Type.Optional(Type.Boolean({ description: 'More than 1,000 matches: the total and the ranking stop at the first 1,001 found (show "1000+", ask to refine)' })),
});
export type ResidentPage = Static<typeof ResidentPage>;

/** What a person fills in about a resident, on the form, the household form and the import. */
export const ResidentFields = Type.Object({
  fullName: Str(200),
  sex: SexSchema,
  birthDate: Type.Optional(N(IsoDate)),
  birthYear: Type.Optional(N(Type.Integer({ description: 'when only the year is known' }))),
  citizenId: Type.Optional(N(Str(20))),
  insuranceCode: Type.Optional(N(Str(20))),
  insuranceValidFrom: Type.Optional(N(IsoDate)),
  insuranceValidTo: Type.Optional(N(IsoDate)),
  insuranceFacility: Type.Optional(N(Str(200))),
  beneficiaryGroup: Type.Optional(N(Str(50))),
  phone: Type.Optional(N(Str(20))),
  ethnicityCode: Type.Optional(N(Str(2))),
  occupation: Type.Optional(N(Str(200))),
  residenceStatus: Type.Optional(ResidenceStatus),
  relationship: Type.Optional(N(Relationship)),
});
export type ResidentFields = Static<typeof ResidentFields>;

export const NewResident = Type.Object({
  ...ResidentFields.properties,
  unitId: Type.Integer({ minimum: 1, description: 'village (or commune) where the person lives' }),
  householdId: Type.Optional(N(Type.Integer({ minimum: 1 }))),
  confirmWarnings: Type.Optional(Type.Boolean()),
});
export type NewResident = Static<typeof NewResident>;

export const ResidentPatch = Type.Partial(Type.Object({ ...ResidentFields.properties, unitId: Type.Integer({ minimum: 1 }), confirmWarnings: Type.Boolean() }));
export type ResidentPatch = Static<typeof ResidentPatch>;

export const ResidentQuery = Type.Object({
  ...Page,
  q: Type.Optional(Type.String({ maxLength: 100, description: 'name (diacritics optional), personal ID, phone, insurance number or card code' })),
  orgUnit: Type.Optional(Type.Integer({ minimum: 1 })),
  householdId: Type.Optional(Type.Integer({ minimum: 1 })),
  includeInactive: Type.Optional(Type.Boolean()),
  missing: Type.Optional(Type.Union([Type.Literal('record'), Type.Literal('insurance')], { description: 'only residents without a health record, or without a card valid today (the people behind a coverage figure)' })),
  /** name (default: full name as written, closest matches first) or given_name (given name, then family name). */
  order: Type.Optional(literalUnion(RESIDENT_ORDERS)),
});
export type ResidentQuery = Static<typeof ResidentQuery>;

/** Merge a duplicate record into another; both histories are kept under the survivor. */
export const ResidentMerge = Type.Object({ intoId: Type.Integer({ minimum: 1 }) });
export type ResidentMerge = Static<typeof ResidentMerge>;

export const LifeEventKind = literalUnion(LIFE_EVENT_KINDS);
export type LifeEventKind = Static<typeof LifeEventKind>;

export const LifeEvent = Type.Object({
  kind: LifeEventKind,
  date: IsoDate,
  toUnitId: Type.Optional(Type.Integer({ minimum: 1 })),
  note: Type.Optional(Str(500)),
});
export type LifeEvent = Static<typeof LifeEvent>;

export const Household = Type.Object({
  id: Type.Integer(),
  code: N(Type.String()),
  address: Type.String(),
  communeId: Type.Integer(),
  communeName: Type.String(),
  villageId: N(Type.Integer()),
  villageName: N(Type.String()),
  headId: N(Type.Integer()),
  headName: N(Type.String()),
  memberCount: Type.Integer(),
  createdAt: Instant,
});
export type Household = Static<typeof Household>;

export const HouseholdDetail = Type.Object({ ...Household.properties, members: Type.Array(Resident) });
export type HouseholdDetail = Static<typeof HouseholdDetail>;

export const NewHousehold = Type.Object({
  unitId: Type.Integer({ minimum: 1 }),
  code: Type.Optional(N(Str(30))),
  address: Str(300),
  members: Type.Array(ResidentFields, { maxItems: 30 }),
  confirmWarnings: Type.Optional(Type.Boolean()),
});
export type NewHousehold = Static<typeof NewHousehold>;

export const HouseholdQuery = Type.Object({
  ...Page,
  q: Type.Optional(Type.String({ maxLength: 100, description: 'head of household name, address or household number' })),
  orgUnit: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type HouseholdQuery = Static<typeof HouseholdQuery>;

const Figure = N(Type.Number());

/** Coverage (targets ≥95%): `null` figures are suppressed (fewer than 5 people, for roles without access to personal records). */
export const CoverageRow = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  level: OrgUnitLevel,
  residents: Figure,
  withRecord: Figure,
  insured: Figure,
  recordRate: Figure,
  insuredRate: Figure,
  suppressed: Type.Boolean(),
});
export type CoverageRow = Static<typeof CoverageRow>;

export const Coverage = Type.Object({ asOf: Type.String(), unit: CoverageRow, children: Type.Array(CoverageRow) });
export type Coverage = Static<typeof Coverage>;

export const CoverageQuery = Type.Object({ orgUnit: Type.Optional(Type.Integer({ minimum: 1 })), asOf: Type.Optional(IsoDate) });
export type CoverageQuery = Static<typeof CoverageQuery>;
