import { diffRosters } from "../../../src/core/diff";
import { changesSheet } from "../../../src/core/plan/issue12Sheets";
import { readWorkbook } from "../../../src/core/reader";
import { workbookGrid } from "../../support/grid";
import { NEW_ROWS, OLD_ROWS, rosterSheet } from "./fixtures";

const asOf = { year: 2024, month: 12, day: 31, precision: "day" as const };
describe("year-over-year changes (issue 12 §3)", () => {
  const d = diffRosters(readWorkbook(workbookGrid([rosterSheet(OLD_ROWS)]), { asOf }), readWorkbook(workbookGrid([rosterSheet(NEW_ROWS)]), { asOf }));

  it("lists every kind of change, and keeps two people of the same name apart", () => {
    expect(d.changes.map((c) => [c.kind, c.person, c.oldUnit ?? "", c.newUnit ?? ""])).toEqual([
      ["joined", "Phạm Thị Mai", "", "xã Quảng Lâm"],
      ["left", "Đỗ Văn Cũ", "xã Quảng Lâm", ""],
      ["moved", "Phạm Thị Mai", "xã Quảng Lâm", "xã Quảng Lợi"],
      ["postChanged", "NGUYỄN VĂN AN", "xã Quảng Lợi", "xã Quảng Lợi"],
      ["qualificationChanged", "NGUYỄN VĂN AN", "xã Quảng Lợi", "xã Quảng Lợi"],
      ["qualificationChanged", "Trần Thị Hường", "xã Quảng Lợi", "xã Quảng Lợi"],
    ]);
    expect(d.changes.find((c) => c.kind === "joined")!.birth).toBe("1995-02-02");
    expect(d.changes.find((c) => c.kind === "postChanged")).toMatchObject({ matchedBy: "idNumber", oldPosts: ["Chủ tịch UBND"], newPosts: ["Bí thư Đảng ủy"] });
    expect(d.changes.find((c) => c.person === "Trần Thị Hường")!.qualification).toEqual([
      { field: "professionalLevel", from: "Trung cấp", to: "Đại học", direction: "raised" },
      { field: "politicalTheory", from: "Sơ cấp", to: "Trung cấp", direction: "raised" },
    ]);
    expect(d).toMatchObject({ old: { persons: 6 }, new: { persons: 6 }, matched: 5, counts: { joined: 1, left: 1, moved: 1, postChanged: 1, qualificationChanged: 2 } });
  });

  it("counts per unit and per category", () => {
    expect(d.byUnit).toEqual([
      { unit: "xã Quảng Lâm", counts: { joined: 1, left: 1, moved: 0, postChanged: 0, qualificationChanged: 0 }, movedOut: 1 },
      { unit: "xã Quảng Lợi", counts: { joined: 0, left: 0, moved: 1, postChanged: 1, qualificationChanged: 2 }, movedOut: 0 },
    ]);
    expect(d.byCategory.cadre).toEqual({ joined: 0, left: 1, moved: 0, postChanged: 1, qualificationChanged: 1 });
    expect(d.byCategory.civilServant).toEqual({ joined: 1, left: 0, moved: 1, postChanged: 0, qualificationChanged: 1 });
  });

  it("does not pair two same-named people it cannot tell apart", () => {
    const twins = (u1: string, u2: string) => [
      [1, "Lê Văn Bình", "03/03/1980", "Trưởng thôn", u1],
      [2, "Lê Văn Bình", "03/03/1980", "Trưởng thôn", u2],
    ];
    const r = diffRosters(readWorkbook(workbookGrid([rosterSheet(twins("Xã Quảng Lợi", "Xã Quảng Lâm"))]), { asOf }), readWorkbook(workbookGrid([rosterSheet(twins("Xã Tân Bình", "Xã Tân Lập"))]), { asOf }));
    expect(r.matched).toBe(0);
    expect(r.counts).toMatchObject({ joined: 2, left: 2, moved: 0 });
  });

  it("writes the Biến động sheet with the counts and the list", () => {
    const sheet = changesSheet(d, { oldName: "2023.xlsx", newName: "2024.xlsx" });
    expect(sheet).toMatchObject({ kind: "changes", name: "Biến động" });
    const texts = sheet.rows.flatMap((r) => (r ?? []).map((c) => c?.value)).filter((v) => typeof v === "string");
    expect(texts).toEqual(expect.arrayContaining(["So sánh: 2023.xlsx → 2024.xlsx", "Mới vào", "Chuyển đơn vị", "Đỗ Văn Cũ", "Chuyên môn: Trung cấp → Đại học (nâng); LLCT: Sơ cấp → Trung cấp (nâng)"]));
    expect(sheet.table).toMatchObject({ name: "BienDong", firstColumn: 1, lastColumn: 9 });
  });
});
