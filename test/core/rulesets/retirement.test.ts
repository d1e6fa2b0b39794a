/**
 * The retirement table as rule-set data (Labour Code 2019 Art 169, Decree 135/2020;
 * domain-rules.md §4), checked month by month against the reference's birth-month bands
 * (Phụ lục I, checked there against the rows published in [S39]) and its spot rows.
 */
import { activateRuleSet } from "../../../src/core/rulesets/activate";
import { loadPreset, presetIds } from "../../../src/core/rulesets/load";
import { retirementAgeInYear, retirementOf, retirementTableOf, type RetirementTable, type Sex } from "../../../src/core/rulesets/retirement";
import type { PartialDate } from "../../../src/core/text/dates";

const table = (id: string, date: string): RetirementTable => retirementTableOf(activateRuleSet(loadPreset(id)!, date))!;
const lc2019 = table("nd33-2023", "2024-01-01");
const born = (year: number, month: number): PartialDate => ({ year, month, precision: "month" });

/**
 * The reference's bands, written independently of the yearly table: men born from 01/1961 in
 * 9-month bands, 60y3m then +3 months a band up to 62 (births from 04/1966); women born from
 * 01/1966 in 8-month bands, 55y4m then +4 months a band up to 60 (births from 05/1975); earlier
 * births 60 and 55.
 */
function bandAge(sex: Sex, year: number, month: number): number {
  const m = year * 12 + (month - 1);
  if (sex === "male") return m < 1961 * 12 ? 720 : Math.min(723 + 3 * Math.floor((m - 1961 * 12) / 9), 744);
  return m < 1966 * 12 ? 660 : Math.min(664 + 4 * Math.floor((m - 1966 * 12) / 8), 720);
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

describe("the retirement table of the presets", () => {
  it("gives the yearly ages of the reference (men +3 months a year to 62 in 2028, women +4 months a year to 60 in 2035)", () => {
    const men = [2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029].map((y) => retirementAgeInYear(lc2019, "male", y));
    const women = Array.from({ length: 16 }, (_, i) => retirementAgeInYear(lc2019, "female", 2021 + i));
    expect(men).toEqual([723, 726, 729, 732, 735, 738, 741, 744, 744]);
    expect(women).toEqual([664, 668, 672, 676, 680, 684, 688, 692, 696, 700, 704, 708, 712, 716, 720, 720]);
    expect([retirementAgeInYear(lc2019, "male", 2019), retirementAgeInYear(lc2019, "female", 2020)]).toEqual([720, 660]);
  });

  it.each(presetIds().filter((id) => id !== "nd92-2009"))("%s carries the Labour Code 2019 table", (id) => {
    expect(table(id, loadPreset(id)!.from!)).toEqual(lc2019);
  });

  it("nd92-2009 keeps the ages in force then: 60 and 55", () => {
    const old = table("nd92-2009", "2015-01-01");
    expect(retirementOf(born(1958, 6), "male", old)).toMatchObject({ ageMonths: 720, date: "2018-06-30", pensionFrom: "2018-07-01" });
    expect(retirementOf(born(1963, 2), "female", old)).toMatchObject({ ageMonths: 660, date: "2018-02-28" });
  });
});

describe.each(["male", "female"] as const)("retirement of a %s, month by month", (sex) => {
  it.each(Array.from({ length: 21 }, (_, i) => 1960 + i))("born in each month of %i: the age of the bands, at the end of the last day of the month it is reached", (year) => {
    for (let month = 1; month <= 12; month++) {
      const age = bandAge(sex, year, month);
      const reached = year * 12 + (month - 1) + age;
      const [ry, rm] = [Math.floor(reached / 12), (reached % 12) + 1];
      const [py, pm] = rm === 12 ? [ry + 1, 1] : [ry, rm + 1];
      expect([month, retirementOf(born(year, month), sex, lc2019)]).toEqual([month, { ageMonths: age, year: ry, month: rm, date: iso(ry, rm, lastDay(ry, rm)), pensionFrom: iso(py, pm, 1) }]);
    }
  });
});

describe("the reference's spot rows and the rules of Decree 135/2020", () => {
  it.each([
    ["male", 1963, 1, 729, "2023-10-31", "2023-11-01"], // 60y9m, pension from 11/2023
    ["male", 1963, 4, 732, "2024-04-30", "2024-05-01"], // 61y, pension from 05/2024
    ["female", 1968, 9, 680, "2025-05-31", "2025-06-01"], // 56y8m, pension from 06/2025
    ["male", 1960, 2, 720, "2020-02-29", "2020-03-01"], // the old rule; a leap February
    ["female", 1966, 8, 664, "2021-12-31", "2022-01-01"], // the last birth month of the first band
    ["female", 1975, 5, 720, "2035-05-31", "2035-06-01"], // 60 from births in 05/1975
  ] as const)("a %s born %i/%i retires at %i months, at the end of %s, pension from %s", (sex, y, m, age, date, pension) => {
    expect(retirementOf(born(y, m), sex, lc2019)).toMatchObject({ ageMonths: age, date, pensionFrom: pension });
  });

  it("counts a year-only birth date as 01/01 and a full date by its month", () => {
    expect(retirementOf({ year: 1963, precision: "year" }, "male", lc2019).date).toBe("2023-10-31");
    expect(retirementOf({ year: 1968, month: 9, day: 30, precision: "day" }, "female", lc2019).date).toBe("2025-05-31");
  });
});
