import { cbcc, check, districtList, findingsOf, kct, quotaSheet, villageWorkers } from "./fixtures";
import { flatFindings } from "../../support/grid";

const REGIMES = [
  ["nd92-2009", "2015-06-30", "Nghị định 92/2009/NĐ-CP, Điều 4"],
  ["nd34-2019", "2021-12-31", "Nghị định 34/2019/NĐ-CP, Điều 2 khoản 1"],
  ["nd33-2023", "2024-11-15", "Nghị định 33/2023/NĐ-CP, Điều 6"],
  ["law80-2025", "2026-03-31", "CV 03/CV-BCĐ"],
] as const;

describe.each(REGIMES)("staff against the figures each level assigned, under %s", (id, asOf, basis) => {
  const villages = ["Thôn Bắc Sơn", "Thôn Nam Sơn", "Thôn Đông Hải", "Thôn Tây Hải"];
  const report = check(
    [
      districtList([
        { label: "Xã Quảng Lợi", people: [...cbcc(19), ...kct(13), ...villageWorkers(villages, 3)] },
        { label: "Xã Quảng Lâm", people: [...cbcc(20), ...kct(10)] },
      ]),
      quotaSheet([
        { code: "06937", unit: "Quảng Lợi", cls: "I", villages: 4, cbccProvince: 23, cbccDistrict: 21, kctProvince: 12, kctDistrict: 14, kctVillage: 12 },
        { code: "06940", unit: "Quảng Lâm", cls: "I", villages: 3, cbccProvince: 20, cbccDistrict: 20, kctProvince: 10 },
      ]),
    ],
    asOf,
    { ruleSetId: id },
  );
  const quota = report.findings.filter((f) => f.rule === "quota.shortage" || f.rule === "quota.excess");

  it("gives one finding per unit, group and level, on the cell of the figure, quoted the way offices do", () => {
    expect(flatFindings(quota, ["rule", "severity", "sheet", "cell", "unit", "message"])).toEqual([
      ["quota.shortage", "warning", "Định biên", "F3", "06937", "Cán bộ, công chức: 19/23, thiếu 4 so với tỉnh giao"],
      ["quota.shortage", "warning", "Định biên", "G3", "06937", "Cán bộ, công chức: 19/21, thiếu 2 so với huyện giao"],
      ["quota.excess", "error", "Định biên", "H3", "06937", "Người hoạt động không chuyên trách cấp xã: 13/12, vượt 1 so với tỉnh giao"],
      ["quota.shortage", "warning", "Định biên", "I3", "06937", "Người hoạt động không chuyên trách cấp xã: 13/14, thiếu 1 so với huyện giao"],
    ]);
    expect(quota[0].messageEn).toBe("Cadres and civil servants: 19/23, 4 short of the province's figure");
  });

  it("cites the regime's basis", () => {
    for (const f of quota) expect(f.basis).toContain(basis);
  });

  it("says nothing where the staff equals the figure (Quảng Lâm, and Quảng Lợi's villages)", () => {
    expect(quota.filter((f) => f.unit === "06940")).toEqual([]);
    expect(quota.filter((f) => f.cell === "J3")).toEqual([]);
  });
});

describe("figures of groups the workbook does not list", () => {
  it("are not checked: a cadre list says nothing about village workers", () => {
    const report = check([districtList([{ label: "Xã Quảng Lợi", people: cbcc(20) }]), quotaSheet([{ code: "06937", unit: "Quảng Lợi", cls: "II", cbccProvince: 21, kctProvince: 12, kctVillage: 12 }])], "2024-11-15");
    expect(flatFindings(findingsOf(report, "quota.shortage"), ["cell", "message"])).toEqual([["F3", "Cán bộ, công chức: 20/21, thiếu 1 so với tỉnh giao"]]);
  });

  it("leave out people who have left", () => {
    const people = cbcc(21);
    people[5] = { ...people[5], note: "Đã nghỉ việc từ 01/2024" };
    const report = check([districtList([{ label: "Xã Quảng Lợi", people }]), quotaSheet([{ code: "06937", unit: "Quảng Lợi", cls: "II", cbccProvince: 21 }])], "2024-11-15");
    expect(findingsOf(report, "quota.shortage").map((f) => f.message)).toEqual(["Cán bộ, công chức: 20/21, thiếu 1 so với tỉnh giao"]);
  });

  it("are absent without a quota sheet", () => {
    const report = check([districtList([{ label: "Xã Quảng Lợi", people: cbcc(12) }])], "2024-11-15");
    expect(findingsOf(report, "quota.shortage")).toEqual([]);
    expect(findingsOf(report, "quota.excess")).toEqual([]);
  });
});
