/**
 * The registry of computed indicators: each is one entry saying what it is called (its definition,
 * kept in the indicator table at start by definitions.ts), whom it counts (denominator) and who of
 * them meets it (numerator) as SQL over the person tables, for which period types, and whether the
 * small-cell rule applies. computations.ts counts every entry in one pass over the residents.
 * Adding an indicator is one entry here plus its test; a computed indicator row without an entry
 * stops the start (definitions.ts).
 */
import type { PeriodType } from '@ytcs/common';
import { sql } from 'kysely';
import { insuredOn } from '../../db/rules.ts';
import type { ComputedIndicator } from './computed-indicator.ts';
import { IMMUNISATION_INDICATORS } from './immunisation-indicators.ts';

export type { ComputedIndicator, CountingDays, IndicatorDefinition, Numerator } from './computed-indicator.ts';

const ALL_PERIODS: readonly PeriodType[] = ['year', 'half', 'quarter', 'month'];
/** Every resident the computations start from. */
const residents = () => sql<boolean>`true`;
const RESIDENTS_VI = 'Số người dân đang cư trú';

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
  // The expanded programme's coverage, read from the schedule rows.
  ...IMMUNISATION_INDICATORS,
];
