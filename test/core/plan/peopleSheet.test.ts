import { validateWorkbook } from "../../../src/core/engine";
import { buildEditPlan } from "../../../src/core/plan/build";
import { PEOPLE_SHEET_NAME } from "../../../src/core/plan/peopleSheet";
import { workbookGrid, serial, type SheetSpec } from "../../support/grid";

const DATE = { numberFormat: "dd/mm/yyyy" };

function roster(): SheetSpec {
  const people: [string, number, string, string, string][] = [
    ["Trần Văn Bình", serial(1955, 3, 1), "Nam", "Xã Quảng Lợi", "Văn phòng - thống kê"],
    ["Lê Thị Ánh", serial(1960, 5, 2), "Nữ", "Xã Quảng Lợi", "Văn phòng - thống kê"],
    ["Phạm Văn Dũng", serial(1956, 1, 9), "Nam", "Xã Quảng Lợi", "Bí thư Đảng ủy"],
    ["Hoàng Văn Đạt", serial(1957, 2, 2), "Nam", "Thị trấn Đầm Hà", "Chủ tịch UBND"],
    ["Ngô Thị Hoa", serial(1985, 1, 1), "Nữ", "Xã Quảng Lợi", "Tư pháp - hộ tịch"],
  ];
  const rows: SheetSpec["rows"] = [["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị", "Chức vụ"]];
  people.forEach((p, i) => rows.push([i + 1, ...p]));
  const styles: SheetSpec["styles"] = {};
  for (let r = 2; r <= people.length + 1; r++) styles[`C${r}`] = DATE;
  return { name: "DS", rows, styles };
}

describe("the list of people to watch", () => {
  it("lists people past retirement age by unit, post order and given name in Vietnamese order", () => {
    const result = validateWorkbook(workbookGrid([roster()]), { asOf: "2024-12-31" });
    const plan = buildEditPlan({ report: result.report, reading: result.reading, summaries: result.summaries, asOf: result.asOf, ruleSetName: "NĐ 33/2023" });
    const sheet = plan.sheets.find((s) => s.name === PEOPLE_SHEET_NAME)!;
    expect(sheet).toBeDefined();
    const names = sheet.rows.filter((r) => typeof r?.[0]?.value === "number").map((r) => r![1]!.value);
    // Quảng Lợi first (first unit of the roster): the party secretary, then the two office staff
    // with "Ánh" before "Bình" (a < b in Vietnamese, although "Á" sorts after "B" by code point);
    // then Đầm Hà. Ngô Thị Hoa (born 1985) is not on the list.
    expect(names).toEqual(["Phạm Văn Dũng", "Lê Thị Ánh", "Trần Văn Bình", "Hoàng Văn Đạt"]);
    const links = sheet.rows.filter((r) => typeof r?.[0]?.value === "number").map((r) => r![6]!.link);
    expect(links[0]).toEqual({ sheet: "DS", cell: expect.stringMatching(/^[A-Z]+4$/) });
  });

  it("is left out when nobody is concerned", () => {
    const spec = roster();
    spec.rows = spec.rows.slice(0, 1).concat([[1, "Ngô Thị Hoa", serial(1985, 1, 1), "Nữ", "Xã Quảng Lợi", "Tư pháp - hộ tịch"]]);
    spec.styles = { C2: DATE };
    const result = validateWorkbook(workbookGrid([spec]), { asOf: "2024-12-31" });
    const plan = buildEditPlan({ report: result.report, reading: result.reading, summaries: result.summaries, asOf: result.asOf, ruleSetName: "NĐ 33/2023" });
    expect(plan.sheets.map((s) => s.name)).not.toContain(PEOPLE_SHEET_NAME);
  });
});
