import { flatFindings } from "../../support/grid";
import { check, findingsOf, settingsSheet } from "./fixtures";
import { FINE, roster, type Person } from "./personFixtures";

const asOf = "2024-11-15";
function run(people: Person[], options: { settings?: [string, string | number][]; date?: string; rules?: string } = {}) {
  const sheets = [roster([{ label: "Xã Quảng Lợi", people }])];
  if (options.settings) sheets.push(settingsSheet(options.settings));
  return check(sheets, options.date ?? asOf, options.rules ? { ruleSetId: options.rules } : {});
}
const flat = (report: ReturnType<typeof run>, rule: string) => flatFindings(findingsOf(report, rule), ["severity", "cell", "message"]);

describe("a head post held for two full consecutive terms", () => {
  const secretary = (since?: string, term?: string | number): Person => ({ ...FINE, post: "Bí thư Đảng ủy", since, term });

  it.each([
    ["15/12/2016", 95, "info"],
    ["15/11/2016", 96, "warning"],
    ["15/10/2016", 97, "warning"],
    ["15/11/2019", 60, "info"],
    ["16/11/2019", 59, undefined],
  ])("in post since %s (%i months) → %s", (since, _months, severity) => {
    expect(findingsOf(run([secretary(since)]), "rotation.headTerms").map((f) => f.severity)).toEqual(severity ? [severity] : []);
  });

  it("says 'đề nghị luân chuyển' with the date and the time held, on the appointment date", () => {
    expect(flat(run([secretary("15/11/2016")]), "rotation.headTerms")).toEqual([["warning", "O5", "Bí thư Đảng ủy giữ chức vụ từ 15/11/2016 (8 năm liên tục): đủ hai nhiệm kỳ liên tiếp, đề nghị luân chuyển"]]);
    expect(flat(run([secretary("15/12/2016")]), "rotation.headTerms")).toEqual([["info", "O5", "Bí thư Đảng ủy đang ở nhiệm kỳ thứ hai: giữ chức vụ từ 15/12/2016 (7 năm 11 tháng liên tục); đủ 8 năm liên tục là đủ hai nhiệm kỳ"]]);
  });

  it.each([
    [3, "warning"],
    ["Nhiệm kỳ thứ III", "warning"],
    [2, "info"],
    ["thứ hai", "info"],
    [1, undefined],
    ["2021-2026", undefined], // the term's span, not its number
  ])("by the term column %j → %s", (term, severity) => {
    expect(findingsOf(run([{ ...secretary(undefined, term), post: "Chủ tịch UBND" }]), "rotation.headTerms").map((f) => f.severity)).toEqual(severity ? [severity] : []);
  });

  it("names the term when the term column says it", () => {
    expect(flat(run([{ ...secretary(undefined, "III"), post: "Chủ tịch HĐND" }]), "rotation.headTerms")).toEqual([["warning", "P5", "Chủ tịch HĐND nhiệm kỳ thứ 3: đủ hai nhiệm kỳ liên tiếp, đề nghị luân chuyển"]]);
  });

  it("reads a span ('2016 - nay') from its start, and leaves other posts alone", () => {
    expect(flat(run([secretary("06/2016 - nay")]), "rotation.headTerms").map((f) => f[0])).toEqual(["warning"]);
    expect(findingsOf(run([{ ...secretary("2010"), post: "Phó Chủ tịch UBND" }]), "rotation.headTerms")).toEqual([]);
  });
});

describe("periodic change of post for civil servants (ND 59/2019)", () => {
  const officer = (post: string, since: string, birth = "15/06/1980"): Person => ({ ...FINE, post, since, birth });

  it.each([
    ["15/11/2019", ["warning"]], // 60 months
    ["16/11/2019", []], // 59
  ])("in post since %s → %j", (since, severities) => {
    expect(findingsOf(run([officer("Địa chính - xây dựng", since)]), "rotation.periodicChange").map((f) => f.severity)).toEqual(severities);
  });

  it("names the time in post, the cycle and the months left", () => {
    expect(flat(run([officer("Tư pháp - hộ tịch", "01/03/2018")]), "rotation.periodicChange")).toEqual([
      ["warning", "O5", "Tư pháp - hộ tịch ở cùng vị trí từ 01/03/2018 (6 năm 8 tháng), đủ thời hạn định kỳ chuyển đổi vị trí công tác 60 tháng; còn 17 năm 7 tháng đến tuổi nghỉ hưu"],
    ]);
  });

  it.each([
    ["10/1964", 17, []], // retires at the end of 04/2026, pension 05/2026: 17 months left → not rotated
    ["11/1964", 18, ["warning"]], // pension 06/2026: 18 months left
  ])("a man born %s with %i months left → %j", (birth, _left, severities) => {
    expect(findingsOf(run([officer("Tài chính - kế toán", "2015", birth)]), "rotation.periodicChange").map((f) => f.severity)).toEqual(severities);
  });

  it("covers Địa chính, Tư pháp – hộ tịch and Tài chính – kế toán by default; the Quy định sheet edits the list and the cycle", () => {
    const people = [officer("Văn phòng - thống kê", "2015"), officer("Tài chính - kế toán", "2015"), officer("Văn hóa - xã hội", "01/01/2021")];
    expect(flat(run(people), "rotation.periodicChange").map((f) => f[1])).toEqual(["O6"]);
    const edited = run(people, { settings: [["rotation.periodicChange.titles.officeStatistics", "có"], ["rotation.periodicChange.titles.financeAccounting", "không"], ["rotation.periodicChange.titles.cultureSociety", "x"], ["rotation.periodicChange.cycleMonths", 36]] });
    expect(flat(edited, "rotation.periodicChange").map((f) => f[1])).toEqual(["O5", "O7"]);
    expect(edited.ruleSet.overrides?.map((o) => [o.key, o.value])).toEqual([
      ["titles.officeStatistics", true],
      ["titles.financeAccounting", false],
      ["titles.cultureSociety", true],
      ["cycleMonths", 36],
    ]);
  });

  it("is a warning, never an error, the title list being unconfirmed", () => {
    const report = run([officer("Địa chính - xây dựng", "2010")], { settings: [["rotation.periodicChange.severity", "error"]] });
    expect(findingsOf(report, "rotation.periodicChange").map((f) => f.severity)).toEqual(["warning"]);
  });
});
