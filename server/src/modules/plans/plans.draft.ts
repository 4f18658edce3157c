/**
 * The plan importer's server side: the text parsed into a draft (common/plans), plus the org units
 * the issuer may be, so the reviewer picks one instead of typing it. Old units (before the 2025
 * reorganisation) are offered too, marked closed: their plans are judged on their heirs.
 */
import { foldVietnamese, type PlanWarning, parsePlanText, type Said, say } from '@ytcs/common';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../access/context.ts';
import type { DB } from '../../db/schema.ts';
import { type LegacyReading, readLegacyVietnamese } from '../../text/legacy-vietnamese.ts';
import { issuerCandidates } from './plans.repository.ts';

/** A warning as the parser writes them (common/plans/warnings.ts). */
const warning = ({ key, params, message, messageEn }: Said): PlanWarning => ({ key, ...(params ? { params } : {}), vi: message, en: messageEn });

/**
 * `found`: what a file's reader already found of the old Vietnamese encodings (the text is then
 * converted already); pasted text is looked at here, the same way (legacy-vietnamese.ts).
 */
export async function draftPlan(db: Kysely<DB>, ctx: RequestContext, pasted: string, found?: Omit<LegacyReading, 'text'>) {
  const { text, ...legacy } = found ? { text: pasted, ...found } : readLegacyVietnamese(pasted);
  const draft = parsePlanText(text);
  // First, so the reviewer reads them before checking names and figures.
  if (legacy.unreadable) draft.warnings.unshift(warning(say('plans.draft.encodingUnreadable', { encoding: legacy.unreadable })));
  if (legacy.converted) draft.warnings.unshift(warning(say('plans.draft.encodingConverted', { encoding: legacy.converted })));
  const area = draft.issuer.areaName ? foldVietnamese(draft.issuer.areaName) : null;
  const level = draft.issuer.level;
  const candidates = area ? await issuerCandidates(db, ctx.scope, area, level ? [level] : ['province', 'district', 'commune']) : [];
  return { draft, candidates };
}
