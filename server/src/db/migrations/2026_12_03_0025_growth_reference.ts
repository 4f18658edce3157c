/**
 * WHO's growth tables (server/data/who-growth, loaded at start by the reference lists) and the
 * z-score of a measurement over them: the SQL twin of common's tablePoint and zScore
 * (growth/zscore.ts), so the nutrition indicators count a whole province in one query.
 * growth.int.test.ts checks that both give the same z-scores.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table growth_reference (
      tbl text not null check (tbl in ('wfa', 'lhfa', 'bfa', 'wfl', 'wfh', 'wfa_5_10', 'hfa_5_19', 'bfa_5_19')),
      sex smallint not null check (sex in (1, 2)), -- WHO's coding: 1 male, 2 female
      x double precision not null,                 -- age in days (0–5 y), months (5–19 y), or length/height in cm
      l double precision not null,
      m double precision not null,
      s double precision not null,
      primary key (tbl, sex, x)
    );

    -- common's tablePoint: the table and the point a measure is read at, or none.
    create function ytcs_growth_point(measure text, age_days int, height double precision, out tbl text, out x double precision)
    language sql immutable as $$
      select
        case
          when age_days < 0 then null
          when measure = 'wfh' then case
            when age_days > 1826 or height is null then null
            when age_days < 731 then case when height >= 45 and height <= 110 then 'wfl' end
            else case when height >= 65 and height <= 120 then 'wfh' end end
          when age_days <= 1826 then case when measure = 'hfa' then 'lhfa' else measure end
          when age_days / 30.4375 < 61 then null
          when measure = 'wfa' then case when age_days / 30.4375 <= 120 then 'wfa_5_10' end
          when age_days / 30.4375 <= 228 then case when measure = 'hfa' then 'hfa_5_19' else 'bfa_5_19' end
        end,
        case when measure = 'wfh' then height when age_days <= 1826 then age_days::double precision else age_days / 30.4375 end
    $$;

    -- common's measurementAt: the measurement at z-score k (only asked where the curve exists).
    create function ytcs_growth_at(l double precision, m double precision, s double precision, k double precision) returns double precision
    language sql immutable as $$
      select case when l = 0 then m * exp(s * k) else m * power(1 + l * s * k, 1 / l) end
    $$;

    -- common's zScore over the interpolated row: restricted beyond ±3 SD except for height,
    -- rounded to two decimals as Math.round does (floor of x + 0.5).
    create function ytcs_growth_z(measure text, sex text, age_days int, height double precision, y double precision) returns double precision
    language sql stable as $$
      with p as (
        select g.tbl, g.x, case sex when 'male' then 1 when 'female' then 2 end as sx from ytcs_growth_point(measure, age_days, height) g
      ),
      lo as (select r.* from growth_reference r, p where r.tbl = p.tbl and r.sex = p.sx and r.x <= p.x order by r.x desc limit 1),
      hi as (select r.* from growth_reference r, p where r.tbl = p.tbl and r.sex = p.sx and r.x >= p.x order by r.x limit 1),
      lms as (
        select
          case when hi.x = lo.x then lo.l else lo.l + (hi.l - lo.l) * ((p.x - lo.x) / (hi.x - lo.x)) end as l,
          case when hi.x = lo.x then lo.m else lo.m + (hi.m - lo.m) * ((p.x - lo.x) / (hi.x - lo.x)) end as m,
          case when hi.x = lo.x then lo.s else lo.s + (hi.s - lo.s) * ((p.x - lo.x) / (hi.x - lo.x)) end as s
        from lo, hi, p
      ),
      z as (
        select l, m, s, case when l = 0 then ln(y / m) / s else (power(y / m, l) - 1) / (l * s) end as z from lms where y > 0
      )
      select floor(100 * case
          when measure = 'hfa' or (z >= -3 and z <= 3) then z
          when z > 3 then 3 + (y - ytcs_growth_at(l, m, s, 3)) / (ytcs_growth_at(l, m, s, 3) - ytcs_growth_at(l, m, s, 2))
          else -3 + (y - ytcs_growth_at(l, m, s, -3)) / (ytcs_growth_at(l, m, s, -2) - ytcs_growth_at(l, m, s, -3))
        end + 0.5) / 100
      from z
    $$;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
