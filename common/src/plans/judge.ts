import type { Comparator } from './types.ts';

/** Whether a value meets a target ("≥ 95%"); unknown without a value. */
export function meets(comparator: Comparator, target: number, value: number | null): boolean | null {
  if (value === null) return null;
  return { gt: value > target, ge: value >= target, eq: value === target, le: value <= target, lt: value < target }[comparator];
}

/** How far a value falls short of a target (positive) or passes it (negative or zero), one decimal. */
export function gapOf(comparator: Comparator, target: number, value: number | null): number | null {
  if (value === null) return null;
  return Math.round((comparator === 'le' || comparator === 'lt' ? value - target : target - value) * 10) / 10;
}

/**
 * Where a value stands against its target, the one rule behind every colour (bars, tags, the
 * report): met; near, when it falls short by at most a tenth of the target (≥ 95%: from 85.5%);
 * far beyond that. Unknown without a value.
 */
export const STANDINGS = ['met', 'near', 'far'] as const;
export type Standing = (typeof STANDINGS)[number];
export const NEAR_SHARE = 0.1;

export function standingOf(comparator: Comparator, target: number, value: number | null): Standing | null {
  const met = meets(comparator, target, value);
  if (met === null) return null;
  if (met) return 'met';
  const gap = gapOf(comparator, target, value) ?? 0;
  return gap <= Math.abs(target) * NEAR_SHARE ? 'near' : 'far';
}

/** Whether a value meets a target, and by how much it falls short (positive) or exceeds it. */
export function judge(comparator: Comparator, target: number, value: number | null): { met: boolean | null; gap: number | null; standing: Standing | null } {
  return { met: meets(comparator, target, value), gap: gapOf(comparator, target, value), standing: standingOf(comparator, target, value) };
}
