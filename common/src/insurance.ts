/**
 * "Insured on a date": a resident is insured on a day when they hold a card code and the day lies
 * within the card's validity (either end may be open). The database judges with the same rule
 * (server/src/db/rules.ts, insuredOn); a test checks both agree.
 */
export interface InsuranceCard {
  code: string | null;
  /** ISO day the card starts, or null when it has no start. */
  validFrom: string | null;
  /** ISO day the card ends (inclusive), or null when it has no end. */
  validTo: string | null;
}

/** Whether the card insures its holder on the ISO day `date`. */
export function isInsuredOn(card: InsuranceCard, date: string): boolean {
  return card.code !== null && (card.validFrom === null || card.validFrom <= date) && (card.validTo === null || card.validTo >= date);
}
