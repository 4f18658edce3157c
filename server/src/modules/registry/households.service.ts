/**
 * Households: a family registered at an address in a village, with its members. Registering a
 * household and its members is one transaction: all of them or none.
 */
import { type FieldFinding, foldVietnamese } from '@ytcs/common';
import type { Kysely } from 'kysely';
import type { Scope } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import type { Actor } from '../../http/app-types.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import * as repo from './households.repository.ts';
import { afterIdentifierRace, guardIdentifiers } from './residents.identity.ts';
import { placeIn, scopeTops, scopeUnitOf } from './registry.scope.ts';
import * as residents from './residents.repository.ts';
import { type ResidentFields, needsConfirmation, prepareResident } from './residents.service.ts';

export interface NewHousehold {
  unitId: number;
  code?: string | null;
  address: string;
  members: ResidentFields[];
  confirmWarnings?: boolean;
}

export function householdService(db: Kysely<DB>) {
  return {
    /** Audited like a search of residents: the list names each household's head. */
    async list(scope: Scope, actor: Actor, query: { q?: string; orgUnit?: number; limit: number; offset: number }) {
      let orgUnitPath: string | undefined;
      if (query.orgUnit) {
        const unit = await db.selectFrom('org_unit').where('id', '=', query.orgUnit).select('path').executeTakeFirst();
        if (!unit) throw notFound();
        orgUnitPath = unit.path;
      }
      const result = await repo.listHouseholds(db, scope, { q: query.q ? foldVietnamese(query.q) : undefined, orgUnitPath, limit: query.limit, offset: query.offset });
      await recordAudit(db, actor, {
        action: 'household.list',
        entityType: 'household',
        orgUnitId: query.orgUnit ?? scopeUnitOf(scope),
        details: {
          searched: !!query.q,
          results: result.items.length,
          households: result.items.map((h) => h.id),
          residents: result.items.flatMap((h) => (h.headId ? [h.headId] : [])),
          ...(query.orgUnit ? {} : { scope: scopeTops(scope) }),
        },
      });
      return result;
    },

    async get(scope: Scope, actor: Actor, id: number) {
      const household = await repo.findHousehold(db, scope, id);
      if (!household) throw notFound();
      const members = await residents.searchResidents(db, scope, { householdId: id, limit: 50, offset: 0 });
      await recordAudit(db, actor, { action: 'household.read', entityType: 'household', entityId: id, orgUnitId: household.communeId, details: { residents: members.items.map((m) => m.id) } });
      return { ...household, members: members.items };
    },

    async create(scope: Scope, actor: Actor, input: NewHousehold) {
      const place = await placeIn(db, scope, input.unitId);
      if (!place) throw invalid([{ field: 'unitId', message: 'Thôn/xã không tồn tại, đã giải thể hoặc ngoài phạm vi của bạn', messageEn: 'Village or commune unknown, closed or outside your scope' }]);
      if (!input.address.trim()) throw invalid([{ field: 'address', message: 'Địa chỉ là bắt buộc', messageEn: 'Address is required' }]);
      if (input.members.length === 0) throw invalid([{ field: 'members', message: 'Hộ cần ít nhất một thành viên', messageEn: 'A household needs at least one member' }]);
      const heads = input.members.filter((m) => m.relationship === 'head').length;
      if (heads !== 1) throw invalid([{ field: 'members', message: 'Hộ cần đúng một chủ hộ', messageEn: 'A household needs exactly one head' }]);
      const code = input.code?.trim() || null;
      if (code && (await repo.householdCodeTaken(db, place.communeId, code))) throw conflict(`Số hộ ${code} đã có trong xã`, `Household number ${code} already exists in this commune`, 'code');

      const guardMembers = async () => {
        for (const [i, member] of input.members.entries()) await guardIdentifiers(db, scope, actor, member, { prefix: `members.${i}.` });
      };
      await guardMembers();
      const id = await db.transaction().execute(async (trx) => {
        const prepared = [];
        const warnings: FieldFinding[] = [];
        const seenIds = new Set<string>();
        for (const [i, member] of input.members.entries()) {
          const p = await prepareResident(trx, scope, member, place.communeId, `members.${i}.`);
          if (p.row.citizenId) {
            if (seenIds.has(p.row.citizenId)) throw invalid([{ field: `members.${i}.citizenId`, message: 'Số CCCD bị lặp trong hộ', messageEn: 'Personal ID repeated in the household' }]);
            seenIds.add(p.row.citizenId);
          }
          prepared.push({ ...p, relationship: member.relationship ?? 'other' });
          warnings.push(...p.warnings.map((w) => ({ ...w, field: `members.${i}.${w.field}` })));
        }
        if (warnings.length && !input.confirmWarnings) throw needsConfirmation(warnings);
        const householdId = await repo.insertHousehold(trx, { communeId: place.communeId, villageId: place.villageId, code, address: input.address.trim() });
        for (const p of prepared) {
          const residentId = await residents.insertResident(trx, {
            ...residents.toColumns(p.row),
            commune_id: place.communeId,
            village_id: place.villageId,
            household_id: householdId,
            relationship: p.relationship,
            warnings: JSON.stringify(p.warnings),
          });
          if (p.relationship === 'head') await repo.setHead(trx, householdId, residentId);
          await residents.insertLifeEvent(trx, { residentId, communeId: place.communeId, kind: 'registered', date: new Date().toISOString().slice(0, 10), toUnitId: place.villageId ?? place.communeId, recordedBy: actor.userId });
        }
        await recordAudit(trx, actor, { action: 'household.create', entityType: 'household', entityId: householdId, orgUnitId: place.communeId, details: { members: prepared.length } });
        return householdId;
      }).catch(afterIdentifierRace(guardMembers));
      return this.get(scope, actor, id);
    },
  };
}
