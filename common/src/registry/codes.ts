/** The registry's code lists, apart from its schemas (the web takes them without the schema library). */
export const RESIDENCE_STATUSES = ['permanent', 'temporary', 'absent'] as const;
export const RELATIONSHIPS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'grandparent', 'sibling', 'in_law', 'other'] as const;
