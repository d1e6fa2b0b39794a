/**
 * Excel 2003 XML (SpreadsheetML) saved as .xls: every layout written in code reads back as the
 * same grid, and hand-written files for the format's own rules (ss:Index, merges, DateTime,
 * style parents, rich data, prefixes, hidden sheets), and the files that cannot be read.
 */
import { validateWorkbook } from "../../src/core/engine";
import { cellFontName, cellStyle } from "../../src/core/grid";
import { formatEngineError } from "../../src/core/messages";
import { SheetCells } from "../../src/core/reader/cells";
import { readSpreadsheetMl } from "../../src/file/readSpreadsheetMl";
import { readWorkbookBytes } from "../../src/file/readWorkbook";
import { readXlsx } from "../../src/file/readXlsx";
import { expectSameGrid } from "../support/gridCompare";
import { gridToSpreadsheetMl } from "../support/legacyFormats";
import * as wb from "../support/workbooks";
import { engineErrorOf } from "../support/engineError";

const utf8 = (s: string) => new TextEncoder().encode(s);
const NS = `xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40"`;
const book = (inner: string, styles = "") => utf8(`<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook ${NS}>${styles ? `<Styles>${styles}</Styles>` : ""}${inner}</Workbook>\n`);


describe("readSpreadsheetMl: every layout written as Excel 2003 XML reads back as the same grid", () => {
  const layouts: [string, () => Promise<Uint8Array>][] = [
    ["a. district list with a quota sheet and hidden sheets", () => wb.districtListWorkbook({ count: 40, withQuota: true, hiddenSheets: true })],
    ["b. TCVN3 (.VnTime, .VnTimeH)", () => wb.communeSheetsTcvn3Workbook()],
    ["c. one-hot matrix", () => wb.oneHotMatrixWorkbook()],
    ["d. messy list", () => wb.messyListWorkbook()],
    ["d. messy list, 1904 date system", () => wb.messyListWorkbook({ date1904: true })],
    ["e. VNI-Times", () => wb.vniWorkbook()],
    ["g. one sheet per category", () => wb.categoryListsWorkbook()],
  ];
  it.each(layouts)("%s", async (_name, make) => {
    const grid = readXlsx(await make());
    expectSameGrid(grid, readSpreadsheetMl(gridToSpreadsheetMl(grid), { fileName: "VPP.xls" }));
  });

  it("gives the same report as the .xlsx", async () => {
    const grid = readXlsx(await wb.communeSheetsTcvn3Workbook());
    const a = validateWorkbook(grid, { asOf: "2024-12-31" }).report;
    const b = validateWorkbook(readSpreadsheetMl(gridToSpreadsheetMl(grid)), { asOf: "2024-12-31" }).report;
    expect(b.units).toEqual(a.units);
    expect(b.findings).toEqual(a.findings);
  });
});

describe("readSpreadsheetMl: the format's rules", () => {
  const styles = `<Style ss:ID="Default" ss:Name="Normal"><Font ss:FontName="Times New Roman"/></Style>
    <Style ss:ID="sVn" ss:Parent="Default"><Font ss:FontName=".VnTime" ss:Size="13"/></Style>
    <Style ss:ID="sVnDate" ss:Parent="sVn"><NumberFormat ss:Format="Short Date"/></Style>
    <Style ss:ID="sHead"><Font ss:FontName=".VnTimeH"/></Style>`;

  it("places rows and cells by ss:Index and after ss:MergeAcross, and makes merged areas", () => {
    const xml = book(`<Worksheet ss:Name="DS"><Table>
      <Row><Cell ss:MergeAcross="2"><Data ss:Type="String">Tiêu đề</Data></Cell><Cell><Data ss:Type="String">D</Data></Cell></Row>
      <Row ss:Index="3"><Cell ss:MergeDown="1"><Data ss:Type="String">STT</Data></Cell><Cell ss:Index="3"><Data ss:Type="Number">7</Data></Cell></Row>
      <Row><Cell ss:Index="2"><Data ss:Type="Boolean">1</Data></Cell><Cell><Data ss:Type="Error">#N/A</Data></Cell></Row>
    </Table></Worksheet>`);
    const s = readSpreadsheetMl(xml).sheets[0];
    expect(s.values[0]).toEqual(["Tiêu đề", undefined, undefined, "D"]);
    expect(s.values[1]).toBeUndefined();
    expect(s.values[2]).toEqual(["STT", undefined, 7]);
    expect(s.values[3]).toEqual([undefined, true, "#N/A"]);
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }, { top: 3, left: 1, bottom: 4, right: 1 }]);
  });

  it("reads DateTime as a date serial with a date format, in the 1900 and the 1904 systems", () => {
    const inner = `<Worksheet ss:Name="DS"><Table><Row><Cell><Data ss:Type="DateTime">1985-08-15T00:00:00.000</Data></Cell><Cell ss:StyleID="sVnDate"><Data ss:Type="DateTime">1975-02-16T00:00:00.000</Data></Cell></Row></Table></Worksheet>`;
    const g = readSpreadsheetMl(book(inner, styles));
    const s = g.sheets[0];
    expect(s.values[0]).toEqual([31274, 27441]);
    expect(cellStyle(g, s, 1, 1).numberFormat).toBe("dd/mm/yyyy");
    expect(cellStyle(g, s, 1, 2).numberFormat).toBe("dd/mm/yyyy");
    expect(cellFontName(g, s, 1, 2)).toBe(".VnTime"); // from its parent style
    const g1904 = readSpreadsheetMl(utf8(`<?xml version="1.0"?><Workbook ${NS}><ExcelWorkbook xmlns="urn:schemas-microsoft-com:office:excel"><Date1904/></ExcelWorkbook>${inner}</Workbook>`));
    expect(g1904.date1904).toBe(true);
    expect(g1904.sheets[0].values[0]).toEqual([31274 - 1462, 27441 - 1462]);
  });

  it("takes fonts from styles (with parents), rows and columns, and rich data's runs, so TCVN3 is decoded", () => {
    const inner = `<Worksheet ss:Name="DS"><Table><Column ss:Index="3" ss:StyleID="sVn"/>
      <Row ss:StyleID="sHead"><Cell><Data ss:Type="String">Danh s¸ch</Data></Cell></Row>
      <Row><Cell ss:StyleID="sVn"><Data ss:Type="String">Hä vµ tªn</Data></Cell>
        <Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>Nguyễn </B><Font html:Face=".VnTime">ThÞ H\u00adêng</Font></ss:Data><Comment><ss:Data>ghi chú</ss:Data></Comment></Cell>
        <Cell><Data ss:Type="String">Tr\u00adëng th«n</Data></Cell></Row>
    </Table></Worksheet>`;
    const g = readSpreadsheetMl(book(inner, styles));
    const s = g.sheets[0];
    expect(cellFontName(g, s, 1, 1)).toBe(".VnTimeH");
    expect(cellFontName(g, s, 2, 1)).toBe(".VnTime");
    expect(cellFontName(g, s, 2, 2)).toBe("Times New Roman");
    expect(s.values[1]?.[1]).toBe("Nguyễn ThÞ H\u00adêng");
    expect(cellFontName(g, s, 2, 3)).toBe(".VnTime"); // the column's style
    const cells = new SheetCells(g, s);
    expect(cells.text(1, 1)).toBe("DANH SÁCH");
    expect(cells.text(2, 1)).toBe("Họ và tên");
    expect(cells.text(2, 3)).toBe("Trưởng thôn");
  });

  it("reads prefixed elements, line breaks, formulas, hidden rows, columns and sheets", () => {
    const xml = utf8(`<?xml version="1.0" encoding="UTF-8"?><ss:Workbook ${NS}><ss:Worksheet ss:Name="A"><ss:Table>
      <ss:Column ss:Index="2" ss:Hidden="1" ss:Span="1"/>
      <ss:Row ss:Hidden="1"><ss:Cell ss:Formula="=R[1]C+1"><ss:Data ss:Type="Number">3</ss:Data></ss:Cell><ss:Cell><ss:Data ss:Type="String">Dòng 1&#10;Dòng 2 &amp; x</ss:Data></ss:Cell></ss:Row>
    </ss:Table><x:WorksheetOptions><x:Visible>SheetHidden</x:Visible></x:WorksheetOptions></ss:Worksheet>
    <ss:Worksheet ss:Name="B"><ss:Table><ss:Row><ss:Cell><ss:Data ss:Type="String">b</ss:Data></ss:Cell></ss:Row></ss:Table></ss:Worksheet></ss:Workbook>`);
    const g = readSpreadsheetMl(xml);
    const [a, b] = g.sheets;
    expect(a.values[0]).toEqual([3, "Dòng 1\nDòng 2 & x"]);
    expect(a.formulas?.[0]?.[0]).toBe("R[1]C+1");
    expect(a.hiddenRows).toEqual([1]);
    expect(a.hiddenColumns).toEqual([2, 3]);
    expect(a.visibility).toBe("hidden");
    expect(b.visibility).toBeUndefined();
  });

  it("reads the sniffing tests' fixture", () => {
    const g = readSpreadsheetMl(wb.spreadsheetMl2003());
    expect(g.sheets[0].name).toBe("VPP");
    expect(g.sheets[0].values).toEqual([["STT", "Họ và tên"], [1, "Nguyễn Văn Hùng"]]);
    expect(readWorkbookBytes(wb.spreadsheetMl2003(), { fileName: "VPP.xls" }).format).toBe("spreadsheetMl2003");
  });
});

describe("readSpreadsheetMl: files that cannot be read", () => {
  const full = new TextDecoder().decode(wb.spreadsheetMl2003());
  const cases: [string, Uint8Array, string, RegExp][] = [
    ["a file cut short", utf8(full.slice(0, Math.floor(full.length * 0.7))), "file.truncatedText", /cắt cụt/],
    ["no worksheet", book(""), "file.badXml2003", /XML 2003/],
    ["only empty worksheets", book(`<Worksheet ss:Name="A"><Table/></Worksheet>`), "file.emptyWorkbook", /không có dữ liệu/],
  ];
  it.each(cases)("%s", (_name, bytes, code, pattern) => {
    const e = engineErrorOf(() => readSpreadsheetMl(bytes, { fileName: "VPP.xls" }));
    expect(e.code).toBe(code);
    const line = formatEngineError(e);
    expect(line).toMatch(pattern);
    expect(line).toContain("VPP.xls");
    expect(line).not.toMatch(/[\r\n]/);
  });
});
