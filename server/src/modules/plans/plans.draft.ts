/**
 * The plan importer's server side: the text parsed into a draft (common/plans), plus the org units
 * the issuer may be, so the reviewer picks one instead of typing it. Old units (before the 2025
 * reorganisation) are offered too, marked closed: their plans are judged on their heirs.
 */
import { foldVietnamese, parsePlanText } from '@ytcs/common';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../access/context.ts';
import type { DB } from '../../db/schema.ts';
import { issuerCandidates } from './plans.repository.ts';

export async function draftPlan(db: Kysely<DB>, ctx: RequestContext, text: string) {
  const draft = parsePlanText(text);
  const area = draft.issuer.areaName ? foldVietnamese(draft.issuer.areaName) : null;
  const level = draft.issuer.level;
  const candidates = area ? await issuerCandidates(db, ctx.scope, area, level ? [level] : ['province', 'district', 'commune']) : [];
  return { draft, candidates };
}
