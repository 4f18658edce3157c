/**
 * A person's health data: diagnosed chronic conditions (by age and sex), the 831 record's history
 * part, encounters at the station with ICD-10 diagnoses and observations, and the expanded
 * programme's immunisations for children under six. Prevalences are rounded public figures for
 * diagnosed disease, not for all disease.
 */
import { addYears, formatDay, timestampOn, yearOf } from './calendar.ts';
import type { Sex } from './names.ts';
import { type Rng, Weighted } from './random.ts';
import { ALLERGIES, DISABILITIES } from './reference.ts';

export interface Person {
  sex: Sex;
  age: number;
  birthDay: number;
}

/** Chronic conditions: ICD-10 code, Vietnamese reason text, prevalence by age and sex. */
const CHRONIC: { code: string; label: string; prevalence: (age: number, sex: Sex) => number }[] = [
  { code: 'I10', label: 'tăng huyết áp', prevalence: (a) => (a < 25 ? 0 : a < 45 ? 0.04 : a < 65 ? 0.17 : 0.32) },
  { code: 'E11', label: 'đái tháo đường típ 2', prevalence: (a) => (a < 30 ? 0 : a < 45 ? 0.015 : a < 65 ? 0.06 : 0.1) },
  { code: 'J44', label: 'bệnh phổi tắc nghẽn mạn tính', prevalence: (a, s) => (a < 40 ? 0 : (a < 60 ? 0.02 : 0.06) * (s === 'male' ? 1.6 : 0.5)) },
  { code: 'J45', label: 'hen phế quản', prevalence: (a) => (a < 5 ? 0 : 0.025) },
  { code: 'E78', label: 'rối loạn lipid máu', prevalence: (a) => (a < 35 ? 0 : a < 55 ? 0.04 : 0.08) },
  { code: 'M17', label: 'thoái hóa khớp gối', prevalence: (a, s) => (a < 50 ? 0 : (a < 65 ? 0.04 : 0.1) * (s === 'female' ? 1.4 : 0.7)) },
];

const CHRONIC_LABEL = new Map(CHRONIC.map((c) => [c.code, c.label]));

export function chronicConditions(rng: Rng, p: Person): string[] {
  const codes: string[] = [];
  for (const c of CHRONIC) if (rng.chance(c.prevalence(p.age, p.sex))) codes.push(c.code);
  return codes;
}

/** Acute illnesses seen at a station: code, reason as a patient says it, weight. */
const ACUTE = new Weighted<[string, string]>([
  [['J06.9', 'Sốt, ho, sổ mũi'], 22], [['J02.9', 'Đau họng'], 10], [['J20.9', 'Ho có đờm'], 8], [['A09.9', 'Tiêu chảy'], 6],
  [['K29.7', 'Đau thượng vị'], 8], [['M54.5', 'Đau lưng'], 8], [['R51', 'Đau đầu'], 6], [['N39.0', 'Tiểu buốt, tiểu rắt'], 3],
  [['H10.9', 'Đỏ mắt, chảy nước mắt'], 3], [['L30.9', 'Ngứa, mẩn đỏ'], 4], [['B34.9', 'Sốt'], 6], [['K02.9', 'Đau răng'], 3],
  [['M79.1', 'Đau mỏi cơ'], 4], [['K21.9', 'Ợ chua, nóng rát sau xương ức'], 3],
]);

const FAMILY_RELATION = new Weighted<string>([['Bố', 4], ['Mẹ', 4], ['Anh chị em ruột', 2], ['Ông bà', 1]]);

/** Part 2 of the 831 record: history and risk factors. */
export function recordHistory(rng: Rng, p: Person, conditions: string[]): Record<string, unknown> {
  const adult = p.age >= 15;
  const male = p.sex === 'male';
  const smokes = adult ? (male ? (rng.chance(0.4) ? 'current' : rng.chance(0.15) ? 'former' : 'never') : rng.chance(0.015) ? 'current' : 'never') : 'never';
  const drinks = adult ? (male ? (rng.chance(0.3) ? 'regular' : rng.chance(0.55) ? 'occasional' : 'none') : rng.chance(0.12) ? 'occasional' : 'none') : 'none';
  // The shape is the record's History (server/src/modules/records/records.schemas.ts).
  const allergy = rng.chance(0.05) ? ALLERGIES.pick(rng) : null;
  const disability = rng.chance(0.015 + (p.age >= 70 ? 0.06 : 0)) ? DISABILITIES.pick(rng) : null;
  const family = rng.chance(0.18) ? [{ relation: FAMILY_RELATION.pick(rng), icd10Code: rng.chance(0.6) ? 'I10' : rng.chance(0.5) ? 'E11' : 'C16' }] : [];
  return {
    tobacco: smokes,
    alcohol: { status: drinks },
    ...(adult ? { physicalActivity: rng.chance(0.35) ? 'regular' : rng.chance(0.5) ? 'occasional' : 'none' } : {}),
    ...(allergy ? { allergies: { [allergy[0]]: allergy[1] } } : {}),
    ...(disability ? { disabilities: disability[0] === 'other' ? { other: disability[1] } : { [disability[0]]: true } } : {}),
    personalHistory: { conditions },
    familyHistory: family,
  };
}

export interface EncounterDraft {
  date: string;
  recorded_at: string;
  type: string;
  reason: string;
  notes: string | null;
  practitioner: string;
  diagnoses: { code: string; primary: boolean }[];
  observations: { code: string; value: number }[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Median height (cm) and weight (kg) by age, boys/girls then adults; about WHO's medians. */
function bodySize(rng: Rng, p: Person): { height: number; weight: number } {
  const a = p.age;
  const male = p.sex === 'male';
  let height: number;
  if (a < 1) height = 60;
  else if (a < 6) height = 75 + (a - 1) * 8.2;
  else if (a < 16) height = 115 + (a - 6) * (male ? 5.6 : 4.6);
  else height = male ? 166 : 156;
  if (a >= 65) height -= 3;
  height = round1(height * rng.between(1, 0.035, 0.9, 1.1));
  const bmi = a < 16 ? rng.between(16, 1.6, 12.5, 23) : rng.between(21.8, 2.8, 16, 33);
  return { height, weight: round1((bmi * height * height) / 10000) };
}

function bloodPressure(rng: Rng, p: Person, hypertensive: boolean): [number, number] {
  const systolic = hypertensive ? rng.between(142, 14, 115, 190) : rng.between(112 + Math.max(0, p.age - 30) * 0.35, 10, 90, 150);
  const diastolic = Math.min(systolic - 25, hypertensive ? rng.between(88, 8, 70, 115) : rng.between(72, 7, 55, 92));
  return [Math.round(systolic), Math.round(diastolic)];
}

export interface EncounterContext {
  asOfDay: number;
  practitioners: readonly string[];
}

/**
 * Up to three encounters in the last year: chronic follow-ups for the chronically ill, antenatal
 * visits, check-ups of children and the elderly, screenings and acute illnesses.
 */
export function encounters(rng: Rng, p: Person, conditions: string[], ctx: EncounterContext): EncounterDraft[] {
  const out: EncounterDraft[] = [];
  const hypertensive = conditions.includes('I10');
  const diabetic = conditions.includes('E11');
  // Height and weight belong to the person; measured only when an encounter needs them.
  let size: { height: number; weight: number } | null = null;
  const make = (daysAgo: number, type: string, reason: string, diagnoses: string[], notes: string | null, observe: string[]) => {
    const day = Math.max(p.birthDay, ctx.asOfDay - daysAgo);
    let bp: [number, number] | null = null;
    const measure = (code: string): number => {
      switch (code) {
        case 'systolic_bp':
          bp ??= bloodPressure(rng, p, hypertensive);
          return bp[0];
        case 'diastolic_bp':
          bp ??= bloodPressure(rng, p, hypertensive);
          return bp[1];
        case 'pulse':
          return Math.round(rng.between(p.age < 6 ? 110 : 78, 9, 55, 150));
        case 'weight':
          size ??= bodySize(rng, p);
          return size.weight;
        case 'height':
          size ??= bodySize(rng, p);
          return size.height;
        case 'glucose':
          return round1(diabetic ? rng.between(8.2, 1.8, 5.5, 16) : rng.between(5.1, 0.5, 3.9, 6.9));
        default:
          return round1(type === 'illness' && rng.chance(0.6) ? rng.between(38.2, 0.6, 37.5, 40) : rng.between(36.8, 0.3, 36, 37.4));
      }
    };
    out.push({
      date: formatDay(day),
      recorded_at: timestampOn(day, rng.int(7, 16), rng.int(0, 59)),
      type,
      reason,
      notes,
      practitioner: rng.pick(ctx.practitioners),
      diagnoses: diagnoses.map((code, i) => ({ code, primary: i === 0 })),
      observations: observe.map((code) => ({ code, value: measure(code) })),
    });
  };

  const managed = conditions.filter((c) => c === 'I10' || c === 'E11' || c === 'J44' || c === 'J45');
  if (managed.length > 0 && rng.chance(0.85)) {
    const visits = rng.int(1, 3);
    const label = managed.map((c) => CHRONIC_LABEL.get(c)).join(', ');
    for (let i = 0; i < visits; i++) {
      const obs = ['systolic_bp', 'diastolic_bp', 'pulse', 'weight', ...(diabetic ? ['glucose'] : [])];
      make(i * 30 + rng.int(0, 25), 'chronic_followup', `Tái khám định kỳ: ${label}`, managed, null, obs);
      const last = out[out.length - 1];
      if (last && hypertensive) last.notes = (last.observations[0]?.value ?? 0) < 140 ? 'Huyết áp ổn định, tiếp tục điều trị' : 'Huyết áp chưa kiểm soát, điều chỉnh thuốc';
    }
  } else if (p.sex === 'female' && p.age >= 19 && p.age <= 40 && rng.chance(0.05)) {
    const visits = rng.int(1, 3);
    for (let i = 0; i < visits; i++) make(i * 35 + rng.int(0, 20), 'antenatal', 'Khám thai định kỳ', ['Z34.9'], null, ['systolic_bp', 'diastolic_bp', 'weight']);
  } else if (p.age < 6 && rng.chance(0.15)) {
    make(rng.int(0, 360), 'checkup', 'Khám sức khỏe trẻ em', ['Z00.1'], null, ['weight', 'height']);
  } else if (p.age >= 60 && rng.chance(0.2)) {
    make(rng.int(0, 360), p.age >= 80 && rng.chance(0.3) ? 'home_visit' : 'checkup', 'Khám sức khỏe người cao tuổi', ['Z00.0'], null, ['systolic_bp', 'diastolic_bp', 'pulse', 'weight', 'height']);
  } else if (p.age >= 40 && rng.chance(0.05)) {
    make(rng.int(0, 360), 'screening', 'Sàng lọc tăng huyết áp, đái tháo đường', ['Z13.6'], null, ['systolic_bp', 'diastolic_bp', 'glucose', 'weight', 'height']);
  }
  if (out.length < 3 && rng.chance(0.16)) {
    const [code, reason] = ACUTE.pick(rng);
    make(rng.int(0, 360), 'illness', reason, [code], 'Điều trị ngoại trú, hẹn khám lại nếu không đỡ', ['temperature', 'pulse', ...(p.age >= 15 ? ['systolic_bp', 'diastolic_bp'] : ['weight'])]);
  }
  return out;
}

/**
 * The expanded programme (Circular 10/2024/TT-BYT): vaccine, dose, age in days when due, the
 * share of children who get it. A missed dose stops the series (drop-out), as in real registers.
 */
const SCHEDULE: { vaccine: string; dose: number; dueDay: number; coverage: number; bornFrom?: number }[] = [
  { vaccine: 'hepb_birth', dose: 1, dueDay: 0, coverage: 0.86 },
  { vaccine: 'bcg', dose: 1, dueDay: 3, coverage: 0.97 },
  { vaccine: 'dpt_hepb_hib', dose: 1, dueDay: 61, coverage: 0.96 },
  { vaccine: 'dpt_hepb_hib', dose: 2, dueDay: 91, coverage: 0.98 },
  { vaccine: 'dpt_hepb_hib', dose: 3, dueDay: 122, coverage: 0.98 },
  { vaccine: 'opv', dose: 1, dueDay: 61, coverage: 0.96 },
  { vaccine: 'opv', dose: 2, dueDay: 91, coverage: 0.98 },
  { vaccine: 'opv', dose: 3, dueDay: 122, coverage: 0.98 },
  { vaccine: 'ipv', dose: 1, dueDay: 152, coverage: 0.93 },
  { vaccine: 'ipv', dose: 2, dueDay: 274, coverage: 0.9, bornFrom: 2022 },
  { vaccine: 'measles', dose: 1, dueDay: 274, coverage: 0.95 },
  { vaccine: 'je', dose: 1, dueDay: 365, coverage: 0.88 },
  { vaccine: 'je', dose: 2, dueDay: 380, coverage: 0.97 },
  { vaccine: 'mr', dose: 1, dueDay: 548, coverage: 0.9 },
  { vaccine: 'dpt_booster', dose: 1, dueDay: 548, coverage: 0.9 },
  { vaccine: 'je', dose: 3, dueDay: 745, coverage: 0.92 },
];

export interface ImmunizationDraft {
  vaccine_code: string;
  dose: number;
  date: string;
}

export function immunizations(rng: Rng, p: Person, asOfDay: number): ImmunizationDraft[] {
  if (p.age >= 6) return [];
  const out: ImmunizationDraft[] = [];
  const stopped = new Set<string>();
  const lastDose = new Map<string, number>();
  const birthYear = yearOf(p.birthDay);
  const sixth = addYears(p.birthDay, 6);
  for (const s of SCHEDULE) {
    if (stopped.has(s.vaccine) || (s.bornFrom && birthYear < s.bornFrom)) continue;
    if (!rng.chance(s.coverage)) {
      stopped.add(s.vaccine);
      continue;
    }
    // Most doses are on time or a few days late; a tail is weeks late.
    const delay = s.dueDay === 0 ? (rng.chance(0.9) ? 0 : 1) : rng.chance(0.8) ? rng.int(0, 10) : rng.int(11, 75);
    const previous = lastDose.get(s.vaccine);
    // A later dose keeps the minimum interval after the one before (a week for JE's second).
    const day = Math.max(p.birthDay + s.dueDay + delay, previous === undefined ? 0 : previous + (s.vaccine === 'je' && s.dose === 2 ? 7 : 28));
    if (day > asOfDay || day >= sixth) break;
    lastDose.set(s.vaccine, day);
    out.push({ vaccine_code: s.vaccine, dose: s.dose, date: formatDay(day) });
  }
  return out;
}
