/**
 * A province-scale population without hours of generation: the generated people copied
 * `copies` times within their own villages (new ids; no household, personal ID, phone or
 * social-insurance number, which must stay unique), with their health records and check-ups.
 * Names, ages, insurance and records keep the generator's distribution, so search and indicator
 * figures behave as at that size; households and clinical detail do not grow.
 */
import type { BenchDatabase } from './database.ts';

export async function scaleUp(bench: BenchDatabase, copies: number, onCopy: (k: number, ms: number) => void): Promise<number> {
  const { rows } = await bench.raw('select coalesce(max(id), 0)::bigint as max from resident', []);
  const max = Number((rows[0] as { max: string }).max);
  const stride = 10 ** Math.ceil(Math.log10(max + 1));
  for (let k = 1; k <= copies; k++) {
    const t = performance.now();
    const offset = k * stride;
    await bench.raw(
      `insert into resident (id, commune_id, village_id, full_name, sex, birth_date, birth_year, insurance_code,
         insurance_valid_from, insurance_valid_to, insurance_facility, beneficiary_group, ethnicity_code, occupation, residence_status, status)
       select id + $1, commune_id, village_id, full_name, sex, birth_date, birth_year, insurance_code,
         insurance_valid_from, insurance_valid_to, insurance_facility, beneficiary_group, ethnicity_code, occupation, residence_status, status
       from resident where id <= $2 and status <> 'merged'`,
      [offset, max],
    );
    await bench.raw(`insert into health_record (resident_id, commune_id, history, created_at, updated_at)
       select resident_id + $1, commune_id, history, created_at, updated_at from health_record where resident_id <= $2`, [offset, max]);
    await bench.raw(`insert into encounter (resident_id, commune_id, date, facility_id, type, reason)
       select resident_id + $1, commune_id, date, facility_id, type, reason from encounter
       where resident_id <= $2 and type in ('checkup', 'screening')`, [offset, max]);
    onCopy(k, performance.now() - t);
  }
  await bench.raw(`select setval(pg_get_serial_sequence('resident', 'id'), (select max(id) from resident))`, []);
  await bench.raw('vacuum analyze resident, health_record, encounter', []);
  const total = (await bench.raw('select count(*)::int as n from resident', [])).rows[0] as { n: number };
  return total.n;
}
