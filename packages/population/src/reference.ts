/**
 * The figures the generator draws from, as data: the population pyramid, ethnic mixes of the
 * regions, insurance beneficiary groups and benefit levels, mobile prefixes, provinces of birth.
 * Sources are public statistics, rounded; they make a plausible population, not a census.
 */
import { Weighted } from './random.ts';
import type { NameProfile } from './names.ts';

/** Vietnam's population by 5-year age group (per cent, about 2024; last group 95–100). */
export const PYRAMID: readonly number[] = [7.2, 8.0, 7.9, 7.0, 6.6, 7.2, 8.0, 8.1, 7.4, 6.8, 6.1, 5.5, 4.7, 3.8, 2.6, 1.6, 1.0, 0.6, 0.3, 0.1];

/** Region profiles: who lives there (ethnic group codes, per cent) and how poor households are. */
export type RegionProfile = 'highland' | 'highland_town' | 'midland' | 'lowland';

export const ETHNIC_MIX: Record<RegionProfile, [string, number][]> = {
  // Rural Bắc Kạn: Tày majority, Kinh, Dao, Nùng, HMông.
  highland: [['02', 50], ['01', 21], ['09', 16], ['07', 8], ['08', 4], ['15', 0.5], ['04', 0.5]],
  // Bắc Kạn town wards.
  highland_town: [['01', 52], ['02', 34], ['07', 7], ['09', 5], ['04', 1], ['08', 1]],
  // Thái Nguyên before the merger.
  midland: [['01', 73], ['02', 11], ['07', 6], ['18', 4], ['15', 2.5], ['09', 2.3], ['04', 0.6], ['08', 0.6]],
  lowland: [['01', 97], ['04', 1], ['06', 1], ['02', 0.5], ['07', 0.5]],
};

/** Poor (hộ nghèo) and near-poor (hộ cận nghèo) household shares. */
export const POVERTY: Record<RegionProfile, { poor: number; nearPoor: number }> = {
  highland: { poor: 0.14, nearPoor: 0.1 },
  highland_town: { poor: 0.03, nearPoor: 0.04 },
  midland: { poor: 0.04, nearPoor: 0.05 },
  lowland: { poor: 0.02, nearPoor: 0.03 },
};

/** Provinces of birth registration (3-digit CCCD codes) in the northern mountains. */
const NORTHERN_MOUNTAINS = new Set(['002', '004', '006', '008', '010', '011', '012', '014', '015', '017', '020']);

export function regionOf(provinceBirthCode: string, kind?: string): RegionProfile {
  if (NORTHERN_MOUNTAINS.has(provinceBirthCode)) return kind === 'ward' ? 'highland_town' : 'highland';
  if (provinceBirthCode === '019' || provinceBirthCode === '025' || provinceBirthCode === '024' || provinceBirthCode === '022') return 'midland';
  return 'lowland';
}

/** Where people born elsewhere were registered (CCCD province codes, weights). */
export const MIGRANT_BIRTH_PROVINCES = new Weighted<string>([
  ['001', 14], ['019', 10], ['006', 6], ['008', 6], ['004', 5], ['020', 5], ['024', 7], ['025', 5], ['026', 4], ['027', 4],
  ['022', 3], ['030', 3], ['031', 3], ['033', 2], ['034', 3], ['035', 2], ['036', 3], ['037', 2], ['038', 4], ['040', 4],
  ['010', 2], ['015', 2], ['017', 2], ['014', 1], ['002', 1], ['079', 2],
]);

/** Ethnic group code → the name list used for its members. */
export function nameProfileOf(ethnicity: string): NameProfile {
  switch (ethnicity) {
    case '02':
    case '07':
      return 'tay_nung';
    case '09':
      return 'dao';
    case '08':
      return 'hmong';
    case '18':
      return 'san_diu';
    case '15':
      return 'san_chay';
    case '04':
      return 'hoa';
    default:
      return 'kinh';
  }
}

/**
 * Health-insurance beneficiary groups (Decision 1351/QĐ-BHXH): code → benefit level printed on
 * the card (1 = 100% without ceiling … 4 = 80%, 5 = armed forces).
 */
export const BENEFIT_LEVEL: Record<string, number> = {
  CC: 1, TE: 1,
  CK: 2, CB: 2, KC: 2, HN: 2, DT: 2, DK: 2, XD: 2, BT: 2, TS: 2,
  HT: 3, TC: 3, CN: 3,
  DN: 4, HX: 4, CH: 4, NN: 4, TK: 4, HC: 4, XK: 4, TB: 4, NO: 4, XB: 4, TN: 4, CS: 4, XN: 4, MS: 4, HD: 4, TQ: 4, TA: 4, TY: 4, HG: 4, LS: 4, PV: 4, HS: 4, SV: 4, GB: 4, GD: 4,
  QN: 5, CA: 5, CY: 5,
};

/** Mobile prefixes by network (Viettel, VinaPhone, MobiFone, Vietnamobile, Gmobile) and market share. */
export const MOBILE_PREFIXES = new Weighted<string>([
  ...['032', '033', '034', '035', '036', '037', '038', '039', '086', '096', '097', '098'].map((p) => [p, 55 / 12] as [string, number]),
  ...['081', '082', '083', '084', '085', '088', '091', '094'].map((p) => [p, 25 / 8] as [string, number]),
  ...['070', '076', '077', '078', '079', '089', '090', '093'].map((p) => [p, 17 / 8] as [string, number]),
  ...['052', '056', '058', '092', '059', '099'].map((p) => [p, 3 / 6] as [string, number]),
]);

/** Occupations written the way commune lists write them, with the insurance group they imply. */
export const OCCUPATION = {
  farmer: 'Làm nông nghiệp',
  worker: 'Công nhân',
  civilServant: 'Cán bộ, công chức',
  teacher: 'Giáo viên',
  trader: 'Buôn bán',
  freelance: 'Lao động tự do',
  homemaker: 'Nội trợ',
  soldier: 'Bộ đội',
  police: 'Công an',
  pupil: 'Học sinh',
  student: 'Sinh viên',
  retired: 'Hưu trí',
} as const;

/** Share of working-age adults in each occupation by region (the rest: farmer). */
export const WORK_MIX: Record<RegionProfile, [keyof typeof OCCUPATION, number][]> = {
  highland: [['farmer', 62], ['worker', 8], ['civilServant', 4], ['teacher', 3], ['trader', 5], ['freelance', 12], ['homemaker', 5], ['soldier', 0.5], ['police', 0.5]],
  highland_town: [['farmer', 18], ['worker', 14], ['civilServant', 14], ['teacher', 6], ['trader', 18], ['freelance', 20], ['homemaker', 8], ['soldier', 1], ['police', 1]],
  midland: [['farmer', 40], ['worker', 24], ['civilServant', 6], ['teacher', 3], ['trader', 9], ['freelance', 12], ['homemaker', 5], ['soldier', 0.5], ['police', 0.5]],
  lowland: [['farmer', 30], ['worker', 28], ['civilServant', 7], ['teacher', 3], ['trader', 12], ['freelance', 14], ['homemaker', 5], ['soldier', 0.5], ['police', 0.5]],
};

/** Allergies as the 831 form groups them: the section and what the person reacts to. */
export const ALLERGIES = new Weighted<['drugs' | 'food' | 'other', string]>([[['drugs', 'Penicillin'], 4], [['food', 'Hải sản'], 3], [['drugs', 'Aspirin'], 1], [['drugs', 'Sulfamid'], 1], [['other', 'Phấn hoa'], 1], [['food', 'Sữa bò'], 1], [['food', 'Trứng'], 1]]);
/** Disabilities as the 831 form's boxes (hearing, vision, hands, legs, spine) or its free text. */
export const DISABILITIES = new Weighted<['legs' | 'hearing' | 'vision' | 'other', string]>([[['legs', 'Vận động'], 5], [['hearing', 'Nghe, nói'], 2], [['vision', 'Nhìn'], 2], [['other', 'Thần kinh, tâm thần'], 1], [['other', 'Trí tuệ'], 1]]);
