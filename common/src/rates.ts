/** A share of people as the figures show it: a percentage to one decimal, none without a denominator. */
export function percentOf(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}
