/**
 * General education ("trình độ giáo dục phổ thông", "văn hóa").
 *
 * Values from roster-formats.md §3 "General education": "12/12", "10/10",
 * "9/12", "9/9", "7/10" (grade reached / length of the school system) [C],
 * "THPT", "THCS", "Tiểu học", "BT 12/12" (bổ túc, adult education) [P].
 * Tiers: Tiểu học < THCS (9/12, 7/10) < THPT (12/12, 10/10).
 *
 * School systems and what each grade is worth, from the GSO KSMS 2004
 * conversion table (Tổng cục Thống kê, Khảo sát mức sống 2004): in the
 * northern 10-year system (before 1981) grades 1–4 were primary, 5–7 lower
 * secondary (7/10 ≈ 9/12) and 8–10 upper secondary (10/10 ≈ 12/12).
 * The 9-year system (1950s) is read as 4 + 3 + 2 years; that split is not
 * confirmed by a public source, so results from it carry `uncertain: true`.
 *
 * Pure TypeScript: ES2022 only.
 */

import { comparisonKey, normalizeSpaces } from "../keys";
import { excelSerialToDate, isDateNumberFormat } from "../dates";
import { compileVocab, matchWhole, toText, type VocabEntry, type VocabResult } from "./match";

/**
 * General education tiers, lowest first; the index is the rank.
 *
 * @example
 * ```ts
 * GENERAL_EDUCATION_TIERS.indexOf("upperSecondary"); // 2
 * ```
 */
export const GENERAL_EDUCATION_TIERS = ["primary", "lowerSecondary", "upperSecondary"] as const;

/**
 * Highest completed tier: primary (tiểu học) < lowerSecondary (THCS) < upperSecondary (THPT).
 *
 * @example
 * ```ts
 * const tier: GeneralEducationTier = "lowerSecondary"; // THCS
 * ```
 */
export type GeneralEducationTier = (typeof GENERAL_EDUCATION_TIERS)[number];

/**
 * Length of the school system written after the slash.
 *
 * @example
 * ```ts
 * parseGeneralEducation("7/10").system; // 10
 * ```
 */
export type SchoolSystem = 9 | 10 | 12;

/**
 * Result of {@link parseGeneralEducation}.
 *
 * @example
 * ```ts
 * const r: GeneralEducationResult = parseGeneralEducation("9/12"); // { value: "lowerSecondary", grade: 9, system: 12, … }
 * ```
 */
export interface GeneralEducationResult extends VocabResult<GeneralEducationTier> {
  /** Grade reached, e.g. 9 in "9/12". */
  grade?: number;
  /** School system length, e.g. 12 in "9/12". */
  system?: SchoolSystem;
  /** No system was written ("Lớp 9", "12"); the 12-year system was assumed. */
  assumedSystem?: boolean;
  /** Adult supplementary education ("bổ túc", "BT 12/12"). */
  supplementary?: boolean;
  /** The tier comes from a mapping no public source confirms (9-year system). */
  uncertain?: boolean;
  /** The cell was a date: Excel turned "12/12" into 12 December (see {@link parseGeneralEducationCell}). */
  fromDate?: boolean;
}

/**
 * Canonical Vietnamese label of each tier.
 *
 * @example
 * ```ts
 * GENERAL_EDUCATION_LABELS.upperSecondary; // "Trung học phổ thông"
 * ```
 */
export const GENERAL_EDUCATION_LABELS: Readonly<Record<GeneralEducationTier, string>> = {
  primary: "Tiểu học",
  lowerSecondary: "Trung học cơ sở",
  upperSecondary: "Trung học phổ thông",
};

const ENTRIES: readonly VocabEntry<GeneralEducationTier>[] = [
  {
    value: "upperSecondary",
    label: "Trung học phổ thông",
    aliases: ["THPT", "PTTH", "Phổ thông trung học", "Cấp 3", "Cấp III", "12/12", "10/10"],
  },
  {
    value: "lowerSecondary",
    label: "Trung học cơ sở",
    aliases: ["THCS", "PTCS", "Phổ thông cơ sở", "Cấp 2", "Cấp II", "9/12", "7/10"],
  },
  { value: "primary", label: "Tiểu học", aliases: ["Cấp 1", "Cấp I", "5/12", "4/10"] },
];

const VOCAB = compileVocab(ENTRIES);

/**
 * Rank of a tier: primary 0, lowerSecondary 1, upperSecondary 2; -1 for anything else.
 *
 * @param tier - the tier
 * @returns its rank
 *
 * @example
 * ```ts
 * generalEducationRank("upperSecondary") > generalEducationRank("lowerSecondary") // true
 * ```
 */
export function generalEducationRank(tier: GeneralEducationTier | undefined): number {
  return tier === undefined ? -1 : (GENERAL_EDUCATION_TIERS as readonly string[]).indexOf(tier);
}

/**
 * Highest completed tier for a grade in a school system.
 *
 * @param grade - grade reached
 * @param system - 9, 10 or 12
 * @returns the tier, or `undefined` when the grade is outside the system
 *
 * @example
 * ```ts
 * tierForGrade(7, 10)  // "lowerSecondary"
 * tierForGrade(11, 12) // "lowerSecondary" (upper secondary not finished)
 * ```
 */
export function tierForGrade(grade: number, system: SchoolSystem): GeneralEducationTier | undefined {
  if (!Number.isInteger(grade) || grade < 1 || grade > system) return undefined;
  // Last grade of primary and of lower secondary in each system.
  const bounds: Record<SchoolSystem, [number, number]> = { 12: [5, 9], 10: [4, 7], 9: [4, 7] };
  const [primaryEnd, lowerEnd] = bounds[system] ?? [5, 9];
  if (grade === system) return "upperSecondary";
  if (grade >= lowerEnd) return "lowerSecondary";
  if (grade >= primaryEnd) return "primary";
  // Primary not finished: still reported as the primary tier, the lowest one.
  return "primary";
}

const GRADE_SYSTEM = /^(\d{1,2})\s*\/\s*(\d{1,2})$/;
const GRADE_ONLY = /^(?:lớp|hết lớp|học hết lớp|học lớp)?\s*(\d{1,2})$/;
/** "bổ túc" before or after the value; longest spellings first so "btvh" is not read as "bt" + "vh". */
const SUPPLEMENTARY =
  /^(?:hệ bổ túc văn hóa|hệ bổ túc|bổ túc văn hóa|bổ túc|btvh|bt)\s*[:-]?\s*|\s*\(?\s*(?:bổ túc văn hóa|bổ túc|btvh|bt)\s*\)?$/;

function withTier(
  result: GeneralEducationResult,
  grade: number,
  system: SchoolSystem,
  assumed: boolean,
): GeneralEducationResult {
  const tier = tierForGrade(grade, system);
  if (tier === undefined) return result;
  result.recognized = true;
  result.value = tier;
  result.label = GENERAL_EDUCATION_LABELS[tier];
  result.grade = grade;
  if (!assumed) result.system = system;
  else result.assumedSystem = true;
  if (system === 9) result.uncertain = true;
  return result;
}

/**
 * Parses a general-education cell: "12/12", "9/12", "10/10", "7/10", "9/9",
 * "BT 12/12", "12/12 (BT)", "THPT", "THCS", "Tiểu học", "PTTH", "Cấp 3",
 * "Lớp 9", "12". Grades without a system ("Lớp 9", "10") assume the current
 * 12-year system and say so with `assumedSystem` — a "10" from someone
 * schooled before 1981 may mean 10/10.
 *
 * @param raw - the cell text
 * @returns tier, grade, system and raw text
 *
 * @example
 * ```ts
 * parseGeneralEducation("9/12")     // { value: "lowerSecondary", grade: 9, system: 12, … }
 * parseGeneralEducation("10/10")    // { value: "upperSecondary", grade: 10, system: 10, … }
 * parseGeneralEducation("BT 12/12") // { value: "upperSecondary", supplementary: true, … }
 * parseGeneralEducation("THCS")     // { value: "lowerSecondary", … }
 * ```
 */
export function parseGeneralEducation(raw: string): GeneralEducationResult {
  const text = toText(raw);
  const result: GeneralEducationResult = { raw: text, recognized: false, empty: !/[\p{L}\p{N}]/u.test(text) };
  if (result.empty) return result;
  let key = comparisonKey(normalizeSpaces(text)).replace(/[.:]+$/, "").trim();
  const stripped = key.replace(SUPPLEMENTARY, "").trim();
  if (stripped !== key && stripped !== "") {
    result.supplementary = true;
    key = stripped;
  }
  let m = GRADE_SYSTEM.exec(key);
  if (m) {
    const system = Number(m[2]);
    if (system === 9 || system === 10 || system === 12) {
      withTier(result, Number(m[1]), system, false);
    }
    return result.recognized ? result : suggestFor(result, key);
  }
  m = GRADE_ONLY.exec(key);
  if (m) {
    withTier(result, Number(m[1]), 12, true);
    return result.recognized ? result : suggestFor(result, key);
  }
  const word = matchWhole(VOCAB, key, { leadIns: ["Tốt nghiệp", "TN", "Hết"] });
  const merged: GeneralEducationResult = { ...word, raw: text };
  if (result.supplementary) merged.supplementary = true;
  return merged;
}

function suggestFor(result: GeneralEducationResult, key: string): GeneralEducationResult {
  const word = matchWhole(VOCAB, key);
  if (word.suggestion !== undefined) {
    result.suggestion = word.suggestion;
    if (word.suggestedLabel !== undefined) result.suggestedLabel = word.suggestedLabel;
  }
  return result;
}

/**
 * Options for {@link parseGeneralEducationCell}.
 *
 * @example
 * ```ts
 * parseGeneralEducationCell(45638, { numberFormat: "d/m" }); // 12/12 → upperSecondary
 * ```
 */
export interface GeneralEducationCellOptions {
  /** The workbook uses the 1904 date system. */
  date1904?: boolean;
  /** The cell's number format code or built-in id. */
  numberFormat?: string | number;
}

/**
 * Parses a raw general-education cell of any type. Excel turns a typed
 * "12/12" into the date 12 December (and "9/12" into 9 December, "7/10" into
 * 7 October) when the cell is not formatted as text; such a date is read back
 * as day/month and flagged with `fromDate: true`, whatever year Excel added.
 *
 * @param value - raw cell value (text, number, JS Date)
 * @param options - date system and number format, to recognize serial dates
 * @returns as {@link parseGeneralEducation}
 *
 * @example
 * ```ts
 * parseGeneralEducationCell(new Date(Date.UTC(2024, 11, 12))) // { value: "upperSecondary", grade: 12, system: 12, fromDate: true, … }
 * parseGeneralEducationCell(12)                               // { value: "upperSecondary", assumedSystem: true, … }
 * ```
 */
export function parseGeneralEducationCell(
  value: unknown,
  options: GeneralEducationCellOptions = {},
): GeneralEducationResult {
  let day: number | undefined;
  let month: number | undefined;
  if (Object.prototype.toString.call(value) === "[object Date]") {
    const ms = (value as Date).getTime();
    if (Number.isFinite(ms)) {
      const d = new Date(ms);
      day = d.getUTCDate();
      month = d.getUTCMonth() + 1;
    }
  } else if (typeof value === "number" && isDateNumberFormat(options?.numberFormat)) {
    const d = excelSerialToDate(value, options?.date1904 === true);
    if (d) {
      day = d.day;
      month = d.month;
    }
  }
  if (day !== undefined && month !== undefined) {
    const result = parseGeneralEducation(`${day}/${month}`);
    result.raw = toText(value);
    result.fromDate = true;
    return result;
  }
  return parseGeneralEducation(toText(value));
}
