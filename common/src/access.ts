/**
 * Permission codes. Which role grants which permission is data (table role_permission);
 * these codes are what routes declare, so a typo is a compile error rather than an open door.
 */
export const PERMISSIONS = [
  'org_unit.read',
  'org_unit.write',
  'user.read',
  'user.write',
  'audit.read',
  'person.read',
  'person.write',
  'person.export',
  'aggregate.read',
  'aggregate.write',
  'plan.read',
  'plan.write',
  'task.update',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ORG_UNIT_LEVELS = ['country', 'province', 'district', 'commune', 'village', 'facility'] as const;

/** Whether a unit existed on a date: valid then, not yet established, or already closed. */
export const ORG_UNIT_STATES_ON_DATE = ['valid', 'future', 'closed'] as const;

export const ORG_UNIT_KINDS = [
  'country',
  'province',
  'city',
  'district',
  'town',
  'township',
  'ward',
  'commune',
  'special_zone',
  'village',
  'health_department',
  'health_centre',
  'health_station',
  'school',
  'private_clinic',
] as const;
