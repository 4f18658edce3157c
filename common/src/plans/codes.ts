/**
 * The codes of plans as plain arrays, kept apart from the schemas so that
 * the web can import them without bundling TypeBox.
 */

/** Draft, in force, or ended. */
export const PLAN_STATUSES = ['draft', 'active', 'closed'] as const;

export const TASK_STATUSES = ['not_started', 'in_progress', 'done'] as const;

/** How a target's figure is compared with its value: at least, more than, exactly, at most, less than (the order offered; "at least" is the usual one). */
export const COMPARATORS = ['ge', 'gt', 'eq', 'le', 'lt'] as const;

export const ISSUER_LEVELS = ['province', 'district', 'commune'] as const;
