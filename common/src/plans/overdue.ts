/**
 * When a task is overdue: its deadline has passed (a task due today still has today) and it is not
 * done. A finished task is never overdue, however late it was finished: the task keeps no
 * completion date, only its status. A task without a deadline (a recurring duty) is never overdue.
 * The database counts overdue tasks with the same rule (taskOverdue in the plans module's task
 * repository); a test checks the two agree.
 */
export interface TaskDue {
  /** 'not_started', 'in_progress' or 'done'. */
  status: string;
  /** ISO date (YYYY-MM-DD) or null. */
  deadline: string | null;
}

export function isOverdue(task: TaskDue, today: string): boolean {
  return task.status !== 'done' && task.deadline !== null && task.deadline < today;
}
