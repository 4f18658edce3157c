/**
 * Who may change a plan and who may report on its tasks: the one rule behind both the checks on
 * writes and the canEdit / canUpdate flags in answers, so the page never offers what the server
 * refuses.
 *
 * - A plan is edited by the editors (plan.write) of its issuing unit, or of a successor of a
 *   closed issuer at the same level or above (issuerInScope). Units merely in its area read it.
 * - A task is reported on by its lead agency's accounts. A coordinating agency's accounts add
 *   updates on their own part, which leave the task's status and progress to the lead.
 * - An account tied to no agency speaks for its unit: it reports on any task of a plan its
 *   task.update scope holds the issuer of (the issuing committee); the plan's editors may too.
 *   A ward committee or station in the area of a city plan is neither, so it reads.
 */
import { say } from '@ytcs/common';
import type { Kysely } from 'kysely';
import { type Principal, scopeOf } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { agencyOfUser, planRightFacts } from './plans.repository.ts';

/** 'task': the update is the task's own; 'part': it reports the caller's agency's part; null: read only. */
export type TaskRight = 'task' | 'part' | null;

export interface PlanRights {
  issuerId: number;
  canEdit: boolean;
  /** The caller's agency (a partner's updates are filed under it), or null for a unit's account. */
  agencyId: number | null;
  taskRight(task: { leadAgencyId: number | null; coordinatingIds: number[] }): TaskRight;
}

/** The caller's rights on a plan; null when the plan does not exist. */
export async function planRights(db: Kysely<DB>, principal: Principal, planId: number): Promise<PlanRights | null> {
  const [facts, agencyId] = await Promise.all([
    planRightFacts(db, planId, { write: scopeOf(principal, 'plan.write'), report: scopeOf(principal, 'task.update') }),
    agencyOfUser(db, principal.userId),
  ]);
  if (!facts) return null;
  return {
    issuerId: facts.issuerId,
    canEdit: facts.editsIssuer,
    agencyId,
    taskRight(task) {
      if (facts.editsIssuer) return 'task';
      if (agencyId === null) return facts.reportsForIssuer ? 'task' : null;
      if (!facts.reachesPlan) return null;
      if (task.leadAgencyId === agencyId) return 'task';
      return task.coordinatingIds.includes(agencyId) ? 'part' : null;
    },
  };
}

/** Refusals that say whose the decision is, for a caller who reads the plan but may not do this. */
export const notThePlansEditor = () => new AppError(403, 'forbidden', say('plans.onlyIssuer'));

export const notTheTasksAgency = () => new AppError(403, 'forbidden', say('plans.onlyAgencies'));
