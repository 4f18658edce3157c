/** The registry's code lists, apart from its schemas (the web takes them without the schema library). */
export const RESIDENCE_STATUSES = ['permanent', 'temporary', 'absent'] as const;
export const RELATIONSHIPS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'grandparent', 'sibling', 'in_law', 'other'] as const;

/** How a list of residents is ordered: by full name as written, or by given name then family name. */
export const RESIDENT_ORDERS = ['name', 'given_name'] as const;
export type ResidentOrder = (typeof RESIDENT_ORDERS)[number];
