/**
 * Dates in every form a Vietnamese roster uses: Excel serials (1900 and 1904
 * systems), day-first text, month/year, year only, Vietnamese words
 * ("ngày 15 tháng 8 năm 1985"), ISO, and JS Date objects from spreadsheet
 * libraries.
 *
 * Principles (shared/reference/roster-formats.md §3 "Dates", §6 step 6):
 * - **Always day-first.** "08/15/1985" is an impossible date, never 15 August.
 * - Dates carry no time zone: they are Vietnamese calendar dates. All
 *   arithmetic is done with `Date.UTC` so the host's time zone never shifts a
 *   day.
 * - Partial dates are kept partial ("08/1985", "1985") with a precision.
 * - Nothing throws; every failure is a typed result.
 *
 * Pure TypeScript: ES2022 only.
 */

import { comparisonKey } from "./keys";

/**
 * How much of a date is known.
 *
 * @example
 * ```ts
 * const p: DatePrecision = "month"; // "08/1985"
 * ```
 */
export type DatePrecision = "day" | "month" | "year";

/**
 * A calendar date that may lack its day or its month.
 * `month` is 1–12, `day` is 1–31; both are present when `precision` is "day",
 * `month` is present when `precision` is "month".
 *
 * @example
 * ```ts
 * const d: PartialDate = { year: 1985, month: 8, precision: "month" }; // "08/1985"
 * ```
 */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
}

/**
 * Where a parsed date came from:
 * - `serial`: a number in a cell with a date number format;
 * - `serialGuess`: a plain number that is probably a serial shown as a number (`guessed: true`);
 * - `yearNumber`: a plain number 1900–2100 read as a year;
 * - `jsDate`: a JS Date object (ExcelJS and similar libraries);
 * - `dmy` / `my` / `y`: numeric text day-month-year / month-year / year;
 * - `iso`: year-first text "1985-08-15" or "1985-08";
 * - `words`: Vietnamese words ("ngày 15 tháng 8 năm 1985", "tháng 8/1985", "năm 1985").
 *
 * @example
 * ```ts
 * const r = parseDateText("tháng 8/1985");
 * if (r.ok) r.form; // "words"
 * ```
 */
export type DateForm =
  | "serial"
  | "serialGuess"
  | "yearNumber"
  | "jsDate"
  | "dmy"
  | "my"
  | "y"
  | "iso"
  | "words";

/**
 * Why a value is not a date: blank, not date-shaped, or date-shaped but not on the calendar.
 *
 * @example
 * ```ts
 * const r = parseDateText("31/02/1985");
 * if (!r.ok) r.reason; // "impossible"
 * ```
 */
export type DateFailureReason = "empty" | "notADate" | "impossible";

/**
 * Result of the date parsers: a date with its form, or a reason.
 *
 * @example
 * ```ts
 * const r: DateParseResult = parseDateText("15/08/1985");
 * if (r.ok) toIso(r.date); // "1985-08-15"
 * ```
 */
export type DateParseResult =
  | {
      ok: true;
      date: PartialDate;
      form: DateForm;
      /** The year was written with two digits and expanded with the pivot. */
      twoDigitYear?: boolean;
      /** The value was not marked as a date; the reading is a guess (see {@link parseDateCell}). */
      guessed?: boolean;
    }
  | { ok: false; reason: DateFailureReason };

/**
 * Options for {@link parseDateText}.
 *
 * @example
 * ```ts
 * parseDateText("1/1/05", { twoDigitYearPivot: 10 }); // 2005-01-01
 * ```
 */
export interface ParseDateTextOptions {
  /**
   * Two-digit years `yy <= pivot` become 20yy, larger ones 19yy.
   * Default: the last two digits of {@link ParseDateTextOptions.referenceYear}.
   * With the default in 2025, "15/8/85" → 1985 and "1/1/05" → 2005, which suits
   * birth dates of working people (nobody on a roster is over 100).
   */
  twoDigitYearPivot?: number;
  /** Year used for the default pivot. Default: the current UTC year. */
  referenceYear?: number;
}

/**
 * Options for {@link parseDateCell}.
 *
 * @example
 * ```ts
 * parseDateCell(29812, { date1904: true, numberFormat: "dd/mm/yyyy" }); // 1985-08-15
 * ```
 */
export interface ParseDateCellOptions extends ParseDateTextOptions {
  /** The workbook uses the 1904 date system (workbookPr `date1904`, MS-XLS Date1904 record). */
  date1904?: boolean;
  /** The cell's number format code (e.g. "dd/mm/yyyy") or built-in format id (e.g. 14). */
  numberFormat?: string | number;
  /**
   * Plain numbers (no date format) whose serial reading falls within these
   * years are returned as `serialGuess` with `guessed: true`.
   * Default `{ min: 1920, max: 2100 }`: the oldest dates a cadre roster holds
   * (births of retired members, Party admission) are after 1920, and small
   * numbers (an STT, a count, a day typed alone) are far more likely not dates.
   */
  guessSerialYears?: { min: number; max: number };
}

const MS_PER_DAY = 86_400_000;
/** Largest serial Excel accepts: 9999-12-31 in the 1900 system. */
const MAX_SERIAL_1900 = 2_958_465;
/** 9999-12-31 in the 1904 system (1,462 days fewer). */
const MAX_SERIAL_1904 = 2_957_003;

/**
 * Gregorian leap year test.
 *
 * @param year - full year
 * @returns true for leap years
 *
 * @example
 * ```ts
 * isLeapYear(2000) // true
 * isLeapYear(1900) // false (Excel pretends otherwise; see excelSerialToDate)
 * ```
 */
export function isLeapYear(year: number): boolean {
  return Number.isInteger(year) && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0);
}

/**
 * Number of days in a month of the Gregorian calendar.
 *
 * @param year - full year
 * @param month - 1–12
 * @returns 28–31, or 0 for an invalid month
 *
 * @example
 * ```ts
 * daysInMonth(1984, 2) // 29
 * daysInMonth(1985, 2) // 28
 * ```
 */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) return 0;
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Whether year/month/day is a real calendar date (years 1000–9999).
 *
 * @param year - full year
 * @param month - 1–12
 * @param day - 1–31
 * @returns true when the date exists
 *
 * @example
 * ```ts
 * isValidDate(1985, 2, 29) // false
 * isValidDate(1984, 2, 29) // true
 * ```
 */
export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= 1000 &&
    year <= 9999 &&
    Number.isInteger(day) &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function isValidPartial(d: PartialDate): boolean {
  if (d === null || typeof d !== "object") return false;
  if (!Number.isInteger(d.year) || d.year < 1000 || d.year > 9999) return false;
  if (d.month !== undefined && (!Number.isInteger(d.month) || d.month < 1 || d.month > 12)) return false;
  if (d.day !== undefined) {
    if (d.month === undefined) return false;
    if (!isValidDate(d.year, d.month, d.day)) return false;
  }
  return true;
}

function pad(n: number, width: number): string {
  return String(Math.trunc(Math.abs(n))).padStart(width, "0");
}

/**
 * Formats a partial date as ISO 8601: "1985-08-15", "1985-08" or "1985",
 * following its precision.
 *
 * @param d - the date
 * @returns the ISO text
 *
 * @example
 * ```ts
 * toIso({ year: 1985, month: 8, day: 15, precision: "day" }) // "1985-08-15"
 * toIso({ year: 1985, month: 8, precision: "month" })        // "1985-08"
 * toIso({ year: 1985, precision: "year" })                   // "1985"
 * ```
 */
export function toIso(d: PartialDate): string {
  const year = pad(d.year, 4);
  if (d.precision === "year" || d.month === undefined) return year;
  const month = `${year}-${pad(d.month, 2)}`;
  if (d.precision === "month" || d.day === undefined) return month;
  return `${month}-${pad(d.day, 2)}`;
}

/**
 * The calendar day of a day number (days since 1970-01-01, proleptic Gregorian), by arithmetic
 * rather than through a `Date` (H. Hinnant's "civil_from_days"): Excel serials are read for every
 * birth date of a roster.
 */
export function dayFromEpochDays(days: number): PartialDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097; // [0, 146096]
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365); // [0, 399]
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // [0, 365]
  const mp = Math.floor((5 * doy + 2) / 153); // [0, 11], March first
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day, precision: "day" };
}

/** Day numbers (since 1970-01-01) of the serial epochs: 1899-12-30, 1899-12-31 (serials before 60) and 1904-01-01. */
const EPOCH_1900 = Date.UTC(1899, 11, 30) / MS_PER_DAY;
const EPOCH_1900_EARLY = Date.UTC(1899, 11, 31) / MS_PER_DAY;
const EPOCH_1904 = Date.UTC(1904, 0, 1) / MS_PER_DAY;

function fromUtcMs(ms: number): PartialDate {
  const date = new Date(ms);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    precision: "day",
  };
}

/**
 * Converts an Excel date serial to a calendar date. The fractional part (time
 * of day) is ignored.
 *
 * - 1900 system: serial 1 = 1900-01-01. Excel copies Lotus 1-2-3 in treating
 *   1900 as a leap year, so serial 60 is the non-existent 29/02/1900 and is
 *   rejected, and serials 1–59 are one day off against the rest
 *   (ECMA-376 Part 1 §18.17.4.1; roster-formats.md §3). From serial 61
 *   (1900-03-01) on, the day count runs from 1899-12-30.
 * - 1904 system: serial 0 = 1904-01-01 (MS-XLS Date1904).
 *
 * @param serial - the cell number
 * @param date1904 - the workbook uses the 1904 system
 * @returns the date, or `undefined` for 60 (1900 system), non-finite values and serials outside Excel's range
 *
 * @example
 * ```ts
 * excelSerialToDate(31274, false) // { year: 1985, month: 8, day: 15, precision: "day" }
 * excelSerialToDate(60, false)    // undefined (29/02/1900 does not exist)
 * excelSerialToDate(0, true)      // { year: 1904, month: 1, day: 1, precision: "day" }
 * ```
 */
export function excelSerialToDate(serial: number, date1904 = false): PartialDate | undefined {
  if (typeof serial !== "number" || !Number.isFinite(serial)) return undefined;
  const whole = Math.floor(serial);
  if (date1904 === true) {
    if (whole < 0 || whole > MAX_SERIAL_1904) return undefined;
    return dayFromEpochDays(EPOCH_1904 + whole);
  }
  if (whole < 1 || whole > MAX_SERIAL_1900 || whole === 60) return undefined;
  return dayFromEpochDays((whole < 60 ? EPOCH_1900_EARLY : EPOCH_1900) + whole);
}

/**
 * Built-in number format ids that display dates (ECMA-376 Part 1 §18.8.30):
 * 14–17 and 22 in every locale, 27–31, 34–36 and 50–58 in East Asian locales.
 * Ids 18–21 and 45–47 are times only.
 */
const BUILTIN_DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * Whether a number format displays a date: it has day or year tokens, or
 * month tokens that are not minutes, outside quoted text, `[...]` sections
 * (locale "[$-42A]", colours, elapsed "[h]"), escapes and fill/space
 * directives. "General", "0.00", "@" and time-only formats are not dates.
 * A numeric argument is read as a built-in format id.
 *
 * @param format - format code or built-in id
 * @returns true for date formats
 *
 * @example
 * ```ts
 * isDateNumberFormat("dd/mm/yyyy")        // true
 * isDateNumberFormat("[$-42A]dd/mm/yyyy") // true
 * isDateNumberFormat("mmm-yy")            // true
 * isDateNumberFormat("h:mm")              // false
 * isDateNumberFormat("General")           // false
 * isDateNumberFormat(14)                  // true
 * ```
 */
export function isDateNumberFormat(format: string | number | undefined): boolean {
  if (typeof format === "number") return BUILTIN_DATE_FORMAT_IDS.has(format);
  if (typeof format !== "string") return false;
  // A workbook has a handful of formats used on many cells: decide each once.
  let known = DATE_FORMAT_CACHE.get(format);
  if (known === undefined) {
    known = classifyDateFormat(format);
    if (DATE_FORMAT_CACHE.size < 1000) DATE_FORMAT_CACHE.set(format, known);
  }
  return known;
}

const DATE_FORMAT_CACHE = new Map<string, boolean>();

function classifyDateFormat(format: string): boolean {
  // Only the first section (positive numbers) matters for a date serial.
  const firstSection = stripFormatNoise(format).split(";")[0] ?? "";
  const code = firstSection.toLowerCase().replace(/am\/pm|a\/p/g, "");
  if (code.trim() === "" || /general/.test(code)) return false;
  if (/[dy]/.test(code)) return true;
  if (!/m/.test(code)) return false;
  // "m" alone is a month unless it belongs to a time ("h:mm", "mm:ss").
  return !/[hs]/.test(code);
}

function stripFormatNoise(format: string): string {
  let out = "";
  let i = 0;
  while (i < format.length) {
    const ch = format[i] as string;
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      i = end < 0 ? format.length : end + 1;
    } else if (ch === "[") {
      const end = format.indexOf("]", i + 1);
      i = end < 0 ? format.length : end + 1;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      i += 2; // escaped literal, space-width or fill character
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

function expandYear(
  digits: string,
  options: ParseDateTextOptions,
): { year: number; twoDigit: boolean } {
  const n = Number(digits);
  if (digits.length !== 2) return { year: n, twoDigit: false };
  const reference =
    typeof options.referenceYear === "number" && Number.isFinite(options.referenceYear)
      ? Math.trunc(options.referenceYear)
      : new Date().getUTCFullYear();
  const pivot =
    typeof options.twoDigitYearPivot === "number" && Number.isFinite(options.twoDigitYearPivot)
      ? Math.trunc(options.twoDigitYearPivot)
      : ((reference % 100) + 100) % 100;
  return { year: n <= pivot ? 2000 + n : 1900 + n, twoDigit: true };
}

type TextResult = DateParseResult;

function dayResult(
  year: number,
  month: number,
  day: number,
  form: DateForm,
  twoDigit: boolean,
): TextResult {
  if (!isValidDate(year, month, day)) return { ok: false, reason: "impossible" };
  const date: PartialDate = { year, month, day, precision: "day" };
  return twoDigit ? { ok: true, date, form, twoDigitYear: true } : { ok: true, date, form };
}

function monthResult(year: number, month: number, form: DateForm): TextResult {
  if (year < 1000 || year > 9999 || month < 1 || month > 12) return { ok: false, reason: "impossible" };
  return { ok: true, date: { year, month, precision: "month" }, form };
}

function yearResult(year: number, form: DateForm): TextResult {
  if (year < 1000 || year > 9999) return { ok: false, reason: "impossible" };
  return { ok: true, date: { year, precision: "year" }, form };
}

const SEP = "\\s*[\\/.\\-]\\s*";
const ISO_DAY = new RegExp(`^(\\d{4})${SEP}(\\d{1,2})${SEP}(\\d{1,2})$`);
const ISO_MONTH = /^(\d{4})\s*-\s*(\d{1,2})$/;
const DMY = new RegExp(`^(\\d{1,2})${SEP}(\\d{1,2})${SEP}(\\d{4}|\\d{2})$`);
const MY = new RegExp(`^(\\d{1,2})${SEP}(\\d{4})$`);
const YEAR = /^(\d{4})$/;
/** A trailing time of day, e.g. "00:00:00", "0:00 sa", "T00:00:00.000Z". */
const TRAILING_TIME = /(?:\s+|t)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:am|pm|sa|ch))?(?:z|[+-]\d{2}:?\d{2})?$/;

function parseNumericText(t: string, form: "numeric" | "words", options: ParseDateTextOptions): TextResult | undefined {
  let m = ISO_DAY.exec(t);
  if (m) {
    return dayResult(Number(m[1]), Number(m[2]), Number(m[3]), form === "words" ? "words" : "iso", false);
  }
  m = DMY.exec(t);
  if (m) {
    const { year, twoDigit } = expandYear(m[3] as string, options);
    return dayResult(year, Number(m[2]), Number(m[1]), form === "words" ? "words" : "dmy", twoDigit);
  }
  m = MY.exec(t);
  if (m) return monthResult(Number(m[2]), Number(m[1]), form === "words" ? "words" : "my");
  m = ISO_MONTH.exec(t);
  if (m) return monthResult(Number(m[1]), Number(m[2]), form === "words" ? "words" : "iso");
  m = YEAR.exec(t);
  if (m) return yearResult(Number(m[1]), form === "words" ? "words" : "y");
  return undefined;
}

/**
 * Parses a date written as text, day first. Accepted forms:
 * "15/08/1985", "15/8/85", "15.08.1985", "15-08-1985", "08/1985", "8/1985",
 * "1985", "1985-08-15", "1985-08", "ngày 15 tháng 8 năm 1985",
 * "tháng 8/1985", "T8/1985", "tháng 8 năm 1985", "năm 1985", each with an
 * optional trailing time ("15/08/1985 00:00:00") that is ignored.
 *
 * Two-digit years are expanded with a pivot (see
 * {@link ParseDateTextOptions.twoDigitYearPivot}); month/year needs a
 * four-digit year ("8/85" is refused as ambiguous).
 *
 * Never month-first: "08/15/1985" is `impossible`.
 *
 * @param text - the cell text
 * @param options - two-digit year pivot
 * @returns the date and its form, or a failure reason
 *
 * @example
 * ```ts
 * parseDateText("15/8/1985")
 * // { ok: true, date: { year: 1985, month: 8, day: 15, precision: "day" }, form: "dmy" }
 * parseDateText("tháng 8/1985") // ok, precision "month", form "words"
 * parseDateText("31/02/1985")   // { ok: false, reason: "impossible" }
 * parseDateText("08/15/1985")   // { ok: false, reason: "impossible" }
 * ```
 */
export function parseDateText(text: string, options: ParseDateTextOptions = {}): DateParseResult {
  let t = comparisonKey(text);
  if (t === "") return { ok: false, reason: "empty" };
  t = t.replace(TRAILING_TIME, "").replace(/[.,;]+$/, "").trim();

  const numeric = parseNumericText(t, "numeric", options);
  if (numeric) return numeric;

  // Vietnamese words: drop the lead-in, then turn "tháng"/"năm" into separators.
  let w = t.replace(/^(?:(?:sinh|ngày sinh|năm sinh)\s*[:-]?\s*)/, "");
  const hadLeadIn = w !== t;
  const before = w;
  w = w
    .replace(/^ngày\s*/, "")
    .replace(/^(?:tháng|th|t)\s*\.?\s*(?=\d)/, "")
    .replace(/^năm\s*/, "")
    .replace(/\s*(?:tháng|năm)\s*/g, "/")
    .replace(/[\s,]*\/[\s,/]*/g, "/")
    .replace(/,\s*/g, "/")
    .trim();
  if (w === before && !hadLeadIn) return { ok: false, reason: "notADate" };
  const words = parseNumericText(w, "words", options);
  return words ?? { ok: false, reason: "notADate" };
}

function isJsDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

function textOfObject(value: object): unknown {
  const record = value as Record<string, unknown>;
  // Shapes produced by spreadsheet libraries (ExcelJS): formula results,
  // rich text runs, hyperlinks. Read structurally; core imports no library.
  if ("result" in record) return record.result;
  if (Array.isArray(record.richText)) {
    return record.richText
      .map((run: unknown) =>
        run !== null && typeof run === "object" && typeof (run as { text?: unknown }).text === "string"
          ? (run as { text: string }).text
          : "",
      )
      .join("");
  }
  if (typeof record.text === "string") return record.text;
  return undefined;
}

/**
 * Reads a date from a raw cell value of any type.
 *
 * - `null`, `undefined`, blank text → `empty`.
 * - JS Date (ExcelJS returns dates as UTC midnight) → its UTC calendar fields, form `jsDate`.
 * - number with a date number format → Excel serial (form `serial`); 60 in the
 *   1900 system and out-of-range serials are `impossible`.
 * - number without a date format:
 *   - an integer 1900–2100 → that year, form `yearNumber` ("Năm sinh" columns);
 *   - otherwise a serial whose date falls within
 *     {@link ParseDateCellOptions.guessSerialYears} → form `serialGuess` with
 *     `guessed: true`. A birth-date column showing 31274 almost always held a
 *     date whose format was lost (CSV, paste-values); the caller should report
 *     the guess instead of trusting it silently;
 *   - anything else → `notADate`.
 * - text → {@link parseDateText}.
 * - `{ result }`, `{ richText }`, `{ text }` objects → their value.
 *
 * @param value - raw cell value
 * @param options - date system, number format, pivots
 * @returns the date and its form, or a failure reason
 *
 * @example
 * ```ts
 * parseDateCell(31274, { numberFormat: "dd/mm/yyyy" }) // ok, 1985-08-15, form "serial"
 * parseDateCell(1985)                                   // ok, year 1985, form "yearNumber"
 * parseDateCell(31274)                                  // ok, 1985-08-15, form "serialGuess", guessed: true
 * parseDateCell(new Date(Date.UTC(1985, 7, 15)))        // ok, 1985-08-15, form "jsDate"
 * parseDateCell("15/08/1985")                           // ok, form "dmy"
 * ```
 */
export function parseDateCell(value: unknown, options: ParseDateCellOptions = {}): DateParseResult {
  try {
    return parseCellValue(value, options ?? {}, 0);
  } catch {
    // Only exotic objects get here (throwing getters, revoked proxies).
    return { ok: false, reason: "notADate" };
  }
}

function parseCellValue(value: unknown, options: ParseDateCellOptions, depth: number): DateParseResult {
  if (value === null || value === undefined) return { ok: false, reason: "empty" };
  if (typeof value === "string") return parseDateText(value, options);
  if (typeof value === "bigint") {
    return parseNumber(Number(value), options);
  }
  if (typeof value === "number") return parseNumber(value, options);
  if (isJsDate(value)) {
    const ms = value.getTime();
    if (!Number.isFinite(ms)) return { ok: false, reason: "notADate" };
    const date = fromUtcMs(ms);
    if (!isValidPartial(date)) return { ok: false, reason: "impossible" };
    return { ok: true, date, form: "jsDate" };
  }
  if (typeof value === "object" && depth < 4) {
    const inner = textOfObject(value);
    if (inner !== undefined) return parseCellValue(inner, options, depth + 1);
  }
  return { ok: false, reason: "notADate" };
}

function parseNumber(n: number, options: ParseDateCellOptions): DateParseResult {
  if (!Number.isFinite(n)) return { ok: false, reason: "notADate" };
  const date1904 = options.date1904 === true;
  if (isDateNumberFormat(options.numberFormat)) {
    const date = excelSerialToDate(n, date1904);
    return date ? { ok: true, date, form: "serial" } : { ok: false, reason: "impossible" };
  }
  if (Number.isInteger(n) && n >= 1900 && n <= 2100) {
    return { ok: true, date: { year: n, precision: "year" }, form: "yearNumber" };
  }
  const range = options.guessSerialYears ?? { min: 1920, max: 2100 };
  const date = excelSerialToDate(n, date1904);
  if (date && date.year >= range.min && date.year <= range.max) {
    return { ok: true, date, form: "serialGuess", guessed: true };
  }
  return { ok: false, reason: "notADate" };
}

function filled(d: PartialDate): { year: number; month: number; day: number } {
  // Missing parts count as the first of the period: decree 135/2020/NĐ-CP on
  // retirement ("only the birth year known → 01/01; month and year known →
  // day 01"), quoted in shared/reference/domain-rules.md §4.
  return { year: d.year, month: d.month ?? 1, day: d.day ?? 1 };
}

/**
 * Age in completed years on a given day.
 *
 * A birth date with month or year precision is completed with day 01 and
 * January, the rule decree 135/2020/NĐ-CP gives for retirement ages
 * (domain-rules.md §4); the same completion is applied to `asOf` if it is
 * partial, but callers should pass a full date. A person born on 29 February
 * completes a year on 1 March in common years.
 *
 * @param birth - birth date
 * @param asOf - reference day
 * @returns full years (negative when `asOf` is before `birth`), or `undefined` for invalid dates
 *
 * @example
 * ```ts
 * ageOn({ year: 1985, month: 8, day: 15, precision: "day" }, { year: 2025, month: 8, day: 14, precision: "day" }) // 39
 * ageOn({ year: 1985, precision: "year" }, { year: 2025, month: 1, day: 1, precision: "day" })                    // 40
 * ```
 */
export function ageOn(birth: PartialDate, asOf: PartialDate): number | undefined {
  if (!isValidPartial(birth) || !isValidPartial(asOf)) return undefined;
  const b = filled(birth);
  const a = filled(asOf);
  let age = a.year - b.year;
  if (a.month < b.month || (a.month === b.month && a.day < b.day)) age--;
  return age;
}

/**
 * Orders partial dates: by year, then month, then day, a missing part sorting
 * before any present one (so "1985" < "1985-01" < "1985-01-01"). A total
 * order, suitable for `Array.prototype.sort`.
 *
 * @param a - first date
 * @param b - second date
 * @returns -1, 0 or 1
 *
 * @example
 * ```ts
 * compareDates({ year: 1985, precision: "year" }, { year: 1985, month: 8, day: 15, precision: "day" }) // -1
 * ```
 */
export function compareDates(a: PartialDate, b: PartialDate): -1 | 0 | 1 {
  const parts = (d: PartialDate): number[] => [d.year, d.month ?? 0, d.day ?? 0];
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < 3; i++) {
    const x = pa[i] as number;
    const y = pb[i] as number;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}
