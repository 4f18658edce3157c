/**
 * The expanded programme's code lists (tiêm chủng mở rộng). The schedule itself (which dose of
 * which series at what age) is data in the database, not here: these are only the words the
 * contract and the due rule use.
 */

/** The 11 diseases the expanded programme protects against (Circular 10/2024/TT-BYT, brief §7). */
export const ANTIGENS = [
  'hepatitis_b',
  'tuberculosis',
  'diphtheria',
  'pertussis',
  'tetanus',
  'hib',
  'polio',
  'measles',
  'rubella',
  'japanese_encephalitis',
  'rotavirus',
] as const;
export type Antigen = (typeof ANTIGENS)[number];

/**
 * Where a dose of the schedule stands for a child on a day. Only `due`, `overdue` and
 * `not_started` are listed for the nurse; the others say why a dose is not on the list.
 */
export const DOSE_STATUSES = ['given', 'upcoming', 'due', 'overdue', 'not_started', 'waiting', 'unscheduled', 'expired'] as const;
export type DoseStatus = (typeof DOSE_STATUSES)[number];

/** The statuses a due list is filtered by. */
export const LISTED_DOSE_STATUSES = ['due', 'overdue', 'not_started'] as const;

/**
 * Days after its due date that a dose stays "due" before it is "overdue": the product's choice (a
 * month, so "due" is this month's invitation list and "overdue" what was missed before), not a
 * figure of the Circular. Kept here once; the SQL twin reads it from here.
 */
export const OVERDUE_AFTER_DAYS = 30;

/**
 * Age after which a dose is no longer offered when its schedule row gives no catch-up limit
 * (catch_up_months null). The brief gives no catch-up ages; five years keeps the lists to the
 * programme's young children (and adults out of them) until the Ministry's ages are transcribed
 * into the rows. The product's choice, named in docs/data-model.md.
 */
export const DEFAULT_CATCH_UP_MONTHS = 60;
