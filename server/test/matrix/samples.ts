/**
 * One sample request per route for the authorisation matrix: how to call it about the "in" side
 * and the "out" side, and what an allowed caller gets. Whether a role may call it at all comes
 * from the route's declared permission and the roles' permissions (data), not from here.
 *
 * out: 404 (default: the object is outside the caller's scope), 400/409 (a write naming a unit
 * outside the scope gets the same field error as a unit that does not exist), 'filtered' (a list
 * filtered by such a unit: 200 without anything of the other side), or 'none' (no unit involved).
 */
import { multipart } from '../harness.ts';
import { type Role, type Side, type World, letters } from './world.ts';

export interface SampleRequest {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** Call as a new user of the same role (the call ends or changes the caller's session). */
  freshUser?: boolean;
}

export interface Sample {
  request(w: World, side: Side, role: Role | null): SampleRequest | Promise<SampleRequest>;
  /** Status for an allowed caller in scope (per role where the rule is finer than a permission). */
  ok: number | ((role: Role) => number);
  out?: 404 | 400 | 409 | 'filtered' | 'none';
  /** The object belongs to the commune (plans, figures), not to a village (people). */
  level?: 'village' | 'commune';
}

const p = (w: World, side: Side) => w.places[side];
let n = 0;
const seq = () => letters(++n + 5000);

const plan = (w: World, side: Side) => ({
  orgUnitId: p(w, side).communeId, number: null, issuedOn: '2026-03-01', title: `Kế hoạch thử ${seq()}`, implements: [], parentRef: null, legalBasis: [],
  fromYear: 2026, toYear: 2030, recipients: [], signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Lê Văn Ký' }, targets: [], tasks: [],
});

let uploads = 0;
/** A file previewed by the holder of `cookie` in the "in" village, sent with a token: the token. */
async function uploadOf(w: World, cookie: string): Promise<string> {
  const token = `matrix-upload-${++uploads}`;
  const body = multipart(`Họ và tên,Giới tính,Năm sinh\nTheo Dõi Văn ${seq()},Nam,1977\n`, 'ds.csv', { unitId: String(w.places.in.villageId), upload: token });
  const res = await w.ctx.app.inject({ method: 'POST', url: '/api/imports', headers: { cookie, ...w.origin, ...body.headers }, payload: body.payload });
  if (res.statusCode !== 201) throw new Error(`matrix: an upload → ${res.statusCode} ${res.body}`);
  return token;
}

const planFile = () => multipart('KẾ HOẠCH\nTriển khai thực hiện Chỉ thị số 25-CT/TW\n', 'ke-hoach.txt');
const NO_READING = '00000000-0000-4000-8000-000000000000';
/** A plan file read by the holder of `cookie`: the id of the reading. */
async function readingOf(w: World, cookie: string): Promise<string> {
  const res = await w.ctx.app.inject({ method: 'POST', url: '/api/plans/draft/file', headers: { cookie, ...w.origin, ...planFile().headers }, payload: planFile().payload });
  if (res.statusCode !== 200) throw new Error(`matrix: reading a plan file → ${res.statusCode} ${res.body}`);
  return res.json().id;
}

const csvUpload = () => multipart(`Họ và tên,Giới tính,Năm sinh\nMẫu Văn Hai ${seq()},Nam,1977\n`, 'ds.csv');

/**
 * Keyed by "METHOD /url"; a key with "#what" after it is a further case of the same route, run on
 * the "in" side only, for a rule finer than "permission in scope".
 */
export const SAMPLES: Record<string, Sample> = {
  'GET /api/health': { request: () => ({ url: '/api/health' }), ok: 200, out: 'none' },
  'GET /api/openapi.json': { request: () => ({ url: '/api/openapi.json' }), ok: 200, out: 'none' },
  'POST /api/auth/login': { request: () => ({ url: '/api/auth/login', payload: { username: `m_nobody_${seq()}`, password: 'wrong-password-1' } }), ok: 401, out: 'none' },
  'GET /api/auth/me': { request: () => ({ url: '/api/auth/me' }), ok: 200, out: 'none' },
  'POST /api/auth/logout': { request: () => ({ url: '/api/auth/logout', freshUser: true }), ok: 204, out: 'none' },
  'POST /api/auth/password': {
    request: () => ({ url: '/api/auth/password', payload: { currentPassword: 'test-password-1', newPassword: 'another-password-2' }, freshUser: true }),
    ok: 204,
    out: 'none',
  },

  'GET /api/org-units': { request: (w, s) => ({ url: `/api/org-units?parent=${p(w, s).communeId}` }), level: 'commune', ok: 200, out: 'filtered' },
  'GET /api/org-units/:id': { request: (w, s) => ({ url: `/api/org-units/${p(w, s).villageId}` }), ok: 200 },
  'GET /api/roles': { request: () => ({ url: '/api/roles' }), ok: 200, out: 'none' },
  'GET /api/users': { request: (w, s) => ({ url: `/api/users?q=m_target_${p(w, s).marker.toLowerCase()}` }), level: 'commune', ok: 200, out: 'filtered' },
  'POST /api/users': {
    request: (w, s) => ({ url: '/api/users', payload: { username: `m_new_${seq()}`, fullName: 'Người Mới', password: 'new-password-12', roles: [{ role: 'committee', orgUnitId: p(w, s).communeId }] } }),
    level: 'commune', ok: 201,
    out: 400,
  },
  'PATCH /api/users/:id': { request: (w, s) => ({ url: `/api/users/${p(w, s).userId}`, payload: { fullName: `Người Dùng ${seq()}` } }), level: 'commune', ok: 200 },
  'PATCH /api/users/:id#user who also holds a role in another province': {
    request: (w) => ({ url: `/api/users/${w.straddlingUserId}`, payload: { password: 'taken-over-12' } }),
    ok: (role) => (role === 'admin' ? 200 : 404),
    out: 'none',
  },
  'GET /api/audit': { request: () => ({ url: `/api/audit?entityType=resident&limit=500` }), ok: 200, out: 'none' },

  'GET /api/audit/access-report': {
    request: (w, s) => ({ url: `/api/audit/access-report?from=2026-01-01&to=2026-12-31&unit=${p(w, s).communeId}` }),
    level: 'commune',
    ok: 200,
  },
  'GET /api/audit/access-report.xlsx': {
    request: (w, s) => ({ url: `/api/audit/access-report.xlsx?from=2026-01-01&to=2026-12-31&unit=${p(w, s).communeId}` }),
    level: 'commune',
    ok: 200,
  },
  'GET /api/residents/:id/personal-data': { request: (w, s) => ({ url: `/api/residents/${p(w, s).residentId}/personal-data` }), ok: 200 },
  'GET /api/residents/:id/personal-data.docx': { request: (w, s) => ({ url: `/api/residents/${p(w, s).residentId}/personal-data.docx` }), ok: 200 },

  'GET /api/icd10': { request: () => ({ url: '/api/icd10?q=I10' }), ok: 200, out: 'none' },
  'GET /api/ethnic-groups': { request: () => ({ url: '/api/ethnic-groups' }), ok: 200, out: 'none' },
  'GET /api/vaccines': { request: () => ({ url: '/api/vaccines' }), ok: 200, out: 'none' },
  'GET /api/immunisation/schedule': { request: () => ({ url: '/api/immunisation/schedule' }), ok: 200, out: 'none' },
  'GET /api/immunisation/due': { request: (w, s) => ({ url: `/api/immunisation/due?orgUnit=${p(w, s).communeId}` }), level: 'commune', ok: 200, out: 'filtered' },

  'GET /api/registry/coverage': { request: (w, s) => ({ url: `/api/registry/coverage?orgUnit=${p(w, s).communeId}` }), level: 'commune', ok: 200 },
  'GET /api/households': { request: (w, s) => ({ url: `/api/households?orgUnit=${p(w, s).communeId}` }), level: 'commune', ok: 200, out: 'filtered' },
  'POST /api/households': {
    request: (w, s) => ({ url: '/api/households', payload: { unitId: p(w, s).villageId, address: 'Số 9', members: [{ fullName: `Hộ Mới ${seq()}`, sex: 'male', birthYear: 1971, relationship: 'head' }] } }),
    ok: 201,
    out: 400,
  },
  'GET /api/households/:id': { request: (w, s) => ({ url: `/api/households/${p(w, s).householdId}` }), ok: 200 },
  'GET /api/residents': { request: (w, s) => ({ url: `/api/residents?orgUnit=${p(w, s).communeId}` }), level: 'commune', ok: 200, out: 'filtered' },
  'POST /api/residents': {
    request: (w, s) => ({ url: '/api/residents', payload: { unitId: p(w, s).villageId, householdId: p(w, s).householdId, fullName: `Người Mới ${seq()}`, sex: 'female', birthYear: 1999, relationship: 'child' } }),
    ok: 201,
    out: 400,
  },
  'GET /api/residents/:id': { request: (w, s) => ({ url: `/api/residents/${p(w, s).residentId}` }), ok: 200 },
  'PATCH /api/residents/:id': { request: (w, s) => ({ url: `/api/residents/${p(w, s).residentId}`, payload: { occupation: `Nông dân ${seq()}` } }), ok: 200 },
  'POST /api/residents/:id/merge': {
    request: async (w, s) => ({ url: `/api/residents/${await w.freshResident(s)}/merge`, payload: { intoId: await w.freshResident(s) } }),
    ok: 200,
  },
  'POST /api/residents/:id/events': {
    request: async (w, s) => ({ url: `/api/residents/${await w.freshResident(s)}/events`, payload: { kind: 'death', date: '2026-01-05' } }),
    ok: 200,
  },
  'GET /api/residents/export.xlsx': { request: (w, s) => ({ url: `/api/residents/export.xlsx?orgUnit=${p(w, s).communeId}` }), level: 'commune', ok: 200 },

  'POST /api/imports': { request: (w, s) => ({ url: `/api/imports?unitId=${p(w, s).villageId}`, ...csvUpload() }), ok: 201 },
  'GET /api/imports/template.xlsx': { request: () => ({ url: '/api/imports/template.xlsx' }), ok: 200, out: 'none' },
  'GET /api/imports/upload/:token': {
    // An upload is its sender's: each role allowed to import follows one of its own.
    request: async (w, _s, role) => ({ url: `/api/imports/upload/${role && w.permissions[role].has('person.write') ? await uploadOf(w, w.cookies[role]) : 'no-upload-token'}` }),
    ok: 200,
    out: 'none',
  },
  'GET /api/imports/:id': { request: (w, s) => ({ url: `/api/imports/${p(w, s).importId}` }), ok: 200 },
  'POST /api/imports/:id/commit': { request: async (w, s) => ({ url: `/api/imports/${await w.freshImport(s)}/commit` }), ok: 200 },
  'GET /api/imports/:id/errors.xlsx': { request: (w, s) => ({ url: `/api/imports/${p(w, s).importId}/errors.xlsx` }), ok: 200 },

  'GET /api/residents/:id/record': { request: (w, s) => ({ url: `/api/residents/${p(w, s).residentId}/record` }), ok: 200 },
  'GET /api/residents/:id/record.docx': { request: (w, s) => ({ url: `/api/residents/${p(w, s).residentId}/record.docx` }), ok: 200 },
  'PUT /api/residents/:id/record/history': { request: (w, s) => ({ url: `/api/residents/${p(w, s).residentId}/record/history`, payload: { tobacco: 'never' } }), ok: 204 },
  'POST /api/residents/:id/encounters': { request: (w, s) => ({ url: `/api/residents/${p(w, s).residentId}/encounters`, payload: { date: '2026-04-01', type: 'home_visit' } }), ok: 201 },
  'POST /api/residents/:id/immunizations': {
    request: (w, s) => ({ url: `/api/residents/${p(w, s).residentId}/immunizations`, payload: { vaccineCode: 'bcg', dose: 1, date: '2026-04-01' } }),
    ok: 201,
  },

  'POST /api/residents/:id/pregnancies': {
    request: async (w, s) => ({ url: `/api/residents/${await w.freshResident(s)}/pregnancies`, payload: { edd: new Date(Date.now() + 150 * 86_400_000).toISOString().slice(0, 10), risks: ['anaemia'] } }),
    ok: 201,
  },
  'GET /api/residents/:id/pregnancies': { request: (w, s) => ({ url: `/api/residents/${p(w, s).residentId}/pregnancies` }), ok: 200 },
  'POST /api/pregnancies/:id/outcome': {
    request: async (w, s) => ({ url: `/api/pregnancies/${await w.freshPregnancy(s)}/outcome`, payload: { outcome: 'miscarriage', date: new Date().toISOString().slice(0, 10) } }),
    ok: 200,
  },
  'GET /api/pregnancies': { request: (w, s) => ({ url: `/api/pregnancies?orgUnit=${p(w, s).villageId}` }), ok: 200 },

  'GET /api/indicators': { request: () => ({ url: '/api/indicators' }), ok: 200, out: 'none' },
  'GET /api/indicator-values': { request: (w, s) => ({ url: `/api/indicator-values?orgUnit=${p(w, s).communeId}&period=2026` }), level: 'commune', ok: 200 },
  'GET /api/indicator-values/children': { request: (w, s) => ({ url: `/api/indicator-values/children?indicator=BHYT_BP&orgUnit=${p(w, s).communeId}&period=2026` }), level: 'commune', ok: 200 },
  'PUT /api/indicator-values': {
    request: (w, s) => ({ url: '/api/indicator-values', payload: { items: [{ indicator: 'TYT_BS', orgUnit: p(w, s).communeId, period: '2026', numerator: 1, denominator: 1 }] } }),
    level: 'commune', ok: 200,
    out: 400,
  },
  'GET /api/dataValueSets': { request: (w, s) => ({ url: `/api/dataValueSets?orgUnit=${p(w, s).communeId}&period=2026` }), level: 'commune', ok: 200 },
  'POST /api/dataValueSets': {
    request: (w, s) => ({ url: '/api/dataValueSets', payload: { dataValues: [{ dataElement: 'TYT_BS_NUM', period: '2025', orgUnit: String(p(w, s).communeId), value: '1' }, { dataElement: 'TYT_BS_DEN', period: '2025', orgUnit: String(p(w, s).communeId), value: '1' }] } }),
    level: 'commune', ok: 200,
    out: 409,
  },

  'GET /api/plans': { request: (w, s) => ({ url: `/api/plans?orgUnit=${p(w, s).communeId}` }), level: 'commune', ok: 200, out: 'filtered' },
  'POST /api/plans/draft': { request: () => ({ url: '/api/plans/draft', payload: { text: 'KẾ HOẠCH\nTriển khai thực hiện' } }), ok: 200, out: 'none' },
  'POST /api/plans/draft/file': { request: () => ({ url: '/api/plans/draft/file', ...planFile() }), ok: 200, out: 'none' },
  'GET /api/plans/draft/file/:id': {
    // A reading is its reader's: each role allowed to read files asks about one of its own.
    request: async (w, _s, role) => ({ url: `/api/plans/draft/file/${role && w.permissions[role].has('plan.write') ? await readingOf(w, w.cookies[role]) : NO_READING}` }),
    ok: 200,
    out: 'none',
  },
  'POST /api/plans': { request: (w, s) => ({ url: '/api/plans', payload: plan(w, s) }), level: 'commune', ok: 201 },
  'GET /api/plans/:id': { request: (w, s) => ({ url: `/api/plans/${p(w, s).planId}` }), level: 'commune', ok: 200 },
  'PATCH /api/plans/:id': { request: (w, s) => ({ url: `/api/plans/${p(w, s).planId}`, payload: { status: 'active' } }), level: 'commune', ok: 200 },
  'PATCH /api/plans/:id#plan issued by the province': {
    request: (w) => ({ url: `/api/plans/${w.provincePlanId}`, payload: { status: 'active' } }),
    ok: (role) => (role === 'admin' || role === 'province' ? 200 : 403),
    out: 'none',
    level: 'commune',
  },
  'POST /api/tasks/:id/updates': { request: (w, s) => ({ url: `/api/tasks/${p(w, s).taskId}/updates`, payload: { status: 'in_progress', progress: 20 } }), level: 'commune', ok: 201 },
  'GET /api/tasks/:id/updates': { request: (w, s) => ({ url: `/api/tasks/${p(w, s).taskId}/updates` }), level: 'commune', ok: 200 },
  'GET /api/task-evidence/:id': { request: (w, s) => ({ url: `/api/task-evidence/${p(w, s).evidenceId}` }), level: 'commune', ok: 200 },
  'GET /api/plans/:id/report.docx': { request: (w, s) => ({ url: `/api/plans/${p(w, s).planId}/report.docx?period=2026Q1` }), level: 'commune', ok: 200 },
  'GET /api/plans/:id/report.xlsx': { request: (w, s) => ({ url: `/api/plans/${p(w, s).planId}/report.xlsx?period=2026Q1` }), level: 'commune', ok: 200 },
};
