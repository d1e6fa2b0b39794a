/**
 * Normal retirement age by the year it is reached, Labour Code 2019 Art 169 and Decree
 * 135/2020 (domain-rules.md §4, [S38]): men +3 months a year from 60y3m in 2021 to 62 in 2028;
 * women +4 months a year from 55y4m in 2021 to 60 in 2035. Before 2021: 60 and 55.
 * Data, not logic: the retirement checks and the quality age bands read this table.
 */

/** Age in months reached in calendar year `year`, by sex. */
export const RETIREMENT_AGE_MONTHS: { male: Record<number, number>; female: Record<number, number>; maleBefore2021: number; femaleBefore2021: number; maleFinal: number; femaleFinal: number } = {
  maleBefore2021: 60 * 12,
  femaleBefore2021: 55 * 12,
  male: { 2021: 723, 2022: 726, 2023: 729, 2024: 732, 2025: 735, 2026: 738, 2027: 741, 2028: 744 },
  female: { 2021: 664, 2022: 668, 2023: 672, 2024: 676, 2025: 680, 2026: 684, 2027: 688, 2028: 692, 2029: 696, 2030: 700, 2031: 704, 2032: 708, 2033: 712, 2034: 716, 2035: 720 },
  maleFinal: 744,
  femaleFinal: 720,
};

/**
 * The retirement age (in months) that applies to people retiring in `year`.
 * @example retirementAgeInYear("female", 2025) // 680 (56 years 8 months)
 */
export function retirementAgeInYear(sex: "male" | "female", year: number): number {
  const t = RETIREMENT_AGE_MONTHS;
  if (year < 2021) return sex === "male" ? t.maleBefore2021 : t.femaleBefore2021;
  const v = (sex === "male" ? t.male : t.female)[year];
  return v ?? (sex === "male" ? t.maleFinal : t.femaleFinal);
}
