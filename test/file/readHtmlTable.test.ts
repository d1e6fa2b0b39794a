/**
 * HTML tables saved with an .xls name: Excel's "Save as Web page" and the `tableToExcel`
 * export (roster-formats.md §1), written in code from every layout, and hand-written pages for
 * the HTML rules a browser follows (rowspan/colspan placement, implicit closes, entities, charsets).
 */
import { validateWorkbook } from "../../src/core/engine";
import { cellFontName, cellStyle, type CellValue } from "../../src/core/grid";
import { formatEngineError } from "../../src/core/messages";
import { SheetCells } from "../../src/core/reader/cells";
import { comparisonKey } from "../../src/core/text/keys";
import { readHtmlTable } from "../../src/file/readHtmlTable";
import { readWorkbookBytes } from "../../src/file/readWorkbook";
import { readXlsx } from "../../src/file/readXlsx";
import { expectSameGrid } from "../support/gridCompare";
import { gridToHtml } from "../support/legacyFormats";
import * as wb from "../support/workbooks";
import { engineErrorOf } from "../support/engineError";

const utf8 = (s: string) => new TextEncoder().encode(s);
/** A browser collapses runs of white space in a cell and trims it. */
const collapsed = (v: unknown) => (typeof v === "string" ? v.split("\n").map((l) => l.replace(/[ \t]+/g, " ").trim()).join("\n") : v);


describe("readHtmlTable: Excel's \"Save as Web page\" of every layout", () => {
  const layouts: [string, () => Promise<Uint8Array>][] = [
    ["a. district list with a quota sheet", () => wb.districtListWorkbook({ count: 40, withQuota: true })],
    ["b. TCVN3 in .VnTime / .VnTimeH classes", () => wb.communeSheetsTcvn3Workbook()],
    ["c. one-hot matrix", () => wb.oneHotMatrixWorkbook()],
    ["d. messy list", () => wb.messyListWorkbook()],
    ["e. VNI-Times", () => wb.vniWorkbook()],
  ];
  it.each(layouts)("%s reads back as the same grid (values, fonts, number formats, merges, hidden rows and columns)", async (_name, make) => {
    const grid = readXlsx(await make());
    const html = gridToHtml(grid, { variant: "webPage" });
    expect(new TextDecoder().decode(html.subarray(0, 200))).toMatch(/urn:schemas-microsoft-com:office:excel/);
    expectSameGrid(grid, readHtmlTable(html, { fileName: "ds.xls" }), { visibility: false, expectValue: collapsed });
  });

  it("gives the same units, staff and findings as the .xlsx", async () => {
    const grid = readXlsx(await wb.communeSheetsTcvn3Workbook());
    const a = validateWorkbook(grid, { asOf: "2024-12-31" }).report;
    const b = validateWorkbook(readHtmlTable(gridToHtml(grid, { variant: "webPage" })), { asOf: "2024-12-31" }).report;
    expect(b.units).toEqual(a.units);
    expect(b.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell ?? f.column}`)).toEqual(a.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell ?? f.column}`));
  });
});

describe("readHtmlTable: a tableToExcel export (text as shown, no styles)", () => {
  it("reads the district list's people, units and staff as the .xlsx gives them", async () => {
    const grid = readXlsx(await wb.districtListWorkbook({ count: 40 }));
    const html = gridToHtml(grid, { variant: "tableToExcel", firstSheetOnly: true });
    const read = readHtmlTable(html, { fileName: "Thongkecanbochongchucpx.xls" });
    expect(read.sheets.map((s) => s.name)).toEqual(["DS CBCC"]);
    expect(read.sheets[0].merges.length).toBe(grid.sheets[0].merges.length);
    const a = validateWorkbook(grid, { asOf: "2024-12-31" }).report;
    const b = validateWorkbook(read, { asOf: "2024-12-31" }).report;
    expect(b.units).toEqual(a.units);
    expect(b.totals?.records).toBe(a.totals?.records);
    // ID numbers stay text with their leading zeros (nothing is turned into a number without x:num).
    expect(b.findings.filter((f) => f.rule === "data.invalidIdNumber")).toEqual([]);
  });

  it("decodes TCVN3 text by its characters when the page names no font (capitals of .VnTimeH come out in lower case)", async () => {
    const grid = readXlsx(await wb.communeSheetsTcvn3Workbook());
    const read = readHtmlTable(gridToHtml(grid, { variant: "tableToExcel" }));
    const report = validateWorkbook(read, { asOf: "2024-12-31" }).report;
    const fromXlsx = validateWorkbook(grid, { asOf: "2024-12-31" }).report;
    // The export keeps no font, so text typed for .VnTimeH ("UBND XÃ QUẢNG LỢI") is read as the lower-case letters it is coded with.
    expect(report.units.map((u) => comparisonKey(u.name))).toEqual(fromXlsx.units.map((u) => comparisonKey(u.name)));
    expect(report.units.map((u) => u.staff)).toEqual(fromXlsx.units.map((u) => u.staff));
    expect(report.findings.some((f) => f.rule === "data.legacyEncoding")).toBe(true);
  });

  it("reads the fixtures of the sniffing tests", () => {
    const plain = readHtmlTable(wb.htmlNamedXls(), { fileName: "x.xls" });
    expect(plain.sheets[0].name).toBe("Thongkecanbochongchucpx");
    expect(plain.sheets[0].values).toEqual([["STT", "Họ và tên"], ["1", "Nguyễn Văn Hùng"]]);
    const web = readHtmlTable(wb.htmlNamedXls({ variant: "webPage", utf16: true }));
    expect(cellFontName(web, web.sheets[0], 1, 1)).toBe(".VnTimeH");
    expect(new SheetCells(web, web.sheets[0]).text(1, 1)).toBe("DANH SÁCH");
  });
});

describe("readHtmlTable: HTML as browsers read it", () => {
  it("places cells after row and column spans, and turns spans into merged areas", () => {
    const html = `<table>
      <tr><td rowspan=2>STT</td><td rowspan="2">Họ và tên</td><td colspan='2'>Ngày sinh</td><td rowspan=2>Chức vụ</td></tr>
      <tr><td>Nam</td><td>Nữ</td></tr>
      <tr><td>1<td>Nguyễn Văn An<td>01/01/1980<td><td>Chủ tịch UBND</tr>
    </table>`;
    const s = readHtmlTable(utf8(html)).sheets[0];
    expect(s.values[0]).toEqual(["STT", "Họ và tên", "Ngày sinh", undefined, "Chức vụ"]);
    expect(s.values[1]).toEqual([undefined, undefined, "Nam", "Nữ"]);
    expect(s.values[2]).toEqual(["1", "Nguyễn Văn An", "01/01/1980", undefined, "Chủ tịch UBND"]);
    expect(s.merges).toEqual([
      { top: 1, left: 1, bottom: 2, right: 1 },
      { top: 1, left: 2, bottom: 2, right: 2 },
      { top: 1, left: 3, bottom: 1, right: 4 },
      { top: 1, left: 5, bottom: 2, right: 5 },
    ]);
  });

  it("reads text: entities, collapsed white space, line breaks, nested tables, comments", () => {
    const html = `<html><body><!-- <table><tr><td>not this</td></tr></table> --><table>
      <tr><th>Ghi&nbsp;chú</th><th>Tr&#432;&#7901;ng &amp; x</th><th>Ch&agrave;o   b&#x1EA1;n</th></tr>
      <tr><td>Dòng 1<br>Dòng 2</td><td><p>Một</p><p>Hai</p></td><td><table><tr><td>trong</td><td>bảng</td></tr></table></td></tr>
    </table></body></html>`;
    const s = readHtmlTable(utf8(html)).sheets[0];
    expect(s.values[0]).toEqual(["Ghi\u00a0chú", "Trường & x", "Chào bạn"]);
    expect(s.values[1]).toEqual(["Dòng 1\nDòng 2", "Một\nHai", "trong bảng"]);
    expect(readHtmlTable(utf8(html)).sheets).toHaveLength(1);
  });

  it("reads Excel's attributes and styles: x:num, x:str, x:fmla, classes with mso-style-parent, inline fonts, hidden rows and columns", () => {
    const html = `<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><style>
      .style0 {font-family:"Times New Roman"; mso-number-format:General;}
      td {mso-style-parent:style0; font-family:"Times New Roman";}
      .xl65 {mso-style-parent:style0; mso-number-format:"dd\\/mm\\/yyyy";}
      .xl66 {mso-style-parent:style0; font-family:"\\.VnTime", serif;}
      .hide {display:none}
    </style></head><body><table>
      <col width=64><col span=2 style='display:none'><col>
      <tr><td class=xl66>Hä vµ tªn</td><td>B</td><td>C</td><td x:num="1234.5">1.234,5</td></tr>
      <tr class=hide><td class=xl65 x:num="31274">15/08/1985</td><td x:str="'0123">0123</td><td x:fmla="=SUM(D1:D1)" x:num>1234.5</td><td><font face=".VnTime">NguyÔn</font></td></tr>
    </table></body></html>`;
    const grid = readHtmlTable(utf8(html));
    const s = grid.sheets[0];
    expect(s.values[0]).toEqual(["Hä vµ tªn", "B", "C", 1234.5]);
    expect(s.values[1]).toEqual([31274, "'0123", 1234.5, "NguyÔn"]);
    expect(cellFontName(grid, s, 1, 1)).toBe(".VnTime");
    expect(cellFontName(grid, s, 1, 2)).toBe("Times New Roman");
    expect(cellStyle(grid, s, 2, 1).numberFormat).toBe("dd/mm/yyyy");
    expect(cellFontName(grid, s, 2, 4)).toBe(".VnTime");
    expect(s.formulas?.[1]?.[2]).toBe("SUM(D1:D1)");
    expect(s.hiddenRows).toEqual([2]);
    expect(s.hiddenColumns).toEqual([2, 3]);
    const cells = new SheetCells(grid, s);
    expect(cells.text(1, 1)).toBe("Họ và tên");
    expect(cells.text(2, 4)).toBe("Nguyễn");
  });

  it("decodes the page's charset: Windows-1252 with references, Windows-1258, UTF-16 with a BOM", () => {
    const cp1252 = new Uint8Array([...utf8('<meta charset="windows-1252"><table><tr><td>'), 0x48, 0xe4, 0x20, 0x76, 0xb5, 0x20, 0x74, 0xaa, 0x6e, ...utf8(" &#7879;</td></tr></table>")]);
    expect(readHtmlTable(cp1252).sheets[0].values[0]).toEqual(["Hä vµ tªn ệ"]);
    // Windows-1258: "Vi" + ê (0xEA) + combining dot below (0xF2) + "t"
    const cp1258 = new Uint8Array([...utf8('<meta http-equiv=Content-Type content="text/html; charset=windows-1258"><table><tr><td>Vi'), 0xea, 0xf2, 0x74, ...utf8("</td></tr></table>")]);
    expect((readHtmlTable(cp1258).sheets[0].values[0]?.[0] as string).normalize("NFC")).toBe("Việt");
    const text = "<table><tr><td>Quảng Lợi</td></tr></table>";
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + 2 * i);
    expect(readHtmlTable(utf16).sheets[0].values[0]).toEqual(["Quảng Lợi"]);
  });

  it("names sheets from Excel's worksheet list, else the title, and keeps them unique", () => {
    const two = `<title>Danh sách</title><table><tr><td>a</td></tr></table><table><tr><td>b</td></tr></table>`;
    expect(readHtmlTable(utf8(two)).sheets.map((s) => s.name)).toEqual(["Sheet1", "Sheet2"]);
    expect(readHtmlTable(utf8(`<title>DS: xã/phường</title><table><tr><td>a</td></tr></table>`)).sheets[0].name).toBe("DS  xã phường");
    const named = `<x:ExcelWorksheet><x:Name>DS</x:Name></x:ExcelWorksheet><x:ExcelWorksheet><x:Name>DS</x:Name></x:ExcelWorksheet><table><tr><td>a</td></tr></table><table><tr><td>b</td></tr></table>`;
    expect(readHtmlTable(utf8(named)).sheets.map((s) => s.name)).toEqual(["DS", "DS (2)"]);
  });
});

describe("readHtmlTable: pages that cannot be read", () => {
  const cases: [string, string, string, RegExp][] = [
    ["no table at all", "<html><body><p>Danh sách cán bộ</p></body></html>", "file.noTable", /không có bảng/],
    ["a page cut short inside its table", "<html><body><table><tr><td>1</td><td>Nguyễn Văn A</td></tr><tr><td>2</td><td>Trần", "file.truncatedText", /cắt cụt/],
    ["an empty table", "<table><tr><td> </td></tr></table>", "file.emptyWorkbook", /không có dữ liệu/],
  ];
  it.each(cases)("%s", (_name, html, code, pattern) => {
    const e = engineErrorOf(() => readHtmlTable(utf8(html), { fileName: "bang.xls" }));
    expect(e.code).toBe(code);
    expect(formatEngineError(e)).toMatch(pattern);
    expect(formatEngineError(e)).toContain("bang.xls");
  });

  it("reads damaged markup in linear time: unclosed tags, quotes, comments and style blocks", () => {
    const junk = "<html><table><tr><td>" + '<a title="x'.repeat(40000) + "<!--".repeat(40000) + "<style>".repeat(20000) + "<td>z";
    const t0 = performance.now();
    const e = engineErrorOf(() => readHtmlTable(utf8(junk), { fileName: "rac.xls" }));
    expect(e.code).toBe("file.truncatedText");
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it("readWorkbookBytes sends HTML to this reader, whatever the name", () => {
    const { format, grid } = readWorkbookBytes(wb.htmlNamedXls(), { fileName: "a.xlsx" });
    expect(format).toBe("html");
    expect(grid.sheets[0].values[1]?.[1] as CellValue).toBe("Nguyễn Văn Hùng");
  });
});
