import { cbcc, check, districtList, findingsOf, kct, quotaSheet, settingsSheet, type QuotaSpec } from "./fixtures";
import { flatFindings } from "../../support/grid";

function run(id: string, asOf: string, label: string, q: Partial<QuotaSpec>, staff: number, kctStaff = 0, extra: Parameters<typeof check>[0] = []) {
  return check([districtList([{ label, people: [...cbcc(staff), ...kct(kctStaff)] }]), quotaSheet([{ code: "07001", unit: label, ...q }]), ...extra], asOf, { ruleSetId: id }).findings
    .filter((f) => f.rule === "quota.overCap" || f.rule === "quota.overBaseCap")
    .map((f) => [f.rule, f.severity, f.cell, f.message]);
}

describe("the regime's maximum per class, at the cap and one over (ND 92/2009, ND 34/2019)", () => {
  it.each([
    ["nd92-2009", "2015-06-30", "Xã Tân Bình", "I", 25, 22],
    ["nd92-2009", "2015-06-30", "Phường Cửa Ông", "II", 23, 20],
    ["nd92-2009", "2015-06-30", "Thị trấn Đầm Hà", "III", 21, 19],
    ["nd34-2019", "2021-12-31", "Xã Tân Bình", "I", 23, 14],
    ["nd34-2019", "2021-12-31", "Phường Cửa Ông", "II", 21, 12],
    ["nd34-2019", "2021-12-31", "Thị trấn Đầm Hà", "III", 19, 10],
  ])("%s on %s: %s loại %s allows %i cán bộ, công chức and %i không chuyên trách", (id, asOf, label, cls, cap, kctCap) => {
    expect(run(id, asOf, label, { cls }, cap, kctCap)).toEqual([]);
    const kind = label.startsWith("Xã") ? "xã" : label.startsWith("Phường") ? "phường" : "thị trấn";
    expect(run(id, asOf, label, { cls }, cap + 1, kctCap + 2)).toEqual([
      ["quota.overCap", "error", "C3", `Cán bộ, công chức: ${cap + 1}/${cap}, vượt 1 so với số lượng tối đa (${kind} loại ${cls})`],
      ["quota.overCap", "error", "C3", `Người hoạt động không chuyên trách cấp xã: ${kctCap + 2}/${kctCap}, vượt 2 so với số lượng tối đa (${kind} loại ${cls})`],
    ]);
  });

  it("reports the cap in units[].quota", () => {
    const report = check([districtList([{ label: "Xã Tân Bình", people: cbcc(20) }]), quotaSheet([{ code: "07001", unit: "Tân Bình", cls: 2, villages: 5, cbccProvince: 21 }])], "2021-12-31");
    expect(report.units[0].quota).toEqual({ cadreAndCivilServant: { province: 21, cap: 21 }, nonSpecializedCommune: { cap: 12 }, nonSpecializedVillage: { cap: 15 } });
  });
});

describe("ND 33/2023: the base figure grows with population and area", () => {
  it.each([
    ["Phường Cửa Ông", "I", 23],
    ["Phường Cửa Ông", "III", 19],
    ["Xã Tân Bình", "I", 22],
    ["Thị trấn Đầm Hà", "II", 20],
    ["Xã Tân Bình", "III", 18],
  ])("%s loại %s: over the base of %i without population and area is only a warning (quota.overBaseCap)", (label, cls, base) => {
    expect(run("nd33-2023", "2024-11-15", label, { cls }, base)).toEqual([]);
    const kind = label.startsWith("Xã") ? "xã" : label.startsWith("Phường") ? "phường" : "thị trấn";
    expect(run("nd33-2023", "2024-11-15", label, { cls }, base + 1)).toEqual([
      ["quota.overBaseCap", "warning", "C3", `Cán bộ, công chức: ${base + 1}/${base}, vượt 1 so với số lượng tối đa cơ bản (${kind} loại ${cls}); chưa có dân số và diện tích trên trang định biên để tính số được tăng thêm, cần kiểm tra lại`],
    ]);
  });

  it("adds one per full population step above the standard and one per full area standard above it (xã: derived steps, so a warning)", () => {
    // 12,500 people: (12,500 − 8,000) / 4,000 → +1; 65 km²: (65 − 30) / 30 → +1. Loại II: 20 + 2 = 22.
    expect(run("nd33-2023", "2024-11-15", "Xã Tân Bình", { cls: "II", population: "12.500", area: "65" }, 22)).toEqual([]);
    expect(run("nd33-2023", "2024-11-15", "Xã Tân Bình", { cls: "II", population: 12500, area: 65 }, 23)).toEqual([
      ["quota.overCap", "warning", "C3", "Cán bộ, công chức: 23/22, vượt 1 so với số lượng tối đa (xã loại II: 20 + 2 tăng thêm theo dân số, diện tích); số tăng thêm tính theo chuẩn chưa được xác nhận, cần kiểm tra lại"],
    ]);
  });

  it("uses the mountainous standards for a commune marked miền núi", () => {
    // 7,600 people: (7,600 − 5,000) / 2,500 → +1; 120 km²: (120 − 50) / 50 → +1. Loại I: 22 + 2 = 24; KCT 14 + 2 = 16.
    expect(run("nd33-2023", "2024-11-15", "Xã Quảng Sơn", { cls: "I", mountainous: true, population: 7600, area: "120,5" }, 24, 16)).toEqual([]);
    const over = run("nd33-2023", "2024-11-15", "Xã Quảng Sơn", { cls: "I", mountainous: true, population: 7600, area: 120.5 }, 25, 17);
    expect(over.map((f) => f[3])).toEqual([
      "Cán bộ, công chức: 25/24, vượt 1 so với số lượng tối đa (xã loại I: 22 + 2 tăng thêm theo dân số, diện tích); số tăng thêm tính theo chuẩn chưa được xác nhận, cần kiểm tra lại",
      "Người hoạt động không chuyên trách cấp xã: 17/16, vượt 1 so với số lượng tối đa (xã loại I: 14 + 2 tăng thêm theo dân số, diện tích); số tăng thêm tính theo chuẩn chưa được xác nhận, cần kiểm tra lại",
    ]);
  });

  it("cannot compute a ward's increments (its population step depends on what it belongs to): a warning", () => {
    expect(run("nd33-2023", "2024-11-15", "Phường Cửa Ông", { cls: "II", population: 30000, area: 4 }, 22)).toEqual([
      ["quota.overBaseCap", "warning", "C3", "Cán bộ, công chức: 22/21, vượt 1 so với số lượng tối đa cơ bản (phường loại II); chưa có chuẩn tính tăng thêm cho loại đơn vị này để tính số được tăng thêm, cần kiểm tra lại"],
    ]);
  });

  it("is an error once the office confirms the standards on the Quy định sheet", () => {
    const settings = settingsSheet([
      ["quota.overCap.increments.byKind.xã.populationStandard", 8000],
      ["quota.overCap.increments.byKind.xã.populationStep", 4000],
      ["quota.overCap.increments.byKind.xã.areaStandard", 30],
    ]);
    expect(run("nd33-2023", "2024-11-15", "Xã Tân Bình", { cls: "II", population: 12500, area: 65 }, 23, 0, [settings])).toEqual([
      ["quota.overCap", "error", "C3", "Cán bộ, công chức: 23/22, vượt 1 so với số lượng tối đa (xã loại II: 20 + 2 tăng thêm theo dân số, diện tích)"],
    ]);
  });

  it("is an error against the unit's own maximum on the quota sheet, on that cell", () => {
    expect(run("nd33-2023", "2024-11-15", "Xã Tân Bình", { cls: "II", capCbcc: 21 }, 22)).toEqual([["quota.overCap", "error", "M3", "Cán bộ, công chức: 22/21, vượt 1 so với số lượng tối đa của đơn vị (trang định biên)"]]);
  });
});

describe("the two-level government (law80-2025)", () => {
  it("has no maximum by class, so a large commune is not flagged", () => {
    expect(run("law80-2025", "2026-03-31", "Xã Tân Bình", { cls: "I" }, 40)).toEqual([]);
  });

  it("still checks a maximum the quota sheet gives", () => {
    expect(run("law80-2025", "2026-03-31", "Xã Tân Bình", { cls: "I", capCbcc: 32 }, 34)).toEqual([["quota.overCap", "error", "M3", "Cán bộ, công chức: 34/32, vượt 2 so với số lượng tối đa của đơn vị (trang định biên)"]]);
  });
});

describe("a unit whose class is unknown (no quota sheet)", () => {
  it("is compared with the highest figure of any class, on the unit, with no cap reported", () => {
    const report = check([districtList([{ label: "Xã Tân Bình", people: cbcc(26) }])], "2015-06-30");
    expect(flatFindings(findingsOf(report, "quota.overCap"), ["severity", "sheet", "cell", "unit", "message"])).toEqual([
      ["error", undefined, undefined, "xã Tân Bình", "Cán bộ, công chức: 26/25, vượt 1 so với số lượng tối đa (chưa rõ loại đơn vị, so với mức cao nhất)"],
    ]);
    expect(report.units[0].quota).toBeUndefined();
    expect(findingsOf(check([districtList([{ label: "Xã Tân Bình", people: cbcc(25) }])], "2015-06-30"), "quota.overCap")).toEqual([]);
  });
});
