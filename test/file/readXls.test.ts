/**
 * The Excel 97-2003 reader (BIFF8 in a compound file) on real .xls bytes written in code by
 * test/support/legacyFormats.ts from every roster layout: the same grid as the .xlsx, the same
 * report, fonts through XF → FONT (so .VnTime text is decoded), and one-line errors for the
 * .xls files that cannot be read.
 */
import fc from "fast-check";
import { validateWorkbook } from "../../src/core/engine";
import { isEngineError } from "../../src/core/errors";
import { formatEngineError } from "../../src/core/messages";
import { cellFontName, cellStyle, type WorkbookGrid } from "../../src/core/grid";
import { SheetCells } from "../../src/core/reader/cells";
import { CompoundFile } from "../../src/file/cfb";
import { readXls } from "../../src/file/readXls";
import { readXlsx } from "../../src/file/readXlsx";
import { readWorkbookBytes } from "../../src/file/readWorkbook";
import { expectSameGrid } from "../support/gridCompare";
import { gridToXls, writeCompoundFile } from "../support/legacyFormats";
import * as wb from "../support/workbooks";
import { engineErrorOf } from "../support/engineError";


/** A small hand-made grid with every kind of value the writer has a record for. */
function handGrid(): WorkbookGrid {
  return {
    date1904: false,
    styles: [{ fontName: "Times New Roman" }, { fontName: ".VnTime" }, { fontName: "Times New Roman", numberFormat: "dd/mm/yyyy" }, { fontName: ".VnTimeH" }, { fontName: "Arial", numberFormat: "0.00" }],
    sheets: [
      {
        name: "Danh sách",
        rowCount: 6,
        columnCount: 6,
        values: [
          ["STT", "Hä vµ tªn", "Ngày sinh", "Danh s¸ch", "Hệ số", "Ghi chú"],
          [1, "NguyÔn ThÞ H\u00adêng", 31274, "x", 12.34, true],
          [2, "Trần Văn Bình", 27441, undefined, 0.5, false],
          [-7, 1234567.891, 2 ** 40, 3, 4, 5],
          ["Cộng", undefined, undefined, undefined, "2 người", "#N/A"],
          [undefined, "dòng ẩn", undefined, undefined, undefined, undefined],
        ],
        styleIds: [[0, 1, 0, 3, 0, 0], [0, 1, 2, 3, 4, 0], [0, 0, 2, 0, 4, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 1]],
        formulas: [undefined, undefined, undefined, undefined, [undefined, undefined, undefined, undefined, "", ""]],
        runFonts: { "3,2": ".VnTime" },
        merges: [{ top: 5, left: 1, bottom: 5, right: 4 }],
        hiddenRows: [6],
        hiddenColumns: [3],
      },
      { name: "Ẩn", visibility: "veryHidden", rowCount: 1, columnCount: 1, values: [["x"]], merges: [], hiddenRows: [], hiddenColumns: [] },
    ],
  };
}

describe("readXls: every roster layout written as a real .xls reads back as the same grid", () => {
  const layouts: [string, () => Promise<Uint8Array>][] = [
    ["a. district list, with a quota sheet and hidden sheets", () => wb.districtListWorkbook({ count: 40, withQuota: true, hiddenSheets: true })],
    ["b. one sheet per commune in TCVN3 (.VnTime, .VnTimeH)", () => wb.communeSheetsTcvn3Workbook()],
    ["c. one-hot matrix", () => wb.oneHotMatrixWorkbook()],
    ["d. messy list (formulas, errors, hidden row and column)", () => wb.messyListWorkbook()],
    ["d. messy list in the 1904 date system", () => wb.messyListWorkbook({ date1904: true })],
    ["e. VNI-Times", () => wb.vniWorkbook()],
    ["g. one sheet per category", () => wb.categoryListsWorkbook({ hiddenSheets: true })],
  ];
  it.each(layouts)("%s", async (_name, make) => {
    const grid = readXlsx(await make());
    const xls = gridToXls(grid);
    expect(Array.from(xls.subarray(0, 8))).toEqual([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expectSameGrid(grid, readXls(xls, { fileName: "ds.xls" }));
  });

  it("gives the same report as the .xlsx it was saved from (TCVN3 decoded through the cells' fonts)", async () => {
    const grid = readXlsx(await wb.communeSheetsTcvn3Workbook());
    const fromXlsx = validateWorkbook(grid, { asOf: "2024-12-31" }).report;
    const fromXls = validateWorkbook(readXls(gridToXls(grid)), { asOf: "2024-12-31" }).report;
    expect(fromXls.units).toEqual(fromXlsx.units);
    expect(fromXls.findings).toEqual(fromXlsx.findings);
    expect(fromXls.totals).toEqual(fromXlsx.totals);
    expect(fromXls.findings.some((f) => f.rule === "data.legacyEncoding")).toBe(true);
    expect(fromXls.units.map((u) => u.name)).toEqual(expect.arrayContaining(["Quảng Lợi"]));
  });
});

describe("readXls: records and fonts", () => {
  const grid = handGrid();
  const read = readXls(gridToXls(grid), { fileName: "tay.xls" });
  const sheet = read.sheets[0];

  it("reads every kind of value: shared strings, RK (integer, ×100, float), MULRK, NUMBER, booleans, errors, formula results", () => {
    expectSameGrid(grid, read);
    expect(sheet.values[3]).toEqual([-7, 1234567.891, 2 ** 40, 3, 4, 5]);
    expect(sheet.values[1]?.[4]).toBe(12.34);
    expect(sheet.values[2]?.[4]).toBe(0.5);
    expect(sheet.values[4]?.[4]).toBe("2 người"); // a formula's string result (FORMULA + STRING)
    expect(sheet.formulas?.[4]?.[4]).toBe("");
    expect(sheet.values[1]?.[5]).toBe(true);
  });

  it("gives each cell its font through XF → FONT, and a rich-text run its own font", () => {
    expect(cellFontName(read, sheet, 1, 2)).toBe(".VnTime");
    expect(cellFontName(read, sheet, 1, 1)).toBe("Times New Roman");
    expect(cellFontName(read, sheet, 3, 2)).toBe(".VnTime"); // the run's font over the cell's Times New Roman
    expect(cellStyle(read, sheet, 2, 3).numberFormat).toBe("dd/mm/yyyy");
  });

  it("so the core decodes TCVN3 by the font: .VnTimeH text comes out in capitals, .VnTime as written", () => {
    const cells = new SheetCells(read, sheet);
    expect(cells.text(1, 4)).toBe("DANH SÁCH");
    expect(cells.text(2, 2)).toBe("Nguyễn Thị Hường");
    expect(cells.text(1, 2)).toBe("Họ và tên");
  });

  it("keeps merges, hidden rows and columns, and a very hidden sheet", () => {
    expect(sheet.merges).toEqual([{ top: 5, left: 1, bottom: 5, right: 4 }]);
    expect(sheet.hiddenRows).toEqual([6]);
    expect(sheet.hiddenColumns).toEqual([3]);
    expect(read.sheets[1].visibility).toBe("veryHidden");
  });

  it("reads LABEL records (some exporters write no SST)", () => {
    expectSameGrid(grid, readXls(gridToXls(grid, { inlineLabels: true })));
  });

  it("ignores an embedded chart's records and a chart sheet", () => {
    const g = readXls(gridToXls(grid, { embeddedChart: true, chartSheet: true }));
    expect(g.sheets.map((s) => s.name)).toEqual(["Danh sách", "Ẩn"]);
    expectSameGrid(grid, g);
  });

  it("reads the 1904 date system flag", async () => {
    const g = readXls(gridToXls(readXlsx(await wb.messyListWorkbook({ date1904: true }))));
    expect(g.date1904).toBe(true);
  });
});

describe("readXls: shared strings split across CONTINUE records", () => {
  it("reads strings split mid-character-data, with the rest compressed again, and strings starting in a CONTINUE", () => {
    const long = "Nguyễn " + "a".repeat(3000) + " Hường";
    const latin = "Trung cÊp " + "µ".repeat(500);
    const values = [[long], [latin], ...Array.from({ length: 400 }, (_, i) => [`Người số ${i} — Quảng Lợi`])];
    const grid: WorkbookGrid = { date1904: false, styles: [{ fontName: "Times New Roman" }], sheets: [{ name: "S", rowCount: values.length, columnCount: 1, values, merges: [], hiddenRows: [], hiddenColumns: [] }] };
    for (const size of [8224, 300, 61]) {
      const g = readXls(gridToXls(grid, { sstRecordSize: size }));
      expectSameGrid(grid, g);
    }
  });
});

describe("the compound file", () => {
  it("reads a small workbook from the mini stream and a large one from the FAT", async () => {
    const small = handGrid();
    const bytes = gridToXls(small);
    const cfb = new CompoundFile(bytes);
    expect(cfb.rootStream("Workbook")!.size).toBeLessThan(4096);
    const big = readXlsx(await wb.districtListWorkbook({ count: 200 }));
    const bigBytes = gridToXls(big);
    expect(new CompoundFile(bigBytes).rootStream("Workbook")!.size).toBeGreaterThan(4096);
    expectSameGrid(big, readXls(bigBytes));
  });

  it("follows DIFAT sectors when the FAT outgrows the header (a file over 7 MB)", () => {
    const grid = handGrid();
    const padding = new Uint8Array(8 * 1024 * 1024).fill(0x5a);
    const bytes = gridToXls(grid, { extraStreams: [{ name: "Ctls", data: padding }] });
    const view = new DataView(bytes.buffer);
    expect(view.getUint32(72, true)).toBeGreaterThan(0); // DIFAT sectors in the header
    expectSameGrid(grid, readXls(bytes));
    const cfb = new CompoundFile(bytes);
    const back = cfb.read(cfb.rootStream("Ctls")!);
    expect(back.length).toBe(padding.length);
    expect(Buffer.compare(Buffer.from(back), Buffer.from(padding))).toBe(0);
  });

  it("finds the Workbook stream among many (a balanced directory tree)", () => {
    const streams = ["\u0005SummaryInformation", "\u0005DocumentSummaryInformation", "CompObj", "Ole", "Workbook", "_VBA_PROJECT_CUR", "MsoDataStore"].map((name, i) => ({ name, data: new Uint8Array(10 + i) }));
    const cfb = new CompoundFile(writeCompoundFile(streams));
    expect(cfb.children().map((e) => e.name).sort()).toEqual(streams.map((s) => s.name).sort());
    expect(cfb.rootStream("workbook")?.name).toBe("Workbook");
  });
});

describe("readXls: the .xls files that cannot be read get one line each", () => {
  const grid = handGrid();
  const cases: [string, () => Uint8Array, string, RegExp][] = [
    ["an Excel 5.0/95 workbook (BIFF5 in a Workbook stream)", () => gridToXls(grid, { biff5: true }), "file.biff5", /Excel 5\.0\/95/],
    ["an Excel 5.0/95 workbook (a Book stream)", () => wb.legacyBiffLike({ stream: "Book" }), "file.biff5", /Excel 5\.0\/95/],
    ["a password-protected .xls (FILEPASS)", () => gridToXls(grid, { filePass: true }), "file.encrypted", /mật khẩu/],
    ["a password-protected .xlsx (OLE2)", () => wb.encryptedLike(), "file.encrypted", /mật khẩu/],
    ["an empty Workbook stream", () => wb.legacyBiffLike(), "file.corruptXls", /97-2003.*bị hỏng/],
    ["no Workbook stream", () => wb.compoundFile([{ name: "Contents" }]), "file.corruptXls", /bị hỏng/],
    ["a Word document renamed .xls", () => wb.legacyDocLike(), "file.unknownFormat", /không phải sổ tính/],
    ["a download cut at 60 %", () => gridToXls(grid).slice(0, Math.floor(gridToXls(grid).length * 0.6)), "file.corruptXls", /chưa tải\/chép hết/],
  ];
  it.each(cases)("%s", (_name, make, code, pattern) => {
    const e = engineErrorOf(() => readXls(make(), { fileName: "ds-cu.xls" }));
    expect(e.code).toBe(code);
    const line = formatEngineError(e);
    expect(line).not.toMatch(/[\r\n]/);
    expect(line).toMatch(pattern);
    expect(line).toContain("ds-cu.xls");
  });

  it("every prefix of an .xls gives an EngineError, never a crash or a partial grid", async () => {
    const full = gridToXls(readXlsx(await wb.districtListWorkbook({ count: 30 })));
    const whole = readXls(full);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: full.length - 1 }), (n) => {
        let grid: WorkbookGrid | undefined;
        try {
          grid = readXls(full.slice(0, n), { fileName: "cut.xls" });
        } catch (e) {
          expect(isEngineError(e) && e.code).toBe("file.corruptXls");
          return;
        }
        // Only the unused end of the last sector was cut: then every byte of every stream is there.
        expectSameGrid(whole, grid);
      }),
      { numRuns: 80 },
    );
  });

  it("bytes flipped inside an .xls give an EngineError or a grid, never a crash", () => {
    const full = gridToXls(handGrid());
    fc.assert(
      fc.property(fc.integer({ min: 0, max: full.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const bytes = full.slice();
        bytes[at] ^= xor;
        try {
          expect(Array.isArray(readXls(bytes).sheets)).toBe(true);
        } catch (e) {
          expect(isEngineError(e)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("readWorkbookBytes sends OLE2 to this reader, whatever the name", () => {
    const { format, grid: g } = readWorkbookBytes(gridToXls(handGrid()), { fileName: "ds.xlsx" });
    expect(format).toBe("xls");
    expect(g.sheets[0].name).toBe("Danh sách");
  });
});
