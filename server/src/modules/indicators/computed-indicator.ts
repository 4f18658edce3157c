/** The shape of an entry of the computed-indicator registry (computed-indicators.ts), apart so entries may live in files of their own. */
import type { Indicator, PeriodType } from '@ytcs/common';
import type { RawBuilder } from 'kysely';

/** What an entry's SQL may use: the day counted to, the first day of the earliest period, and the communes being recounted. */
export interface CountingDays {
  /** The day figures are counted as of (an SQL date). */
  asOf: RawBuilder<unknown>;
  /** The first day of the earliest period counted (an SQL date): events before it count in no period. */
  from: RawBuilder<unknown>;
  /** `and <column> = any(communes)` when some communes are recounted, else nothing: keeps a recount to its communes. */
  inCommunes(column: string): RawBuilder<unknown>;
}

/**
 * Who meets the numerator:
 * - `resident`: a fact of the resident row `r` on the day (a boolean over r; another person
 *   table through `exists`);
 * - `events`: a flow, a query of (`resident_id`, `day`) between `from` and `asOf`; a resident counts
 *   in a period when their last such day falls in it.
 */
export type Numerator =
  | { counts: 'resident'; where: (d: CountingDays) => RawBuilder<boolean> }
  | { counts: 'events'; events: (d: CountingDays) => RawBuilder<unknown> };

/** An indicator's wording as the API serves it (the contract's Indicator), and its place in lists. */
export type IndicatorDefinition = Omit<Indicator, 'code' | 'source' | 'countsPeople'> & {
  /** Order among all indicators (entered ones included). */
  sort: number;
};

export interface ComputedIndicator {
  code: string;
  definition: IndicatorDefinition;
  /**
   * Whom the figure is about, a boolean over the resident row `r`, among the residents every
   * computation starts from: active, born by the day, at home in the communes counted.
   */
  denominator: (d: CountingDays) => RawBuilder<boolean>;
  numerator: Numerator;
  /** The period types it is counted for. */
  periods: readonly PeriodType[];
  /** 'small-cell': the figure counts people, so readers without access to them get the small-cell rule. */
  suppression: 'small-cell' | 'none';
}
