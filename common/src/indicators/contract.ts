/**
 * The indicators API: definitions, figures per unit and period (suppressed about fewer people
 * than the small-cell threshold), figures entered by hand, and DHIS2 dataValueSets.
 */
import { type Static, Type } from 'typebox';
import { Instant, Nullable, literalUnion } from '../http/contract.ts';

export const INDICATOR_UNITS = ['percent', 'count'] as const;
export const IndicatorUnit = literalUnion(INDICATOR_UNITS);
export type IndicatorUnit = Static<typeof IndicatorUnit>;

/** Computed from the registry, or typed in (and exchanged with DHIS2). */
export const INDICATOR_SOURCES = ['computed', 'entered'] as const;
export const IndicatorSource = literalUnion(INDICATOR_SOURCES);
export type IndicatorSource = Static<typeof IndicatorSource>;

export const Indicator = Type.Object({
  code: Type.String(),
  nameVi: Type.String(),
  nameEn: Type.String(),
  unit: IndicatorUnit,
  numeratorVi: Type.String(),
  denominatorVi: Nullable(Type.String()),
  numeratorEn: Type.String(),
  denominatorEn: Nullable(Type.String()),
  source: IndicatorSource,
  countsPeople: Type.Boolean(),
});
export type Indicator = Static<typeof Indicator>;

export const IndicatorList = Type.Object({ items: Type.Array(Indicator) });
export type IndicatorList = Static<typeof IndicatorList>;

const N = Nullable(Type.Number());
const figure = { numerator: N, denominator: N, value: N, suppressed: Type.Boolean({ description: 'about too few people to show: the numbers are null' }) };
/** A figure as the caller may see it: suppressed (all null) when it is about too few people. */
export const Figure = Type.Object(figure);
export type Figure = Static<typeof Figure>;

export const IndicatorValue = Type.Object({
  indicator: Type.String(),
  orgUnit: Type.Integer(),
  period: Type.String(),
  ...figure,
  valuePeriod: Nullable(Type.String({ description: 'the period the value is stored for: a quarter or month without its own entered value shows its year’s' })),
  updatedAt: Nullable(Instant),
});
export type IndicatorValue = Static<typeof IndicatorValue>;

export const IndicatorValues = Type.Object({ items: Type.Array(IndicatorValue) });
export type IndicatorValues = Static<typeof IndicatorValues>;

export const IndicatorValuesQuery = Type.Object({
  indicator: Type.Optional(Type.String({ description: 'comma-separated codes; all when absent' })),
  orgUnit: Type.Optional(Type.Integer({ minimum: 1 })),
  period: Type.String({ minLength: 4, description: 'comma-separated period codes' }),
});
export type IndicatorValuesQuery = Static<typeof IndicatorValuesQuery>;

export const UnitValue = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  level: Type.String(),
  indicator: Type.String(),
  period: Type.String(),
  ...figure,
  valuePeriod: Nullable(Type.String()),
});
export type UnitValue = Static<typeof UnitValue>;

export const ChildValuesQuery = Type.Object({
  indicator: Type.String({ minLength: 1 }),
  orgUnit: Type.Optional(Type.Integer({ minimum: 1 })),
  period: Type.String({ minLength: 4 }),
});
export type ChildValuesQuery = Static<typeof ChildValuesQuery>;

export const ChildValues = Type.Object({ unit: UnitValue, children: Type.Array(UnitValue) });
export type ChildValues = Static<typeof ChildValues>;

/** One figure typed in for a unit and period. */
export const EnteredValue = Type.Object({
  indicator: Type.String(),
  orgUnit: Type.Integer({ minimum: 1 }),
  period: Type.String(),
  numerator: Type.Number({ minimum: 0 }),
  denominator: Nullable(Type.Number({ minimum: 0 })),
});
export type EnteredValue = Static<typeof EnteredValue>;

export const EnterValues = Type.Object({ items: Type.Array(EnteredValue, { minItems: 1, maxItems: 10_000 }) });
export type EnterValues = Static<typeof EnterValues>;

export const EnteredCount = Type.Object({ saved: Type.Integer() });
export type EnteredCount = Static<typeof EnteredCount>;
