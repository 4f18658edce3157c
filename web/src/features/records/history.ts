// Part 2 of the record on the wire: only what was filled in. Empty text, unticked boxes and
// half-filled groups (drinking without a level, exposure without a factor) are left out, since the
// server accepts each section as optional but each field of a section as the form defines it.
import type { History } from '@ytcs/common';

type Loose = unknown;

function prune(value: Loose): Loose {
  if (typeof value === 'string') return value.trim() || undefined;
  if (value === false || value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, Loose>)
      .map(([k, v]) => [k, prune(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

export function cleanHistory(values: History, sex: string): History {
  const h = (prune(values) ?? {}) as History;
  if (h.personalHistory) h.personalHistory = { ...h.personalHistory, conditions: h.personalHistory.conditions ?? [] };
  if (h.alcohol && !h.alcohol.status) delete h.alcohol;
  if (h.occupationalExposure && !h.occupationalExposure.factor) delete h.occupationalExposure;
  if (h.familyHistory) h.familyHistory = h.familyHistory.filter((f) => f.relation);
  if (h.familyHistory?.length === 0) delete h.familyHistory;
  if (sex !== 'female') delete h.reproductive;
  return h;
}

/** Family relations offered (any other may be typed). */
export const FAMILY_RELATIONS = ['father', 'mother', 'sibling', 'grandparent', 'child', 'other'] as const;
