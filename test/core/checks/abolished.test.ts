import { cbcc, check, districtList, findingsOf, kct, quotaSheet } from "./fixtures";
import { flatFindings } from "../../support/grid";

describe("a title the regime no longer has (position.abolishedTitle)", () => {
  const withPolice = (note?: string) => districtList([{ label: "Xã Quảng Lợi", people: [...cbcc(17), { post: "Trưởng Công an xã", ...(note ? { note } : {}) }, { post: "Phó Trưởng Công an xã" }] }]);

  it.each([
    ["2023-07-31", []],
    ["2023-08-01", [["error", "D23", "\"Trưởng Công an xã\": từ 01/08/2023, Trưởng Công an xã không còn là chức danh cán bộ, công chức cấp xã"]]],
    ["2026-03-31", [["error", "D23", "\"Trưởng Công an xã\": từ 01/08/2023, Trưởng Công an xã không còn là chức danh cán bộ, công chức cấp xã"]]],
  ])("Trưởng Công an xã as a civil servant on %s", (asOf, expected) => {
    const report = check([withPolice()], asOf);
    expect(flatFindings(findingsOf(report, "position.abolishedTitle"), ["severity", "cell", "message"])).toEqual(expected);
  });

  it("is told with its basis and not for someone who has left", () => {
    const found = findingsOf(check([withPolice()], "2024-11-15"), "position.abolishedTitle");
    expect(found[0].basis).toBe("Nghị định 33/2023/NĐ-CP, Điều 5 khoản 2");
    expect(findingsOf(check([withPolice("Chuyển công tác")], "2024-11-15"), "position.abolishedTitle")).toEqual([]);
  });

  it("applies when the user judges an older roster by ND 33/2023, which is said", () => {
    const report = check([withPolice()], "2022-06-30", { ruleSetId: "nd33-2023" });
    expect(findingsOf(report, "position.abolishedTitle")).toHaveLength(1);
    expect(report.ruleSet.valuesAsOf).toBe("2023-08-01");
    expect(flatFindings(findingsOf(report, "file.regimeMismatch"), ["severity", "message"])).toEqual([
      ["info", "Ngày báo cáo 30/06/2022 nằm ngoài thời gian áp dụng của bộ quy định nd33-2023 (01/08/2023–30/06/2025); các giá trị được lấy theo ngày 01/08/2023"],
    ]);
  });
});

describe("commune-level non-specialized workers after the category ended (position.abolishedCategory)", () => {
  const sheets = () => [districtList([{ label: "Xã Quảng Lợi", people: [...cbcc(17), ...kct(9)] }]), quotaSheet([{ code: "06937", unit: "Quảng Lợi", cls: "I", kctProvince: 14 }])];

  it.each([
    ["nd33-2023", "2025-06-30", []],
    ["law80-2025", "2025-07-31", []],
    ["law80-2025", "2025-08-01", [["warning", "H3", "xã Quảng Lợi còn 9 người hoạt động không chuyên trách cấp xã trong danh sách; chế độ này chấm dứt từ 01/08/2025"]]],
    ["law80-2025", "2026-05-30", [["warning", "H3", "xã Quảng Lợi còn 9 người hoạt động không chuyên trách cấp xã trong danh sách; chế độ này chấm dứt từ 01/08/2025"]]],
    ["law80-2025", "2026-05-31", [["error", "H3", "xã Quảng Lợi còn 9 người hoạt động không chuyên trách cấp xã trong danh sách; chế độ này chấm dứt từ 01/08/2025"]]],
  ])("under %s on %s", (id, asOf, expected) => {
    const report = check(sheets(), asOf, { ruleSetId: id });
    expect(flatFindings(findingsOf(report, "position.abolishedCategory"), ["severity", "cell", "message"])).toEqual(expected);
  });
});
