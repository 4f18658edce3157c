/**
 * A deterministic population: the same seed, communes, size and as-of date always give the same
 * households, residents and health data. Output comes in batches of about `batchSize` residents
 * (a household is never split), so ten million people never sit in memory. Rows carry keys, not
 * database ids: `loadPopulation` (server/src/demo/population-load.ts) turns keys into ids reserved from the sequences.
 */
import { addYears, formatDay, parseDay, timestampOn, yearOf } from './calendar.ts';
import { encounters, chronicConditions, type EncounterDraft, immunizations, recordHistory } from './health.ts';
import { buildHousehold, type Member } from './households.ts';
import {
  beneficiaryGroup,
  birthProvince,
  CitizenSerials,
  citizenPrefix,
  type HouseholdStanding,
  insuranceCard,
  mobilePhone,
  occupationOf,
} from './identity.ts';
import { familyName, fullName } from './names.ts';
import { Rng, Weighted } from './random.ts';
import { ETHNIC_MIX, nameProfileOf, OCCUPATION, POVERTY, type RegionProfile, regionOf } from './reference.ts';

export interface CommuneInput {
  communeId: number;
  /** Official 5-digit code, used in household codes. */
  communeCode: string;
  /** 3-digit province code of birth registration for people born here (CCCD digits 1–3). */
  provinceBirthCode: string;
  villages: { id: number; name: string }[];
  name?: string;
  /** 'ward' gives street addresses ("Số 12, Tổ dân phố 3"); otherwise the village name. */
  kind?: string;
  /** Who lives here; by default from the province of birth code and the kind. */
  region?: RegionProfile;
  /** The commune's health station (org unit), the facility of its encounters and vaccinations. */
  stationId?: number | null;
  /** 2-digit province on insurance cards; default: the population's, else from provinceBirthCode. */
  insuranceProvinceCode?: string;
  /** Registered primary-care facilities printed on cards, with weights. */
  facilities?: { name: string; weight: number }[];
  /** Relative size when totalResidents is spread over communes (default 1). */
  weight?: number;
}

export interface PopulationOptions {
  seed: number;
  communes: CommuneInput[];
  residentsPerCommune?: number;
  totalResidents?: number;
  /** The day the population is described on (ages, card validity, last year's encounters). */
  asOf: string;
  batchSize?: number;
  insuranceProvinceCode?: string;
  /** Sequence number of the first resident (e.g. residents already loaded), for social-insurance numbers. */
  sequenceStart?: number;
  /** CCCDs already in the database per 6-digit prefix: serial counters start after them. */
  citizenIdsIssued?: ReadonlyMap<string, number>;
  /** Household numbers already used, per commune id, so household codes continue after them. */
  householdNumbersTaken?: ReadonlyMap<number, number>;
}

export interface HouseholdRow {
  key: number;
  commune_id: number;
  village_id: number | null;
  code: string;
  address: string;
  head_key: number;
}

export interface ResidentRow {
  key: number;
  household_key: number;
  commune_id: number;
  village_id: number | null;
  relationship: string;
  full_name: string;
  sex: 'male' | 'female';
  birth_date: string | null;
  birth_year: number;
  citizen_id: string | null;
  insurance_code: string | null;
  social_insurance_no: string | null;
  insurance_valid_from: string | null;
  insurance_valid_to: string | null;
  insurance_facility: string | null;
  beneficiary_group: string | null;
  phone: string | null;
  ethnicity_code: string;
  occupation: string | null;
  residence_status: 'permanent' | 'temporary' | 'absent';
}

export interface HealthRecordRow {
  resident_key: number;
  commune_id: number;
  history: Record<string, unknown>;
  created_at: string;
}

export interface ImmunizationRow {
  resident_key: number;
  commune_id: number;
  vaccine_code: string;
  dose: number;
  date: string;
  facility_id: number | null;
  recorded_at: string;
}

export interface EncounterRow extends EncounterDraft {
  key: number;
  resident_key: number;
  commune_id: number;
  facility_id: number | null;
}

export interface LifeEventRow {
  resident_key: number;
  commune_id: number;
  kind: 'registered' | 'move_in';
  date: string;
  note: string;
}

/** Keys are consecutive within a batch, starting at the batch's *KeyStart. */
export interface PopulationBatch {
  householdKeyStart: number;
  residentKeyStart: number;
  encounterKeyStart: number;
  households: HouseholdRow[];
  residents: ResidentRow[];
  healthRecords: HealthRecordRow[];
  immunizations: ImmunizationRow[];
  encounters: EncounterRow[];
  lifeEvents: LifeEventRow[];
}

/** Residents per commune: an even (or weighted) split of the total, remainders to the first. */
export function communeQuotas(options: Pick<PopulationOptions, 'communes' | 'residentsPerCommune' | 'totalResidents'>): number[] {
  const { communes } = options;
  if (options.residentsPerCommune !== undefined) return communes.map(() => options.residentsPerCommune as number);
  const total = options.totalResidents ?? 0;
  const weights = communes.map((c) => c.weight ?? 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const quotas = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - quotas.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % quotas.length, rest--) quotas[i] = (quotas[i] as number) + 1;
  return quotas;
}

/** A station's staff: doctor, assistant doctor, nurse, midwife (nữ hộ sinh: a woman). */
const STAFF: [string, 'male' | 'female' | null][] = [['BS.', null], ['YS.', null], ['ĐD.', null], ['NHS.', 'female']];

/** Share of people with only a birth year on file, by age: old registers often lack the day. */
const yearOnlyShare = (age: number) => (age >= 80 ? 0.8 : age >= 70 ? 0.6 : age >= 60 ? 0.4 : age >= 45 ? 0.1 : age >= 30 ? 0.02 : 0);
const citizenIdShare = (age: number) => (age >= 14 ? 0.93 : age < 1 ? 0.4 : 0.65);
const phoneShare = (age: number) => (age < 15 ? 0 : age < 18 ? 0.3 : age < 60 ? 0.78 : age < 75 ? 0.55 : 0.25);
const recordShare = (age: number, chronic: boolean) => (chronic ? 0.95 : age < 6 ? 0.75 : age < 18 ? 0.5 : age < 60 ? 0.5 : 0.85);

interface Counters {
  household: number;
  resident: number;
  encounter: number;
}

/** What stays the same for every household of a commune. */
interface CommuneContext {
  commune: CommuneInput;
  region: RegionProfile;
  ethnicMix: Weighted<string>;
  poverty: { poor: number; nearPoor: number };
  insuranceProvince: string;
  facilities: Weighted<string>;
  villages: Weighted<{ id: number; name: string }> | null;
  practitioners: string[];
  houseNumbers: Map<number, number>;
  householdNo: number;
}

function communeContext(options: PopulationOptions, ci: number, commune: CommuneInput): CommuneContext {
  const setupRng = new Rng(options.seed, ci, -1);
  const region = commune.region ?? regionOf(commune.provinceBirthCode, commune.kind);
  const facilities = commune.facilities ?? [{ name: `Trạm Y tế ${commune.name ?? commune.communeCode}`, weight: 1 }];
  return {
    commune,
    region,
    ethnicMix: new Weighted(ETHNIC_MIX[region]),
    poverty: POVERTY[region],
    insuranceProvince: commune.insuranceProvinceCode ?? options.insuranceProvinceCode ?? commune.provinceBirthCode.slice(-2),
    facilities: new Weighted(facilities.map((f) => [f.name, f.weight] as const)),
    villages: commune.villages.length > 0 ? new Weighted(commune.villages.map((v) => [v, setupRng.between(1, 0.3, 0.4, 1.8)] as const)) : null,
    practitioners: STAFF.map(([title, sex]) => `${title} ${fullName(setupRng, 'kinh', sex ?? (setupRng.chance(0.6) ? 'female' : 'male'), 1970 + setupRng.int(0, 30))}`),
    houseNumbers: new Map(),
    householdNo: options.householdNumbersTaken?.get(commune.communeId) ?? 0,
  };
}

/** "Số 12, ngõ 5, Tổ dân phố 3" in towns, "Thôn Nà Cưởm" in the countryside. */
function addressOf(rng: Rng, ctx: CommuneContext, village: { id: number; name: string } | null): string {
  const house = (ctx.houseNumbers.get(village?.id ?? 0) ?? 0) + rng.int(1, 3);
  ctx.houseNumbers.set(village?.id ?? 0, house);
  if (!village) return `Số ${house}${ctx.commune.name ? `, ${ctx.commune.name}` : ''}`;
  if (ctx.commune.kind !== 'ward' && !village.name.startsWith('Tổ')) return village.name;
  return `Số ${house}, ${rng.chance(0.25) ? `ngõ ${rng.int(1, 40)}, ` : ''}${village.name}`;
}

/** One household and its members' rows, appended to the batch. */
function addHousehold(batch: PopulationBatch, ctx: CommuneContext, rng: Rng, members: Member[], keys: Counters, options: PopulationOptions & { serials: CitizenSerials; asOfDay: number }) {
  const { commune, region } = ctx;
  const { asOfDay } = options;
  const village = ctx.villages?.pick(rng) ?? null;
  const villageId = village?.id ?? null;
  ctx.householdNo++;
  const householdKey = keys.household++;
  batch.households.push({
    key: householdKey,
    commune_id: commune.communeId,
    village_id: villageId,
    code: `${commune.communeCode}.${String(ctx.householdNo).padStart(5, '0')}`,
    address: addressOf(rng, ctx, village),
    head_key: keys.resident,
  });

  const householdEthnicity = ctx.ethnicMix.pick(rng);
  const poor = rng.chance(ctx.poverty.poor);
  const standing: HouseholdStanding = { poor, nearPoor: !poor && rng.chance(ctx.poverty.nearPoor), minorityHighland: region === 'highland' && householdEthnicity !== '01' };
  const temporary = rng.chance(commune.kind === 'ward' ? 0.08 : 0.035);
  const movedInDay = asOfDay - rng.int(30, 1100);
  const ethnicities: string[] = [];
  const families: string[] = [];
  const givenNames = new Set<string>();

  for (const [mi, m] of members.entries()) {
    const from = m.familyFrom >= 0 && m.familyFrom < mi ? m.familyFrom : -1;
    const ethnicity = m.marriedIn ? (rng.chance(0.8) ? householdEthnicity : ctx.ethnicMix.pick(rng)) : from >= 0 ? (ethnicities[from] as string) : householdEthnicity;
    ethnicities.push(ethnicity);
    const profile = nameProfileOf(ethnicity);
    const family = from >= 0 ? (families[from] as string) : familyName(rng, profile);
    families.push(family);

    const birthDay = addYears(asOfDay, -m.age) - rng.int(0, 364);
    const birthYear = yearOf(birthDay);
    // Parents do not give two children the same name.
    let name = fullName(rng, profile, m.sex, birthYear, family);
    for (let i = 0; givenNames.has(name.slice(name.lastIndexOf(' '))) && i < 3; i++) name = fullName(rng, profile, m.sex, birthYear, family);
    givenNames.add(name.slice(name.lastIndexOf(' ')));
    const key = keys.resident++;
    const occupation = occupationOf(rng, m.age, m.sex, region);
    const group = beneficiaryGroup(rng, m.age, m.sex, occupation, standing);
    const card = group ? insuranceCard(rng, group, ctx.insuranceProvince, (options.sequenceStart ?? 0) + key, birthDay, asOfDay) : null;
    const absent = !temporary && m.age >= 18 && m.age <= 45 && rng.chance(m.relationship === 'head' ? 0.03 : 0.1);
    const residence = temporary ? 'temporary' : absent ? 'absent' : 'permanent';
    const migrant = temporary || (m.marriedIn && rng.chance(0.3));
    batch.residents.push({
      key,
      household_key: householdKey,
      commune_id: commune.communeId,
      village_id: villageId,
      relationship: m.relationship,
      full_name: name,
      sex: m.sex,
      birth_date: rng.chance(yearOnlyShare(m.age)) ? null : formatDay(birthDay),
      birth_year: birthYear,
      citizen_id: rng.chance(citizenIdShare(m.age)) ? options.serials.issue(citizenPrefix(birthProvince(rng, commune.provinceBirthCode, migrant), m.sex, birthYear)) : null,
      insurance_code: card?.insurance_code ?? null,
      social_insurance_no: card?.social_insurance_no ?? null,
      insurance_valid_from: card?.insurance_valid_from ?? null,
      insurance_valid_to: card?.insurance_valid_to ?? null,
      insurance_facility: card ? ctx.facilities.pick(rng) : null,
      beneficiary_group: card?.beneficiary_group ?? null,
      phone: rng.chance(phoneShare(m.age)) ? mobilePhone(rng) : null,
      ethnicity_code: ethnicity,
      occupation: occupation ? OCCUPATION[occupation] : null,
      residence_status: residence,
    });

    const person = { sex: m.sex, age: m.age, birthDay };
    const conditions = chronicConditions(rng, person);
    const at = { resident_key: key, commune_id: commune.communeId };
    if (rng.chance(recordShare(m.age, conditions.length > 0))) {
      const opened = Math.min(asOfDay, Math.max(birthDay + rng.int(1, 20), asOfDay - rng.int(0, 2200)));
      batch.healthRecords.push({ ...at, history: recordHistory(rng, person, conditions), created_at: timestampOn(opened, rng.int(7, 16), rng.int(0, 59)) });
    }
    if (residence !== 'absent') {
      for (const e of encounters(rng, person, conditions, { asOfDay, practitioners: ctx.practitioners })) {
        batch.encounters.push({ ...e, ...at, key: keys.encounter++, facility_id: commune.stationId ?? null });
      }
    }
    for (const v of immunizations(rng, person, asOfDay)) {
      batch.immunizations.push({ ...v, ...at, facility_id: commune.stationId ?? null, recorded_at: `${v.date}T09:00:00+07:00` });
    }
    if (temporary) batch.lifeEvents.push({ ...at, kind: 'move_in', date: formatDay(Math.max(birthDay, movedInDay)), note: 'Đăng ký tạm trú' });
    else if (m.age === 0 && birthDay + 30 <= asOfDay) batch.lifeEvents.push({ ...at, kind: 'registered', date: formatDay(birthDay + rng.int(3, 30)), note: 'Đăng ký khai sinh' });
  }
}

export function* generatePopulation(options: PopulationOptions): Generator<PopulationBatch> {
  const batchSize = options.batchSize ?? 5000;
  const quotas = communeQuotas(options);
  const context = { ...options, serials: new CitizenSerials(options.citizenIdsIssued), asOfDay: parseDay(options.asOf) };
  const keys: Counters = { household: 0, resident: 0, encounter: 0 };
  const newBatch = (): PopulationBatch => ({
    householdKeyStart: keys.household,
    residentKeyStart: keys.resident,
    encounterKeyStart: keys.encounter,
    households: [],
    residents: [],
    healthRecords: [],
    immunizations: [],
    encounters: [],
    lifeEvents: [],
  });
  let batch = newBatch();
  for (const [ci, commune] of options.communes.entries()) {
    const quota = quotas[ci] ?? 0;
    const ctx = communeContext(options, ci, commune);
    for (let placed = 0, h = 0; placed < quota; h++) {
      // Each household draws from its own stream: its content depends on (seed, commune, number) only.
      const rng = new Rng(options.seed, ci, h);
      const members = buildHousehold(rng).slice(0, quota - placed);
      placed += members.length;
      addHousehold(batch, ctx, rng, members, keys, context);
      if (batch.residents.length >= batchSize) {
        yield batch;
        batch = newBatch();
      }
    }
  }
  if (batch.residents.length > 0) yield batch;
}
