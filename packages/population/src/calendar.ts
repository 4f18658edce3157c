/** Dates as whole days since 1970-01-01 (UTC): cheap arithmetic, no time zones. */

const MS_PER_DAY = 86_400_000;

export function parseDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a date (YYYY-MM-DD): ${iso}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY);
}

/** Year, month (1–12), day of a day number (H. Hinnant's civil_from_days, no Date objects). */
export function civil(day: number): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

export function yearOf(day: number): number {
  return civil(day)[0];
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

export function formatDay(day: number): string {
  const [y, m, d] = civil(day);
  return `${y}-${two(m)}-${two(d)}`;
}

export function dayOf(year: number, month: number, dayOfMonth: number): number {
  return Math.round(Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY);
}

/** Whole years between two days (age on `on` of someone born on `birth`). */
export function yearsBetween(birth: number, on: number): number {
  const [by, bm, bd] = civil(birth);
  const [y, m, d] = civil(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The same calendar day `years` later (29 February becomes 28 February). */
export function addYears(day: number, years: number): number {
  const [y, m, d] = civil(day);
  return dayOf(y + years, m, m === 2 && d === 29 ? 28 : d);
}

/** A timestamp (ISO, Vietnam time) at `hour` on a day, for created_at/recorded_at columns. */
export function timestampOn(day: number, hour: number, minute: number): string {
  return `${formatDay(day)}T${two(hour)}:${two(minute)}:00+07:00`;
}
