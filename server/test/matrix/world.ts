/**
 * The world the authorisation matrix runs in: one user per role, all inside Thái Nguyên (the
 * village worker in a village of Phường Đức Xuân, the others at the ward or the province), and the
 * same objects twice — "in" (a village of Đức Xuân) and "out" (a commune of Hà Nội, outside every
 * role's scope but the administrator's). Objects are made through the API as the administrator.
 */
import type { TestContext } from '../harness.ts';
import { createUser, createVillage, multipart, unitId } from '../harness.ts';

/**
 * Where an object lives: "in" a village of Đức Xuân, "village2" another village of Đức Xuân (out of
 * the village worker's reach), "commune2" another ward of Thái Nguyên (out of the ward's reach),
 * "out" a commune of Hà Nội (out of everyone's reach but the administrator's).
 */
export const SIDES = ['in', 'village2', 'commune2', 'out'] as const;
export type Side = (typeof SIDES)[number];
export const ROLES = ['admin', 'province', 'health_centre', 'station', 'village_worker', 'school_health', 'committee', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface Place {
  communeId: number;
  villageId: number;
  householdId: number;
  residentId: number;
  planId: number;
  taskId: number;
  evidenceId: number;
  importId: number;
  userId: number;
  /** In the names of this place's units, plans and people. */
  marker: string;
  /** Starts the name of every person of this place: an answer to a role out of reach never has it. */
  person: string;
}

export interface World {
  ctx: TestContext;
  provinceId: number;
  adminCookie: string;
  cookies: Record<Role, string>;
  userIds: Record<Role, number>;
  units: Record<Role, number>;
  permissions: Record<Role, Set<string>>;
  places: Record<Side, Place>;
  in: Place;
  out: Place;
  /** Whether a role's unit covers a place's village (or, for commune-level objects, its commune). */
  reaches(role: Role, side: Side, level: 'village' | 'commune'): boolean;
  /** A plan issued by the province: the ward reads it (it applies there) but may not edit it. */
  provincePlanId: number;
  /** A station user who also holds a role in Hà Nội: only someone covering both may edit them. */
  straddlingUserId: number;
  /** A new signed-in user with this role at this role's unit (for calls that end their session). */
  freshUser(role: Role): Promise<{ cookie: string; username: string }>;
  /** A fresh resident on a side, for calls that consume one (merge). */
  freshResident(side: Side): Promise<number>;
  /** A fresh import preview on a side, for commits. */
  freshImport(side: Side): Promise<number>;
  /** A fresh ongoing pregnancy on a side, for calls that end one. */
  freshPregnancy(side: Side): Promise<number>;
  origin: Record<string, string>;
}

let counter = 0;
export function letters(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor(k / 26)) out = String.fromCharCode(97 + (k % 26)) + out;
  return out;
}
/** A run of letters, unique in the run: names may not carry digits. */
const unique = () => letters(++counter);

export async function sessionCookie(ctx: TestContext, userId: number): Promise<string> {
  const session = await ctx.app.sessions.create(ctx.database.db, userId, '127.0.0.1');
  return `ytcs_session=${session.token}`;
}

export async function buildWorld(ctx: TestContext): Promise<World> {
  const db = ctx.database.db;
  const origin = { origin: 'http://localhost:80' };
  const country = await db.selectFrom('org_unit').where('level', '=', 'country').select('id').executeTakeFirstOrThrow();
  const provinceId = await unitId(ctx, 'province', '19');
  const ducXuan = await unitId(ctx, 'commune', '01840');
  const hanoi = await unitId(ctx, 'province', '01');
  const hanoiCommune = await db.selectFrom('org_unit as c').innerJoin('org_unit as p', 'p.id', 'c.parent_id').where('p.id', '=', hanoi).where('c.level', '=', 'commune').where('c.valid_to', 'is', null).select('c.id').orderBy('c.id').executeTakeFirstOrThrow();

  const adminId = await createUser(ctx, `m_admin`, [{ role: 'admin', orgUnitId: country.id }]);
  const adminCookie = await sessionCookie(ctx, adminId);
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object, extra?: { payload: Buffer; headers: Record<string, string> }) => {
    const res = await ctx.app.inject({ method, url, headers: { cookie: adminCookie, ...origin, ...(extra?.headers ?? {}) }, payload: extra?.payload ?? (payload as never) });
    if (res.statusCode >= 300) throw new Error(`world: ${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.json();
  };

  async function freshResidentAt(villageId: number, marker: string): Promise<number> {
    const r = await call('POST', '/api/residents', { unitId: villageId, fullName: `${marker} Phụ ${unique()}`, sex: 'female', birthYear: 1970 });
    return r.id;
  }

  async function freshImportAt(villageId: number): Promise<number> {
    const csv = `Họ và tên,Giới tính,Năm sinh,Thôn\nNhập Thị Một ${unique()},Nữ,1981,\n`;
    const job = await call('POST', `/api/imports?unitId=${villageId}`, undefined, multipart(csv, 'ds.csv'));
    return job.id;
  }

  async function place(communeId: number, marker: string): Promise<Place> {
    const villageId = await createVillage(ctx, communeId, `Thôn ${marker}`);
    const household = await call('POST', '/api/households', { unitId: villageId, address: `Số 1, thôn ${marker}`, members: [{ fullName: `${marker} Chủ Hộ`, sex: 'male', birthYear: 1960, relationship: 'head' }] });
    const residentId = household.members[0].id;
    await call('POST', `/api/residents/${residentId}/encounters`, { date: '2026-03-02', type: 'checkup' });
    const plan = await call('POST', '/api/plans', {
      orgUnitId: communeId, number: `${marker}/KH-UBND`, issuedOn: '2026-02-10', title: `Kế hoạch ${marker}`, implements: [], parentRef: null, legalBasis: [],
      fromYear: 2026, toYear: 2030, recipients: [], signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Nguyễn Văn Nam' },
      targets: [{ indicator: 'BHYT_BP', comparator: 'ge', value: 95, year: 2030 }],
      tasks: [{ section: '1', text: 'Rà soát', lead: 'Trạm Y tế', coordinating: [], deadline: '2026-12-31' }],
    });
    const taskId = plan.taskList[0].id;
    await call('POST', `/api/tasks/${taskId}/updates`, { status: 'in_progress', progress: 10, evidence: [{ fileName: 'a.pdf', contentType: 'application/pdf', dataBase64: Buffer.from('%PDF-1.4 x').toString('base64') }] });
    const updates = await call('GET', `/api/tasks/${taskId}/updates`);
    const importId = await freshImportAt(villageId);
    const userId = await createUser(ctx, `m_target_${marker.toLowerCase().replace(/\W/g, '')}`, [{ role: 'station', orgUnitId: communeId }]);
    return { communeId, villageId, householdId: household.id, residentId, planId: plan.id, taskId, evidenceId: updates.items[0].evidence[0].id, importId, userId, marker, person: `${marker} ` };
  }

  const places: Record<Side, Place> = {
    in: await place(ducXuan, 'Trongpv'),
    village2: await place(ducXuan, 'Thonhai'),
    commune2: await place(await unitId(ctx, 'commune', '01843'), 'Phuonghai'),
    out: await place(hanoiCommune.id, 'Ngoaipv'),
  };
  const inside = places.in;
  const outside = places.out;
  const units: Record<Role, number> = {
    admin: country.id,
    province: provinceId,
    health_centre: ducXuan,
    station: ducXuan,
    village_worker: inside.villageId,
    school_health: ducXuan,
    committee: ducXuan,
    auditor: provinceId,
  };
  const provincePlan = await call('POST', '/api/plans', {
    orgUnitId: provinceId, number: 'P/KH-UBND', issuedOn: '2026-01-10', title: 'Kế hoạch của tỉnh', implements: [], parentRef: null, legalBasis: [],
    fromYear: 2026, toYear: 2030, recipients: [], signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Trần Văn Tỉnh' },
    targets: [], tasks: [{ section: '1', text: 'Chỉ đạo', lead: 'Sở Tài chính', coordinating: [], deadline: '2026-12-31' }],
  });
  const straddlingUserId = await createUser(ctx, 'm_straddling', [{ role: 'station', orgUnitId: ducXuan }, { role: 'station', orgUnitId: hanoiCommune.id }]);
  const cookies = {} as Record<Role, string>;
  const userIds = {} as Record<Role, number>;
  for (const role of ROLES) {
    userIds[role] = role === 'admin' ? adminId : await createUser(ctx, `m_${role}`, [{ role, orgUnitId: units[role] }]);
    cookies[role] = role === 'admin' ? adminCookie : await sessionCookie(ctx, userIds[role]);
  }
  const paths = new Map((await db.selectFrom('org_unit').where('id', 'in', [...Object.values(units), ...Object.values(places).flatMap((p) => [p.villageId, p.communeId])]).select(['id', 'path']).execute()).map((u) => [u.id, u.path]));
  const covers = (outer: number, inner: number) => {
    const a = paths.get(outer) as string;
    const b = paths.get(inner) as string;
    return b === a || b.startsWith(`${a}.`);
  };
  const grants = await db.selectFrom('role_permission').select(['role', 'permission']).execute();
  const permissions = Object.fromEntries(ROLES.map((r) => [r, new Set(grants.filter((g) => g.role === r).map((g) => g.permission))])) as Record<Role, Set<string>>;

  return {
    ctx,
    provinceId,
    adminCookie,
    cookies,
    userIds,
    units,
    permissions,
    places,
    provincePlanId: provincePlan.id,
    straddlingUserId,
    in: inside,
    out: outside,
    origin,
    reaches: (role, side, level) => covers(units[role], level === 'commune' ? places[side].communeId : places[side].villageId),
    async freshUser(role) {
      const username = `m_fresh_${unique()}`;
      const id = await createUser(ctx, username, [{ role, orgUnitId: units[role] }]);
      return { cookie: await sessionCookie(ctx, id), username };
    },
    freshResident: (side) => freshResidentAt(places[side].villageId, places[side].marker),
    freshImport: (side) => freshImportAt(places[side].villageId),
    freshPregnancy: async (side) => {
      const woman = await freshResidentAt(places[side].villageId, places[side].marker);
      const edd = new Date(Date.now() + 100 * 86_400_000).toISOString().slice(0, 10);
      return (await call('POST', `/api/residents/${woman}/pregnancies`, { edd })).id;
    },
  };
}
