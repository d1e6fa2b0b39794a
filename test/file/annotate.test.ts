/**
 * The annotated copy: the user's workbook with our marks and sheets, every other part byte for
 * byte; clear brings it back exactly; a re-run leaves one set; hostile input is refused in one line.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { EngineError, EngineErrorCode } from "../../src/core/errors";
import type { SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { engineErrorText, formatEngineError } from "../../src/core/messages";
import { HIGHLIGHT_FILLS, NOTE_MARKER, type EditPlan, type PlanHighlight } from "../../src/core/plan/types";
import { annotateWorkbook, annotateWorkbookDetailed, CHANGES_KEY, clearWorkbook, clearWorkbookDetailed, OWN_SHEET_NAME, readChangeRecord, type AnnotateResult } from "../../src/file/annotate";
import { readXlsx } from "../../src/file/readXlsx";
import { writeSummaryWorkbook } from "../../src/file/summaryWorkbook";
import { checkPackage, kid, kids, parseXml, rawEntries, relId, textOf, type XNode } from "../support/packageCheck";
import { communeSheetsTcvn3Fixture, csvNamedXlsx, districtListWorkbook, minimalXlsxParts, truncatedZip, zipParts } from "../support/workbooks";
import { findingsSheet, FORMULA_LIKE, peopleSheet, plan, staffingSheet } from "./annotatePlans";
import { richWorkbook, type RichWorkbook } from "./richWorkbook";
import { engineErrorOf } from "../support/engineError";

// ---------------------------------------------------------------------------------------------
// Helpers

function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}
function partText(bytes: Uint8Array, name: string): string {
  const p = parts(bytes)[name];
  if (!p) throw new Error(`no part ${name}`);
  return strFromU8(p);
}
function partXml(bytes: Uint8Array, name: string): XNode {
  return parseXml(partText(bytes, name));
}
function sheetOf(grid: WorkbookGrid, name: string): SheetGrid {
  const s = grid.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}
function styleAt(s: SheetGrid, r: number, c: number): number {
  return s.styleIds?.[r - 1]?.[c - 1] ?? 0;
}
async function excel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}
function expectOneLine(e: EngineError, code: EngineErrorCode): void {
  expect(e.code).toBe(code);
  const line = formatEngineError(e);
  expect(line).not.toMatch(/[\r\n]/);
  const { vi, en } = engineErrorText(code, e.params);
  expect(line).toBe(`${vi} — ${en}`);
  expect(vi).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
  expect(en).not.toMatch(/[ăâđêôơư]/i);
}
/** Names of zip entries whose stored bytes are identical in both. */
function identicalEntries(a: Uint8Array, b: Uint8Array): Set<string> {
  const bb = new Map(rawEntries(b).map((e) => [e.name, e]));
  const same = new Set<string>();
  for (const e of rawEntries(a)) {
    const f = bb.get(e.name);
    if (f && f.method === e.method && f.crc32 === e.crc32 && Buffer.from(f.raw).equals(Buffer.from(e.raw))) same.add(e.name);
  }
  return same;
}
/** The uncompressed content of every entry, by name, in order. */
function contents(bytes: Uint8Array): [string, string][] {
  const files = parts(bytes);
  return rawEntries(bytes).map((e) => [e.name, Buffer.from(files[e.name] ?? new Uint8Array()).toString("latin1")]);
}
function highlight(sheet: string, row: number, col: number, severity: "error" | "warning", note: string): PlanHighlight {
  return { sheet, row, col, severity, note };
}
/** The cellXfs of a package: fill colour of each (undefined when none). */
function xfFills(bytes: Uint8Array): (string | undefined)[] {
  const rel = kids(partXml(bytes, "xl/_rels/workbook.xml.rels"), "Relationship").find((x) => x.attrs.Type.endsWith("/styles"))!;
  const styles = partXml(bytes, `xl/${rel.attrs.Target}`);
  const fills = kids(kid(styles, "fills"), "fill").map((f) => kid(kid(f, "patternFill"), "fgColor")?.attrs.rgb);
  return kids(kid(styles, "cellXfs"), "xf").map((x) => fills[Number(x.attrs.fillId ?? 0)]);
}
function sheetPartOf(bytes: Uint8Array, name: string): string {
  const wb = partXml(bytes, "xl/workbook.xml");
  const s = kids(kid(wb, "sheets"), "sheet").find((x) => x.attrs.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  const rels = kids(partXml(bytes, "xl/_rels/workbook.xml.rels"), "Relationship");
  const target = rels.find((r) => r.attrs.Id === relId(s))!.attrs.Target;
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}
function cellJson(v: ExcelJS.CellValue): string {
  return JSON.stringify(v, (_k, x) => (x instanceof Date ? x.toISOString() : x));
}

// ---------------------------------------------------------------------------------------------
// The rich workbook, annotated

function richPlan(r: RichWorkbook): EditPlan {
  const quotaRow = r.fixture.sheets[1].personRows[0].row;
  const ds = r.fixture.sheets[0];
  return plan(
    [
      highlight("DS CBCC", r.userNote.row, r.userNote.col, "error", "Ngày sinh 31/02/1980 không có trên lịch"),
      highlight("DS CBCC", r.threaded.row, r.threaded.col, "warning", "Chức danh không có trong danh mục"),
      highlight("DS CBCC", ds.personRows[2].row, 2, "warning", "Trùng người"),
      highlight("DS CBCC", ds.personRows[3].row, 2, "warning", "Trùng người"),
      highlight("DS CBCC", r.userNote.row, 13, "error", "Ô trống: thiếu số CCCD"),
      highlight("DS CBCC", r.styledRow, 5, "warning", ""),
      highlight("DS CBCC", 60, 2, "error", "Dòng trống giữa bảng"),
      highlight("Định biên", quotaRow, 6, "error", "Biên chế thực tế vượt số tỉnh giao"),
      highlight("DM", 2, 1, "warning", "Dân tộc viết khác danh mục"),
    ],
    [findingsSheet([{ sheet: "DS CBCC", cell: `B${r.userNote.row}` }, { sheet: "Định biên", cell: `F${quotaRow}` }, { sheet: "DS CBCC", cell: "B13" }, { sheet: "DS CBCC", cell: "B14" }, { sheet: "DS CBCC", cell: "M11" }]), staffingSheet(), peopleSheet()],
  );
}

describe("annotated copy of a workbook with charts, pictures, pivots, notes and formulas", () => {
  let r: RichWorkbook;
  let p: EditPlan;
  let result: AnnotateResult;
  let out: Uint8Array;
  let before: WorkbookGrid;
  let after: WorkbookGrid;
  beforeAll(async () => {
    r = await richWorkbook();
    p = richPlan(r);
    result = annotateWorkbookDetailed(r.bytes, p, { fileName: "ds.xlsx" });
    out = result.bytes;
    before = readXlsx(r.bytes);
    after = readXlsx(out);
  });

  it("keeps every zip entry it did not change byte for byte, and changes only what it must", () => {
    const same = identicalEntries(r.bytes, out);
    const changed = rawEntries(r.bytes).map((e) => e.name).filter((n) => !same.has(n));
    expect(changed.sort()).toEqual(
      [
        "[Content_Types].xml",
        "xl/_rels/workbook.xml.rels",
        "xl/comments1.xml",
        "xl/drawings/vmlDrawing1.vml",
        "xl/styles.xml",
        "xl/workbook.xml",
        "xl/worksheets/_rels/sheet2.xml.rels",
        "xl/worksheets/_rels/sheet3.xml.rels",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet3.xml",
      ].sort(),
    );
    for (const kept of [
      "xl/charts/chart1.xml",
      "xl/drawings/drawing1.xml",
      "xl/drawings/drawing2.xml",
      "xl/media/image1.png",
      "xl/pivotCache/pivotCacheDefinition1.xml",
      "xl/pivotCache/pivotCacheRecords1.xml",
      "xl/pivotTables/pivotTable1.xml",
      "xl/threadedComments/threadedComment1.xml",
      "xl/persons/person.xml",
      "xl/sharedStrings.xml",
      "xl/theme/theme1.xml",
      "xl/worksheets/sheet4.xml",
      "xl/worksheets/_rels/sheet1.xml.rels",
      "docProps/app.xml",
      "docProps/core.xml",
    ]) {
      expect(same.has(kept)).toBe(true);
    }
  });

  it("keeps the original entries first and in order; new parts come after", () => {
    const inNames = rawEntries(r.bytes).map((e) => e.name);
    const outNames = rawEntries(out).map((e) => e.name);
    expect(outNames.slice(0, inNames.length)).toEqual(inNames);
    expect(outNames.slice(inNames.length)).toEqual(expect.arrayContaining(["xl/comments2.xml", "xl/comments3.xml", "customXml/item1.xml"]));
  });

  it("keeps every original value, formula, merge, width, hidden state and style (readXlsx)", () => {
    const marked = new Set(p.highlights.map((h) => `${h.sheet}|${h.row},${h.col}`));
    // Cells that had no element show their row's or column's format; they are checked with ExcelJS below.
    const created = new Set(readChangeRecord(out)!.cells.filter((c) => c.s === "none").map((c) => `${c.sheet}|${c.ref}`));
    expect(created.size).toBe(3);
    expect(after.sheets.map((s) => s.name)).toEqual([...before.sheets.map((s) => s.name), "Kết quả kiểm tra", "Tổng hợp biên chế", "Đến tuổi nghỉ hưu"]);
    for (const b of before.sheets) {
      const a = sheetOf(after, b.name);
      expect(a.values).toEqual(b.values);
      expect(a.formulas).toEqual(b.formulas);
      expect(a.merges).toEqual(b.merges);
      expect(a.hiddenRows).toEqual(b.hiddenRows);
      expect(a.hiddenColumns).toEqual(b.hiddenColumns);
      expect(a.visibility).toEqual(b.visibility);
      for (let row = 1; row <= Math.max(b.rowCount, 60); row++) {
        for (let col = 1; col <= 14; col++) {
          const sb = styleAt(b, row, col);
          const sa = styleAt(a, row, col);
          if (created.has(`${b.name}|${String.fromCharCode(64 + col)}${row}`)) expect(sb).toBe(0);
          else if (marked.has(`${b.name}|${row},${col}`)) {
            expect(sa).not.toBe(sb);
            // The new format is the old one plus a fill: same number format and font.
            expect(after.styles[sa]).toEqual(before.styles[sb]);
          } else expect(sa).toBe(sb);
        }
      }
    }
    expect(sheetOf(before, "DS CBCC").formulas?.some((r) => r?.some((f) => f))).toBe(true);
    expect(sheetOf(before, "DS CBCC").hiddenColumns).toEqual([11]);
    expect(sheetOf(before, "DS CBCC").hiddenRows).toContain(r.styledRow + 1);
  });

  it("keeps every original cell, column, row, validation, conditional format, picture and name (ExcelJS)", async () => {
    const wa = await excel(r.bytes);
    const wb = await excel(out);
    const marked = new Set(p.highlights.map((h) => `${h.sheet}|${h.row},${h.col}`));
    const font0 = kid(kid(partXml(r.bytes, "xl/styles.xml"), "fonts"), "font")!;
    const defaultFont = { name: kid(font0, "name")!.attrs.val, size: Number(kid(font0, "sz")!.attrs.val) };
    for (const sa of wa.worksheets) {
      const sb = wb.getWorksheet(sa.name)!;
      expect(sb.state).toBe(sa.state);
      const lastRow = Math.max(sa.rowCount, sb.rowCount);
      const lastCol = Math.max(sa.columnCount, sb.columnCount, 14);
      let compared = 0;
      for (let row = 1; row <= lastRow; row++) {
        expect(sb.getRow(row).hidden).toBe(sa.getRow(row).hidden);
        for (let col = 1; col <= lastCol; col++) {
          const ca = sa.getCell(row, col);
          const cb = sb.getCell(row, col);
          expect(cellJson(cb.value)).toBe(cellJson(ca.value));
          const isMarked = marked.has(`${sa.name}|${row},${col}`);
          if (!isMarked) {
            expect(cb.fill).toEqual(ca.fill);
            expect(cb.numFmt).toEqual(ca.numFmt);
            expect(cb.font).toEqual(ca.font);
            expect(cb.alignment).toEqual(ca.alignment);
            expect(cb.border).toEqual(ca.border);
          } else if (ca.type !== ExcelJS.ValueType.Null) {
            // ExcelJS shows format 0 as "no font"; its clone names font 0 (the workbook's default) outright.
            const font = ca.font ?? { name: defaultFont.name, size: defaultFont.size };
            const got = ca.font ? cb.font : { name: cb.font?.name, size: cb.font?.size };
            expect({ at: ca.address, font: got, numFmt: cb.numFmt, alignment: cb.alignment }).toEqual({ at: ca.address, font, numFmt: ca.numFmt, alignment: ca.alignment });
          }
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(0);
      for (let col = 1; col <= lastCol; col++) {
        expect(sb.getColumn(col).width).toBe(sa.getColumn(col).width);
        expect(sb.getColumn(col).hidden).toBe(sa.getColumn(col).hidden);
      }
      expect(sb.model.merges).toEqual(sa.model.merges);
      expect((sb as any).dataValidations.model).toEqual((sa as any).dataValidations.model);
      expect((sb as any).conditionalFormattings).toEqual((sa as any).conditionalFormattings);
      expect((sa as any).conditionalFormattings).toBeDefined();
      expect(sb.getImages().length).toBe(sa.getImages().length);
    }
    expect(wa.getWorksheet("DS CBCC")!.getImages().length).toBe(1);
    expect(Object.keys((wa.getWorksheet("DS CBCC") as any).dataValidations.model).length).toBeGreaterThan(0);
    expect(wb.definedNames.getNames("'DS CBCC'!B11")).toContain("DanhSach");
  });

  it("fills highlighted cells, error red and warning amber, one new format per original format and severity", async () => {
    const wb = await excel(out);
    for (const h of p.highlights) {
      const fill = wb.getWorksheet(h.sheet)!.getCell(h.row, h.col).fill as ExcelJS.FillPattern;
      expect(fill.pattern).toBe("solid");
      expect(fill.fgColor?.argb).toBe(`FF${HIGHLIGHT_FILLS[h.severity]}`);
    }
    const ds = sheetOf(after, "DS CBCC");
    const rows = r.fixture.sheets[0].personRows;
    // Two name cells of one format, both warnings: one shared new format; the error on the same format gets another.
    expect(styleAt(sheetOf(before, "DS CBCC"), rows[2].row, 2)).toBe(styleAt(sheetOf(before, "DS CBCC"), rows[3].row, 2));
    expect(styleAt(ds, rows[2].row, 2)).toBe(styleAt(ds, rows[3].row, 2));
    expect(styleAt(ds, rows[2].row, 2)).not.toBe(styleAt(ds, r.userNote.row, 2));
    const fills = xfFills(out);
    expect(fills[styleAt(ds, r.userNote.row, r.userNote.col)]).toBe(`FF${HIGHLIGHT_FILLS.error}`);
    // A cell without element in a styled row takes the row's format (bold Times New Roman) plus the fill.
    const styled = wb.getWorksheet("DS CBCC")!.getCell(r.styledRow, 5);
    expect(styled.font?.bold).toBe(true);
    expect(styled.font?.name).toBe("Times New Roman");
  });

  it("adds notes: new ones, ours below the user's note, none on a threaded comment", async () => {
    const ws = (await excel(out)).getWorksheet("DS CBCC")!;
    const noteText = (row: number, col: number) => {
      const n = ws.getCell(row, col).note;
      return typeof n === "string" ? n : (n?.texts ?? []).map((t) => t.text).join("");
    };
    expect(noteText(r.userNote.row, r.userNote.col)).toBe(`${r.userNote.text}\n${NOTE_MARKER}\nNgày sinh 31/02/1980 không có trên lịch`);
    expect(noteText(r.userNote.row, 13)).toBe(`${NOTE_MARKER}\nÔ trống: thiếu số CCCD`);
    expect(noteText(60, 2)).toBe(`${NOTE_MARKER}\nDòng trống giữa bảng`);
    expect(noteText(r.styledRow, 5)).toBe("");
    expect(result.skippedNotes).toEqual([{ sheet: "DS CBCC", cell: `F${r.threaded.row}`, reason: "threadedComment" }]);
    // The threaded comment's placeholder is untouched; the user's author list keeps its order.
    const comments = partXml(out, "xl/comments1.xml");
    const placeholder = kids(kid(comments, "commentList"), "comment").find((c) => c.attrs.ref === `F${r.threaded.row}`)!;
    expect(textOf(placeholder)).toMatch(/^\[Threaded comment\]/);
    expect(textOf(placeholder)).not.toContain(NOTE_MARKER);
    expect(kids(kid(comments, "authors"), "author").map(textOf)).toEqual(["Author", expect.stringMatching(/^tc=/), "Kiểm tra hồ sơ CBCC"]);
    // Other sheets get their own comments part and VML drawing.
    const quota = (await excel(out)).getWorksheet("Định biên")!;
    const quotaRow = r.fixture.sheets[1].personRows[0].row;
    expect(JSON.stringify(quota.getCell(quotaRow, 6).note)).toContain("vượt số tỉnh giao");
    expect(partText(out, "xl/worksheets/sheet2.xml")).toMatch(/<drawing r:id="rId1"\/><legacyDrawing r:id="rId3"\/><\/worksheet>$/);
  });

  it("writes our sheets: table with filters, links to cells, print setup and titles, frozen header, tab colour", async () => {
    const wb = await excel(out);
    const f = wb.getWorksheet("Kết quả kiểm tra")!;
    expect(f.getCell("A1").value).toBe("KẾT QUẢ KIỂM TRA HỒ SƠ CÁN BỘ, CÔNG CHỨC CẤP XÃ");
    expect(f.getCell("A1").font).toMatchObject({ bold: true, name: "Times New Roman", size: 14 });
    expect(f.getCell("F4").value).toBe("Nội dung");
    expect(f.getCell("A5").value).toBe(1);
    expect(f.getCell("A5").numFmt).toBe("#,##0");
    expect(f.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "4:4" });
    expect(f.views[0]).toMatchObject({ state: "frozen", ySplit: 4, topLeftCell: "A5" });
    expect(f.properties.tabColor).toEqual({ argb: "FFC00000" });
    expect(f.model.merges).toEqual(["A1:G1", "A2:G2"]);
    expect(f.getColumn(6).width).toBe(60);
    expect(f.views[0].state).toBe("frozen");
    const table = (f as any).tables.KetQuaKiemTra;
    expect(table).toBeDefined();
    // The table part: a unique id, the filter over the whole range, the header cells as column names.
    const sheetPart = sheetPartOf(out, "Kết quả kiểm tra");
    const sheetRels = kids(partXml(out, sheetPart.replace("worksheets/", "worksheets/_rels/") + ".rels"), "Relationship");
    const tablePart = sheetRels.find((x) => x.attrs.Type.endsWith("/table"))!.attrs.Target.replace("../", "xl/");
    const t = partXml(out, tablePart);
    expect(t.attrs).toMatchObject({ name: "KetQuaKiemTra", displayName: "KetQuaKiemTra", ref: "A4:G9" });
    expect(kid(t, "autoFilter")!.attrs.ref).toBe("A4:G9");
    expect(kids(kid(t, "tableColumns"), "tableColumn").map((c) => c.attrs.name)).toEqual(["STT", "Mức độ", "Quy tắc", "Đơn vị", "Người", "Nội dung", "Ô"]);
    // Hyperlinks to cells of the user's sheets, by location (no relationship).
    const ws = partXml(out, sheetPart);
    const links = kids(kid(ws, "hyperlinks"), "hyperlink");
    expect(links.map((l) => [l.attrs.ref, l.attrs.location])).toEqual([
      ["G5", `'DS CBCC'!B${r.userNote.row}`],
      ["G6", `'Định biên'!F${r.fixture.sheets[1].personRows[0].row}`],
      ["G7", "'DS CBCC'!B13"],
      ["G8", "'DS CBCC'!B14"],
      ["G9", "'DS CBCC'!M11"],
    ]);
    expect(kid(ws, "pageSetup")!.attrs).toMatchObject({ paperSize: "9", orientation: "landscape", fitToWidth: "1", fitToHeight: "0" });
    expect(kid(kid(ws, "sheetPr"), "pageSetUpPr")!.attrs.fitToPage).toBe("1");
    expect(kid(kid(ws, "sheetViews"), "sheetView")!.attrs.tabSelected).toBeUndefined();
    // Print titles and our marker: sheet-local defined names.
    const names = kids(kid(partXml(out, "xl/workbook.xml"), "definedNames"), "definedName");
    const index = after.sheets.findIndex((s) => s.name === "Kết quả kiểm tra");
    expect(names.filter((n) => n.attrs.localSheetId === String(index)).map((n) => [n.attrs.name, n.text])).toEqual([
      ["_xlnm.Print_Titles", "'Kết quả kiểm tra'!$4:$4"],
      [OWN_SHEET_NAME, '"findings"'],
    ]);
    expect(names.find((n) => n.attrs.name === OWN_SHEET_NAME)!.attrs.hidden).toBe("1");
    const staffing = wb.getWorksheet("Tổng hợp biên chế")!;
    expect(staffing.getCell("D7").value).toBe(-2);
    expect(staffing.getCell("D7").font?.color?.argb).toBe("FFC65911");
    expect(staffing.getCell("E7").numFmt).toBe("0.0%");
    expect(staffing.getCell("A12").value).toBe("NGƯỜI LẬP BIỂU");
    expect(staffing.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 6 });
    const people = wb.getWorksheet("Đến tuổi nghỉ hưu")!;
    expect(people.getCell("C2").numFmt).toBe("dd/mm/yyyy");
    expect(people.pageSetup.orientation).toBe("portrait");
  });

  it("writes text that looks like a formula as text, never as a formula", async () => {
    const f = (await excel(out)).getWorksheet("Kết quả kiểm tra")!;
    const texts = [5, 6, 7, 8, 9].map((row) => f.getCell(row, 6).value);
    expect(texts).toEqual(FORMULA_LIKE.slice(0, 5));
    const xml = partText(out, sheetPartOf(out, "Kết quả kiểm tra"));
    expect(xml).not.toMatch(/<f[\s>]/);
    expect(xml).toContain('<c r="F5" s="');
    expect(xml).toMatch(/<c r="F5" s="\d+" t="inlineStr"><is><t xml:space="preserve">=SUM\(A1:A9\)<\/t><\/is><\/c>/);
  });

  it("draws the chart: clustered columns over the sheet's ranges, with cached values, anchored as planned", () => {
    const sheetPart = sheetPartOf(out, "Tổng hợp biên chế");
    const rels = kids(partXml(out, sheetPart.replace("worksheets/", "worksheets/_rels/") + ".rels"), "Relationship");
    const drawingPart = rels.find((x) => x.attrs.Type.endsWith("/drawing"))!.attrs.Target.replace("../", "xl/");
    const drawing = partXml(out, drawingPart);
    const anchor = kid(drawing, "twoCellAnchor")!;
    expect(textOf(kid(kid(anchor, "from"), "col")!)).toBe("0");
    expect(textOf(kid(kid(anchor, "from"), "row")!)).toBe("15");
    expect(textOf(kid(kid(anchor, "to"), "col")!)).toBe("8");
    const drels = kids(partXml(out, drawingPart.replace("drawings/", "drawings/_rels/") + ".rels"), "Relationship");
    const chartPart = drels[0].attrs.Target.replace("../", "xl/");
    expect(chartPart).not.toBe("xl/charts/chart1.xml"); // the user's chart keeps its name
    const chart = partXml(out, chartPart);
    const bar = kid(kid(kid(chart, "chart"), "plotArea"), "barChart")!;
    expect(kid(bar, "barDir")!.attrs.val).toBe("col");
    expect(kid(bar, "grouping")!.attrs.val).toBe("clustered");
    const sers = kids(bar, "ser");
    expect(sers.map((s) => textOf(kid(kid(kid(s, "tx"), "strRef"), "f")!))).toEqual(["'Tổng hợp biên chế'!$B$6:$B$6", "'Tổng hợp biên chế'!$C$6:$C$6"]);
    expect(textOf(kid(kid(kid(sers[0], "cat"), "strRef"), "f")!)).toBe("'Tổng hợp biên chế'!$A$7:$A$9");
    expect(textOf(kid(kid(kid(sers[1], "val"), "numRef"), "f")!)).toBe("'Tổng hợp biên chế'!$C$7:$C$9");
    expect(kids(kid(kid(kid(sers[1], "val"), "numRef"), "numCache"), "pt").map(textOf)).toEqual(["21", "19", "22"]);
    expect(kids(kid(kid(kid(sers[0], "cat"), "strRef"), "strCache"), "pt").map(textOf)).toEqual(["Thị trấn Đầm Hà", "Xã Đầm Hà", "Xã Quảng Lợi"]);
    expect(textOf(kid(kid(chart, "chart"), "title")!)).toBe("Biên chế tỉnh giao và thực tế");
  });

  it("passes the structural checks, and so does the input", () => {
    expect(checkPackage(r.bytes)).toEqual([]);
    expect(checkPackage(out)).toEqual([]);
  });

  it("records what it changed in our custom XML part", () => {
    const rec = readChangeRecord(out)!;
    expect(rec.version).toBe(1);
    const cell = rec.cells.find((c) => c.sheet === "DS CBCC" && c.ref === `B${r.userNote.row}`)!;
    expect(cell.s).toBe(styleAt(sheetOf(before, "DS CBCC"), r.userNote.row, 2));
    expect(cell.to).toBe(styleAt(sheetOf(after, "DS CBCC"), r.userNote.row, 2));
    expect(rec.cells.find((c) => c.ref === "M11")).toMatchObject({ s: "none" });
    expect(rec.cells.find((c) => c.ref === "B60")).toMatchObject({ s: "none", row: "created" });
    expect(rec.notes.find((n) => n.ref === `B${r.userNote.row}`)).toMatchObject({ kind: "appended" });
    expect(rec.notes.find((n) => n.ref === "M11")).toMatchObject({ kind: "created" });
    expect(rec.sheets.map((s) => [s.name, s.kind])).toEqual([["Kết quả kiểm tra", "findings"], ["Tổng hợp biên chế", "staffing"], ["Đến tuổi nghỉ hưu", "people"]]);
    // The reader sees the same part as the add-in's settings.
    expect(JSON.parse(after.savedSettings![CHANGES_KEY])).toEqual(rec);
  });

  it("clear brings every part back exactly, and keeps untouched entries byte for byte", () => {
    const cleared = clearWorkbookDetailed(out);
    expect(cleared.hadMarks).toBe(true);
    expect(cleared.keptChanged).toEqual([]);
    expect(contents(cleared.bytes)).toEqual(contents(r.bytes));
    const same = identicalEntries(out, cleared.bytes);
    for (const name of identicalEntries(r.bytes, out)) expect(same.has(name)).toBe(true);
    expect(checkPackage(cleared.bytes)).toEqual([]);
    // Clearing a workbook without marks gives it back as it was.
    expect(clearWorkbook(r.bytes)).toBe(r.bytes);
  });

  it("a re-run on its own output first restores, then marks again: the same bytes, one set of sheets", () => {
    const again = annotateWorkbook(out, p);
    expect(Buffer.from(again).equals(Buffer.from(out))).toBe(true);
    const names = readXlsx(again).sheets.map((s) => s.name);
    expect(names.filter((n) => n === "Kết quả kiểm tra")).toHaveLength(1);
  });

  it("a re-run with another plan replaces the marks: old ones gone, new ones there", async () => {
    const other = plan([highlight("DS CBCC", r.fixture.sheets[0].personRows[5].row, 2, "warning", "Tên viết tắt")], [findingsSheet([], "Kết quả kiểm tra")]);
    const second = annotateWorkbook(out, other);
    const g = readXlsx(second);
    const ds = sheetOf(g, "DS CBCC");
    const orig = sheetOf(before, "DS CBCC");
    expect(styleAt(ds, r.userNote.row, 2)).toBe(styleAt(orig, r.userNote.row, 2));
    expect(g.sheets.map((s) => s.name)).toEqual([...before.sheets.map((s) => s.name), "Kết quả kiểm tra"]);
    const note = (await excel(second)).getWorksheet("DS CBCC")!.getCell(r.userNote.row, 2).note;
    expect(JSON.stringify(note)).not.toContain(NOTE_MARKER);
    expect(JSON.stringify(note)).toContain(r.userNote.text);
    expect(contents(clearWorkbook(second))).toEqual(contents(r.bytes));
    expect(checkPackage(second)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("a macro-enabled workbook (.xlsm)", () => {
  it("keeps the VBA project, its relationship and the macro-enabled content type", async () => {
    const r = await richWorkbook({ xlsm: true });
    const out = annotateWorkbook(r.bytes, richPlan(r));
    expect(identicalEntries(r.bytes, out).has("xl/vbaProject.bin")).toBe(true);
    const ct = partXml(out, "[Content_Types].xml");
    expect(kids(ct, "Override").find((o) => o.attrs.PartName === "/xl/workbook.xml")!.attrs.ContentType).toBe("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    expect(kids(ct, "Default").find((d) => d.attrs.Extension === "bin")!.attrs.ContentType).toBe("application/vnd.ms-office.vbaProject");
    expect(kids(partXml(out, "xl/_rels/workbook.xml.rels"), "Relationship").some((x) => x.attrs.Target === "vbaProject.bin")).toBe(true);
    expect(partText(out, "xl/workbook.xml")).toContain('codeName="ThisWorkbook"');
    expect(checkPackage(out)).toEqual([]);
    expect(contents(clearWorkbook(out))).toEqual(contents(r.bytes));
  });
});

describe("a user's sheet with our sheet's name", () => {
  it("is never overwritten: ours gets ' (2)', a re-run keeps one, clear removes only ours", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("DS").getCell("A1").value = "Họ và tên";
    const mine = wb.addWorksheet("Kết quả kiểm tra");
    mine.getCell("A1").value = "Bảng của tôi";
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const p = plan([], [findingsSheet([{ sheet: "DS", cell: "A1" }])]);
    const out = annotateWorkbookDetailed(bytes, p);
    expect(out.sheetNames).toEqual({ "Kết quả kiểm tra": "Kết quả kiểm tra (2)" });
    const names = readXlsx(out.bytes).sheets.map((s) => s.name);
    expect(names).toEqual(["DS", "Kết quả kiểm tra", "Kết quả kiểm tra (2)"]);
    expect(readXlsx(out.bytes).sheets[1].values).toEqual(readXlsx(bytes).sheets[1].values);
    const again = annotateWorkbook(out.bytes, p);
    expect(readXlsx(again).sheets.map((s) => s.name)).toEqual(names);
    expect(contents(clearWorkbook(again))).toEqual(contents(bytes));
    expect(checkPackage(out.bytes)).toEqual([]);
  });

  it("keeps names unique case-insensitively and within 31 characters", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("danh sách người đến tuổi nghỉ h").getCell("A1").value = 1;
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const out = annotateWorkbookDetailed(bytes, plan([], [peopleSheet("Danh sách người đến tuổi nghỉ hưu"), peopleSheet("Danh sách người đến tuổi nghỉ hưu")]));
    expect(Object.values(out.sheetNames)).toHaveLength(1);
    const names = readXlsx(out.bytes).sheets.map((s) => s.name);
    expect(names.slice(1)).toEqual(["Danh sách người đến tuổi ng (2)", "Danh sách người đến tuổi ng (3)"]);
    expect(names.every((n) => n.length <= 31)).toBe(true);
    expect(checkPackage(out.bytes)).toEqual([]);
  });
});

describe("text repairs (--fix-encoding)", () => {
  it("rewrites TCVN3 cells as Unicode in a Unicode font, and clear brings the legacy text back", async () => {
    const f = await communeSheetsTcvn3Fixture({ count: 9, communes: 2 });
    const sheet = f.sheets[0];
    const row = sheet.personRows[1].row;
    const col = sheet.columns.fullName;
    const person = f.people[sheet.personRows[1].person];
    const p: EditPlan = { highlights: [highlight(sheet.name, row, col, "warning", "Tên viết bằng TCVN3")], sheets: [], textRepairs: [{ sheet: sheet.name, row, col, text: person.fullName, fontName: "Times New Roman" }] };
    const out = annotateWorkbookDetailed(f.bytes, p);
    expect(out.skippedRepairs).toEqual([]);
    const g = readXlsx(out.bytes);
    const s = sheetOf(g, sheet.name);
    expect(s.values[row - 1]![col - 1]).toBe(person.fullName);
    expect(g.styles[styleAt(s, row, col)].fontName).toBe("Times New Roman");
    expect(xfFills(out.bytes)[styleAt(s, row, col)]).toBe(`FF${HIGHLIGHT_FILLS.warning}`);
    const before = readXlsx(f.bytes);
    expect(sheetOf(before, sheet.name).values[row - 1]![col - 1]).not.toBe(person.fullName);
    expect(before.styles[styleAt(sheetOf(before, sheet.name), row, col)].fontName).toMatch(/^\.Vn/);
    expect((await excel(out.bytes)).getWorksheet(sheet.name)!.getCell(row, col).font?.name).toBe("Times New Roman");
    expect(readChangeRecord(out.bytes)!.cells[0].xml).toMatch(/t="s"/);
    expect(contents(clearWorkbook(out.bytes))).toEqual(contents(f.bytes));
    expect(checkPackage(out.bytes)).toEqual([]);
  });

  it("never overwrites a formula, and says so", () => {
    const bytes = zipParts(minimalXlsxParts({ sheetData: '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="s"><v>0</v></c></row>', sharedStrings: ["Hä vµ tªn"] }));
    const out = annotateWorkbookDetailed(bytes, { highlights: [], sheets: [], textRepairs: [{ sheet: "Sheet1", row: 1, col: 1, text: "x", fontName: "Arial" }, { sheet: "Sheet1", row: 1, col: 2, text: "Họ và tên", fontName: "Times New Roman" }, { sheet: "Sheet1", row: 5, col: 1, text: "y", fontName: "Arial" }] });
    expect(out.skippedRepairs).toEqual([{ sheet: "Sheet1", cell: "A1", reason: "formula" }, { sheet: "Sheet1", cell: "A5", reason: "noCell" }]);
    expect(readXlsx(out.bytes).sheets[0].values[0]).toEqual([2, "Họ và tên"]);
    expect(readXlsx(out.bytes).sheets[0].formulas?.[0]?.[0]).toBe("1+1");
    expect(contents(clearWorkbook(out.bytes))).toEqual(contents(bytes));
  });
});

describe("hand-written packages", () => {
  it("handles a prefixed namespace (x:), self-closing rows and cells without r, and restores them exactly", () => {
    const data = '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row><x:row r="3"/><x:row r="5" spans="1:2"><x:c r="B5"><x:v>7</x:v></x:c></x:row>';
    const bytes = zipParts(minimalXlsxParts({ prefix: "x", sheetData: data, sharedStrings: ["Họ và tên", "Ngày sinh"] }));
    const p = plan(
      [highlight("Sheet1", 1, 2, "error", "Ô B1"), highlight("Sheet1", 3, 2, "warning", "Hàng 3 trống"), highlight("Sheet1", 4, 1, "warning", "Hàng 4 chưa có"), highlight("Sheet1", 5, 1, "error", ""), highlight("Sheet1", 9, 3, "warning", "Sau cùng")],
      [findingsSheet([{ sheet: "Sheet1", cell: "B1" }])],
    );
    const out = annotateWorkbook(bytes, p);
    expect(checkPackage(out)).toEqual([]);
    const xml = partText(out, "xl/worksheets/sheet1.xml");
    expect(xml).toMatch(/<x:row r="3"><x:c r="B3" s="\d+"\/><\/x:row><x:row r="4"><x:c r="A4" s="\d+"\/><\/x:row><x:row r="5" spans="1:2"><x:c r="A5" s="\d+"\/><x:c r="B5">/);
    expect(xml).toMatch(/<x:c s="\d+" t="s"><x:v>1<\/x:v><\/x:c>/);
    expect(xml).toMatch(/<x:row r="9"><x:c r="C9" s="\d+"\/><\/x:row><\/x:sheetData><x:legacyDrawing r:id="rId2"\/><\/x:worksheet>$/);
    const g = readXlsx(out);
    expect(g.sheets[0].values).toEqual(readXlsx(bytes).sheets[0].values);
    expect(contents(clearWorkbook(out))).toEqual(contents(bytes));
    expect(Buffer.from(annotateWorkbook(out, p)).equals(Buffer.from(out))).toBe(true);
  });

  it("writes the notes element in schema order between existing elements", () => {
    const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><mc:AlternateContent><mc:Choice Requires="x14"><controls/></mc:Choice></mc:AlternateContent><tableParts count="0"/></worksheet>`;
    const bytes = zipParts(minimalXlsxParts({ sheets: [{ name: "Sheet1", xml: sheet }] }));
    const out = annotateWorkbook(bytes, plan([highlight("Sheet1", 1, 1, "error", "Số sai")], []));
    expect(partText(out, "xl/worksheets/sheet1.xml")).toContain('footer="0.3"/><legacyDrawing r:id="rId2"/><mc:AlternateContent>');
    expect(contents(clearWorkbook(out))).toEqual(contents(bytes));
  });

  it("declares the relationships namespace on the element when the sheet's root does not", () => {
    const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2"><c r="B2"><v>5</v></c></row></sheetData></worksheet>`;
    const bytes = zipParts(minimalXlsxParts({ sheets: [{ name: "Sheet1", xml: sheet }] }));
    const out = annotateWorkbook(bytes, plan([highlight("Sheet1", 2, 2, "warning", "Số lạ")], []));
    expect(partText(out, "xl/worksheets/sheet1.xml")).toMatch(/<legacyDrawing xmlns:hr="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships" hr:id="rId2"\/><\/worksheet>$/);
    expect(checkPackage(out)).toEqual([]);
    expect(contents(clearWorkbook(out))).toEqual(contents(bytes));
  });

  it("creates a styles part for a workbook without one, and removes it on clear", () => {
    const all = minimalXlsxParts({ sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' });
    delete all["xl/styles.xml"];
    all["xl/_rels/workbook.xml.rels"] = all["xl/_rels/workbook.xml.rels"].replace(/<Relationship Id="rIdS"[^>]*\/>/, "");
    const bytes = zipParts(all);
    const out = annotateWorkbook(bytes, plan([highlight("Sheet1", 1, 1, "error", "x")], [staffingSheet()]));
    expect(checkPackage(out)).toEqual([]);
    expect(xfFills(out)[styleAt(readXlsx(out).sheets[0], 1, 1)]).toBe(`FF${HIGHLIGHT_FILLS.error}`);
    expect(contents(clearWorkbook(out))).toEqual(contents(bytes));
  });
});

describe("clear after the user changed the copy", () => {
  it("restores what is still ours and keeps what the user changed", async () => {
    const bytes = await districtListWorkbook({ count: 10 });
    const p = plan([highlight("DS CBCC", 11, 2, "error", "a"), highlight("DS CBCC", 12, 2, "warning", "b")], []);
    const out = annotateWorkbook(bytes, p);
    const files = parts(out);
    let sheet = strFromU8(files["xl/worksheets/sheet1.xml"]);
    // The user re-formatted B12 (style 1) and rewrote the note on B11 (our marker gone).
    sheet = sheet.replace(/(<c r="B12" s=")\d+"/, '$11"');
    files["xl/worksheets/sheet1.xml"] = strToU8(sheet);
    const commentsName = Object.keys(files).find((n) => /comments\d+\.xml$/.test(n))!;
    files[commentsName] = strToU8(strFromU8(files[commentsName]).replace(/<comment ref="B11"[\s\S]*?<\/comment>/, '<comment ref="B11" authorId="0" shapeId="0"><text><r><t>Đã sửa</t></r></text></comment>'));
    const edited = zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v])));
    const cleared = clearWorkbookDetailed(edited);
    expect(cleared.keptChanged.sort()).toEqual(["DS CBCC!B11", "DS CBCC!B12"]);
    const g = readXlsx(cleared.bytes);
    expect(styleAt(g.sheets[0], 11, 2)).toBe(styleAt(readXlsx(bytes).sheets[0], 11, 2));
    expect(styleAt(g.sheets[0], 12, 2)).toBe(1);
    const wb = await excel(cleared.bytes);
    expect(JSON.stringify(wb.getWorksheet("DS CBCC")!.getCell("B11").note)).toContain("Đã sửa");
    expect(readChangeRecord(cleared.bytes)).toBeUndefined();
    expect(checkPackage(cleared.bytes)).toEqual([]);
  });

  it("finds our sheets by their marker when the record is gone", async () => {
    const bytes = await districtListWorkbook({ count: 6 });
    const out = annotateWorkbook(bytes, plan([], [findingsSheet([]), staffingSheet()]));
    const files = parts(out);
    const item = Object.keys(files).find((n) => /^customXml\/item\d+\.xml$/.test(n))!;
    files[item] = strToU8(strFromU8(files[item]).replace(/<entry key="hoso\.changes">[\s\S]*?<\/entry>/, ""));
    const damaged = zipSync(files);
    const again = annotateWorkbook(damaged, plan([], [findingsSheet([])]));
    expect(readXlsx(again).sheets.map((s) => s.name)).toEqual(["DS CBCC", "Kết quả kiểm tra"]);
    expect(checkPackage(again)).toEqual([]);
    expect(readXlsx(clearWorkbook(damaged)).sheets.map((s) => s.name)).toEqual(["DS CBCC"]);
  });

  it("keeps the add-in's column mapping in the same custom XML part", async () => {
    const base = parts(await districtListWorkbook({ count: 6 }));
    base["customXml/item1.xml"] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><settings xmlns="urn:hoso-cbcc:settings:1"><entry key="hoso.mapping">{"DS CBCC":{"B":"fullName"}}</entry></settings>');
    const bytes = zipSync(base);
    const out = annotateWorkbook(bytes, plan([highlight("DS CBCC", 11, 2, "error", "x")], []));
    expect(readXlsx(out).savedSettings).toMatchObject({ "hoso.mapping": '{"DS CBCC":{"B":"fullName"}}' });
    expect(Object.keys(parts(out)).filter((n) => n.startsWith("customXml/"))).toEqual(["customXml/item1.xml"]);
    const cleared = clearWorkbook(out);
    expect(readXlsx(cleared).savedSettings).toEqual({ "hoso.mapping": '{"DS CBCC":{"B":"fullName"}}' });
    expect(contents(cleared).map(([n]) => n)).toEqual(contents(bytes).map(([n]) => n));
  });
});

describe("hostile and broken input", () => {
  const p = plan([highlight("DS CBCC", 11, 2, "error", "x")], [findingsSheet([])]);
  let good: Uint8Array;
  beforeAll(async () => {
    good = await districtListWorkbook({ count: 6 });
  });
  const tamper = (fn: (files: Record<string, Uint8Array>) => void) => {
    const files = parts(good);
    fn(files);
    return zipSync(files);
  };

  it("refuses what is not a zip, and a truncated download", async () => {
    expectOneLine(engineErrorOf(() => annotateWorkbook(csvNamedXlsx(), p, { fileName: "ds.xlsx" })), "file.csv");
    const truncated = await truncatedZip();
    expectOneLine(engineErrorOf(() => annotateWorkbook(truncated, p, { fileName: "ds.xlsx" })), "file.truncatedZip");
    expectOneLine(engineErrorOf(() => clearWorkbook(csvNamedXlsx(), { fileName: "ds.xlsx" })), "file.csv");
  });

  it("refuses a zip bomb: a part that inflates past the ratio, or past the cap", () => {
    const bomb = tamper((f) => {
      const sheet = strFromU8(f["xl/worksheets/sheet1.xml"]);
      f["xl/worksheets/sheet1.xml"] = strToU8(sheet.replace("<sheetData>", `<sheetData>${" ".repeat(40 * 1024 * 1024)}`));
    });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const e = engineErrorOf(() => annotateWorkbook(bomb, p, { fileName: "bom.xlsx" }));
    expectOneLine(e, "file.tooLarge");
    expect(e.params.part).toBe("xl/worksheets/sheet1.xml");
    expectOneLine(engineErrorOf(() => annotateWorkbook(good, p, { fileName: "ds.xlsx", maxInflatedBytes: 4_000 })), "file.tooLarge");
  });

  it("refuses a size that lies (bigger: the cap; smaller: the checksum)", () => {
    const patched = (size: number) => {
      const out = good.slice();
      const dv = new DataView(out.buffer);
      const eocd = out.length - 22;
      let q = dv.getUint32(eocd + 16, true);
      for (let k = 0; k < dv.getUint16(eocd + 10, true); k++) {
        const nameLen = dv.getUint16(q + 28, true);
        if (new TextDecoder().decode(out.subarray(q + 46, q + 46 + nameLen)) === "xl/worksheets/sheet1.xml") dv.setUint32(q + 24, size, true);
        q += 46 + nameLen + dv.getUint16(q + 30, true) + dv.getUint16(q + 32, true);
      }
      return out;
    };
    expectOneLine(engineErrorOf(() => annotateWorkbook(patched(0xfffffff0), p, { fileName: "ds.xlsx" })), "file.tooLarge");
    expectOneLine(engineErrorOf(() => annotateWorkbook(patched(100), p, { fileName: "ds.xlsx" })), "file.corruptPart");
  });

  it("refuses missing parts", () => {
    expectOneLine(engineErrorOf(() => annotateWorkbook(tamper((f) => delete f["xl/worksheets/sheet1.xml"]), p, { fileName: "ds.xlsx" })), "file.missingPart");
    expectOneLine(engineErrorOf(() => annotateWorkbook(tamper((f) => delete f["[Content_Types].xml"]), p, { fileName: "ds.xlsx" })), "file.missingPart");
    expectOneLine(engineErrorOf(() => annotateWorkbook(tamper((f) => delete f["xl/workbook.xml"]), p, { fileName: "ds.xlsx" })), "file.notWorkbook");
    expectOneLine(engineErrorOf(() => annotateWorkbook(tamper((f) => delete f["xl/styles.xml"]), p, { fileName: "ds.xlsx" })), "file.missingPart");
  });

  it("refuses a sheet part it must edit but cannot parse, Strict OOXML, and ZIP64", () => {
    const broken = tamper((f) => (f["xl/worksheets/sheet1.xml"] = strToU8(strFromU8(f["xl/worksheets/sheet1.xml"]).replace("</sheetData>", ""))));
    const e = engineErrorOf(() => annotateWorkbook(broken, p, { fileName: "ds.xlsx" }));
    expectOneLine(e, "output.cannotKeepPart");
    expect(e.params.part).toBe("xl/worksheets/sheet1.xml");
    const strict = tamper((f) => (f["xl/workbook.xml"] = strToU8(strFromU8(f["xl/workbook.xml"]).replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"'))));
    const s = engineErrorOf(() => annotateWorkbook(strict, p, { fileName: "ds.xlsx" }));
    expectOneLine(s, "output.unsupportedPackage");
    expect(s.params.kind).toBe("strict");
    const zip64 = good.slice();
    new DataView(zip64.buffer).setUint16(zip64.length - 22 + 10, 0xffff, true);
    const z = engineErrorOf(() => annotateWorkbook(zip64, p, { fileName: "ds.xlsx" }));
    expectOneLine(z, "output.unsupportedPackage");
    expect(z.params.kind).toBe("zip64");
  });

  it("refuses a zip with one part twice (names differ only in case)", () => {
    const files = parts(good);
    files["XL/WORKBOOK.XML"] = files["xl/workbook.xml"];
    expectOneLine(engineErrorOf(() => annotateWorkbook(zipSync(files), p, { fileName: "ds.xlsx" })), "file.corruptPart");
  });
});

describe("the summary workbook", () => {
  it("holds only the plan's sheets, built by the same writer, and opens in ExcelJS", async () => {
    const p = plan([highlight("DS CBCC", 11, 2, "error", "x")], [findingsSheet([{ sheet: "DS CBCC", cell: "B11" }]), staffingSheet(), peopleSheet()]);
    const bytes = writeSummaryWorkbook(p);
    expect(checkPackage(bytes)).toEqual([]);
    const wb = await excel(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Kết quả kiểm tra", "Tổng hợp biên chế", "Đến tuổi nghỉ hưu"]);
    const f = wb.getWorksheet("Kết quả kiểm tra")!;
    expect(f.getCell("F5").value).toBe(FORMULA_LIKE[0]);
    expect(f.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, printTitlesRow: "4:4" });
    expect((f as any).tables.KetQuaKiemTra).toBeDefined();
    expect(f.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    expect(kid(kid(partXml(bytes, "xl/worksheets/sheet1.xml"), "sheetViews"), "sheetView")!.attrs.tabSelected).toBe("1");
    expect(kid(kid(partXml(bytes, "xl/worksheets/sheet2.xml"), "sheetViews"), "sheetView")!.attrs.tabSelected).toBeUndefined();
    expect(Object.keys(parts(bytes)).some((n) => /comments|customXml|vml/i.test(n))).toBe(false);
    expect(partText(bytes, "xl/workbook.xml")).not.toContain(OWN_SHEET_NAME);
    expect(Object.keys(parts(bytes)).filter((n) => n.startsWith("xl/charts/"))).toEqual(["xl/charts/chart1.xml"]);
    // The same plan gives the same bytes, and the sheets equal those of the annotated copy.
    expect(Buffer.from(writeSummaryWorkbook(p)).equals(Buffer.from(bytes))).toBe(true);
    const g = readXlsx(bytes);
    const annotated = readXlsx(annotateWorkbook(await districtListWorkbook({ count: 6 }), p));
    for (const s of g.sheets) expect(sheetOf(annotated, s.name).values).toEqual(s.values);
  });

  it("is still a workbook when the plan has no sheets", () => {
    const bytes = writeSummaryWorkbook({ highlights: [], sheets: [] });
    expect(checkPackage(bytes)).toEqual([]);
    expect(readXlsx.bind(null, bytes)).toThrow(); // one empty sheet: the reader calls it empty
  });
});

describe("the package checker catches what Excel would repair", () => {
  it("reports broken packages", async () => {
    const bytes = await districtListWorkbook({ count: 6 });
    const broken = (fn: (f: Record<string, Uint8Array>) => void) => {
      const f = parts(bytes);
      fn(f);
      return checkPackage(zipSync(f));
    };
    expect(broken((f) => delete f["xl/theme/theme1.xml"]).join()).toMatch(/missing/);
    expect(broken((f) => (f["xl/worksheets/sheet1.xml"] = strToU8(strFromU8(f["xl/worksheets/sheet1.xml"]).replace(/ s="\d+"/, ' s="999"')))).join()).toMatch(/style 999 out of range/);
    expect(broken((f) => (f["xl/workbook.xml"] = strToU8(strFromU8(f["xl/workbook.xml"]).replace("</sheets>", '<sheet name="ds cbcc" sheetId="9" r:id="rId4"/></sheets>')))).join()).toMatch(/twice/);
    expect(broken((f) => (f["xl/styles.xml"] = strToU8(strFromU8(f["xl/styles.xml"]).replace("</cellXfs>", "</cellXf>")))).join()).toMatch(/not well-formed/);
    expect(broken((f) => (f["xl/extra.bin"] = new Uint8Array([1, 2, 3]))).join()).toMatch(/no type for xl\/extra\.bin/);
    expect(broken((f) => (f["xl/worksheets/sheet1.xml"] = strToU8(strFromU8(f["xl/worksheets/sheet1.xml"]).replace("</worksheet>", '<legacyDrawing r:id="rId9"/><sheetPr/></worksheet>')))).join()).toMatch(/refers to missing rId9|out of schema order/);
  });
});

describe("marks on an empty cell next to a filled one", () => {
  it("adds the new cell before its neighbour in the row (it once failed with 'overlapping edits')", async () => {
    const bytes = await districtListWorkbook({ count: 40 });
    const grid = readXlsx(bytes);
    const sheet = grid.sheets[0];
    // A person row with an empty cell followed by a filled one, and the reverse.
    // (Rows are sparse arrays: look at every index, holes included.)
    const gapIn = (r: readonly unknown[] | undefined): number => {
      for (let c = 1; r && c + 1 < r.length; c++) if (r[c] === undefined && r[c + 1] !== undefined) return c + 1;
      return 0;
    };
    const rows = sheet.values.map((r, i) => (i >= 5 && gapIn(r) > 0 ? i + 1 : 0)).filter((r) => r > 0);
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) {
      const values = sheet.values[row - 1]!;
      const empty = gapIn(values);
      for (const cols of [[empty, empty + 1], [empty - 1, empty], [empty - 1, empty, empty + 1]]) {
        const out = annotateWorkbook(bytes, { highlights: cols.map((c, i) => highlight(sheet.name, row, c, i % 2 ? "error" : "warning", `Ghi chú ${c}`)), sheets: [] });
        const marked = sheetOf(readXlsx(out), sheet.name);
        const fills = xfFills(out);
        cols.forEach((c, i) => expect(fills[styleAt(marked, row, c)]).toBe(`FF${i % 2 ? HIGHLIGHT_FILLS.error : HIGHLIGHT_FILLS.warning}`));
        // The row's cells stay in column order, each once; the values are as they were.
        const rowXml = new RegExp(`<row[^>]*\\sr="${row}"[^>]*>([\\s\\S]*?)</row>`).exec(partText(out, sheetPartOf(out, sheet.name)))![1];
        const refs = [...rowXml.matchAll(/<c\s[^>]*r="([A-Z]+)\d+"/g)].map((m) => m[1].charCodeAt(0) - 64);
        expect(refs).toEqual([...refs].sort((x, y) => x - y));
        expect(new Set(refs).size).toBe(refs.length);
        expect(marked.values[row - 1]).toEqual(values);
        if (row === rows[0]) expect(checkPackage(out)).toEqual([]);
      }
    }
  });
});
