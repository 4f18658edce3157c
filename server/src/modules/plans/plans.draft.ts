/**
 * The plan importer's server side: the text parsed into a draft (common/plans), plus the org units
 * the issuer may be, so the reviewer picks one instead of typing it. Old units (before the 2025
 * reorganisation) are offered too, marked closed: their plans are judged on their heirs.
 */
import { foldVietnamese, parsePlanText } from '@ytcs/common';
import { type Kysely, sql } from 'kysely';
import type { Scope } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { orgUnitInScope } from '../../db/scope.ts';

export async function draftPlan(db: Kysely<DB>, scope: Scope, text: string) {
  const draft = parsePlanText(text);
  const area = draft.issuer.areaName ? foldVietnamese(draft.issuer.areaName) : null;
  const level = draft.issuer.level;
  const candidates = area
    ? await db
        .selectFrom('org_unit as o')
        .leftJoin('org_unit as p', 'p.id', 'o.parent_id')
        .where('o.name_folded', 'like', `%${area.replace(/[%_\\]/g, '\\$&')}`)
        .where('o.level', 'in', level ? [level] : ['province', 'district', 'commune'])
        .where(orgUnitInScope('o', scope))
        .select(['o.id', 'o.name', 'o.level', 'o.valid_to as validTo', 'p.name as parentName'])
        .orderBy(sql`o.valid_to is null`, 'desc')
        .orderBy('o.id')
        .limit(10)
        .execute()
    : [];
  return { draft, candidates: candidates.map((c) => ({ ...c, id: Number(c.id), validTo: c.validTo ? String(c.validTo).slice(0, 10) : null })) };
}
