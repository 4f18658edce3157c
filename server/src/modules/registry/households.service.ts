/**
 * Households: a family registered at an address in a village, with its members. Registering a
 * household and its members is one transaction: all of them or none.
 */
import { type ResidentFields, foldVietnamese, say } from '@ytcs/common';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../access/context.ts';
import type { DB } from '../../db/schema.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './households.repository.ts';
import { personReads } from './person-reads.ts';
import { placeIn } from './registry.scope.ts';
import { registerPeople } from './registration.ts';
import { afterIdentifierRace, guardIdentifiers } from './residents.identity.ts';
import { findUnit } from './residents.repository.ts';

export interface NewHousehold {
  unitId: number;
  code?: string | null;
  address: string;
  members: ResidentFields[];
  confirmWarnings?: boolean;
}

export function householdService(db: Kysely<DB>) {
  const reads = personReads(db);

  return {
    async list(ctx: RequestContext, query: { q?: string; orgUnit?: number; limit: number; offset: number }) {
      const unit = query.orgUnit ? await findUnit(db, query.orgUnit) : undefined;
      if (query.orgUnit && !unit) throw notFound();
      return reads.households(ctx, { q: query.q ? foldVietnamese(query.q) : undefined, searched: !!query.q, limit: query.limit, offset: query.offset }, unit);
    },

    get: (ctx: RequestContext, id: number) => reads.household(ctx, id),

    async create(ctx: RequestContext, input: NewHousehold) {
      const place = await placeIn(db, ctx.scope, input.unitId);
      if (!place) throw invalid([{ field: 'unitId', ...say('registry.unknownPlace') }]);
      if (!input.address.trim()) throw invalid([{ field: 'address', ...say('registry.addressRequired') }]);
      if (input.members.length === 0) throw invalid([{ field: 'members', ...say('registry.householdNoMembers') }]);
      const heads = input.members.filter((m) => m.relationship === 'head').length;
      if (heads !== 1) throw invalid([{ field: 'members', ...say('registry.householdOneHead') }]);
      const code = input.code?.trim() || null;
      if (code && (await repo.householdCodeTaken(db, place.communeId, code))) throw conflict(say('registry.householdCodeTaken', { code }), 'code');

      const guardMembers = async () => {
        for (const [i, member] of input.members.entries()) await guardIdentifiers(db, ctx, member, { prefix: `members.${i}.` });
      };
      await guardMembers();
      const members = input.members.map((fields, i) => ({ fields, relationship: fields.relationship ?? 'other', prefix: `members.${i}.` }));
      const id = await db
        .transaction()
        .execute(async (trx) => {
          let householdId = 0;
          const ids = await registerPeople(trx, ctx, place, members, {
            confirmWarnings: input.confirmWarnings,
            home: async () => {
              householdId = await repo.insertHousehold(trx, { communeId: place.communeId, villageId: place.villageId, code, address: input.address.trim() });
              return householdId;
            },
          });
          const headId = ids[members.findIndex((m) => m.relationship === 'head')];
          if (headId) await repo.setHead(trx, householdId, headId);
          await recordAudit(trx, ctx.actor, { action: 'household.create', entityType: 'household', entityId: householdId, orgUnitId: place.communeId, details: { members: members.length } });
          return householdId;
        })
        .catch(afterIdentifierRace(guardMembers));
      return reads.household(ctx, id);
    },
  };
}
