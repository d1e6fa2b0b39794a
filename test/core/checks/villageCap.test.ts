import { cbcc, check, districtList, findingsOf, quotaSheet, villageWorkers, type PersonSpec } from "./fixtures";
import { flatFindings } from "../../support/grid";

const villages = ["Thôn Bắc Sơn", "Thôn Nam Sơn"];
function run(id: string, asOf: string, workers: PersonSpec[], villageCount = 2) {
  const report = check([districtList([{ label: "Xã Quảng Lợi", people: [...cbcc(18), ...workers] }]), quotaSheet([{ code: "06937", unit: "Quảng Lợi", cls: "II", villages: villageCount }])], asOf, { ruleSetId: id });
  return { report, found: findingsOf(report, "quota.villageOverCap") };
}

describe.each([
  ["nd92-2009", "2015-06-30", "warning"],
  ["nd34-2019", "2021-12-31", "warning"],
  ["nd33-2023", "2024-11-15", "error"],
  ["law80-2025", "2026-03-31", "warning"],
])("village workers under %s (at most 3 per village; %s)", (id, asOf, severity) => {
  it("accepts 3 in each village", () => {
    expect(run(id, asOf, villageWorkers(villages, 3)).found).toEqual([]);
  });

  it("flags a fourth person in a village on their row, the others related", () => {
    const { found } = run(id, asOf, [...villageWorkers(["Thôn Bắc Sơn"], 3), ...villageWorkers(["Thôn Nam Sơn"], 4)], 3);
    // Rows: header 4, section 5, 18 cán bộ + công chức 6–23, Bắc Sơn 24–26, Nam Sơn 27–30.
    expect(flatFindings(found, ["severity", "sheet", "cell", "relatedRows", "unit", "message"])).toEqual([
      [severity, "DS CBCC", "E30", [27, 28, 29], "06937", "Thôn Nam Sơn: 4 người hoạt động không chuyên trách, vượt 1 so với tối đa 3 người mỗi thôn, tổ dân phố"],
    ]);
  });

  it("flags the unit's total over 3 × villages on its quota row", () => {
    const { found, report } = run(id, asOf, villageWorkers(villages, 4));
    expect(report.units[0].quota?.nonSpecializedVillage?.cap).toBe(6);
    expect(flatFindings(found, ["cell", "message"])).toEqual([
      ["E27", "Thôn Bắc Sơn: 4 người hoạt động không chuyên trách, vượt 1 so với tối đa 3 người mỗi thôn, tổ dân phố"],
      ["E31", "Thôn Nam Sơn: 4 người hoạt động không chuyên trách, vượt 1 so với tối đa 3 người mỗi thôn, tổ dân phố"],
      ["E3", "Người hoạt động không chuyên trách ở thôn, tổ dân phố: 8/6 (2 thôn × 3), vượt 2"],
    ]);
  });
});

describe("counting village workers", () => {
  it("counts persons, not posts: a Bí thư Chi bộ who is also Trưởng thôn is one", () => {
    // Five posts held by three persons (kiêm nhiệm, which ND 33/2023 encourages).
    const workers: PersonSpec[] = [
      { post: "Bí thư Chi bộ kiêm Trưởng thôn", village: "Thôn Bắc Sơn" },
      { post: "Trưởng ban công tác Mặt trận kiêm Trưởng thôn", village: "Thôn Bắc Sơn" },
      { post: "Bí thư Chi bộ kiêm Trưởng ban công tác Mặt trận", village: "Thôn Bắc Sơn" },
    ];
    const three = run("nd33-2023", "2024-11-15", workers);
    expect(three.report.units[0].staff.nonSpecializedVillage).toBe(3);
    expect(three.found).toEqual([]);
    expect(run("nd33-2023", "2024-11-15", [...workers, { post: "Trưởng thôn", village: "Thôn Bắc Sơn" }]).found).toHaveLength(1);
  });

  it("leaves out people who have left", () => {
    const workers = villageWorkers(["Thôn Bắc Sơn"], 4);
    workers[0] = { ...workers[0], note: "Nghỉ hưu từ 01/10/2024" };
    expect(run("nd33-2023", "2024-11-15", workers).found).toEqual([]);
  });

  it("matches a village whatever its case", () => {
    const workers = villageWorkers(["Thôn Bắc Sơn"], 3);
    workers.push({ post: "Trưởng ban công tác Mặt trận", village: "THÔN BẮC SƠN" });
    expect(run("nd33-2023", "2024-11-15", workers).found).toHaveLength(1);
  });
});
