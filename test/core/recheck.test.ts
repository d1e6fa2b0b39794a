/**
 * Live re-check of changed rows (issue 9 item 3): the rows read again through the reader, the
 * workbook-level work redone from the records in memory, and the outcome the same as a full run
 * of the patched workbook.
 */
import { cellStyle, type CellValue, type WorkbookGrid } from "../../src/core/grid";
import { validateWorkbook, type ValidateOptions } from "../../src/core/engine";
import { planHighlights } from "../../src/core/plan/build";
import { patchGrid, recheckRows, type ChangedRow, type RecheckBasis, type SheetChange } from "../../src/core/recheck";
import { columnNumber } from "../../src/core/address";
import { gridOf } from "../excel/books";
import { districtListFixture, Rng } from "../support/workbooks";

const SHEET = "DS CBCC";
const OPTIONS: ValidateOptions = { asOf: "2024-12-31" };

function basisOf(grid: WorkbookGrid, options: ValidateOptions = OPTIONS): RecheckBasis {
  const result = validateWorkbook(grid, options);
  return { grid, result, options, highlights: planHighlights(result.report, result.reading) };
}

/** A row as the adapter loads it (values, number formats and fonts from column 1), with some cells changed. */
function rowWith(grid: WorkbookGrid, sheet: string, row: number, edits: Record<string, CellValue> = {}): ChangedRow {
  const s = grid.sheets.find((x) => x.name === sheet)!;
  const width = Math.max(s.columnCount, ...Object.keys(edits).map(columnNumber));
  const values: CellValue[] = [];
  const numberFormats: (string | undefined)[] = [];
  const fonts: (string | undefined)[] = [];
  for (let c = 1; c <= width; c++) {
    values.push(s.values[row - 1]?.[c - 1] ?? "");
    const st = cellStyle(grid, s, row, c);
    numberFormats.push(st.numberFormat ?? "General");
    fonts.push(st.fontName);
  }
  for (const [letter, v] of Object.entries(edits)) values[columnNumber(letter) - 1] = v;
  return { row, values, numberFormats, fonts };
}

let grid: WorkbookGrid;
beforeAll(async () => {
  grid = gridOf(await districtListFixture({}));
});

/** The re-check's report is the full run's on the patched grid. */
function expectSameAsFullRun(basis: RecheckBasis, changes: SheetChange[]) {
  const out = recheckRows(basis, changes);
  if (out.kind !== "rechecked") throw new Error(`expected a re-check, got ${JSON.stringify(out)}`);
  const full = validateWorkbook(patchGrid(basis.grid, changes), basis.options);
  expect(out.basis.result.report.findings).toEqual(full.report.findings);
  expect(out.basis.result.report.units).toEqual(full.report.units);
  expect(out.basis.result.report.sheets).toEqual(full.report.sheets);
  expect(out.basis.result.report.totals).toEqual(full.report.totals);
  expect(out.basis.highlights).toEqual(planHighlights(full.report, full.reading));
  return out;
}

describe("recheckRows", () => {
  it("drops the finding and the mark of a qualification the user corrected", () => {
    const basis = basisOf(grid);
    const before = basis.result.report.findings.filter((f) => f.cell === "H13");
    expect(before.map((f) => f.rule)).toEqual(["qualification.professionalLevel"]);
    const out = expectSameAsFullRun(basis, [{ sheet: SHEET, rows: [rowWith(grid, SHEET, 13, { H: "Đại học Luật" })] }]);
    if (out.kind !== "rechecked") return;
    expect(out.rows).toBe(1);
    expect(out.removed.map((f) => [f.rule, f.cell])).toEqual([["qualification.professionalLevel", "H13"]]);
    expect(out.added).toEqual([]);
    expect(out.removedBy).toEqual({ error: 0, warning: 1, info: 0 });
    expect(out.marks.remove.map((h) => [h.row, h.col])).toEqual([[13, 8]]);
    expect(out.marks.add).toEqual([]);
    expect(out.marks.update).toEqual([]);
    expect(out.basis.result.report.findings.some((f) => f.cell === "H13")).toBe(false);
  });

  it("adds an error and a mark for a pasted impossible birth date", () => {
    const basis = basisOf(grid);
    const out = expectSameAsFullRun(basis, [{ sheet: SHEET, rows: [rowWith(grid, SHEET, 12, { C: "31/02/1975" })] }]);
    if (out.kind !== "rechecked") return;
    const added = out.added.filter((f) => f.cell === "C12");
    expect(added.map((f) => [f.rule, f.severity])).toContainEqual(["data.invalidDate", "error"]);
    expect(out.addedBy.error).toBeGreaterThanOrEqual(1);
    expect(out.marks.add).toContainEqual(expect.objectContaining({ sheet: SHEET, row: 12, col: 3, severity: "error" }));
  });

  it("finds two people made the same by an edit: both rows, the unchanged one too", () => {
    const basis = basisOf(grid);
    // Row 13 gets the name, birth date and ID number of row 12.
    const s = grid.sheets.find((x) => x.name === SHEET)!;
    const r12 = s.values[11]!;
    const out = expectSameAsFullRun(basis, [{ sheet: SHEET, rows: [rowWith(grid, SHEET, 13, { B: r12[1], C: r12[2], D: "", K: r12[10] })] }]);
    if (out.kind !== "rechecked") return;
    const dup = out.added.filter((f) => f.rule === "data.duplicatePerson");
    expect(dup.map((f) => f.row).sort()).toEqual([12, 13]);
    // The staff count of the unit drops by one person (counted once).
    const unitBefore = basis.result.report.units.find((u) => u.name === "Quảng Lợi")!;
    const unitAfter = out.basis.result.report.units.find((u) => u.name === "Quảng Lợi")!;
    const total = (u: typeof unitBefore) => Object.values(u.staff ?? {}).reduce((a, b) => a + b, 0);
    expect(total(unitAfter)).toBe(total(unitBefore) - 1);
  });

  it("reads a new person typed below the list, in the last section's unit", () => {
    const basis = basisOf(grid);
    const last = basis.result.report.sheets[0].lastDataRow!;
    const s = grid.sheets.find((x) => x.name === SHEET)!;
    // Below the total rows, above the signatures.
    let target = last + 1;
    while (s.values[target - 1] !== undefined) target++;
    const out = expectSameAsFullRun(basis, [{ sheet: SHEET, rows: [rowWith(grid, SHEET, target, { A: 99, B: "Trần Thị Mới", D: "12/03/1990", E: "Kinh", F: "Công chức Văn phòng - thống kê", G: "12/12", H: "Trung cấp", K: "022190000001" })] }]);
    if (out.kind !== "rechecked") return;
    expect(out.basis.result.report.sheets[0]).toMatchObject({ records: 31, lastDataRow: target });
  });

  it("asks for a full run for the header band, a section row and inserted rows", () => {
    const basis = basisOf(grid);
    expect(recheckRows(basis, [{ sheet: SHEET, rows: [rowWith(grid, SHEET, 8, { H: "Chuyên môn nghiệp vụ" })] }])).toMatchObject({ kind: "fullRun", reason: "header", row: 8 });
    expect(recheckRows(basis, [{ sheet: SHEET, rows: [rowWith(grid, SHEET, 4, { A: "DANH SÁCH" })] }])).toMatchObject({ kind: "fullRun", reason: "header" });
    expect(recheckRows(basis, [{ sheet: SHEET, rows: [rowWith(grid, SHEET, 10, { B: "Xã Quảng Lâm" })] }])).toMatchObject({ kind: "fullRun", reason: "section", row: 10 });
    // A person row turned into a section label.
    expect(recheckRows(basis, [{ sheet: SHEET, rows: [{ row: 13, values: ["II", "Xã Quảng Lâm"] }] }])).toMatchObject({ kind: "fullRun", reason: "section", row: 13 });
    expect(recheckRows(basis, [{ sheet: SHEET, rows: [], structural: true }])).toMatchObject({ kind: "fullRun", reason: "structure" });
    expect(recheckRows(basis, [{ sheet: "Không có", rows: [{ row: 3, values: ["x"] }] }])).toMatchObject({ kind: "fullRun", reason: "notRoster" });
  });

  it("a row pasted over with what it held is no change at all", () => {
    const basis = basisOf(grid);
    const out = recheckRows(basis, [{ sheet: SHEET, rows: [rowWith(grid, SHEET, 10), rowWith(grid, SHEET, 13)] }]);
    expect(out).toMatchObject({ kind: "rechecked", rows: 0, added: [], removed: [], marks: { add: [], remove: [], update: [] } });
    if (out.kind === "rechecked") expect(out.basis).toBe(basis);
  });

  it("a row emptied is a person gone; unchanged rows are not read again", () => {
    const basis = basisOf(grid);
    const out = expectSameAsFullRun(basis, [{ sheet: SHEET, rows: [{ row: 41, values: [] }] }]);
    if (out.kind !== "rechecked") return;
    expect(out.basis.result.report.sheets[0].records).toBe(29);
    // Records of the other rows are the very objects of the last run (not read again).
    const old = new Set(basis.result.reading.records);
    expect(out.basis.result.reading.records.filter((r) => r.row !== 41).every((r) => old.has(r))).toBe(true);
  });

  it("equals a full run for random edits of person rows, chained re-checks included", () => {
    const rng = new Rng(7);
    const s = grid.sheets.find((x) => x.name === SHEET)!;
    const personRows: number[] = [];
    for (let r = 11; r <= 44; r++) if (typeof s.values[r - 1]?.[0] === "number") personRows.push(r);
    const pool: Record<string, CellValue[]> = {
      C: ["", "01/01/1960", "31/02/1980", 27441, "1985", "abc"],
      D: ["", "05/05/1999", "13/13/1990"],
      F: ["Chủ tịch UBND", "Phó Chủ tịch UBND", "Bí thư Đảng ủy", "Công chức Tư pháp - hộ tịch", "Trưởng Công an xã", "Ông trùm"],
      H: ["Đại học", "Trung cấp", "Cao đẳng", "Sơ cấp", "Tiến sĩ Luật", "xyz"],
      I: ["Cao cấp", "Trung cấp", "Sơ cấp", ""],
      K: ["", "022185058858", "12345", "022075813208"],
    };
    let basis = basisOf(grid);
    for (let step = 0; step < 6; step++) {
      const rows = new Map<number, ChangedRow>();
      const n = 1 + Math.floor(rng.next() * 4);
      for (let i = 0; i < n; i++) {
        const row = personRows[Math.floor(rng.next() * personRows.length)];
        const edits: Record<string, CellValue> = {};
        for (const [col, values] of Object.entries(pool)) if (rng.next() < 0.4) edits[col] = values[Math.floor(rng.next() * values.length)];
        rows.set(row, rowWith(basis.grid, SHEET, row, edits));
      }
      const out = expectSameAsFullRun(basis, [{ sheet: SHEET, rows: [...rows.values()] }]);
      if (out.kind !== "rechecked") return;
      // The delta turns the old marks into the new ones.
      const marks = new Map(basis.highlights.map((h) => [`${h.row},${h.col}`, h]));
      for (const h of out.marks.remove) marks.delete(`${h.row},${h.col}`);
      for (const h of [...out.marks.add, ...out.marks.update]) marks.set(`${h.row},${h.col}`, h);
      expect([...marks.values()].sort((a, b) => a.row - b.row || a.col - b.col)).toEqual([...out.basis.highlights].sort((a, b) => a.row - b.row || a.col - b.col));
      basis = out.basis;
    }
  });
});
