import { cbcc, check, districtList, findingsOf, quotaSheet, villageWorkers } from "./fixtures";
import { flatFindings } from "../../support/grid";

const withoutPost = (post: string) => cbcc(17).filter((p) => p.post !== post);

describe.each([
  ["nd92-2009", "2015-06-30", "Nghị định 92/2009/NĐ-CP, Điều 3 khoản 1"],
  ["nd34-2019", "2021-12-31", "Nghị định 92/2009/NĐ-CP (sửa đổi bởi NĐ 34/2019/NĐ-CP), Điều 3 khoản 1"],
  ["nd33-2023", "2024-11-15", "Nghị định 33/2023/NĐ-CP, Điều 5 khoản 1"],
  ["law80-2025", "2026-03-31", "Hướng dẫn tổ chức chính quyền cấp xã"],
])("mandatory posts under %s", (id, asOf, basis) => {
  it("says nothing when the chairs are there", () => {
    expect(findingsOf(check([districtList([{ label: "Xã Quảng Lợi", people: cbcc(17) }])], asOf, { ruleSetId: id }), "position.missingMandatory")).toEqual([]);
  });

  it("warns when a unit lists no Chủ tịch HĐND, on the unit's quota row", () => {
    const report = check([districtList([{ label: "Xã Quảng Lợi", people: withoutPost("Chủ tịch HĐND") }]), quotaSheet([{ code: "06937", unit: "Quảng Lợi", cls: "II" }])], asOf, { ruleSetId: id });
    const found = findingsOf(report, "position.missingMandatory");
    expect(flatFindings(found, ["severity", "sheet", "cell", "unit", "message"])).toEqual([["warning", "Định biên", "B3", "06937", "xã Quảng Lợi không có Chủ tịch HĐND đang công tác trong danh sách"]]);
    expect(found[0].basis).toContain(basis);
  });

  it("warns on the unit (no cell) when there is no quota sheet", () => {
    const report = check([districtList([{ label: "Xã Quảng Lợi", people: withoutPost("Chủ tịch UBND") }])], asOf, { ruleSetId: id });
    expect(flatFindings(findingsOf(report, "position.missingMandatory"), ["sheet", "cell", "unit", "messageEn"])).toEqual([[undefined, undefined, "xã Quảng Lợi", "xã Quảng Lợi lists no serving People's Committee chair"]]);
  });
});

describe("a mandatory post", () => {
  it("held only by someone who left is missing, and the message names them", () => {
    const people = cbcc(17);
    people[4] = { ...people[4], note: "Đã nghỉ việc" }; // Chủ tịch UBND, row 10
    const report = check([districtList([{ label: "Xã Quảng Lợi", people }])], "2024-11-15");
    expect(findingsOf(report, "position.missingMandatory")[0].message).toMatch(/^xã Quảng Lợi không có Chủ tịch UBND đang công tác trong danh sách \(.+, trang "DS CBCC" dòng 10, đã nghỉ\)$/);
  });

  it("held concurrently by the Party secretary counts (Bí thư kiêm Chủ tịch HĐND)", () => {
    const people = withoutPost("Chủ tịch HĐND");
    people[0] = { post: "Bí thư Đảng ủy kiêm Chủ tịch HĐND" };
    expect(findingsOf(check([districtList([{ label: "Xã Quảng Lợi", people }])], "2024-11-15"), "position.missingMandatory")).toEqual([]);
  });

  it("is not looked for in a unit whose cadres the workbook does not list", () => {
    const report = check([districtList([{ label: "Xã Quảng Lợi", people: villageWorkers(["Thôn Bắc Sơn"], 3) }], { title: "DANH SÁCH NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH Ở THÔN" })], "2024-11-15");
    expect(report.units[0].staff.nonSpecializedVillage).toBe(3);
    expect(findingsOf(report, "position.missingMandatory")).toEqual([]);
  });
});
