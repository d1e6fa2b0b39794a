import { flatFindings } from "../../support/grid";
import { check, findingsOf, quotaSheet } from "./fixtures";
import { FINE, roster, type Person } from "./personFixtures";

const asOf = "2024-11-15";
const p = (post: string, extra: Partial<Person> = {}): Person => ({ ...FINE, post, ...extra });

describe("concurrency of posts per unit", () => {
  const people = [
    p("Bí thư Đảng ủy kiêm Chủ tịch HĐND"),
    p("Chủ tịch UBND"),
    p("Bí thư Chi bộ kiêm Trưởng thôn", { village: "Thôn 1" }),
    p("Bí thư Chi bộ kiêm Trưởng thôn", { village: "Thôn 2" }),
    p("Bí thư Chi bộ", { village: "Thôn 3" }),
    p("Trưởng thôn", { village: "Thôn 3" }),
  ];
  const report = check([roster([{ label: "Xã Quảng Lợi", people }]), quotaSheet([{ code: "06937", unit: "Quảng Lợi", cls: "II", villages: 3 }])], asOf);

  it("tells the villages whose cell secretary is the village head, on the unit's quota row, and the secretary who chairs the council", () => {
    expect(flatFindings(findingsOf(report, "concurrency"), ["rule", "severity", "sheet", "cell", "message"])).toEqual([
      ["concurrency.secretaryIsCouncilChair", "info", "DS CBCC", "H5", "xã Quảng Lợi: Bí thư Đảng ủy đồng thời là Chủ tịch HĐND"],
      ["concurrency.villageSecretaryIsHead", "info", "Định biên", "E3", "xã Quảng Lợi: Bí thư Chi bộ đồng thời là Trưởng thôn (Tổ trưởng tổ dân phố) ở 2/3 thôn, tổ dân phố"],
    ]);
  });

  it("gives the same figures in the report", () => {
    expect(report.units[0].concurrency).toEqual({ villages: 3, villagesSecretaryIsHead: 2, secretaryIsPeoplesCommitteeChair: false, secretaryIsPeoplesCouncilChair: true });
  });

  it("counts a person listed on two rows, one per post, as holding both", () => {
    const twice = { name: "Đỗ Văn Trường", birth: "01/02/1975" };
    const r = check([roster([{ label: "Xã Quảng Lợi", people: [p("Bí thư Đảng ủy", twice), p("Chủ tịch HĐND"), p("Chủ tịch UBND", twice)] }])], asOf);
    expect(flatFindings(findingsOf(r, "concurrency"), ["rule", "cell"])).toEqual([["concurrency.secretaryIsCommitteeChair", "H5"]]);
    expect(r.units[0].concurrency).toMatchObject({ secretaryIsPeoplesCommitteeChair: true, secretaryIsPeoplesCouncilChair: false });
  });

  it("says nothing of villages for a unit that lists no village workers, nor of people who left", () => {
    const r = check([roster([{ label: "Xã Quảng Lợi", people: [p("Chủ tịch UBND"), p("Bí thư Đảng ủy kiêm Chủ tịch UBND", { note: "Đã nghỉ hưu" })] }])], asOf);
    expect(findingsOf(r, "concurrency")).toEqual([]);
    expect(r.units[0].concurrency).toEqual({ villages: 0, villagesSecretaryIsHead: 0, secretaryIsPeoplesCommitteeChair: false, secretaryIsPeoplesCouncilChair: false });
  });
});
