import { cbcc, check, districtList, findingsOf } from "./fixtures";
import { flatFindings } from "../../support/grid";

function holders(id: string, asOf: string, extraPosts: string[]) {
  const report = check([districtList([{ label: "Xã Quảng Lợi", people: [...cbcc(17), ...extraPosts.map((post) => ({ post }))] }])], asOf, { ruleSetId: id });
  return flatFindings(findingsOf(report, "position.tooManyHolders"), ["severity", "cell", "relatedRows", "message"]);
}

describe("holders of a civil-servant title", () => {
  it.each([
    ["nd92-2009", "2015-06-30", "error"],
    ["nd34-2019", "2021-12-31", "error"],
    ["nd33-2023", "2024-11-15", "error"],
    ["law80-2025", "2026-03-31", "warning"], // titles became employment positions: unconfirmed
  ])("one Chỉ huy trưởng Quân sự under %s (a second is %s)", (id, asOf, severity) => {
    expect(holders(id, asOf, [])).toEqual([]);
    expect(holders(id, asOf, ["Chỉ huy trưởng Ban Chỉ huy Quân sự"])).toEqual([[severity, "D23", [17], "xã Quảng Lợi có 2 người giữ chức danh Chỉ huy trưởng Ban Chỉ huy Quân sự; chỉ được 1"]]);
  });

  it("one Trưởng Công an xã while it was a civil-servant title (ND 92, ND 34)", () => {
    expect(holders("nd34-2019", "2021-12-31", ["Trưởng Công an xã", "Trưởng Công an xã"]).map((f) => f[0])).toEqual(["error"]);
  });

  it("other titles: the province may add people from TT 13/2019 on, but ND 92's limits are unconfirmed, so only warnings", () => {
    expect(holders("nd33-2023", "2024-11-15", ["Văn phòng - thống kê", "Văn phòng - thống kê"])).toEqual([]);
    expect(holders("nd92-2009", "2015-06-30", ["Văn phòng - thống kê"]).map((f) => f[0])).toEqual(["warning"]);
    expect(holders("nd92-2009", "2015-06-30", ["Văn hóa - xã hội"])).toEqual([]);
    expect(holders("nd92-2009", "2015-06-30", ["Văn hóa - xã hội", "Văn hóa - xã hội"]).map((f) => [f[0], f[3]])).toEqual([["warning", "xã Quảng Lợi có 3 người giữ chức danh Văn hóa - xã hội; chỉ được 2"]]);
  });
});
