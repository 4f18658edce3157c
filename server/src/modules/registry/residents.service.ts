/**
 * Residents: registering, finding, correcting, merging duplicates, life events. Every read of a
 * person's record and every write is audited in the same transaction. A personal ID that
 * disagrees with sex or birth year, or a look-alike already registered, is a warning the caller
 * must confirm (`confirmWarnings`); the confirmed warnings stay on the record until resolved.
 */
import { type FieldFinding, type ResidentInput, checkResident, foldVietnamese } from '@ytcs/common';
import type { Kysely, Transaction } from 'kysely';
import type { Scope } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, type FieldError, conflict, invalid, notFound } from '../../errors.ts';
import type { Actor } from '../../http/app-types.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findHouseholdIn, placeIn, scopeTops, scopeUnitOf } from './registry.scope.ts';
import { afterIdentifierRace, guardIdentifiers } from './residents.identity.ts';
import * as repo from './residents.repository.ts';

export type ResidentFields = ResidentInput & { relationship?: string | null };

const asFieldErrors = (findings: FieldFinding[], prefix = ''): FieldError[] =>
  findings.map((f) => ({ field: `${prefix}${f.field}`, message: f.message, messageEn: f.messageEn }));

export const needsConfirmation = (warnings: FieldFinding[]) =>
  new AppError(422, 'needs_confirmation', 'Có cảnh báo cần xác nhận trước khi lưu', 'There are warnings to confirm before saving', undefined, { warnings });

/** Validates one resident; throws on errors; returns the row values and the warnings found. */
/**
 * Validates one resident; throws on errors; returns the row values and the warnings found.
 * Personal ID and insurance number are checked before, by guardIdentifiers (outside the write's
 * transaction, so that the audit of the lookup stays when the write is refused).
 */
export async function prepareResident(db: Kysely<DB> | Transaction<DB>, scope: Scope, input: ResidentFields, communeId: number, prefix = '', exceptId?: number) {
  const check = checkResident(input);
  if (check.errors.length) throw invalid(asFieldErrors(check.errors, prefix));
  const v = check.value;
  if (input.ethnicityCode && !(await db.selectFrom('ethnic_group').where('code', '=', input.ethnicityCode).select('code').executeTakeFirst())) {
    throw invalid([{ field: `${prefix}ethnicityCode`, message: 'Mã dân tộc không có trong danh mục', messageEn: 'Unknown ethnicity code' }]);
  }
  // Warnings are the resident's own (stored on the record); callers prefix them for their answer.
  const warnings = [...check.warnings];
  const lookalikes = await repo.findLookalikes(db, scope, communeId, foldVietnamese(v.fullName), v.birthYear, v.birthDate, exceptId);
  const named = lookalikes.filter((l) => l.inScope).map((l) => l.id);
  if (named.length) {
    warnings.push({
      field: 'fullName',
      code: 'duplicate.possible',
      message: `Có thể trùng với người đã đăng ký cùng họ tên và năm sinh trong xã (mã ${named.join(', ')})`,
      messageEn: `May duplicate someone registered with the same name and birth year in this commune (id ${named.join(', ')})`,
    });
  } else if (lookalikes.length) {
    // Out of the caller's reach (another village of the commune): a warning, but no record named.
    warnings.push({
      field: 'fullName',
      code: 'duplicate.possible',
      message: 'Có thể trùng với người đã đăng ký cùng họ tên và năm sinh ở nơi khác trong xã (ngoài phạm vi của bạn)',
      messageEn: 'May duplicate someone registered with the same name and birth year elsewhere in this commune (outside your scope)',
    });
  }
  const row: repo.ResidentRow = {
    fullName: v.fullName,
    sex: v.sex,
    birthDate: v.birthDate,
    birthYear: v.birthYear,
    citizenId: v.citizenId,
    insuranceCode: v.insuranceCode,
    socialInsuranceNo: v.socialInsuranceNo,
    insuranceValidFrom: input.insuranceValidFrom || null,
    insuranceValidTo: input.insuranceValidTo || null,
    insuranceFacility: input.insuranceFacility?.trim() || null,
    beneficiaryGroup: input.beneficiaryGroup?.trim() || null,
    phone: v.phone,
    ethnicityCode: input.ethnicityCode || null,
    occupation: input.occupation?.trim() || null,
    residenceStatus: input.residenceStatus ?? 'permanent',
  };
  return { row, warnings };
}

export function residentService(db: Kysely<DB>) {
  async function read(scope: Scope, actor: Actor, id: number, action = 'resident.read') {
    const resident = await repo.findResident(db, scope, id);
    if (!resident) throw notFound();
    await recordAudit(db, actor, { action, entityType: 'resident', entityId: id, orgUnitId: resident.communeId });
    return resident;
  }

  return {
    read,

    async search(scope: Scope, actor: Actor, query: { q?: string; orgUnit?: number; householdId?: number; includeInactive?: boolean; missing?: 'record' | 'insurance'; limit: number; offset: number }) {
      const { q, kind } = classify(query.q ?? '');
      let orgUnitPath: string | undefined;
      if (query.orgUnit) {
        const unit = await db.selectFrom('org_unit').where('id', '=', query.orgUnit).select('path').executeTakeFirst();
        if (!unit) throw notFound();
        orgUnitPath = unit.path;
      }
      const result = await repo.searchResidents(db, scope, { q, kind, orgUnitPath, householdId: query.householdId, includeInactive: query.includeInactive, missing: query.missing, limit: query.limit, offset: query.offset });
      // The search is audited without its text, which may be a name or an ID number, but with
      // whom it returned: the ids of the page (at most 500 integers, a few kB in the one row),
      // filed under the unit searched or, without one, the caller's whole scope.
      await recordAudit(db, actor, {
        action: 'resident.search',
        entityType: 'resident',
        orgUnitId: query.orgUnit ?? scopeUnitOf(scope),
        details: { kind: q ? kind : 'list', missing: query.missing ?? null, results: result.items.length, residents: result.items.map((r) => r.id), ...(query.orgUnit ? {} : { scope: scopeTops(scope) }) },
      });
      return result;
    },

    async create(scope: Scope, actor: Actor, input: ResidentFields & { unitId: number; householdId?: number | null; confirmWarnings?: boolean }) {
      const place = await placeIn(db, scope, input.unitId);
      if (!place) throw invalid([{ field: 'unitId', message: 'Thôn/xã không tồn tại, đã giải thể hoặc ngoài phạm vi của bạn', messageEn: 'Village or commune unknown, closed or outside your scope' }]);
      await guardIdentifiers(db, scope, actor, input);
      const id = await db.transaction().execute(async (trx) => {
        const { row, warnings } = await prepareResident(trx, scope, input, place.communeId);
        if (warnings.length && !input.confirmWarnings) throw needsConfirmation(warnings);
        // A household out of the caller's scope is answered as one that does not exist.
        if (input.householdId && !(await findHouseholdIn(trx, scope, input.householdId, place.communeId))) {
          throw invalid([{ field: 'householdId', message: 'Hộ gia đình không tồn tại, ngoài phạm vi của bạn hoặc không thuộc xã này', messageEn: 'Household unknown, outside your scope or not in this commune' }]);
        }
        const newId = await repo.insertResident(trx, {
          ...repo.toColumns(row),
          commune_id: place.communeId,
          village_id: place.villageId,
          household_id: input.householdId ?? null,
          relationship: input.relationship ?? null,
          warnings: JSON.stringify(warnings),
        });
        await repo.insertLifeEvent(trx, { residentId: newId, communeId: place.communeId, kind: 'registered', date: new Date().toISOString().slice(0, 10), toUnitId: place.villageId ?? place.communeId, recordedBy: actor.userId });
        await recordAudit(trx, actor, { action: 'resident.create', entityType: 'resident', entityId: newId, orgUnitId: place.communeId });
        return newId;
      }).catch(afterIdentifierRace(() => guardIdentifiers(db, scope, actor, input)));
      return read(scope, actor, id);
    },

    async update(scope: Scope, actor: Actor, id: number, patch: Partial<ResidentFields> & { unitId?: number; confirmWarnings?: boolean }) {
      const current = await repo.findResident(db, scope, id);
      if (!current) throw notFound();
      if (current.status === 'merged') throw conflict('Hồ sơ đã được gộp vào hồ sơ khác', 'This record was merged into another');
      const place = patch.unitId ? await placeIn(db, scope, patch.unitId) : { communeId: current.communeId, villageId: current.villageId };
      if (!place) throw invalid([{ field: 'unitId', message: 'Thôn/xã không tồn tại, đã giải thể hoặc ngoài phạm vi của bạn', messageEn: 'Village or commune unknown, closed or outside your scope' }]);
      const merged: ResidentFields = { ...(current as unknown as ResidentFields), sex: current.sex as 'male' | 'female', residenceStatus: current.residenceStatus as ResidentFields['residenceStatus'], ...patch };
      // A new date of birth replaces the old year and the other way round.
      if (patch.birthDate !== undefined && patch.birthYear === undefined) merged.birthYear = null;
      if (patch.birthYear !== undefined && patch.birthDate === undefined) merged.birthDate = null;
      // Only identifiers being changed are looked up: the record's own were checked when set.
      const changing = (['citizenId', 'insuranceCode'] as const).filter((f) => patch[f] !== undefined);
      if (changing.length) await guardIdentifiers(db, scope, actor, merged, { exceptId: id, fields: changing });
      await db.transaction().execute(async (trx) => {
        const { row, warnings } = await prepareResident(trx, scope, merged, place.communeId, '', id);
        if (warnings.length && !patch.confirmWarnings) throw needsConfirmation(warnings);
        await repo.updateResident(trx, id, { ...repo.toColumns(row), commune_id: place.communeId, village_id: place.villageId, relationship: merged.relationship ?? null, warnings: JSON.stringify(warnings) });
        await recordAudit(trx, actor, { action: 'resident.update', entityType: 'resident', entityId: id, orgUnitId: place.communeId, details: { fields: Object.keys(patch).filter((k) => k !== 'confirmWarnings') } });
      }).catch(afterIdentifierRace(() => guardIdentifiers(db, scope, actor, merged, { exceptId: id, fields: changing })));
      return read(scope, actor, id);
    },

    async merge(scope: Scope, actor: Actor, id: number, intoId: number) {
      if (id === intoId) throw invalid([{ field: 'intoId', message: 'Không thể gộp hồ sơ vào chính nó', messageEn: 'A record cannot be merged into itself' }]);
      const [from, into] = await Promise.all([repo.findResident(db, scope, id), repo.findResident(db, scope, intoId)]);
      if (!from || !into) throw notFound();
      if (from.status === 'merged' || into.status === 'merged') throw conflict('Một trong hai hồ sơ đã được gộp', 'One of the records was already merged');
      await db.transaction().execute(async (trx) => {
        await repo.moveHistory(trx, id, intoId);
        await repo.updateResident(trx, id, { status: 'merged', merged_into: intoId });
        await repo.insertLifeEvent(trx, { residentId: intoId, communeId: into.communeId, kind: 'merged', date: new Date().toISOString().slice(0, 10), note: `Gộp hồ sơ ${id} / merged record ${id}`, recordedBy: actor.userId });
        await recordAudit(trx, actor, { action: 'resident.merge', entityType: 'resident', entityId: intoId, orgUnitId: into.communeId, details: { merged: id } });
      });
      return read(scope, actor, intoId);
    },

    async lifeEvent(scope: Scope, actor: Actor, id: number, event: { kind: 'move_out' | 'move_in' | 'death'; date: string; toUnitId?: number; note?: string }) {
      const current = await repo.findResident(db, scope, id);
      if (!current) throw notFound();
      if (current.status === 'merged') throw conflict('Hồ sơ đã được gộp vào hồ sơ khác', 'This record was merged into another');
      const fromUnit = current.villageId ?? current.communeId;
      await db.transaction().execute(async (trx) => {
        if (event.kind === 'death') {
          await repo.updateResident(trx, id, { status: 'deceased', death_date: event.date });
        } else if (event.kind === 'move_in') {
          // Back in the commune, or moved within the caller's area: place and reactivate.
          const place = event.toUnitId ? await placeIn(trx, scope, event.toUnitId) : { communeId: current.communeId, villageId: current.villageId };
          if (!place) throw invalid([{ field: 'toUnitId', message: 'Nơi chuyển đến không hợp lệ hoặc ngoài phạm vi', messageEn: 'Destination unknown or outside your scope' }]);
          await repo.updateResident(trx, id, { status: 'active', commune_id: place.communeId, village_id: place.villageId });
        } else {
          const place = event.toUnitId ? await placeIn(trx, scope, event.toUnitId) : null;
          // Out of the caller's area: any unit of the country may be the destination, but a real one.
          if (event.toUnitId && !place && !(await trx.selectFrom('org_unit').where('id', '=', event.toUnitId).select('id').executeTakeFirst())) {
            throw invalid([{ field: 'toUnitId', message: 'Nơi chuyển đến không tồn tại', messageEn: 'Destination unknown' }]);
          }
          if (place) await repo.updateResident(trx, id, { commune_id: place.communeId, village_id: place.villageId, household_id: null, relationship: null });
          else await repo.updateResident(trx, id, { status: 'moved_out' });
        }
        await repo.insertLifeEvent(trx, { residentId: id, communeId: current.communeId, kind: event.kind, date: event.date, fromUnitId: fromUnit, toUnitId: event.toUnitId ?? null, note: event.note ?? null, recordedBy: actor.userId });
        await recordAudit(trx, actor, { action: `resident.${event.kind}`, entityType: 'resident', entityId: id, orgUnitId: current.communeId });
      });
      return read(scope, actor, id);
    },
  };
}

/** What a search text is: an ID number, a phone, an insurance number or code, or a name. */
export function classify(raw: string): { q: string; kind: repo.ResidentSearch['kind'] } {
  const compact = raw.replace(/[\s.-]/g, '');
  if (/^\d{12}$/.test(compact)) return { q: compact, kind: 'citizen_id' };
  // Ten digits from 0 may be a phone or a social-insurance number: look for both.
  if (/^0\d{9}$/.test(compact)) return { q: compact, kind: 'phone_or_social' };
  if (/^\+?84\d{9}$/.test(compact)) return { q: `0${compact.slice(-9)}`, kind: 'phone' };
  if (/^\d{10}$/.test(compact)) return { q: compact, kind: 'social_insurance' };
  if (/^[A-Za-z]{2}[1-5]\d{12}$/.test(compact)) return { q: compact.toUpperCase(), kind: 'insurance_code' };
  return { q: foldVietnamese(raw), kind: 'name' };
}
