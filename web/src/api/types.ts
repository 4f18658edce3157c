// Shapes of the HTTP API, copied from docs/api.md. Keep them in step with that page.

export type Level = 'country' | 'province' | 'district' | 'commune' | 'village' | 'facility';

export type Kind =
  | 'country'
  | 'province'
  | 'city'
  | 'district'
  | 'town'
  | 'ward'
  | 'commune'
  | 'special_zone'
  | 'village'
  | 'health_department'
  | 'health_centre'
  | 'health_station'
  | 'school'
  | 'private_clinic';

export type OrgUnitRef = { id: number; code: string; name: string; level: Level; kind: Kind };

export type OrgUnit = OrgUnitRef & {
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
  childCount: number;
};

export type OrgUnitLink = OrgUnitRef & { note: string | null };

export type OrgUnitDetail = OrgUnit & {
  /** Root first. */
  ancestors: OrgUnitRef[];
  predecessors: OrgUnitLink[];
  successors: OrgUnitLink[];
  /** A facility's catchment areas. */
  serves: OrgUnitRef[];
  /** Facilities serving an area. */
  servedBy: OrgUnitRef[];
};

export type LocalizedName = { vi: string; en: string };

export type RoleAssignment = { role: string; roleName: LocalizedName; orgUnit: OrgUnitRef };

export type Me = {
  id: number;
  username: string;
  fullName: string;
  mustChangePassword: boolean;
  roles: RoleAssignment[];
  permissions: string[];
};

export type Role = { code: string; name: LocalizedName; permissions: string[] };

export type User = {
  id: number;
  username: string;
  fullName: string;
  active: boolean;
  lockedUntil: string | null;
  createdAt: string;
  roles: { role: string; orgUnit: OrgUnitRef }[];
  /** The caller may edit, reset or deactivate this user. */
  canEdit: boolean;
};

export type AuditEvent = {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  orgUnitId: number | null;
  /** Every unit the event concerns; an auditor sees it when any lies in their scope. */
  orgUnitIds: number[];
  ip: string | null;
  requestId: string | null;
};

export type Page<T> = { items: T[]; total: number };

export type PageParams = { limit: number; offset: number };

export type FieldError = { field: string; message: string; messageEn?: string };

/** A finding a person must confirm (422 `needs_confirmation`), kept on the resident afterwards. */
export type Warning = { field: string; code: string; message: string; messageEn: string };

export type ErrorBody = {
  code: string;
  message: string;
  messageEn?: string;
  errors?: FieldError[];
  retryAfterSeconds?: number;
  warnings?: Warning[];
};

export type NewUser = {
  username: string;
  fullName: string;
  password: string;
  roles: { role: string; orgUnitId: number }[];
};

export type UserChanges = {
  fullName?: string;
  active?: boolean;
  password?: string;
  roles?: { role: string; orgUnitId: number }[];
};

/** Permission codes the web app checks to hide what the server would refuse anyway. */
export const Permission = {
  orgUnitRead: 'org_unit.read',
  userRead: 'user.read',
  userWrite: 'user.write',
  auditRead: 'audit.read',
  personRead: 'person.read',
  personWrite: 'person.write',
  personExport: 'person.export',
  aggregateRead: 'aggregate.read',
} as const;
