/**
 * The codes of indicators as plain arrays, kept apart from the schemas so that
 * the web can import them without bundling TypeBox.
 */

export const INDICATOR_UNITS = ['percent', 'count'] as const;

/** Computed from the registry, or typed in (and exchanged with DHIS2). */
export const INDICATOR_SOURCES = ['computed', 'entered'] as const;
