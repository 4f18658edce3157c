/** A child's growth in the health record: each measured visit with its z-scores and findings, and the curves to draw them on. */
import { type Static, Type } from 'typebox';
import { IsoDate, literalUnion, Nullable } from '../http/contract.ts';
import { NUTRITION_FINDINGS } from './codes.ts';

const N = Nullable;
const Severity = literalUnion(['moderate', 'severe'] as const);

export const GrowthPoint = Type.Object({
  encounterId: Type.Integer(),
  date: IsoDate,
  ageDays: Type.Integer(),
  weight: N(Type.Number()),
  height: N(Type.Number()),
  /** z-scores by WHO's tables; null where no table applies (or a measurement is missing). */
  z: Type.Object({ wfa: N(Type.Number()), hfa: N(Type.Number()), wfh: N(Type.Number()), bfa: N(Type.Number()) }),
  /** Measures whose z-score WHO flags as implausible (probably a wrong measurement): shown, counted nowhere. */
  implausible: Type.Array(literalUnion(['wfa', 'hfa', 'wfh', 'bfa'] as const)),
  findings: Type.Partial(Type.Object(Object.fromEntries(NUTRITION_FINDINGS.map((f) => [f, Severity])) as Record<(typeof NUTRITION_FINDINGS)[number], typeof Severity>)),
});
export type GrowthPoint = Static<typeof GrowthPoint>;

/** L, M, S of a table at a whole month of age, for the child's sex: the chart's curves. */
export const GrowthCurvePoint = Type.Object({ month: Type.Integer(), l: Type.Number(), m: Type.Number(), s: Type.Number() });
export type GrowthCurvePoint = Static<typeof GrowthCurvePoint>;

export const Growth = Type.Object({
  points: Type.Array(GrowthPoint),
  /** Weight-for-age and length/height-for-age from birth to 60 months. */
  curves: Type.Object({ wfa: Type.Array(GrowthCurvePoint), hfa: Type.Array(GrowthCurvePoint) }),
});
export type Growth = Static<typeof Growth>;
