import { flatFindings } from "../../support/grid";
import { check, findingsOf, settingsSheet } from "./fixtures";
import { FINE, roster, type Person } from "./personFixtures";

const QL = "Xã Quảng Lợi";
function run(people: Person[], asOf: string, options: { rules?: string; settings?: [string, string | number][] } = {}) {
  const sheets = [roster([{ label: QL, people }])];
  if (options.settings) sheets.push(settingsSheet(options.settings));
  return check(sheets, asOf, options.rules ? { ruleSetId: options.rules } : {});
}
const retirement = (report: ReturnType<typeof run>) => flatFindings(findingsOf(report, "retirement"), ["rule", "severity", "cell", "message"]);

/** A woman born 09/1968: 56y8m, retires at the end of 31/05/2025, pension from 06/2025. */
const woman: Person = { ...FINE, sex: "Nữ", birth: "09/1968", post: "Văn hóa - xã hội" };

describe("past retirement age, and retiring within 12 months", () => {
  it("is an error from the day after the last day of the month the age is reached", () => {
    expect(retirement(run([woman], "2025-06-01"))).toEqual([
      ["retirement.pastAge", "error", "C5", "Đã quá tuổi nghỉ hưu: nữ sinh 09/1968, tuổi nghỉ hưu 56 tuổi 8 tháng (đủ tuổi tháng 05/2025), nghỉ hưu từ hết ngày 31/05/2025, hưởng lương hưu từ tháng 06/2025"],
    ]);
  });

  it("is an info with the date on the last day itself, and 12 months ahead inclusive", () => {
    const soon = "Đến tuổi nghỉ hưu trong 12 tháng tới: nữ sinh 09/1968, tuổi nghỉ hưu 56 tuổi 8 tháng, nghỉ hưu từ hết ngày 31/05/2025, hưởng lương hưu từ tháng 06/2025";
    expect(retirement(run([woman], "2025-05-31"))).toEqual([["retirement.soon", "info", "C5", soon]]);
    expect(retirement(run([woman], "2024-05-31"))).toEqual([["retirement.soon", "info", "C5", soon]]);
    expect(retirement(run([woman], "2024-05-30"))).toEqual([]);
  });

  it("counts a year-only birth date from 01/01 (a man born 1963 retires at the end of 31/10/2023)", () => {
    const man: Person = { ...FINE, birth: "1963", post: "Chủ tịch UBND" };
    expect(retirement(run([man], "2023-10-31")).map((f) => f[0])).toEqual(["retirement.soon"]);
    expect(retirement(run([man], "2023-11-01"))[0][3]).toBe("Đã quá tuổi nghỉ hưu: nam sinh 1963, tuổi nghỉ hưu 60 tuổi 9 tháng (đủ tuổi tháng 10/2023), nghỉ hưu từ hết ngày 31/10/2023, hưởng lương hưu từ tháng 11/2023");
  });

  it("checks cadres and civil servants only, and needs the birth date and the sex", () => {
    const old = { ...FINE, birth: "1950" };
    const report = run([{ ...old, post: "Văn thư - lưu trữ" }, { ...old, post: "Trưởng thôn" }, { ...old, post: "Chủ tịch HĐND", sex: undefined }, { ...old, post: "Chủ tịch UBND", note: "Đã nghỉ hưu" }], "2024-11-15");
    expect(retirement(report)).toEqual([]);
  });

  it("tells a person listed twice once", () => {
    const twice: Person = { ...woman, name: "Lê Thị Hạnh", birth: "12/09/1968", id: "022168001234" };
    const report = run([twice, { ...twice, post: "Chủ tịch Hội Liên hiệp Phụ nữ" }], "2025-07-01");
    expect(retirement(report).map((f) => f[2])).toEqual(["C5"]);
  });

  it("uses the ages of ND 92/2009's time under that rule set (60 for men)", () => {
    expect(retirement(run([{ ...FINE, birth: "06/1958", post: "Chủ tịch UBND" }], "2018-07-01", { rules: "nd92-2009" }))[0][3]).toContain("tuổi nghỉ hưu 60 tuổi (đủ tuổi tháng 06/2018), nghỉ hưu từ hết ngày 30/06/2018");
  });

  it("reads the ages and the horizon from the rule set, which the Quy định sheet may change", () => {
    // 56y4m for 2025 instead of 56y8m: the woman born 09/1968 retires at the end of 31/01/2025.
    const report = run([woman], "2025-03-01", { settings: [["retirement.pastAge.ageMonths.female.2025", 676]] });
    expect(retirement(report)[0][3]).toContain("tuổi nghỉ hưu 56 tuổi 4 tháng (đủ tuổi tháng 01/2025), nghỉ hưu từ hết ngày 31/01/2025");
    expect(report.quality!.cadreAndCivilServant.ageBands.overRetirement).toBe(1);
    expect(retirement(run([woman], "2023-06-01", { settings: [["retirement.soon.withinMonths", 24]] })).map((f) => f[0])).toEqual(["retirement.soon"]);
  });
});

describe("ND 33/2023: a chair or vice-chair appointed with fewer than 60 months left", () => {
  // A man born 05/1967: 62 years, retires at the end of 31/05/2029, pension from 01/06/2029.
  const chair = (since: string): Person => ({ ...FINE, birth: "10/05/1967", post: "Phó Chủ tịch UBND", since });

  it.each([
    ["01/06/2024", []], // exactly 60 months left
    ["02/06/2024", ["warning"]], // 59
    ["15/07/2023", []], // appointed before ND 33/2023
  ])("appointed %s → %j", (since, severities) => {
    expect(findingsOf(run([chair(since)], "2024-11-15"), "retirement.appointedLate").map((f) => f.severity)).toEqual(severities);
  });

  it("names the date, the months left and the minimum, on the appointment date", () => {
    expect(flatFindings(findingsOf(run([chair("02/06/2024")], "2024-11-15"), "retirement.appointedLate"), ["cell", "message"])).toEqual([
      ["O5", "Phó Chủ tịch UBND giữ chức vụ từ 02/06/2024 khi chỉ còn 4 năm 11 tháng đến tuổi nghỉ hưu (nghỉ hưu từ hết ngày 31/05/2029); lần đầu giữ chức vụ cần còn ít nhất 60 tháng (một nhiệm kỳ)"],
    ]);
  });

  it("does not apply to other posts, nor under ND 34/2019", () => {
    expect(findingsOf(run([{ ...chair("02/06/2024"), post: "Bí thư Đảng ủy" }], "2024-11-15"), "retirement.appointedLate")).toEqual([]);
    expect(findingsOf(run([chair("02/06/2022")], "2022-11-15"), "retirement.appointedLate")).toEqual([]);
  });
});
