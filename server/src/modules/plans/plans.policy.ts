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
 *   A ward committee or station in the area of a city plan is neither, so it reads…
 * - …except the tasks given to every commune's committee or station ("UBND các xã, phường"):
 *   each commune's committee (or station) in the plan's area reports its own part of them, filed
 *   under an agency named after it ("Ủy ban nhân dân Phường Đức Xuân").
 */
import { type CommuneBody, communeBodyName, everyCommunesBody, say } from '@ytcs/common';
import type { Kysely } from 'kysely';
import { type Principal, scopeOf } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { agencyOfUser, communeBodiesOfUser, planRightFacts } from './plans.repository.ts';

/** 'task': the update is the task's own; 'part': it reports the caller's agency's part; null: read only. */
export type TaskRight = 'task' | 'part' | null;

/** What the rights read of a task: its lead and partners, by id and by name. */
export type TaskParties = { leadAgencyId: number | null; coordinatingIds: number[]; lead: string | null; coordinating: string[] };

/** The commune body a part is filed under: the caller's own agency, or its commune's committee or station. */
export type PartFiler = { agencyId: number } | { communeId: number; name: string };

export interface PlanRights {
  issuerId: number;
  canEdit: boolean;
  taskRight(task: TaskParties): TaskRight;
  /** Under whom the caller's part of this task is filed (only asked when taskRight says 'part'). */
  partFiler(task: TaskParties): PartFiler | null;
}

/** The caller's rights on a plan; null when the plan does not exist. */
export async function planRights(db: Kysely<DB>, principal: Principal, planId: number): Promise<PlanRights | null> {
  const [facts, agencyId, bodies] = await Promise.all([
    planRightFacts(db, planId, { write: scopeOf(principal, 'plan.write'), report: scopeOf(principal, 'task.update') }),
    agencyOfUser(db, principal.userId),
    communeBodiesOfUser(db, principal.userId, planId),
  ]);
  if (!facts) return null;
  const reportsTask = scopeOf(principal, 'task.update').paths.length > 0;
  /** The caller's commune body that a task given to every commune names, if any. */
  const communeBodyFor = (task: TaskParties) => {
    if (!reportsTask) return undefined;
    const given = new Set([task.lead, ...task.coordinating].map((name) => (name ? everyCommunesBody(name) : null)));
    return bodies.find((b) => given.has(b.body as CommuneBody));
  };
  return {
    issuerId: facts.issuerId,
    canEdit: facts.editsIssuer,
    taskRight(task) {
      if (facts.editsIssuer) return 'task';
      if (agencyId === null) return facts.reportsForIssuer ? 'task' : communeBodyFor(task) ? 'part' : null;
      if (!facts.reachesPlan) return null;
      if (task.leadAgencyId === agencyId) return 'task';
      return task.coordinatingIds.includes(agencyId) ? 'part' : null;
    },
    partFiler(task) {
      if (agencyId !== null) return { agencyId };
      const own = communeBodyFor(task);
      return own ? { communeId: own.communeId, name: communeBodyName(own.body, own.communeName) } : null;
    },
  };
}

/** Refusals that say whose the decision is, for a caller who reads the plan but may not do this. */
export const notThePlansEditor = () => new AppError(403, 'forbidden', say('plans.onlyIssuer'));

export const notTheTasksAgency = () => new AppError(403, 'forbidden', say('plans.onlyAgencies'));
