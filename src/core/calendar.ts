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

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12). */
export function lastDayOfMonth(year: number, month: number): number {
  // The Gregorian rule for the usual days; anything else (month 0 or 13, years Date.UTC reads as
  // 19xx, fractions) as Date does it.
  if (Number.isInteger(year) && Number.isInteger(month) && month >= 1 && month <= 12 && year >= 100 && year <= 200000) {
    if (month !== 2) return MONTH_DAYS[month - 1];
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
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
  return monthsBetween(from.year, from.month, from.day, to.year, to.month, to.day);
}

/** Parts fit "YYYY-MM-DD" (so comparing them as numbers is comparing their {@link isoDay} text). */
const plainParts = (y: number, m: number, d: number): boolean => Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && y >= 0 && y <= 9999 && m >= 0 && m <= 99 && d >= 0 && d <= 99;

/** `isoDay(a) < isoDay(b)`, by numbers when the parts allow it. */
function isoBefore(ay: number, am: number, ad: number, by: number, bm: number, bd: number): boolean {
  if (plainParts(ay, am, ad) && plainParts(by, bm, bd)) return ay !== by ? ay < by : am !== bm ? am < bm : ad < bd;
  return isoDay({ year: ay, month: am, day: ad }) < isoDay({ year: by, month: bm, day: bd });
}

/** {@link fullMonthsBetween} on the parts of the two days (no objects made: the summaries call it per person). */
export function monthsBetween(fy: number, fm: number, fd: number, ty: number, tm: number, td: number): number {
  if (isoBefore(ty, tm, td, fy, fm, fd)) return -monthsBetween(ty, tm, td, fy, fm, fd);
  let months = (ty - fy) * 12 + (tm - fm);
  const dayNeeded = Math.min(fd, lastDayOfMonth(ty, tm));
  if (td < dayNeeded) months--;
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
