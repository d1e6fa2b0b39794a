/**
 * Month arithmetic on calendar days, for ages, terms and retirement dates. Dates are Vietnamese
 * calendar days without a time zone, written YYYY-MM-DD; a partial date (year only, month and
 * year) is completed with day 01 and January, the rule Decree 135/2020 gives for retirement
 * (domain-rules.md §4) and the one rosters imply for "năm bổ nhiệm".
 */
import type { PartialDate } from "./text/dates";

/** A full calendar day. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

/** Days in a month (1–12). */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * "YYYY-MM-DD" of a day.
 * @example isoDay({ year: 2025, month: 5, day: 31 }) // "2025-05-31"
 */
export function isoDay(d: Day): string {
  return `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

/** A day from "YYYY-MM-DD" (no calendar check: callers pass checked dates). */
export function dayOfIso(iso: string): Day {
  const [y, m, d] = iso.split("-").map(Number);
  return { year: y, month: m, day: d };
}

/**
 * A partial date completed with the 1st and January (Decree 135/2020: a year-only birth date
 * counts as 01/01, a month and year as the 1st).
 * @example filledDay({ year: 1963, precision: "year" }) // { year: 1963, month: 1, day: 1 }
 */
export function filledDay(p: PartialDate): Day {
  return { year: p.year, month: p.month ?? 1, day: p.day ?? 1 };
}

/**
 * Whole months from `from` to `to` (negative when `to` is earlier): 15/06/2016 → 14/06/2024 is 95,
 * → 15/06/2024 is 96. A month is complete on the same day of the month (or the month's last day
 * when it is shorter: 31/01 → 28/02 is one month).
 * @example fullMonthsBetween({ year: 2016, month: 6, day: 15 }, { year: 2024, month: 6, day: 15 }) // 96
 */
export function fullMonthsBetween(from: Day, to: Day): number {
  if (isoDay(to) < isoDay(from)) return -fullMonthsBetween(to, from);
  let months = (to.year - from.year) * 12 + (to.month - from.month);
  const dayNeeded = Math.min(from.day, lastDayOfMonth(to.year, to.month));
  if (to.day < dayNeeded) months--;
  return months;
}

/**
 * The same day `n` months later (or earlier), kept inside shorter months: 31/01 + 1 → 28/02.
 * @example addMonths({ year: 2024, month: 11, day: 30 }, 12) // { year: 2025, month: 11, day: 30 }
 */
export function addMonths(d: Day, n: number): Day {
  const index = d.year * 12 + (d.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(d.day, lastDayOfMonth(year, month)) };
}
