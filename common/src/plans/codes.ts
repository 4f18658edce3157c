/**
 * The codes of plans as plain arrays, kept apart from the schemas so that
 * the web can import them without bundling TypeBox.
 */

/** Draft, in force, or ended. */
export const PLAN_STATUSES = ['draft', 'active', 'closed'] as const;

export const TASK_STATUSES = ['not_started', 'in_progress', 'done'] as const;

/** How a target's figure is compared with its value: more than, at least, exactly, at most, less than. */
export const COMPARATORS = ['gt', 'ge', 'eq', 'le', 'lt'] as const;

export const ISSUER_LEVELS = ['province', 'district', 'commune'] as const;
