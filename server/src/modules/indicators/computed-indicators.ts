/**
 * The registry of computed indicators: each is one entry saying what it is called (its definition,
 * kept in the indicator table at start by definitions.ts), whom it counts (denominator) and who of
 * them meets it (numerator) as SQL over the person tables, for which period types, and whether the
 * small-cell rule applies. computations.ts counts every entry in one pass over the residents.
 * Adding an indicator is one entry here plus its test; a computed indicator row without an entry
 * stops the start (definitions.ts).
 */
import { LAST_DAY_0_5, MODERATE_Z, PLAUSIBLE, type PeriodType } from '@ytcs/common';
import { type RawBuilder, sql } from 'kysely';
import { insuredOn } from '../../db/rules.ts';
import type { ComputedIndicator, CountingDays, IndicatorDefinition } from './computed-indicator.ts';
import { IMMUNISATION_INDICATORS } from './immunisation-indicators.ts';

export type { ComputedIndicator, CountingDays, IndicatorDefinition, Numerator } from './computed-indicator.ts';

const ALL_PERIODS: readonly PeriodType[] = ['year', 'half', 'quarter', 'month'];
/** Every resident the computations start from. */
const residents = () => sql<boolean>`true`;
const RESIDENTS_VI = 'Số người dân đang cư trú';

/**
 * A child's latest z-score of a measure in the year to the day, measured before five years
 * (WHO's tables, ytcs_growth_z: the twin of common's zScore); null when not measured, or when the
 * z-score is implausible (common's PLAUSIBLE: a wrong measurement says nothing).
 */
function latestGrowthZ(measure: 'hfa' | 'wfa', d: CountingDays): RawBuilder<number> {
  const code = measure === 'hfa' ? 'height' : 'weight';
  const [low, high] = PLAUSIBLE[measure];
  return sql<number>`(select z.v from (
      select ytcs_growth_z(${measure}, r.sex, e.date - r.birth_date, null, o.value::float8) as v
      from encounter e join observation o on o.encounter_id = e.id and o.code = ${code}
      where e.resident_id = r.id and e.date > ${d.asOf} - 365 and e.date <= ${d.asOf} and e.date - r.birth_date between 0 and ${LAST_DAY_0_5}
      order by e.date desc, e.id desc limit 1
    ) z where z.v between ${low} and ${high})`;
}

/**
 * The share of children under five measured in the year whose latest z-score of a measure is
 * below −2 SD (common's nutritionFindings: moderate and severe). Children without a date of
 * birth have no age to judge and are in neither count.
 */
function nutritionIndicator(code: string, measure: 'hfa' | 'wfa', words: Pick<IndicatorDefinition, 'nameVi' | 'nameEn' | 'numeratorVi' | 'numeratorEn' | 'sort'>): ComputedIndicator {
  const underFive = (d: CountingDays) => sql<boolean>`r.birth_date is not null and r.birth_date > ${d.asOf} - ${LAST_DAY_0_5 + 1}::int`;
  return {
    code,
    definition: {
      ...words,
      unit: 'percent',
      denominatorVi: 'Số trẻ dưới 5 tuổi được cân, đo trong 12 tháng qua',
      denominatorEn: 'Children under five weighed or measured in the past 12 months',
    },
    denominator: (d) => sql<boolean>`${underFive(d)} and ${latestGrowthZ(measure, d)} is not null`,
    numerator: { counts: 'resident', where: (d) => sql<boolean>`${underFive(d)} and ${latestGrowthZ(measure, d)} < ${MODERATE_Z}` },
    periods: ['year', 'half', 'quarter'],
    suppression: 'small-cell',
  };
}

export const COMPUTED_INDICATORS: readonly ComputedIndicator[] = [
  {
    code: 'HSSK_QL',
    definition: {
      nameVi: 'Tỷ lệ người dân được quản lý sức khỏe (có hồ sơ sức khỏe điện tử)',
      nameEn: 'Residents with a managed electronic health record',
      unit: 'percent',
      numeratorVi: 'Số người dân đang cư trú có hồ sơ sức khỏe',
      denominatorVi: RESIDENTS_VI,
      numeratorEn: 'Residents with a health record',
      denominatorEn: 'Residents',
      sort: 1,
    },
    denominator: residents,
    // A record counts from the day it was opened. `in` over an uncorrelated set is one hashed
    // subplan (a hash join's cost); a correlated `exists` would probe the index once per resident.
    numerator: { counts: 'resident', where: (d) => sql<boolean>`r.id in (select h.resident_id from health_record h where h.created_at < ${d.asOf} + 1)` },
    periods: ALL_PERIODS,
    suppression: 'small-cell',
  },
  {
    code: 'BHYT_BP',
    definition: {
      nameVi: 'Tỷ lệ bao phủ bảo hiểm y tế',
      nameEn: 'Health-insurance coverage',
      unit: 'percent',
      numeratorVi: 'Số người dân có thẻ BHYT còn hạn',
      denominatorVi: RESIDENTS_VI,
      numeratorEn: 'Residents with a valid insurance card',
      denominatorEn: 'Residents',
      sort: 2,
    },
    denominator: residents,
    numerator: { counts: 'resident', where: (d) => insuredOn('r', d.asOf) },
    periods: ALL_PERIODS,
    suppression: 'small-cell',
  },
  {
    code: 'KSK_DK',
    definition: {
      nameVi: 'Tỷ lệ người dân được khám sức khỏe định kỳ, sàng lọc trong kỳ',
      nameEn: 'Residents with a check-up or screening in the period',
      unit: 'percent',
      numeratorVi: 'Số người được khám sức khỏe định kỳ hoặc sàng lọc trong kỳ',
      denominatorVi: RESIDENTS_VI,
      numeratorEn: 'Residents checked or screened in the period',
      denominatorEn: 'Residents',
      sort: 3,
    },
    denominator: residents,
    numerator: {
      counts: 'events',
      events: (d) => sql`select e.resident_id, e.date as day from encounter e
        where e.type in ('checkup', 'screening') and e.date between ${d.from} and ${d.asOf} ${d.inCommunes('e.commune_id')}`,
    },
    periods: ALL_PERIODS,
    suppression: 'small-cell',
  },
  nutritionIndicator('SDD_TC', 'hfa', {
    nameVi: 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi (chiều cao theo tuổi)',
    nameEn: 'Stunting among children under five (height-for-age)',
    numeratorVi: 'Số trẻ có chiều cao theo tuổi dưới −2 SD ở lần đo gần nhất',
    numeratorEn: 'Children whose latest height-for-age is below −2 SD',
    sort: 20,
  }),
  nutritionIndicator('SDD_CN', 'wfa', {
    nameVi: 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân (cân nặng theo tuổi)',
    nameEn: 'Underweight among children under five (weight-for-age)',
    numeratorVi: 'Số trẻ có cân nặng theo tuổi dưới −2 SD ở lần đo gần nhất',
    numeratorEn: 'Children whose latest weight-for-age is below −2 SD',
    sort: 21,
  }),
  // The expanded programme's coverage, read from the schedule rows.
  ...IMMUNISATION_INDICATORS,
];
