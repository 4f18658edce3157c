/**
 * A unique index refusing a row (PostgreSQL and PGlite error 23505) is a conflict with data that
 * already exists, not a server fault: two requests racing past a service's check, or a check a
 * service never made. The error handler answers 409 naming the field, from this table of the
 * schema's unique constraints (names as the migrations create them; an int test checks each
 * exists). A constraint not listed still answers 409, without a field.
 */
import { type MessageKey, say } from '@ytcs/common';
import { AppError } from '../errors.ts';

interface Duplicate {
  field: string;
  key: UniqueMessageKey;
}

type UniqueMessageKey = Extract<MessageKey, `unique.${string}`>;

export const UNIQUE_CONSTRAINTS: Record<string, Duplicate> = {
  app_user_username_key: { field: 'username', key: 'unique.username' },
  household_code: { field: 'code', key: 'unique.householdCode' },
  resident_citizen_id: { field: 'citizenId', key: 'unique.citizenId' },
  agency_org_unit_id_name_folded_key: { field: 'agencies', key: 'unique.agencyName' },
  indicator_code_key: { field: 'code', key: 'unique.indicatorCode' },
  health_record_pkey: { field: 'residentId', key: 'unique.healthRecord' },
  diagnosis_pkey: { field: 'diagnoses', key: 'unique.diagnosis' },
  observation_encounter_id_code_key: { field: 'observations', key: 'unique.observation' },
  user_role_pkey: { field: 'roles', key: 'unique.userRole' },
  plan_task_partner_pkey: { field: 'partners', key: 'unique.planPartner' },
};

/** The 409 for a unique violation, or null when the error is something else. */
export function uniqueViolation(error: unknown): AppError | null {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  if (e?.code !== '23505') return null;
  const known = typeof e.constraint === 'string' && Object.hasOwn(UNIQUE_CONSTRAINTS, e.constraint) ? UNIQUE_CONSTRAINTS[e.constraint] : undefined;
  if (!known) return new AppError(409, 'conflict', say('http.duplicate'));
  const said = say(known.key);
  return new AppError(409, 'conflict', said, [{ field: known.field, ...said }]);
}
