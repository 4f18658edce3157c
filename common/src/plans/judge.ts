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

/** Whether a value meets a target, and by how much it falls short (positive) or exceeds it. */
export function judge(comparator: Comparator, target: number, value: number | null): { met: boolean | null; gap: number | null } {
  return { met: meets(comparator, target, value), gap: gapOf(comparator, target, value) };
}
