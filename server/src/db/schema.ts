/** Row types of the tables, as Kysely sees them. Kept in step with migrations/ by hand. */
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
}

export interface DB {
  org_unit: OrgUnitTable;
  org_unit_succession: OrgUnitSuccessionTable;
  org_unit_catchment: OrgUnitCatchmentTable;
  role: RoleTable;
  role_permission: RolePermissionTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  audit_event: AuditEventTable;
}
