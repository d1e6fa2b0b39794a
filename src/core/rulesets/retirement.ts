/**
 * Retirement dates from the rule set's table of retirement ages (`retirement.pastAge` →
 * `ageMonths`): the Labour Code 2019 Art 169 and Decree 135/2020 in the presets from ND 34/2019
 * on (men +3 months a year from 60y3m in 2021 to 62 in 2028; women +4 months a year from 55y4m
 * in 2021 to 60 in 2035; 60 and 55 before), the old 60 / 55 in ND 92/2009. Data, not code: the
 * retirement checks and the quality age bands both read the table of the active rule set, and an
 * office can change a year's age on the Quy định sheet ("retirement.pastAge.ageMonths.male.2026").
 *
 * Rules of Decree 135/2020 (domain-rules.md §4, [S38]):
 * - retirement falls at the end of the last day of the month in which the person reaches the age;
 *   the pension starts on the 1st of the next month;
 * - a year-only birth date counts as 01/01, a month and year as the 1st;
 * - the age is the one of the year in which it is reached: the smallest year Y such that the birth
 *   month plus age(Y) falls inside Y.
 */
import { isoDay, lastDayOfMonth } from "../calendar";
import type { PartialDate } from "../text/dates";
import { isPlainObject } from "./shape";
import type { ActiveRuleSet, JsonValue } from "./types";

export type Sex = "male" | "female";

/** The rule whose value holds the table (the other retirement rules and the age bands read it there). */
export const RETIREMENT_TABLE_RULE = "retirement.pastAge";

/**
 * Retirement age in months by the year it is reached, per sex: `[year, months]` sorted by year.
 * A year takes the entry of the latest year at or before it; years before the first entry take
 * the first entry.
 */
export interface RetirementTable {
  male: [number, number][];
  female: [number, number][];
}

/** One person's retirement. */
export interface Retirement {
  /** The age that applies, in months (735 = 61 years 3 months). */
  ageMonths: number;
  /** The month in which the age is reached. */
  year: number;
  month: number;
  /** The last day of that month, YYYY-MM-DD: retirement is at the end of this day. */
  date: string;
  /** The 1st of the next month, YYYY-MM-DD. */
  pensionFrom: string;
}

function entries(v: JsonValue | undefined): [number, number][] {
  if (!isPlainObject(v)) return [];
  return Object.entries(v)
    .filter((e): e is [string, number] => /^\d{4}$/.test(e[0]) && typeof e[1] === "number")
    .map(([y, m]): [number, number] => [Number(y), m])
    .sort((a, b) => a[0] - b[0]);
}

/**
 * The table in a rule value (`{ ageMonths: { male: { "2020": 720, … }, female: { … } } }`), or
 * undefined when a sex has no entry.
 */
export function retirementTableFrom(value: JsonValue | undefined): RetirementTable | undefined {
  const ages = isPlainObject(value) ? value.ageMonths : undefined;
  if (!isPlainObject(ages)) return undefined;
  const male = entries(ages.male);
  const female = entries(ages.female);
  return male.length > 0 && female.length > 0 ? { male, female } : undefined;
}

/**
 * The table of an active rule set (overrides applied), whether or not `retirement.pastAge` is
 * enabled: switching the finding off does not change when people retire.
 * @example retirementTableOf(chooseRuleSet({ asOf: "2024-11-15" }).set)
 */
export function retirementTableOf(set: ActiveRuleSet): RetirementTable | undefined {
  const value = set.rules.get(RETIREMENT_TABLE_RULE)?.value;
  // The same rule value gives the same table object, so callers can cache per table.
  if (value === undefined || value === null || typeof value !== "object") return retirementTableFrom(value);
  if (TABLES.has(value)) return TABLES.get(value);
  const t = retirementTableFrom(value);
  TABLES.set(value, t);
  return t;
}

const TABLES = new WeakMap<object, RetirementTable | undefined>();

/**
 * The retirement age (in months) of people who reach it in `year`.
 * @example retirementAgeInYear(table, "female", 2025) // 680 (56 years 8 months)
 */
export function retirementAgeInYear(table: RetirementTable, sex: Sex, year: number): number {
  const list = table[sex];
  let age = list[0][1];
  for (const [y, m] of list) {
    if (y > year) break;
    age = m;
  }
  return age;
}

/**
 * When a person retires.
 * @example retirementOf({ year: 1963, month: 1, precision: "month" }, "male", table) // { ageMonths: 729, year: 2023, month: 10, date: "2023-10-31", pensionFrom: "2023-11-01" }
 */
export function retirementOf(birth: PartialDate, sex: Sex, table: RetirementTable): Retirement {
  // Only the birth month matters: a roster of thousands has a few hundred distinct months.
  let byMonth = BY_MONTH.get(table);
  if (!byMonth) BY_MONTH.set(table, (byMonth = { numeric: new Map(), other: new Map() }));
  const month = birth.month ?? 1;
  const year = birth.year;
  if (Number.isSafeInteger(year) && Math.abs(year) < 1e9 && Number.isInteger(month) && month >= 0 && month < 16) {
    const key = (year * 16 + month) * 2 + (sex === "male" ? 0 : 1);
    let r = byMonth.numeric.get(key);
    if (r === undefined) byMonth.numeric.set(key, (r = computeRetirement(birth, sex, table)));
    return r;
  }
  const key = `${sex}|${year}|${month}`;
  let r = byMonth.other.get(key);
  if (r === undefined) byMonth.other.set(key, (r = computeRetirement(birth, sex, table)));
  return r;
}

/** Per table: by birth month and sex as a number (integers, the usual case), else as text. */
const BY_MONTH = new WeakMap<RetirementTable, { numeric: Map<number, Retirement>; other: Map<string, Retirement> }>();

function computeRetirement(birth: PartialDate, sex: Sex, table: RetirementTable): Retirement {
  const b = birth.year * 12 + ((birth.month ?? 1) - 1);
  // The smallest year Y in which birth + age(Y) falls (ages grow by less than a year a year, so it exists).
  let reached = b + retirementAgeInYear(table, sex, birth.year);
  for (let y = birth.year; y <= birth.year + 200; y++) {
    reached = b + retirementAgeInYear(table, sex, y);
    if (Math.floor(reached / 12) <= y) break;
  }
  const ry = Math.floor(reached / 12);
  const rm = reached - ry * 12 + 1;
  const next = rm === 12 ? { year: ry + 1, month: 1 } : { year: ry, month: rm + 1 };
  return {
    ageMonths: reached - b,
    year: ry,
    month: rm,
    date: isoDay({ year: ry, month: rm, day: lastDayOfMonth(ry, rm) }),
    pensionFrom: isoDay({ ...next, day: 1 }),
  };
}

/**
 * "60 tuổi 9 tháng" / "60 years 9 months" parts of an age in months.
 * @example ageParts(729) // { years: 60, months: 9 }
 */
export function ageParts(months: number): { years: number; months: number } {
  return { years: Math.floor(months / 12), months: months % 12 };
}
