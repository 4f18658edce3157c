/** Request and response schemas of households and residents (validation and OpenAPI). */
import { RELATIONSHIPS, RESIDENCE_STATUSES } from '@ytcs/common';
import { Type } from 'typebox';
import { Instant, IsoDate, Nullable, Page } from '../../http/schemas.ts';

const N = Nullable;
const Str = (max: number) => Type.String({ maxLength: max });

export const Warning = Type.Object({ field: Type.String(), code: Type.String(), message: Type.String(), messageEn: Type.String() });

export const Resident = Type.Object({
  id: Type.Integer(),
  fullName: Type.String(),
  sex: Type.String(),
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
  residenceStatus: Type.String(),
  status: Type.String(),
  deathDate: N(Type.String()),
  mergedInto: N(Type.Integer()),
  householdId: N(Type.Integer()),
  relationship: N(Type.String()),
  warnings: Type.Array(Warning),
  communeId: Type.Integer(),
  communeName: Type.String(),
  villageId: N(Type.Integer()),
  villageName: N(Type.String()),
  insured: Type.Boolean(),
  hasRecord: Type.Boolean(),
  createdAt: Instant,
  updatedAt: Instant,
});

/** A page of residents; a broad name search counts no further than 1,000 (then totalCapped). */
export const ResidentPage = Type.Object({
  items: Type.Array(Resident),
  total: Type.Integer({ description: 'Matches; 1,001 when totalCapped' }),
  totalCapped: Type.Optional(Type.Boolean({ description: 'More than 1,000 matches: the total and the ranking stop at the first 1,001 found (show "1000+", ask to refine)' })),
});

const ResidentFieldsSchema = {
  fullName: Str(200),
  sex: Type.Union([Type.Literal('male'), Type.Literal('female')]),
  birthDate: Type.Optional(N(IsoDate)),
  birthYear: Type.Optional(N(Type.Integer())),
  citizenId: Type.Optional(N(Str(20))),
  insuranceCode: Type.Optional(N(Str(20))),
  insuranceValidFrom: Type.Optional(N(IsoDate)),
  insuranceValidTo: Type.Optional(N(IsoDate)),
  insuranceFacility: Type.Optional(N(Str(200))),
  beneficiaryGroup: Type.Optional(N(Str(50))),
  phone: Type.Optional(N(Str(20))),
  ethnicityCode: Type.Optional(N(Str(2))),
  occupation: Type.Optional(N(Str(200))),
  residenceStatus: Type.Optional(Type.Union(RESIDENCE_STATUSES.map((s) => Type.Literal(s)))),
  relationship: Type.Optional(N(Type.Union(RELATIONSHIPS.map((s) => Type.Literal(s))))),
};

export const NewResident = Type.Object({
  ...ResidentFieldsSchema,
  unitId: Type.Integer({ minimum: 1, description: 'village (or commune) where the person lives' }),
  householdId: Type.Optional(N(Type.Integer({ minimum: 1 }))),
  confirmWarnings: Type.Optional(Type.Boolean()),
});

export const ResidentPatch = Type.Partial(
  Type.Object({ ...ResidentFieldsSchema, unitId: Type.Integer({ minimum: 1 }), confirmWarnings: Type.Boolean() }),
);

export const ResidentQuery = Type.Object({
  ...Page,
  q: Type.Optional(Type.String({ maxLength: 100, description: 'name (diacritics optional), personal ID, phone, insurance number or card code' })),
  orgUnit: Type.Optional(Type.Integer({ minimum: 1 })),
  householdId: Type.Optional(Type.Integer({ minimum: 1 })),
  includeInactive: Type.Optional(Type.Boolean()),
  missing: Type.Optional(Type.Union([Type.Literal('record'), Type.Literal('insurance')], { description: 'only residents without a health record, or without a card valid today (the people behind a coverage figure)' })),
});

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

export const HouseholdDetail = Type.Object({ ...Household.properties, members: Type.Array(Resident) });

export const NewHousehold = Type.Object({
  unitId: Type.Integer({ minimum: 1 }),
  code: Type.Optional(N(Str(30))),
  address: Str(300),
  members: Type.Array(Type.Object(ResidentFieldsSchema), { maxItems: 30 }),
  confirmWarnings: Type.Optional(Type.Boolean()),
});

export const HouseholdQuery = Type.Object({
  ...Page,
  q: Type.Optional(Type.String({ maxLength: 100, description: 'head of household name, address or household number' })),
  orgUnit: Type.Optional(Type.Integer({ minimum: 1 })),
});

export const LifeEvent = Type.Object({
  kind: Type.Union([Type.Literal('move_out'), Type.Literal('move_in'), Type.Literal('death')]),
  date: IsoDate,
  toUnitId: Type.Optional(Type.Integer({ minimum: 1 })),
  note: Type.Optional(Str(500)),
});
