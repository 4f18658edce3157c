/** Row types of the tables, as Kysely sees them. Kept in step with migrations/ by hand. */
import type { TaskStatus } from '@ytcs/common';
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrgUnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_folded: Generated<string>;
  level: string;
  kind: string;
  parent_id: number | null;
  path: string;
  valid_from: string | null;
  valid_to: string | null;
  successor_paths: ColumnType<string[], string[] | undefined, string[]>;
  scope_ids: Generated<number[]>;
  created_at: Generated<Date>;
}

export interface OrgUnitSuccessionTable {
  predecessor_id: number;
  successor_id: number;
  effective: string;
  note: string | null;
}

export interface OrgUnitCatchmentTable {
  facility_id: number;
  area_id: number;
}

export interface RoleTable {
  code: string;
  name_vi: string;
  name_en: string;
  sort: number;
  /** Oversees administrators (the auditor): ranks with the top role for granting and editing. */
  oversight: Generated<boolean>;
}

export interface RolePermissionTable {
  role: string;
  permission: string;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  password_hash: string;
  active: Generated<boolean>;
  must_change_password: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  created_at: Generated<Date>;
  password_changed_at: Generated<Date>;
  agency_id: Generated<number | null>;
}

export interface UserRoleTable {
  user_id: number;
  role: string;
  org_unit_id: number;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  ip: string | null;
}

/** Sign-in attempts per (username, source); source '' counts the account across all sources. */
export interface LoginAttemptTable {
  username: string;
  source: string;
  failures: Generated<number>;
  locked_until: Date | null;
  updated_at: Generated<Date>;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: Generated<Date>;
  user_id: number | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  org_unit_id: number | null;
  ip: string | null;
  request_id: string | null;
  details: unknown | null;
  /** The org units the event concerns (ytcs_audit_units); an auditor sees it if any is in scope. */
  org_unit_ids: ColumnType<number[], number[] | undefined, never>;
}

/** The hash chain over audit events, in sealing order (append-only). */
export interface AuditSealTable {
  seq: number;
  event_id: number;
  hash: Uint8Array;
  sealed_at: Generated<Date>;
}

/** The head of the chain and the sealer's horizon (one row). */
export interface AuditChainTable {
  id: number;
  seq: number;
  hash: Uint8Array;
  scan_from: number;
  checkpoints: unknown;
}

/** A pregnancy followed by the station, and how it ended. */
export interface PregnancyTable {
  id: Generated<number>;
  resident_id: number;
  commune_id: number;
  lmp: string | null;
  edd: string;
  gravida: number | null;
  para: number | null;
  risks: ColumnType<string[], string[] | undefined, string[]>;
  note: string | null;
  status: Generated<string>;
  outcome: string | null;
  outcome_date: string | null;
  delivery_place: string | null;
  attendant: string | null;
  newborn_id: number | null;
  recorded_by: number | null;
  created_at: Generated<Date>;
}

/** WHO's growth tables: L, M, S by table, sex (1 male, 2 female) and age or length/height. */
export interface GrowthReferenceTable {
  tbl: string;
  sex: number;
  x: number;
  l: number;
  m: number;
  s: number;
}

export interface EthnicGroupTable {
  code: string;
  name: string;
  other_names: string | null;
}

export interface Icd10Table {
  code: string;
  name_vi: string;
  name_en: string | null;
  chapter: string | null;
  search_text: Generated<string>;
}

export interface VaccineTable {
  code: string;
  name_vi: string;
  name_en: string;
  expanded_programme: boolean;
  sort: number;
}

/** The expanded programme's schedule (migration 0023): diseases, series, and one row per dose. */
export interface AntigenTable {
  code: string;
  name_vi: string;
  name_en: string;
  sort: number;
}

export interface VaccineAntigenTable {
  vaccine_code: string;
  antigen: string;
}

export interface ImmunisationSeriesTable {
  code: string;
  name_vi: string;
  name_en: string;
  sort: number;
}

export interface ImmunisationSeriesVaccineTable {
  series: string;
  vaccine_code: string;
}

export interface ImmunisationScheduleTable {
  id: Generated<number>;
  series: string;
  dose: number;
  age_months: number;
  age_days: Generated<number>;
  min_interval_days: number | null;
  catch_up_months: number | null;
  effective_from: string | null;
  effective_to: string | null;
  source: string;
}

export interface HouseholdTable {
  id: Generated<number>;
  commune_id: number;
  village_id: number | null;
  code: string | null;
  address: string;
  head_id: number | null;
  home_unit_id: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ResidentTable {
  id: Generated<number>;
  commune_id: number;
  village_id: number | null;
  household_id: number | null;
  relationship: string | null;
  full_name: string;
  name_folded: Generated<string>;
  sex: string;
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
  ethnicity_code: string | null;
  occupation: string | null;
  residence_status: Generated<string>;
  status: Generated<string>;
  death_date: string | null;
  merged_into: number | null;
  home_unit_id: Generated<number>;
  warnings: ColumnType<unknown, string | undefined, string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface LifeEventTable {
  id: Generated<number>;
  resident_id: number;
  commune_id: number;
  kind: string;
  date: string;
  from_unit_id: number | null;
  to_unit_id: number | null;
  note: string | null;
  recorded_by: number | null;
  recorded_at: Generated<Date>;
}

export interface HealthRecordTable {
  resident_id: number;
  commune_id: number;
  history: ColumnType<unknown, string | undefined, string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ImmunizationTable {
  id: Generated<number>;
  resident_id: number;
  commune_id: number;
  vaccine_code: string;
  dose: number;
  date: string;
  facility_id: number | null;
  lot: string | null;
  note: string | null;
  recorded_by: number | null;
  recorded_at: Generated<Date>;
}

export interface EncounterTable {
  id: Generated<number>;
  resident_id: number;
  commune_id: number;
  date: string;
  facility_id: number | null;
  practitioner: string | null;
  type: string;
  reason: string | null;
  notes: string | null;
  recorded_by: number | null;
  recorded_at: Generated<Date>;
}

export interface DiagnosisTable {
  encounter_id: number;
  resident_id: number;
  icd10_code: string;
  is_primary: boolean;
}

export interface ObservationTable {
  id: Generated<number>;
  encounter_id: number;
  resident_id: number;
  code: string;
  value: ColumnType<string, number | string, number | string>;
}

export interface PrescriptionTable {
  id: Generated<number>;
  encounter_id: number;
  resident_id: number;
  drug: string;
  dose: string | null;
  quantity: string | null;
  days: number | null;
}

type Numeric = ColumnType<string, number | string, number | string>;

export interface IndicatorTable {
  id: Generated<number>;
  code: string;
  name_vi: string;
  name_en: string;
  unit: 'percent' | 'count';
  numerator_vi: string;
  denominator_vi: string | null;
  numerator_en: string;
  denominator_en: string | null;
  source: 'computed' | 'entered';
  computation: string | null;
  counts_people: boolean;
  sort: number;
}

export interface IndicatorValueTable {
  indicator_id: number;
  org_unit_id: number;
  period: string;
  numerator: Numeric;
  denominator: Numeric | null;
  origin: 'computed' | 'entered';
  entered_by: number | null;
  updated_at: Timestamp;
}

export interface IndicatorRefreshTable {
  commune_id: number;
  queued_at: Generated<Date>;
}

export interface AgencyTable {
  id: Generated<number>;
  org_unit_id: number;
  name: string;
  name_folded: Generated<string>;
}

type Json<T> = ColumnType<T, string, string>;

export interface PlanTable {
  id: Generated<number>;
  org_unit_id: number;
  area_ids: number[];
  number: string | null;
  issued_on: string | null;
  title: string;
  parent_plan_id: number | null;
  implements: Json<unknown[]>;
  parent_ref: Json<unknown> | null;
  legal_basis: Json<unknown[]>;
  from_year: number | null;
  to_year: number | null;
  status: Generated<'draft' | 'active' | 'closed'>;
  recipients: Json<unknown[]>;
  signer: Json<unknown> | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface PlanTargetTable {
  id: Generated<number>;
  plan_id: number;
  indicator_id: number;
  comparator: 'gt' | 'ge' | 'eq' | 'le' | 'lt';
  value: Numeric;
  year: number | null;
  baseline: Numeric | null;
  baseline_year: number | null;
  text: string | null;
  sort: number;
}

export type { TaskStatus };

export interface PlanTaskTable {
  id: Generated<number>;
  plan_id: number;
  section: string | null;
  text: string;
  lead_agency_id: number | null;
  deadline: string | null;
  recurring: string | null;
  status: Generated<TaskStatus>;
  progress: Generated<number>;
  updated_at: Timestamp;
  sort: number;
}

export interface PlanTaskPartnerTable {
  task_id: number;
  agency_id: number;
}

export interface TaskUpdateTable {
  id: Generated<number>;
  task_id: number;
  status: TaskStatus;
  progress: number;
  note: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
  /** The coordinating agency whose own part this update reports; null = the task as a whole. */
  partner_agency_id: Generated<number | null>;
}

export interface TaskEvidenceTable {
  id: Generated<number>;
  update_id: number;
  file_name: string;
  content_type: string;
  size: number;
  content: Buffer;
}

export interface DB {
  ethnic_group: EthnicGroupTable;
  growth_reference: GrowthReferenceTable;
  pregnancy: PregnancyTable;
  icd10: Icd10Table;
  vaccine: VaccineTable;
  antigen: AntigenTable;
  vaccine_antigen: VaccineAntigenTable;
  immunisation_series: ImmunisationSeriesTable;
  immunisation_series_vaccine: ImmunisationSeriesVaccineTable;
  immunisation_schedule: ImmunisationScheduleTable;
  household: HouseholdTable;
  resident: ResidentTable;
  life_event: LifeEventTable;
  health_record: HealthRecordTable;
  immunization: ImmunizationTable;
  encounter: EncounterTable;
  diagnosis: DiagnosisTable;
  observation: ObservationTable;
  prescription: PrescriptionTable;
  org_unit: OrgUnitTable;
  org_unit_succession: OrgUnitSuccessionTable;
  org_unit_catchment: OrgUnitCatchmentTable;
  role: RoleTable;
  role_permission: RolePermissionTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  audit_event: AuditEventTable;
  audit_seal: AuditSealTable;
  audit_chain: AuditChainTable;
  indicator: IndicatorTable;
  indicator_value: IndicatorValueTable;
  indicator_refresh: IndicatorRefreshTable;
  agency: AgencyTable;
  plan: PlanTable;
  plan_target: PlanTargetTable;
  plan_task: PlanTaskTable;
  plan_task_partner: PlanTaskPartnerTable;
  task_update: TaskUpdateTable;
  task_evidence: TaskEvidenceTable;
}
