// What the growth charts draw: WHO's curves at −3, −2, 0, +2 and +3 SD from birth to five years
// (common's measurementAt over the record's LMS rows) and the child's measured points on them.
import { DAYS_PER_MONTH, type GrowthCurvePoint, type GrowthPoint, measurementAt } from '@ytcs/common';

export const CURVE_SDS = [-3, -2, 0, 2, 3] as const;
export type ChartMeasure = 'wfa' | 'hfa';

/** Each SD line as [month, measurement] pairs, to one decimal place. */
export function curveLines(rows: GrowthCurvePoint[]): { sd: (typeof CURVE_SDS)[number]; points: [number, number][] }[] {
  return CURVE_SDS.map((sd) => ({ sd, points: rows.map((r) => [r.month, Math.round(measurementAt(r, sd) * 10) / 10] as [number, number]) }));
}

/** The child's measurements of one kind before five years, as [month of age, value]. */
export function childPoints(points: GrowthPoint[], measure: ChartMeasure): [number, number][] {
  return points
    .filter((p) => p.ageDays <= 1826)
    .flatMap((p) => {
      const value = measure === 'wfa' ? p.weight : p.height;
      return value === null ? [] : [[Math.round((p.ageDays / DAYS_PER_MONTH) * 10) / 10, value] as [number, number]];
    });
}

/** Age as people say it: months under two years ("7 tháng"), then years and months. */
export function ageParts(ageDays: number): { years: number; months: number } {
  const months = Math.floor(ageDays / DAYS_PER_MONTH);
  return months < 24 ? { years: 0, months } : { years: Math.floor(months / 12), months: months % 12 };
}

/** The chart's last month: the child's age plus half a year, in whole half-years, from 24 to 60 months. */
export function chartEndMonth(points: [number, number][]): number {
  const oldest = Math.max(0, ...points.map(([month]) => month));
  return Math.min(60, Math.max(24, Math.ceil((oldest + 6) / 6) * 6));
}
