/**
 * A unique index refusing a row (PostgreSQL and PGlite error 23505) is a conflict with data that
 * already exists, not a server fault: two requests racing past a service's check, or a check a
 * service never made. The error handler answers 409 naming the field, from this table of the
 * schema's unique constraints (names as the migrations create them; an int test checks each
 * exists). A constraint not listed still answers 409, without a field.
 */
import { AppError } from '../errors.ts';

interface Duplicate {
  field: string;
  vi: string;
  en: string;
}

export const UNIQUE_CONSTRAINTS: Record<string, Duplicate> = {
  app_user_username_key: { field: 'username', vi: 'Tên đăng nhập đã được dùng', en: 'Username already taken' },
  household_code: { field: 'code', vi: 'Số hộ đã có trong xã', en: 'Household number already exists in this commune' },
  resident_citizen_id: { field: 'citizenId', vi: 'Số CCCD đã được đăng ký', en: 'Personal ID already registered' },
  agency_org_unit_id_name_folded_key: { field: 'agencies', vi: 'Cơ quan, đơn vị đã có tên này', en: 'An agency with this name already exists' },
  indicator_code_key: { field: 'code', vi: 'Mã chỉ số đã có', en: 'Indicator code already exists' },
  health_record_pkey: { field: 'residentId', vi: 'Người này đã có hồ sơ sức khỏe', en: 'This person already has a health record' },
  diagnosis_pkey: { field: 'diagnoses', vi: 'Chẩn đoán bị lặp trong lượt khám', en: 'Diagnosis repeated in the visit' },
  observation_encounter_id_code_key: { field: 'observations', vi: 'Chỉ số đo bị lặp trong lượt khám', en: 'Observation repeated in the visit' },
  user_role_pkey: { field: 'roles', vi: 'Vai trò bị lặp ở cùng đơn vị', en: 'Role repeated at the same unit' },
  plan_task_partner_pkey: { field: 'partners', vi: 'Cơ quan phối hợp bị lặp', en: 'Partner agency repeated' },
};

/** The 409 for a unique violation, or null when the error is something else. */
export function uniqueViolation(error: unknown): AppError | null {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  if (!e || e.code !== '23505') return null;
  const known = typeof e.constraint === 'string' ? UNIQUE_CONSTRAINTS[e.constraint] : undefined;
  if (!known) return new AppError(409, 'conflict', 'Dữ liệu trùng với dữ liệu đã có', 'This duplicates existing data');
  return new AppError(409, 'conflict', known.vi, known.en, [{ field: known.field, message: known.vi, messageEn: known.en }]);
}
