/**
 * The personal health record of Decision 831/QĐ-BYT: (1) administrative information — the
 * resident; (2) history and risk factors — the `History` document below; (3) immunisations;
 * (4) examinations over time — encounters with diagnoses, observations and prescriptions.
 * Validation, OpenAPI and web types.
 */
import { type Static, type TSchema, Type } from 'typebox';
import { Growth } from '../growth/contract.ts';
import { Instant, IsoDate, literalUnion, Nullable } from '../http/contract.ts';
import { Resident } from '../registry/contract.ts';
import {
  ALLERGY_KINDS,
  DISABILITY_KINDS,
  ENCOUNTER_TYPES,
  HABIT_LEVELS,
  OBSERVATION_CODES,
  OBSERVATION_RANGES,
  type ObservationCode,
  REPRODUCTIVE_COUNTS,
  TOBACCO_STATUSES,
} from './codes.ts';

const N = Nullable;
const Opt = <T extends TSchema>(t: T) => Type.Optional(N(t));
const Text = (max = 500) => Type.String({ maxLength: max });
const Count = Type.Integer({ minimum: 0, maximum: 30 });
/** One property per key of a code list, each of the same schema. */
const eachOf = <K extends string, T extends TSchema>(keys: readonly K[], schema: T) => Object.fromEntries(keys.map((k) => [k, schema])) as Record<K, T>;
const HabitLevel = literalUnion(HABIT_LEVELS);
const Icd10Code = Type.String({ pattern: '^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,2})?$' });

/** Part 2 (Tiền sử và yếu tố nguy cơ). Every section optional: a record is filled over time. */
export const History = Type.Object(
  {
    personalHistory: Type.Optional(Type.Object({ conditions: Type.Array(Icd10Code, { maxItems: 50 }), other: Opt(Text()) }, { additionalProperties: false })),
    surgeries: Opt(Text(1000)),
    familyHistory: Type.Optional(
      Type.Array(Type.Object({ relation: Text(50), icd10Code: Opt(Icd10Code), condition: Opt(Text(200)) }, { additionalProperties: false }), { maxItems: 30 }),
    ),
    allergies: Type.Optional(Type.Object(eachOf(ALLERGY_KINDS, Opt(Text())), { additionalProperties: false })),
    disabilities: Type.Optional(
      Type.Object(
        { ...eachOf(DISABILITY_KINDS, Type.Optional(Type.Boolean())), other: Opt(Text()) },
        { additionalProperties: false },
      ),
    ),
    tobacco: Opt(literalUnion(TOBACCO_STATUSES)),
    alcohol: Opt(Type.Object({ status: HabitLevel, glassesPerDay: Opt(Count) }, { additionalProperties: false })),
    drugUse: Type.Optional(Type.Boolean()),
    physicalActivity: Opt(HabitLevel),
    occupationalExposure: Opt(Type.Object({ factor: Text(300), years: Opt(Count) }, { additionalProperties: false })),
    reproductive: Opt(
      Type.Object(
        { contraception: Opt(Text(200)), ...eachOf(REPRODUCTIVE_COUNTS, Opt(Count)), gynaecologicalConditions: Opt(Text()) },
        { additionalProperties: false },
      ),
    ),
    other: Opt(Text(2000)),
  },
  { additionalProperties: false },
);
export type History = Static<typeof History>;

export const EncounterType = literalUnion(ENCOUNTER_TYPES);
export type EncounterType = Static<typeof EncounterType>;

const Observations = Type.Unsafe<Partial<Record<ObservationCode, number>>>(
  Type.Object(
    Object.fromEntries(OBSERVATION_CODES.map((c) => [c, Type.Optional(Type.Number({ minimum: OBSERVATION_RANGES[c].min, maximum: OBSERVATION_RANGES[c].max }))])),
    { additionalProperties: false },
  ),
);

export const NewEncounter = Type.Object({
  date: IsoDate,
  type: EncounterType,
  facilityId: Type.Optional(Type.Integer({ minimum: 1 })),
  practitioner: Type.Optional(Text(200)),
  reason: Type.Optional(Text(1000)),
  notes: Type.Optional(Text(4000)),
  diagnoses: Type.Optional(Type.Array(Icd10Code, { maxItems: 10, description: 'ICD-10 codes; the first is the main diagnosis' })),
  observations: Type.Optional(Observations),
  prescriptions: Type.Optional(Type.Array(Type.Object({ drug: Text(200), dose: Type.Optional(Text(200)), quantity: Type.Optional(Text(100)), days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })) }), { maxItems: 30 })),
});
export type NewEncounter = Static<typeof NewEncounter>;

export const NewImmunization = Type.Object({
  vaccineCode: Type.String({ maxLength: 30 }),
  dose: Type.Integer({ minimum: 1, maximum: 10 }),
  date: IsoDate,
  facilityId: Type.Optional(Type.Integer({ minimum: 1 })),
  lot: Type.Optional(Text(50)),
  note: Type.Optional(Text(500)),
});
export type NewImmunization = Static<typeof NewImmunization>;

export const Prescription = Type.Object({ drug: Type.String(), dose: N(Type.String()), quantity: N(Type.String()), days: N(Type.Integer()) });
export type Prescription = Static<typeof Prescription>;

export const Encounter = Type.Object({
  id: Type.Integer(),
  date: Type.String(),
  type: EncounterType,
  facilityName: N(Type.String()),
  practitioner: N(Type.String()),
  reason: N(Type.String()),
  notes: N(Type.String()),
  diagnoses: Type.Array(Type.Object({ code: Type.String(), nameVi: Type.String(), isPrimary: Type.Boolean() })),
  observations: Type.Unsafe<Partial<Record<ObservationCode, number>>>(Type.Record(Type.String(), Type.Number())),
  bmi: N(Type.Number()),
  prescriptions: Type.Array(Prescription),
});
export type Encounter = Static<typeof Encounter>;

export const Immunization = Type.Object({
  id: Type.Integer(),
  vaccineCode: Type.String(),
  vaccineName: Type.String(),
  dose: Type.Integer(),
  date: Type.String(),
  facilityName: N(Type.String()),
  lot: N(Type.String()),
  note: N(Type.String()),
});
export type Immunization = Static<typeof Immunization>;

export const TimelineEntry = Type.Object({ date: Type.String(), kind: Type.String({ description: 'life.<kind>, encounter.<type> or immunization' }), title: Type.String(), titleEn: Type.String() });
export type TimelineEntry = Static<typeof TimelineEntry>;

export const HealthRecord = Type.Object({
  resident: Resident,
  household: N(Type.Object({ id: Type.Integer(), code: N(Type.String()), address: Type.String(), headName: N(Type.String()) })),
  opened: Type.Boolean(),
  history: History,
  immunizations: Type.Array(Immunization),
  encounters: Type.Array(Encounter),
  timeline: Type.Array(TimelineEntry),
  /** A child's growth (to 19 years, with a date of birth): null otherwise. */
  growth: N(Growth),
  updatedAt: N(Instant),
});
export type HealthRecord = Static<typeof HealthRecord>;
