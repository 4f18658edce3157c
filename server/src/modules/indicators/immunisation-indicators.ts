/**
 * The expanded programme's computed indicators: coverage by antigen of children under one, and
 * "fully immunised under 1 year" (tiêm chủng đầy đủ cho trẻ dưới 1 tuổi), both read from the
 * schedule rows (immunisation_schedule), so a dose added to the schedule is counted without code.
 *
 * Who is counted: the children who completed their first year in the 12 months before the day
 * (aged 12–23 months), the cohort WHO's coverage surveys use for doses due by the first birthday
 * (WHO Vaccination Coverage Cluster Surveys, Reference Manual, 2018). A child meets the numerator
 * when every schedule dose due before 12 months (of the antigen's series, or of all series) was
 * given before the first birthday.
 */
import { type Antigen, type MessageKey, say } from '@ytcs/common';
import { type RawBuilder, sql } from 'kysely';
import type { ComputedIndicator, CountingDays } from './computed-indicator.ts';

/** The antigens with doses due before 12 months (brief §7), and their names in the catalogue. */
const UNDER_ONE = [
  { antigen: 'tuberculosis', name: 'immunisation.antigens.tuberculosis' },
  { antigen: 'hepatitis_b', name: 'immunisation.antigens.hepatitisB' },
  { antigen: 'diphtheria', name: 'immunisation.antigens.diphtheria' },
  { antigen: 'pertussis', name: 'immunisation.antigens.pertussis' },
  { antigen: 'tetanus', name: 'immunisation.antigens.tetanus' },
  { antigen: 'hib', name: 'immunisation.antigens.hib' },
  { antigen: 'polio', name: 'immunisation.antigens.polio' },
  { antigen: 'measles', name: 'immunisation.antigens.measles' },
] as const satisfies readonly { antigen: Antigen; name: MessageKey }[];

const COHORT_VI = 'Số trẻ từ 12 đến 23 tháng tuổi';
const COHORT_EN = 'Children aged 12–23 months';

/** Children aged 12–23 months on the day, `alias` a resident row. */
const inCohort = (alias: string, d: CountingDays) => {
  const born = sql.ref(`${alias}.birth_date`);
  return sql<boolean>`(${born} is not null and ${born} > (${d.asOf} - interval '2 years')::date and ${born} <= (${d.asOf} - interval '1 year')::date)`;
};

/**
 * The children of the cohort missing a dose due before 12 months, of the series covering
 * `antigen` (or of all series): an uncorrelated set, hashed once, like the registry's other figures.
 */
function missingADose(d: CountingDays, antigen: Antigen | null): RawBuilder<unknown> {
  const ofAntigen = antigen
    ? sql`and s.series in (select sv.series from immunisation_series_vaccine sv join vaccine_antigen va on va.vaccine_code = sv.vaccine_code where va.antigen = ${antigen})`
    : sql``;
  return sql`select c.id from resident c
    join immunisation_schedule s on s.age_months < 12 ${ofAntigen}
    cross join lateral (select (c.birth_date + make_interval(months => s.age_months, days => s.age_days))::date as target) t
    where ${inCohort('c', d)} ${d.inCommunes('c.commune_id')}
      and (s.effective_from is null or t.target >= s.effective_from) and (s.effective_to is null or t.target < s.effective_to)
      and (select count(distinct i.date) from immunization i join immunisation_series_vaccine sv on sv.vaccine_code = i.vaccine_code
           where i.resident_id = c.id and sv.series = s.series and i.date < (c.birth_date + interval '1 year')::date) < s.dose`;
}

const entry = (code: string, sort: number, antigen: Antigen | null, names: { nameVi: string; nameEn: string; numeratorVi: string; numeratorEn: string }): ComputedIndicator => ({
  code,
  definition: { ...names, unit: 'percent', denominatorVi: COHORT_VI, denominatorEn: COHORT_EN, sort },
  denominator: (d) => inCohort('r', d),
  numerator: { counts: 'resident', where: (d) => sql<boolean>`r.id not in (${missingADose(d, antigen)})` },
  periods: ['year', 'half', 'quarter', 'month'],
  suppression: 'small-cell',
});

export const IMMUNISATION_INDICATORS: readonly ComputedIndicator[] = [
  entry('TCMR_DU_1T', 10, null, {
    nameVi: 'Tỷ lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ',
    nameEn: 'Children fully immunised under 1 year',
    numeratorVi: 'Số trẻ được tiêm đủ các mũi của lịch tiêm chủng mở rộng trước 1 tuổi',
    numeratorEn: 'Children given every dose of the expanded programme due before their first birthday',
  }),
  ...UNDER_ONE.map(({ antigen, name }, i) => {
    const { message: vi, messageEn: en } = say(name);
    return entry(`TCMR_1T_${antigen.toUpperCase()}`, 11 + i, antigen, {
      nameVi: `Tỷ lệ trẻ dưới 1 tuổi được tiêm đủ mũi phòng ${vi}`,
      nameEn: `Children under 1 fully vaccinated against ${en}`,
      numeratorVi: `Số trẻ được tiêm đủ các mũi phòng ${vi} trước 1 tuổi`,
      numeratorEn: `Children given every dose against ${en} due before their first birthday`,
    });
  }),
];
