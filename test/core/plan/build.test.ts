import { validateWorkbook } from "../../../src/core/engine";
import { buildEditPlan, planHighlights } from "../../../src/core/plan/build";
import { NOTE_MARKER, type PlanSheet } from "../../../src/core/plan/types";
import { workbookGrid, serial, type SheetSpec } from "../../support/grid";

const DATE = { numberFormat: "dd/mm/yyyy" };

function roster(): SheetSpec {
  const rows: SheetSpec["rows"] = [
    ["UBND HUYỆN ĐẦM HÀ"],
    ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị", "Thôn", "Chức vụ", "Trình độ chuyên môn", "LLCT", "QLNN", "Dân tộc", "Đảng viên"],
  ];
  const people: [string, number | string, string, string, string, string, string, string, string, string, string][] = [
    ["Nguyễn Văn An", serial(1970, 1, 5), "Nam", "Xã Quảng Lợi", "", "Bí thư Đảng ủy kiêm Chủ tịch UBND", "ĐH Luật", "Cao cấp", "CV", "Kinh", "x"],
    ["Trần Thị Hường", serial(1985, 8, 15), "Nữ", "Xã Quảng Lợi", "", "Chủ tịch HĐND", "TC Kế toán", "Trung cấp", "", "Tày", "x"],
    ["Lê Văn Bình", "31/02/1980", "Nam", "Xã Quảng Lợi", "", "Văn phòng - thống kê", "xyz", "", "", "Kinh", ""],
    ["Phạm Đức Thủy", serial(1962, 3, 1), "Nam", "Xã Quảng Lợi", "Thôn 1", "Bí thư Chi bộ kiêm Trưởng thôn", "Sơ cấp", "Sơ cấp", "", "Dao", "x"],
    ["Hoàng Thị Lan", serial(1995, 3, 2), "Nữ", "Thị trấn Đầm Hà", "", "Tư pháp - hộ tịch", "ĐH", "", "", "Kinh", ""],
  ];
  for (const [i, p] of people.entries()) rows.push([i + 1, ...p]);
  const styles: SheetSpec["styles"] = {};
  for (let r = 3; r < 3 + people.length; r++) styles[`C${r}`] = DATE;
  return { name: "DS CBCC", rows, styles };
}

const quota: SheetSpec = {
  name: "Định biên",
  rows: [
    ["Mã đơn vị", "Tên đơn vị", "Phân loại ĐVHC", "Số thôn, tổ dân phố", "Biên chế CBCC tỉnh giao", "Biên chế CBCC huyện giao", "KCT cấp xã tỉnh giao", "Người HĐKCT ở thôn (định mức)"],
    ["06937", "Xã Quảng Lợi", "II", 4, 21, 20, 12, 12],
    ["06928", "Thị trấn Đầm Hà", "I", 8, 23, 22, 14, 24],
  ],
};

function plan() {
  const result = validateWorkbook(workbookGrid([roster(), quota]), { asOf: "2024-11-15", fileName: "ds.xlsx" });
  const p = buildEditPlan({ report: result.report, reading: result.reading, summaries: result.summaries, asOf: result.asOf, ruleSetName: "Nghị định 33/2023/NĐ-CP", agency: "UBND HUYỆN ĐẦM HÀ", place: "Đầm Hà", preparer: "Nguyễn Văn Lập", head: "Trần Văn Trưởng" });
  return { result, p };
}

function cellText(sheet: PlanSheet, row: number, col: number): unknown {
  return sheet.rows[row - 1]?.[col - 1]?.value;
}

function findRow(sheet: PlanSheet, col: number, value: unknown): number {
  const i = sheet.rows.findIndex((r) => r?.[col - 1]?.value === value);
  if (i < 0) throw new Error(`no row with ${String(value)} in column ${col}`);
  return i + 1;
}

describe("highlights", () => {
  it("mark each cell with an error or warning, severity from the worst finding, with a Vietnamese note", () => {
    const { p } = plan();
    const byCell = new Map(p.highlights.map((h) => [`${h.sheet}!${h.row},${h.col}`, h]));
    const date = byCell.get("DS CBCC!5,3")!;
    expect(date.severity).toBe("error");
    expect(date.note.startsWith(NOTE_MARKER)).toBe(true);
    expect(date.note).toContain("31/02/1980");
    const level = byCell.get("DS CBCC!5,8")!;
    expect(level.severity).toBe("warning");
    expect(level.note).toMatch(/Không nhận ra trình độ chuyên môn "xyz"/);
  });

  it("leave info findings and whole-column findings to the findings sheet", () => {
    const { p, result } = plan();
    const infos = result.report.findings.filter((f) => f.severity === "info");
    for (const f of infos) expect(p.highlights.some((h) => h.sheet === f.sheet && h.row === f.row && h.note.includes(f.message))).toBe(false);
  });

  it("put unit-level findings on the unit's row of the quota sheet", () => {
    const { result } = plan();
    const report = { ...result.report, findings: [...result.report.findings, { rule: "quota.cadreAndCivilServantShortage", severity: "warning" as const, unit: "06937", message: "3/21, thiếu 18 so với tỉnh giao" }] };
    const hs = planHighlights(report, result.reading);
    expect(hs).toEqual(expect.arrayContaining([expect.objectContaining({ sheet: "Định biên", row: 2, col: 2, severity: "warning" })]));
  });
});

describe("the findings sheet", () => {
  it("lists every finding, errors first, with a link to its cell and a filtered table", () => {
    const { p, result } = plan();
    const s = p.sheets.find((x) => x.kind === "findings")!;
    const t = s.table!;
    expect(t.lastRow - t.headerRow).toBe(result.report.findings.length);
    const severities = Array.from({ length: t.lastRow - t.headerRow }, (_, i) => cellText(s, t.headerRow + 1 + i, 2));
    const order = severities.map((x) => ["Lỗi", "Cảnh báo", "Thông tin"].indexOf(String(x)));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const first = s.rows[t.headerRow]!;
    expect(first[6]).toEqual({ value: "C5", style: "link", link: { sheet: "DS CBCC", cell: "C5" } });
    expect(s.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: { from: t.headerRow, to: t.headerRow } });
  });
});

describe("the staffing summary", () => {
  it("compares actual staff with the province's and district's figures per unit and in total", () => {
    const { p } = plan();
    const s = p.sheets.find((x) => x.kind === "staffing")!;
    const r = findRow(s, 2, "Xã Quảng Lợi");
    // Quảng Lợi: 3 cadres and civil servants against 21 (province) and 20 (district).
    expect([cellText(s, r, 4), cellText(s, r, 5), cellText(s, r, 7), cellText(s, r, 8), cellText(s, r, 9)]).toEqual([21, 20, 3, -18, -17]);
    expect(s.rows[r - 1]![7]!.style).toBe("shortage");
    expect(cellText(s, r, 20)).toBe("3/21, thiếu 18 so với tỉnh giao; 3/20, thiếu 17 so với huyện giao");
    const total = findRow(s, 2, "Tổng cộng");
    expect([cellText(s, total, 4), cellText(s, total, 7), cellText(s, total, 8)]).toEqual([44, 4, -40]);
    expect(s.chart).toMatchObject({ categoryColumn: 2, firstRow: r, lastRow: total - 1, series: [{ column: 4 }, { column: 7 }] });
  });

  it("ends with a signature block naming the signers", () => {
    const { p } = plan();
    const s = p.sheets.find((x) => x.kind === "staffing")!;
    const texts = s.rows.flatMap((r) => (r ?? []).map((c) => c?.value));
    expect(texts).toEqual(expect.arrayContaining(["NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", "Nguyễn Văn Lập", "Trần Văn Trưởng", "Đầm Hà, ngày 15 tháng 11 năm 2024", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]));
  });
});

describe("the quality summary", () => {
  it("counts levels, sex, minority, party membership and shares per unit, and the concurrency tallies", () => {
    const { p } = plan();
    const s = p.sheets.find((x) => x.kind === "quality")!;
    const r = findRow(s, 2, "Xã Quảng Lợi"); // first section: cadres and civil servants
    // Tổng số 3, nữ 1, DTTS 1 (Tày), đảng viên 2.
    expect([cellText(s, r, 3), cellText(s, r, 4), cellText(s, r, 5), cellText(s, r, 6)]).toEqual([3, 1, 1, 2]);
    // Chuyên môn trung cấp trở lên: An (ĐH) and Hường (TC) of 3.
    const shareCol = s.rows[r - 1]!.length - 2;
    expect(cellText(s, r, shareCol)).toBeCloseTo(2 / 3);
    const concurrencyRow = s.rows.findIndex((row, i) => i > r && row?.[1]?.value === "Xã Quảng Lợi" && row?.[3]?.value === "1/4") + 1;
    expect(concurrencyRow).toBeGreaterThan(0);
    expect([cellText(s, concurrencyRow, 5), cellText(s, concurrencyRow, 6)]).toEqual(["Có", "Không"]);
  });
});
