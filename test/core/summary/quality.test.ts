/**
 * The report's quality blocks (issue 5 §6): per unit and in total, per category, persons counted
 * in staff only; age bands that end at each person's retirement under the rule set's table.
 */
import { ageBandOf } from "../../../src/core/summary/quality";
import { activateRuleSet } from "../../../src/core/rulesets/activate";
import { loadPreset } from "../../../src/core/rulesets/load";
import { retirementTableOf } from "../../../src/core/rulesets/retirement";
import { check } from "../checks/fixtures";
import { roster, type Person } from "../checks/personFixtures";

const chair: Person = { name: "Phạm Minh Hải", birth: "15/06/1980", sex: "Nam", ethnicity: "Kinh", party: "03/02/2005", post: "Chủ tịch UBND", education: "12/12", professional: "Đại học", field: "Luật", theory: "Trung cấp", management: "Chuyên viên" };
const clerk: Person = { birth: "09/1968", sex: "Nữ", ethnicity: "Tày", post: "Văn phòng - thống kê", education: "12/12", professional: "Trung cấp", theory: "Sơ cấp" };
const archivist: Person = { birth: "1999", sex: "Nam", ethnicity: "Kinh", post: "Văn thư - lưu trữ", education: "12/12", professional: "Sơ cấp", theory: "Chưa qua đào tạo", management: "Chưa qua bồi dưỡng" };
const villageHead: Person = { birth: "1950", sex: "Nữ", ethnicity: "Dao", party: "x", post: "Bí thư Chi bộ kiêm Trưởng thôn", village: "Thôn 1", education: "9/12" };
const retired: Person = { birth: "1960", sex: "Nam", ethnicity: "Kinh", post: "Chủ tịch HĐND", professional: "Đại học", note: "Đã nghỉ hưu" };
const justice: Person = { birth: "01/1963", sex: "Nam", ethnicity: "Kinh", party: "1990", post: "Tư pháp - hộ tịch", education: "12/12", professional: "Đại học", field: "Luật", theory: "Cao cấp", management: "CVC" };

function report(asOf: string) {
  const units = [
    { label: "Xã Quảng Lợi", people: [chair, clerk, archivist, villageHead, retired, { ...chair, post: "Chủ tịch Hội Cựu chiến binh" }] },
    { label: "Xã Quảng Lâm", people: [justice] },
  ];
  return check([roster(units)], asOf);
}

const zeros = (keys: string[]) => Object.fromEntries([...keys, "unknown"].map((k) => [k, 0]));
const BANDS = ["upTo30", "from31To40", "from41To50", "from51ToRetirement", "overRetirement"];

describe("the quality counts", () => {
  const r = report("2025-05-31");
  const total = r.quality!;

  it("count cadres and civil servants together, once per person, without people who left", () => {
    expect(total.cadreAndCivilServant).toEqual({
      count: 3,
      professionalIntermediateOrAbove: 3,
      politicalTheoryTrained: 3,
      stateManagementTrained: 2,
      professional: { ...zeros(["none", "elementary", "intermediate", "college", "university", "master", "doctor"]), intermediate: 1, university: 2 },
      politicalTheory: { ...zeros(["none", "elementary", "intermediate", "advanced", "bachelor"]), elementary: 1, intermediate: 1, advanced: 1 },
      stateManagement: { ...zeros(["none", "staff", "specialist", "principalSpecialist", "seniorSpecialist"]), specialist: 1, principalSpecialist: 1, unknown: 1 },
      generalEducation: { ...zeros(["primary", "lowerSecondary", "upperSecondary"]), upperSecondary: 3 },
      sex: { male: 2, female: 1, unknown: 0 },
      ethnicMinority: 1,
      partyMember: 2,
      ageBands: { ...zeros(BANDS), from41To50: 1, from51ToRetirement: 1, overRetirement: 1 },
      ageBandsBySex: { male: { ...zeros(BANDS), from41To50: 1, overRetirement: 1 }, female: { ...zeros(BANDS), from51ToRetirement: 1 } },
    });
  });

  it("count the non-specialized workers of the commune and of the villages apart", () => {
    expect(total.nonSpecializedCommune).toMatchObject({ count: 1, professionalIntermediateOrAbove: 0, politicalTheoryTrained: 0, stateManagementTrained: 0, sex: { male: 1, female: 0, unknown: 0 }, ageBands: { upTo30: 1 } });
    expect(total.nonSpecializedVillage).toMatchObject({ count: 1, ethnicMinority: 1, partyMember: 1, generalEducation: { lowerSecondary: 1 }, professional: { unknown: 1 }, ageBands: { overRetirement: 1 } });
  });

  it("give each unit its own block, and the blocks add up to the total", () => {
    const [ql, qlam] = r.units;
    expect([ql.quality!.cadreAndCivilServant.count, qlam.quality!.cadreAndCivilServant.count]).toEqual([2, 1]);
    expect([ql.quality!.nonSpecializedVillage.count, qlam.quality!.nonSpecializedVillage.count]).toEqual([1, 0]);
    expect(qlam.quality!.cadreAndCivilServant.ageBands.overRetirement).toBe(1);
    expect(ql.staff).toEqual({ cadre: 1, civilServant: 1, nonSpecializedCommune: 1, nonSpecializedVillage: 1 });
  });

  it("move a person past retirement the day after the last day of the month she reaches the age (woman born 09/1968: 31/05/2025)", () => {
    const next = report("2025-06-01").quality!.cadreAndCivilServant;
    expect(next.ageBands).toMatchObject({ from51ToRetirement: 0, overRetirement: 2 });
    expect(next.ageBandsBySex?.female).toMatchObject({ overRetirement: 1 });
  });
});

describe("age bands follow the retirement ages of the as-of year", () => {
  const table = retirementTableOf(activateRuleSet(loadPreset("nd33-2023")!, "2024-01-01"))!;
  const day = (year: number, month: number, d: number) => ({ year, month, day: d, precision: "day" as const });
  const born = (year: number, month: number) => ({ year, month, precision: "month" as const });

  it.each([
    [born(1994, 11), "male", day(2024, 11, 15), "upTo30"], // 30 years
    [born(1994, 10), "male", day(2025, 11, 15), "from31To40"], // 31
    [born(1974, 1), "female", day(2024, 12, 31), "from41To50"], // 50 years 11 months
    [born(1963, 3), "male", day(2023, 12, 31), "from51ToRetirement"], // 60y9m reached in 12/2023: retires at the end of the day
    [born(1963, 3), "male", day(2024, 1, 1), "overRetirement"],
    [born(1963, 4), "male", day(2024, 4, 30), "from51ToRetirement"], // 61 in 2024
    [born(1963, 4), "male", day(2024, 5, 1), "overRetirement"],
    [born(1968, 9), "female", day(2025, 5, 31), "from51ToRetirement"],
    [born(1968, 9), "female", day(2025, 6, 1), "overRetirement"],
    [born(1968, 9), undefined, day(2025, 6, 1), "from51ToRetirement"], // without a sex, the men's age
  ] as const)("%j, %s, on %j → %s", (birth, sex, asOf, band) => {
    expect(ageBandOf(birth, sex, asOf, table)).toBe(band);
  });
});
