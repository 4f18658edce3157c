/**
 * Who may report progress on a task: a plan editor, or a holder of task.update in the plan's
 * scope whose account belongs to the task's lead or coordinating agency (an account tied to no
 * agency speaks for the whole committee of its unit).
 */
import type { Kysely } from 'kysely';
import type { Principal } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';

export interface TaskAccess {
  agencyId: number | null;
  owns(task: { leadAgencyId: number | null; coordinatingIds: number[] }): boolean;
}

export async function taskAccess(db: Kysely<DB>, principal: Principal): Promise<TaskAccess> {
  const user = await db.selectFrom('app_user').where('id', '=', principal.userId).select('agency_id').executeTakeFirst();
  const agencyId = user?.agency_id === null || user?.agency_id === undefined ? null : Number(user.agency_id);
  return {
    agencyId,
    owns: (task) => agencyId === null || task.leadAgencyId === agencyId || task.coordinatingIds.includes(agencyId),
  };
}
