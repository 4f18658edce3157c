/**
 * A person's identifiers and administrative facts: personal ID (CCCD), insurance card, phone,
 * occupation. Every identifier is well formed and agrees with the person (sex, birth year), so
 * that `checkCitizenId`/`checkInsuranceCode`/`normalisePhone` from @ytcs/common accept it.
 */
import { addYears, dayOf, formatDay, yearOf } from './calendar.ts';
import type { Sex } from './names.ts';
import { permute, type Rng, Weighted } from './random.ts';
import { BENEFIT_LEVEL, MIGRANT_BIRTH_PROVINCES, MOBILE_PREFIXES, type OCCUPATION, type RegionProfile, WORK_MIX } from './reference.ts';

/**
 * CCCD serials: the last 6 digits must be unique among people with the same first 6 (province,
 * sex/century digit, year). A counter per prefix, permuted so the digits look random, is unique
 * for up to a million people per prefix, far beyond 10 million residents. Counters start after
 * the number of IDs with that prefix already in the database, so a second load continues.
 */
export class CitizenSerials {
  private readonly next = new Map<string, number>();

  constructor(private readonly taken: ReadonlyMap<string, number> = new Map()) {}

  issue(prefix: string): string {
    const n = this.next.get(prefix) ?? this.taken.get(prefix) ?? 0;
    if (n > 999_999) throw new Error(`CCCD serials exhausted for prefix ${prefix}`);
    this.next.set(prefix, n + 1);
    return `${prefix}${String(permute(n, 3, Number(prefix))).padStart(6, '0')}`;
  }
}

/** The 3-digit province, the sex/century digit and the 2-digit year. */
export function citizenPrefix(provinceCode: string, sex: Sex, birthYear: number): string {
  const century = Math.floor((birthYear - 1900) / 100);
  const digit = century * 2 + (sex === 'female' ? 1 : 0);
  return `${provinceCode}${digit}${String(birthYear % 100).padStart(2, '0')}`;
}

export function birthProvince(rng: Rng, home: string, migrant: boolean): string {
  if (!migrant && rng.chance(0.9)) return home;
  const p = MIGRANT_BIRTH_PROVINCES.pick(rng);
  return p === home ? MIGRANT_BIRTH_PROVINCES.pick(rng) : p;
}

/**
 * Social-insurance number: 2-digit province of issue + 8 digits derived from the person's
 * sequence number by a permutation of [0, 10^8), so two people of one run (or of runs with
 * disjoint sequence ranges) never share one.
 */
export function socialInsuranceNumber(provinceCode: string, sequence: number): string {
  return `${provinceCode}${String(permute(sequence % 100_000_000, 4, 0x5eed)).padStart(8, '0')}`;
}

export function mobilePhone(rng: Rng): string {
  return `${MOBILE_PREFIXES.pick(rng)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
}

export type OccupationKey = keyof typeof OCCUPATION;

const workTables = new Map<RegionProfile, Weighted<OccupationKey>>();
/** Past retirement age people still farm, trade or keep house, but not on a payroll. */
const ELDERLY_WORK = new Weighted<OccupationKey>([['farmer', 60], ['trader', 15], ['freelance', 15], ['homemaker', 10]]);

export function occupationOf(rng: Rng, age: number, sex: Sex, region: RegionProfile): OccupationKey | null {
  if (age < 6) return null;
  if (age < 18) return age < 16 || rng.chance(0.75) ? 'pupil' : 'farmer';
  if (age <= 22 && rng.chance(0.3)) return 'student';
  if (age >= (sex === 'female' ? 57 : 61)) {
    if (rng.chance(region === 'highland' ? 0.08 : 0.2)) return 'retired';
    if (age >= 70 || rng.chance(0.4)) return null;
    return ELDERLY_WORK.pick(rng);
  }
  let table = workTables.get(region);
  if (!table) {
    table = new Weighted(WORK_MIX[region]);
    workTables.set(region, table);
  }
  const work = table.pick(rng);
  return work === 'homemaker' && sex === 'male' ? 'freelance' : work;
}

export interface HouseholdStanding {
  poor: boolean;
  nearPoor: boolean;
  /** An ethnic-minority household in a highland commune (extremely difficult area). */
  minorityHighland: boolean;
}

/** The insurance beneficiary group a person most plausibly holds, or null for uninsured. */
export function beneficiaryGroup(rng: Rng, age: number, sex: Sex, occupation: OccupationKey | null, standing: HouseholdStanding): string | null {
  if (age < 6) return rng.chance(0.985) ? 'TE' : null;
  if (age >= 60 && sex === 'male' && rng.chance(age >= 68 ? 0.1 : 0.03)) return rng.chance(0.2) ? 'CC' : 'CB';
  switch (occupation) {
    case 'civilServant':
    case 'teacher':
      return 'HC';
    case 'worker':
      return rng.chance(0.9) ? 'DN' : 'GD';
    case 'soldier':
      return 'QN';
    case 'police':
      return 'CA';
    case 'retired':
      return 'HT';
    default:
  }
  if (standing.poor) return 'HN';
  if (standing.minorityHighland) return 'DT';
  if (age >= 80) return 'BT';
  if (standing.nearPoor) return rng.chance(0.95) ? 'CN' : null;
  if (occupation === 'pupil') return rng.chance(0.97) ? 'HS' : null;
  if (occupation === 'student') return rng.chance(0.92) ? 'SV' : null;
  // Self-paid household insurance (hộ gia đình) is where coverage is missing.
  return rng.chance(0.78) ? 'GD' : null;
}

export interface Insurance {
  insurance_code: string;
  social_insurance_no: string;
  insurance_valid_from: string;
  insurance_valid_to: string;
  beneficiary_group: string;
}

/**
 * The card: the 15-character code (group + benefit level + province + social-insurance number)
 * on older cards, the social-insurance number alone on newer ones. Valid to the end of this or
 * next year; children's cards run to the day before their sixth birthday; ~5% have lapsed.
 */
export function insuranceCard(rng: Rng, group: string, provinceCode: string, sequence: number, birthDay: number, asOfDay: number): Insurance {
  const level = BENEFIT_LEVEL[group] ?? 4;
  const social = socialInsuranceNumber(provinceCode, sequence);
  const year = yearOf(asOfDay);
  let from: number;
  let to: number;
  if (group === 'TE') {
    from = birthDay;
    to = addYears(birthDay, 6) - 1;
  } else if (rng.chance(group === 'GD' || group === 'SV' ? 0.12 : 0.035)) {
    // Lapsed: ended between one and eleven months ago, not renewed.
    to = asOfDay - rng.int(15, 330);
    from = addYears(to, -1) + 1;
  } else {
    to = rng.chance(0.55) ? dayOf(year, 12, 31) : dayOf(year + 1, 12, 31);
    from = Math.max(birthDay, addYears(to, -1) + 1 - (rng.chance(0.5) ? 0 : rng.int(0, 11) * 30));
    if (from > asOfDay) from = dayOf(year, 1, 1);
  }
  return {
    insurance_code: rng.chance(0.65) ? `${group}${level}${provinceCode}${social}` : social,
    social_insurance_no: social,
    insurance_valid_from: formatDay(from),
    insurance_valid_to: formatDay(to),
    beneficiary_group: group,
  };
}
