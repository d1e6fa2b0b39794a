/**
 * The file adapter on realistic roster workbooks (test/support/workbooks.ts) and on hand-written
 * packages for the OOXML corners ExcelJS does not produce.
 */
import { strToU8 } from "fflate";
import { isEngineError } from "../../src/core/errors";
import { cellFontName, cellStyle, cellValue, type CellRange, type SheetGrid, type WorkbookGrid } from "../../src/core/grid";
import { encodeTcvn3, encodeVni } from "../../src/core/text/legacy";
import { readXlsx } from "../../src/file/readXlsx";
import {
  birthDateValue,
  categoryListsFixture,
  CATEGORY_SHEETS,
  communeSheetsTcvn3Fixture,
  displayPosition,
  districtListFixture,
  excelSerial,
  largeRosterFixture,
  messyListFixture,
  minimalXlsxParts,
  ONE_HOT_COLUMNS,
  oneHotLeaves,
  oneHotMatrixFixture,
  quotaFixture,
  QUOTA_HEADERS,
  vniFixture,
  zipParts,
  type Fixture,
  type FixtureQuirk,
} from "../support/workbooks";

function read(f: Fixture | Uint8Array, fileName = "ds.xlsx"): WorkbookGrid {
  return readXlsx(f instanceof Uint8Array ? f : f.bytes, { fileName });
}
function sheetOf(grid: WorkbookGrid, name: string): SheetGrid {
  const s = grid.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}; have ${grid.sheets.map((x) => x.name).join(", ")}`);
  return s;
}
function quirksOf(f: Fixture, kind: string): FixtureQuirk[] {
  return f.quirks.filter((q) => q.kind === kind);
}
function hasMerge(sheet: SheetGrid, m: CellRange): boolean {
  return sheet.merges.some((x) => x.top === m.top && x.left === m.left && x.bottom === m.bottom && x.right === m.right);
}
function formulaAt(sheet: SheetGrid, r: number, c: number): string | undefined {
  return sheet.formulas?.[r - 1]?.[c - 1];
}

describe("layout a: district list (DS CBCC)", () => {
  let f: Fixture;
  let grid: WorkbookGrid;
  let s: SheetGrid;
  beforeAll(async () => {
    f = await districtListFixture({ withQuota: true, hiddenSheets: true });
    grid = read(f);
    s = grid.sheets[0];
  });

  it("keeps tab order and sheet visibility", () => {
    expect(grid.sheets.map((x) => x.name)).toEqual(["DS CBCC", "Định biên", "DM", "Cấu hình"]);
    expect(grid.sheets.map((x) => x.visibility)).toEqual([undefined, undefined, "hidden", "veryHidden"]);
    expect(grid.date1904).toBe(false);
  });

  it("reads the title block and the header band at their rows", () => {
    expect(cellValue(s, 1, 1)).toBe("UBND HUYỆN ĐẦM HÀ");
    expect(cellValue(s, 1, 6)).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(cellValue(s, 2, 1)).toBe("PHÒNG NỘI VỤ");
    expect(cellValue(s, 2, 6)).toBe("Độc lập - Tự do - Hạnh phúc");
    expect(cellValue(s, 3, 1)).toBeUndefined();
    expect(cellValue(s, 4, 1)).toBe("DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ NĂM 2024");
    expect(cellValue(s, 7, 1)).toBe("STT");
    expect(cellValue(s, 7, 3)).toBe("Ngày, tháng,\nnăm sinh");
    expect(cellValue(s, 8, 3)).toBe("Nam");
    expect(cellValue(s, 8, 4)).toBe("Nữ");
    expect(cellValue(s, 7, 7)).toBe("Trình độ");
    expect([8, 9, 10].map((c) => cellValue(s, 8, c))).toEqual(["Chuyên môn", "LLCT", "QLNN"]);
    expect(s.values[8]?.slice(0, 12)).toEqual(Array.from({ length: 12 }, (_v, i) => `(${i + 1})`));
  });

  it("reports merges as 1-based rectangles", () => {
    for (const m of [
      { top: 1, left: 1, bottom: 1, right: 4 },
      { top: 1, left: 6, bottom: 1, right: 12 },
      { top: 4, left: 1, bottom: 4, right: 12 },
      { top: 7, left: 1, bottom: 8, right: 1 },
      { top: 7, left: 3, bottom: 7, right: 4 },
      { top: 7, left: 7, bottom: 7, right: 10 },
    ]) expect(hasMerge(s, m)).toBe(true);
    for (const sec of f.sheets[0].sectionRows) expect(hasMerge(s, { top: sec.row, left: 2, bottom: sec.row, right: 12 })).toBe(true);
    for (const t of f.sheets[0].totalRows) expect(hasMerge(s, { top: t, left: 1, bottom: t, right: 2 })).toBe(true);
    // Only the top-left cell of a merge holds a value.
    expect(cellValue(s, 7, 4)).toBeUndefined();
    expect(cellValue(s, 8, 1)).toBeUndefined();
  });

  it("reads every person row: name, birth date in the Nam or Nữ column, text columns", () => {
    const textDates = new Set(quirksOf(f, "textDate").map((q) => q.row));
    for (const { row, person } of f.sheets[0].personRows) {
      const p = f.people[person];
      expect(cellValue(s, row, 2)).toBe(p.fullName);
      const dateCol = p.gender === "Nam" ? 3 : 4;
      const other = p.gender === "Nam" ? 4 : 3;
      if (textDates.has(row)) {
        expect(cellValue(s, row, dateCol)).toBe(p.birthDate);
        expect(cellStyle(grid, s, row, dateCol).numberFormat).toBeUndefined();
      } else {
        expect(cellValue(s, row, dateCol)).toBe(excelSerial(birthDateValue(p)));
        expect(cellStyle(grid, s, row, dateCol).numberFormat).toBe("dd/mm/yyyy");
      }
      expect(cellValue(s, row, other)).toBeUndefined();
      expect(cellValue(s, row, 6)).toBe(displayPosition(p));
      expect(cellValue(s, row, 8)).toBe(p.professional || undefined);
      expect(cellValue(s, row, 11)).toBe(p.idNumber); // text: the leading zero stays
      expect(cellFontName(grid, s, row, 2)).toBe("Times New Roman");
    }
  });

  it("maps the built-in short date (numFmtId 14) to a day-first date format", () => {
    const q = quirksOf(f, "builtinDateFormat");
    expect(q.length).toBeGreaterThan(0);
    for (const x of q) expect(cellStyle(grid, s, x.row, x.col).numberFormat).toBe("dd/mm/yyyy");
  });

  it("reads section rows, total formulas with their cached results, and the footer", () => {
    const layout = f.sheets[0];
    layout.sectionRows.forEach((sec, i) => {
      expect(cellValue(s, sec.row, 1)).toBe(["I", "II", "III"][i]);
      expect(cellValue(s, sec.row, 2)).toBe(sec.label);
    });
    const first = layout.sectionRows[0].row + 1;
    const total = layout.totalRows[0];
    const unitPeople = f.people.filter((p) => p.unit === layout.sectionRows[0].label);
    expect(cellValue(s, total, 1)).toBe(`Cộng: ${unitPeople.length} người`);
    expect(formulaAt(s, total, 3)).toBe(`COUNTA(C${first}:C${total - 1})`);
    expect(cellValue(s, total, 3)).toBe(unitPeople.filter((p) => p.gender === "Nam").length);
    expect(cellValue(s, total, 4)).toBe(unitPeople.filter((p) => p.gender === "Nữ").length);
    const grand = layout.totalRows[layout.totalRows.length - 1];
    expect(cellValue(s, grand, 1)).toBe("Tổng cộng");
    expect(formulaAt(s, grand, 3)).toBe(layout.totalRows.slice(0, -1).map((t) => `C${t}`).join("+"));
    expect(cellValue(s, grand, 3)).toBe(f.people.filter((p) => p.gender === "Nam").length);
    const [dateLine, signers, sign, names] = layout.footerRows;
    expect(cellValue(s, dateLine, 8)).toBe("Đầm Hà, ngày 15 tháng 11 năm 2024");
    expect(cellValue(s, signers, 1)).toBe("NGƯỜI LẬP BIỂU");
    expect(cellValue(s, signers, 8)).toBe("TRƯỞNG PHÒNG");
    expect(cellValue(s, sign, 1)).toBe("(Ký, ghi rõ họ tên)");
    expect(cellValue(s, names, 8)).toBe("Hoàng Văn Khoa");
    expect(s.rowCount).toBe(names);
    expect(s.columnCount).toBe(12);
    expect(s.formulas?.[first - 1]).toBeUndefined();
  });

  it("reads the quota sheet appended to the roster", () => {
    const q = sheetOf(grid, "Định biên");
    expect(f.quotas?.length).toBe(3);
    f.quotas!.forEach((quota, i) => {
      expect(cellValue(q, 6 + i, 2)).toBe(quota.code);
      expect(cellValue(q, 6 + i, 3)).toBe(quota.unit);
      expect(cellValue(q, 6 + i, 7)).toBe(quota.cbccProvince);
    });
  });

  it("reads the hidden lists sheet", () => {
    const dm = sheetOf(grid, "DM");
    expect(cellValue(dm, 1, 1)).toBe("Dân tộc");
    expect(cellValue(dm, 2, 1)).toBe("Kinh");
    expect(cellValue(dm, 5, 1)).toBe("Sán Chỉ");
  });

  it("has no hidden rows or columns and no run fonts", () => {
    expect(s.hiddenRows).toEqual([]);
    expect(s.hiddenColumns).toEqual([]);
    expect(s.runFonts).toBeUndefined();
  });
});

describe("layout b: one sheet per commune in TCVN3", () => {
  let f: Fixture;
  let grid: WorkbookGrid;
  beforeAll(async () => {
    f = await communeSheetsTcvn3Fixture();
    grid = read(f);
  });

  it("keeps sheet names (ASCII and Unicode) in tab order", () => {
    expect(grid.sheets.map((s) => s.name)).toEqual(["Quang Loi", "Thị trấn Đầm Hà", "Dam Ha"]);
  });

  it("gives the Latin-1 code points of TCVN3 text unchanged, with the .VnTime / .VnTimeH font of each cell", () => {
    const s = grid.sheets[0];
    expect(cellValue(s, 1, 1)).toBe(encodeTcvn3("ubnd huyện đầm hà"));
    expect(cellFontName(grid, s, 1, 1)).toBe(".VnTimeH");
    expect(cellValue(s, 2, 6)).toBe("§éc lËp - Tù do - H¹nh phóc");
    expect(cellFontName(grid, s, 2, 6)).toBe(".VnTime");
    expect(cellValue(s, 6, 2)).toBe("hä vµ tªn");
    expect(cellFontName(grid, s, 6, 2)).toBe(".VnTimeH");
    expect(cellValue(s, 7, 9)).toBe(encodeTcvn3("Lý luận chính trị"));
    expect(s.values[7]?.slice(0, 11)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(f.sheets[0].sectionRows.map((x) => cellValue(s, x.row, 1))).toEqual(f.sheets[0].sectionRows.map((x) => encodeTcvn3(x.label.toLowerCase())));
  });

  it("keeps ư as U+00AD (soft hyphen) instead of stripping it", () => {
    const s = grid.sheets[0];
    const total = f.sheets[0].totalRows[0];
    const text = cellValue(s, total, 1);
    expect(text).toBe(`Tæng sè: ${f.sheets[0].personRows.length} ng\u00ADêi`);
  });

  it("reads each person's name and fields in TCVN3", () => {
    const special = new Set(f.quirks.filter((q) => q.col === 2).map((q) => `${q.sheet}:${q.row}`));
    f.sheets.forEach((layout) => {
      const s = sheetOf(grid, layout.name);
      for (const { row, person } of layout.personRows) {
        const p = f.people[person];
        if (!special.has(`${layout.name}:${row}`)) {
          expect(cellValue(s, row, 2)).toBe(encodeTcvn3(p.fullName));
          expect(cellFontName(grid, s, row, 2)).toBe(".VnTime");
        }
        expect(cellValue(s, row, 4)).toBe(p.gender === "Nam" ? "Nam" : "N÷");
        expect(cellValue(s, row, 6)).toBe(encodeTcvn3(displayPosition(p)));
        if (p.category === "KCT thôn") expect(cellValue(s, row, 3)).toBe(p.birthDate);
        else expect(cellValue(s, row, 3)).toBe(excelSerial(birthDateValue(p)));
      }
    });
  });

  it("reports the rich-text run font where it differs from the cell style", () => {
    const [q] = quirksOf(f, "richTextRunFont");
    const s = sheetOf(grid, q.sheet);
    expect(cellValue(s, q.row, q.col)).toBe(q.raw);
    expect(cellStyle(grid, s, q.row, q.col).fontName).toBe("Times New Roman");
    expect(s.runFonts?.[`${q.row},${q.col}`]).toBe(".VnTime");
    expect(cellFontName(grid, s, q.row, q.col)).toBe(".VnTime");
  });

  it("keeps a Unicode cell typed in Times New Roman inside a TCVN3 sheet", () => {
    const [q] = quirksOf(f, "unicodeCellInLegacySheet");
    const s = sheetOf(grid, q.sheet);
    expect(cellValue(s, q.row, q.col)).toBe("Kiêm nhiệm Chủ tịch Hội Khuyến học");
    expect(cellFontName(grid, s, q.row, q.col)).toBe("Times New Roman");
  });

  it("reads a name in .VnTimeH (lowercase codes)", () => {
    const [q] = quirksOf(f, "upperCaseFontName");
    const s = sheetOf(grid, q.sheet);
    expect(cellValue(s, q.row, q.col)).toBe(encodeTcvn3(f.people[q.person!].fullName.toLowerCase()));
    expect(cellFontName(grid, s, q.row, q.col)).toBe(".VnTimeH");
  });
});

describe("layout c: one-hot matrix (Mẫu 02/CL.CBCCX)", () => {
  let f: Fixture;
  let grid: WorkbookGrid;
  let s: SheetGrid;
  beforeAll(async () => {
    f = await oneHotMatrixFixture({ doubleMark: true, mark: "mixed" });
    grid = read(f);
    s = grid.sheets[0];
  });

  it("reads three header rows with their merges", () => {
    const col = f.sheets[0].columns;
    const cm = col["Trình độ chuyên môn/Chưa qua ĐT"];
    expect(cellValue(s, 7, cm)).toBe("Trình độ chuyên môn");
    expect(hasMerge(s, { top: 7, left: cm, bottom: 7, right: cm + 5 })).toBe(true);
    expect(cellValue(s, 8, col["Trình độ chuyên môn/ĐH"])).toBe("ĐH");
    expect(hasMerge(s, { top: 8, left: col["Trình độ chuyên môn/ĐH"], bottom: 9, right: col["Trình độ chuyên môn/ĐH"] })).toBe(true);
    const sub = col["Chia theo độ tuổi/Từ 51 đến 60/Tổng số"];
    expect(cellValue(s, 8, sub)).toBe("Từ 51 đến 60");
    expect(hasMerge(s, { top: 8, left: sub, bottom: 8, right: sub + 2 })).toBe(true);
    expect([0, 1, 2].map((k) => cellValue(s, 9, sub + k))).toEqual(["Tổng số", "Nữ từ 51 đến 55", "Nam từ 56 đến 60"]);
    expect(hasMerge(s, { top: 7, left: 1, bottom: 9, right: 1 })).toBe(true);
    expect(cellValue(s, 10, 1)).toBe("A");
    expect(cellValue(s, 10, 3)).toBe(1);
    expect(s.columnCount).toBe(ONE_HOT_COLUMNS.length);
  });

  it("reads exactly the marks of each person, as x, 1 or X", () => {
    const col = f.sheets[0].columns;
    const markKeys = ONE_HOT_COLUMNS.filter((c) => c.group && c.group !== "Ngày, tháng, năm sinh").map((c) => c.key).concat("Đảng viên");
    const extra = quirksOf(f, "twoMarksInGroup");
    expect(extra).toHaveLength(1);
    for (const { row, person } of f.sheets[0].personRows) {
      const expected = new Set(oneHotLeaves(f.people[person]));
      const marked = markKeys.filter((k) => cellValue(s, row, col[k]) !== undefined);
      const extras = extra.filter((q) => q.row === row).map((q) => ONE_HOT_COLUMNS[q.col - 1].key);
      expect(new Set(marked)).toEqual(new Set([...expected, ...extras]));
      const mark = (["x", 1, "X"] as const)[row % 3];
      for (const k of marked) expect(cellValue(s, row, col[k])).toBe(mark);
    }
  });

  it("reads SUM formulas with the cached results Excel computed (text marks count 0)", () => {
    const tr = f.sheets[0].totalRows[0];
    const col = f.sheets[0].columns["Đảng viên"];
    const rows = f.sheets[0].personRows.map((p) => p.row);
    expect(formulaAt(s, tr, col)).toBe(`SUM(E${rows[0]}:E${rows[rows.length - 1]})`);
    const ones = rows.filter((r) => cellValue(s, r, col) === 1).length;
    expect(cellValue(s, tr, col)).toBe(ones);
    const nam = f.sheets[0].columns["Ngày, tháng, năm sinh/Nam"];
    expect(formulaAt(s, tr, nam)).toBe(`COUNTA(C${rows[0]}:C${rows[rows.length - 1]})`);
    expect(cellValue(s, tr, nam)).toBe(f.people.filter((p) => p.gender === "Nam").length);
  });

  it("with mark x and COUNTA totals, the cached totals are the counts", async () => {
    const g = await oneHotMatrixFixture({ mark: "x", totalFunction: "COUNTA", count: 8 });
    const sheet = read(g).sheets[0];
    const tr = g.sheets[0].totalRows[0];
    const col = g.sheets[0].columns["Đảng viên"];
    expect(cellValue(sheet, tr, col)).toBe(g.people.filter((p) => p.partyMember).length);
    expect(cellValue(sheet, g.sheets[0].personRows[0].row, g.sheets[0].columns["Trình độ văn hoá/THPT"]) ?? "x").toBe("x");
  });
});

describe("layout d: messy list", () => {
  let f: Fixture;
  let grid: WorkbookGrid;
  let s: SheetGrid;
  beforeAll(async () => {
    f = await messyListFixture({ date1904: true });
    grid = read(f);
    s = grid.sheets[0];
  });

  it("reads the 1904 flag and 1904-based serials", () => {
    expect(grid.date1904).toBe(true);
    const dates = quirksOf(f, "date:date");
    expect(dates.length).toBeGreaterThan(0);
    for (const q of dates) {
      const p = f.people[q.person!];
      expect(cellValue(s, q.row, 3)).toBe(excelSerial(birthDateValue(p), true));
      expect(cellStyle(grid, s, q.row, 3).numberFormat).toBe("dd/mm/yyyy");
    }
    for (const q of quirksOf(f, "date:serialGeneral")) {
      expect(cellValue(s, q.row, 3)).toBe(q.raw);
      expect(cellStyle(grid, s, q.row, 3).numberFormat).toBeUndefined();
    }
  });

  it("gives text dates, partial dates and an impossible date exactly as typed", () => {
    for (const kind of ["date:d/m/yy", "date:dd.mm.yyyy", "date:mm/yyyy", "date:yyyy", "date:dd/mm/yyyy", "date:yearNumber", "impossibleDate"]) {
      const qs = quirksOf(f, kind);
      expect(qs.length).toBeGreaterThan(0);
      for (const q of qs) expect(cellValue(s, q.row, 3)).toBe(q.raw);
    }
    expect(cellValue(s, quirksOf(f, "impossibleDate")[0].row, 3)).toBe("31/02/1980");
  });

  it("does not normalize text: NFD, upper case, double spaces and NBSP stay", () => {
    const [nfd] = quirksOf(f, "nfdName");
    const v = cellValue(s, nfd.row, 2) as string;
    expect(v).toBe(f.people[nfd.person!].fullName.normalize("NFD"));
    expect(v).not.toBe(v.normalize("NFC"));
    const [sp] = quirksOf(f, "spacesInName");
    expect(cellValue(s, sp.row, 2)).toBe(sp.raw);
    expect(String(cellValue(s, sp.row, 2))).toMatch(/ {2}.*\u00a0.* $/);
    const [up] = quirksOf(f, "upperCaseName");
    expect(cellValue(s, up.row, 2)).toBe(f.people[up.person!].fullName.toUpperCase());
    for (const q of quirksOf(f, "unitVariant")) expect(cellValue(s, q.row, 5)).toBe(q.raw);
    expect(quirksOf(f, "unitVariant").map((q) => q.raw)).toContain("xã Tân Bình");
  });

  it("reports the hidden column and the hidden row", () => {
    expect(s.hiddenColumns).toEqual([7]);
    const [h] = quirksOf(f, "hiddenRow");
    expect(s.hiddenRows).toEqual([h.row]);
    expect(cellValue(s, h.row, 2)).toBe(f.people[h.person!].fullName);
    expect(cellValue(s, 3, 7)).toBe("Mã cũ"); // hidden, but read
  });

  it("leaves blank rows empty", () => {
    const blanks = f.sheets[0].blankRows;
    expect(blanks.length).toBe(3);
    for (const r of blanks) expect(s.values[r - 1]).toBeUndefined();
  });

  it("reads formulas with cached numbers and cached errors", () => {
    const rows = f.sheets[0].personRows.map((p) => p.row);
    expect(cellValue(s, rows[0], 1)).toBe(1);
    expect(formulaAt(s, rows[0], 1)).toBeUndefined();
    expect(formulaAt(s, rows[1], 1)).toBe(`A${rows[0]}+1`);
    expect(cellValue(s, rows[1], 1)).toBe(2);
    const errors = quirksOf(f, "formulaError");
    expect(errors.length).toBeGreaterThan(0);
    for (const q of errors) {
      expect(cellValue(s, q.row, 14)).toBe("#VALUE!");
      expect(formulaAt(s, q.row, 14)).toBe(`2024-YEAR(C${q.row})`);
    }
    const [yearNumber] = quirksOf(f, "date:yearNumber");
    expect(cellValue(s, yearNumber.row, 14)).toBe(2024 - 1909); // YEAR() of serial 1985 in the 1904 system
  });

  it("keeps a CCCD typed as text and one typed as a number", () => {
    const [asNumber] = quirksOf(f, "idNumberAsNumber");
    expect(cellValue(s, asNumber.row, 13)).toBe(asNumber.raw);
    expect(typeof asNumber.raw).toBe("number");
    const other = f.sheets[0].personRows.find((p) => p.row !== asNumber.row && f.people[p.person].idNumber);
    expect(cellValue(s, other!.row, 13)).toBe(f.people[other!.person].idNumber);
    expect(cellStyle(grid, s, other!.row, 13).numberFormat).toBe("@");
  });

  it("has the nameless row and the duplicate", () => {
    const [nameless] = quirksOf(f, "noName");
    expect(cellValue(s, nameless.row, 2)).toBeUndefined();
    expect(cellValue(s, nameless.row, 6)).toBeDefined();
    const [dup] = quirksOf(f, "duplicatePerson");
    expect(cellValue(s, dup.row, 2)).toBe(f.people[2].fullName);
  });

  it("in the 1900 system the same dates are 1462 days later", async () => {
    const g = await messyListFixture();
    const grid1900 = read(g);
    expect(grid1900.date1904).toBe(false);
    const q = quirksOf(g, "date:date")[0];
    expect(cellValue(grid1900.sheets[0], q.row, 3)).toBe((cellValue(s, q.row, 3) as number) + 1462);
  });
});

describe("layout e: VNI-Windows", () => {
  let f: Fixture;
  let grid: WorkbookGrid;
  let s: SheetGrid;
  beforeAll(async () => {
    f = await vniFixture();
    grid = read(f);
    s = grid.sheets[0];
  });

  it("gives VNI text unchanged with the VNI fonts", () => {
    expect(s.name).toBe("Danh sach");
    expect(cellValue(s, 1, 6)).toBe(encodeVni("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    expect(cellFontName(grid, s, 1, 6)).toBe("VNI-Helve");
    expect(cellValue(s, 7, 4)).toBe("Nöõ");
    for (const { row, person } of f.sheets[0].personRows.slice(2)) {
      expect(cellValue(s, row, 2)).toBe(encodeVni(f.people[person].fullName));
      expect(cellFontName(grid, s, row, 2)).toBe("VNI-Times");
      expect(cellValue(s, row, 6)).toBe(encodeVni(f.people[person].unit));
    }
    expect(cellValue(s, f.sheets[0].totalRows[0], 1)).toBe(`Toång coäng: ${f.people.length} ngöôøi`);
  });

  it("reports the VNI run font of rich text in an Arial cell, and a Unicode cell", () => {
    const [rich] = quirksOf(f, "richTextRunFont");
    expect(s.runFonts).toEqual({ [`${rich.row},${rich.col}`]: "VNI-Times" });
    expect(cellStyle(grid, s, rich.row, rich.col).fontName).toBe("Arial");
    const [uni] = quirksOf(f, "unicodeCellInLegacySheet");
    expect(cellValue(s, uni.row, uni.col)).toBe(uni.raw);
    expect(cellFontName(grid, s, uni.row, uni.col)).toBe("Times New Roman");
  });
});

describe("layouts f and g: quota sheet and one sheet per category", () => {
  it("reads the quota headers (with line breaks), codes as text and SUM totals", async () => {
    const f = await quotaFixture({ headerVariant: 0 });
    const s = read(f).sheets[0];
    expect(s.name).toBe("Định biên");
    expect(s.values[3]?.slice(0, 11)).toEqual([...QUOTA_HEADERS[0]]);
    expect(f.quotas?.map((q) => q.unit)).toContain("Thị trấn Đầm Hà");
    expect(f.quotas?.map((q) => q.unit)).toContain("Xã Đầm Hà");
    f.quotas!.forEach((q, i) => {
      expect(cellValue(s, 6 + i, 2)).toBe(q.code);
      expect(cellValue(s, 6 + i, 4)).toBe(q.unitClass);
      expect(cellValue(s, 6 + i, 5)).toBe(q.mountainous ? "x" : undefined);
      expect(cellValue(s, 6 + i, 11)).toBe(q.villageKctNorm);
    });
    const tr = f.sheets[0].totalRows[0];
    expect(formulaAt(s, tr, 7)).toBe(`SUM(G6:G${tr - 1})`);
    expect(cellValue(s, tr, 7)).toBe(f.quotas!.reduce((a, q) => a + q.cbccProvince, 0));
    const v1 = read(await quotaFixture({ headerVariant: 1 })).sheets[0];
    expect(cellValue(v1, 4, 3)).toBe("Xã, thị trấn");
  });

  it("reads one sheet per category with its own title, then the hidden sheets", async () => {
    const f = await categoryListsFixture({ hiddenSheets: true });
    const grid = read(f);
    expect(grid.sheets.map((s) => s.name)).toEqual([...CATEGORY_SHEETS.map((c) => c.sheet), "DM", "Cấu hình"]);
    expect(grid.sheets.map((s) => s.visibility ?? "visible")).toEqual(["visible", "visible", "visible", "visible", "hidden", "veryHidden"]);
    CATEGORY_SHEETS.forEach((cat, i) => {
      const s = grid.sheets[i];
      expect(cellValue(s, 4, 1)).toBe(cat.title);
      const layout = f.sheets[i];
      expect(layout.personRows.length).toBe(f.people.filter((p) => p.category === cat.category).length);
      for (const { row, person } of layout.personRows) {
        const p = f.people[person];
        expect(cellValue(s, row, layout.columns.fullName)).toBe(p.fullName);
        expect(cellValue(s, row, layout.columns.birthDate)).toBe(excelSerial(birthDateValue(p)));
        expect(cellValue(s, row, layout.columns.unit)).toBe(p.unit);
        if (cat.category === "KCT thôn") expect(cellValue(s, row, layout.columns.village)).toBe(p.village);
      }
    });
    expect(cellValue(grid.sheets[3], 4, 1)).toBe("DANH SÁCH NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH Ở THÔN");
  });
});

describe("layout h: large roster written as XML", () => {
  it("reads like the ExcelJS district list", async () => {
    const f = await largeRosterFixture(1500);
    const grid = read(f);
    const s = grid.sheets[0];
    const layout = f.sheets[0];
    expect(s.name).toBe("DS CBCC");
    expect(cellValue(s, 7, 3)).toBe("Ngày, tháng,\nnăm sinh");
    expect(hasMerge(s, { top: 7, left: 3, bottom: 7, right: 4 })).toBe(true);
    expect(layout.personRows).toHaveLength(1500);
    const text = new Set(quirksOf(f, "textDate").map((q) => q.row));
    for (const { row, person } of layout.personRows) {
      const p = f.people[person];
      expect(cellValue(s, row, 2)).toBe(p.fullName);
      const dc = p.gender === "Nam" ? 3 : 4;
      expect(cellValue(s, row, dc)).toBe(text.has(row) ? p.birthDate : excelSerial(birthDateValue(p)));
    }
    for (const q of quirksOf(f, "builtinDateFormat")) expect(cellStyle(grid, s, q.row, q.col).numberFormat).toBe("dd/mm/yyyy");
    const grand = layout.totalRows[layout.totalRows.length - 1];
    expect(cellValue(s, grand, 3)).toBe(f.people.filter((p) => p.gender === "Nam").length);
    expect(s.rowCount).toBe(layout.footerRows[layout.footerRows.length - 1]);
  });
});

describe("reading never changes the input", () => {
  it.each([
    ["district", () => districtListFixture({ count: 12, withQuota: true })],
    ["tcvn3", () => communeSheetsTcvn3Fixture({ count: 12 })],
    ["one-hot", () => oneHotMatrixFixture({ count: 8 })],
    ["messy", () => messyListFixture({ date1904: true })],
    ["vni", () => vniFixture({ count: 6 })],
    ["large", () => largeRosterFixture(300)],
  ])("%s", async (_name, make) => {
    const f = await make();
    const copy = f.bytes.slice();
    read(f);
    read(f);
    expect(Buffer.from(f.bytes).equals(Buffer.from(copy))).toBe(true);
  });
});

describe("OOXML corners (hand-written packages)", () => {
  const xlsx = (o: Parameters<typeof minimalXlsxParts>[0], edit?: (parts: Record<string, string | Uint8Array>) => void): Uint8Array => {
    const parts: Record<string, string | Uint8Array> = minimalXlsxParts(o);
    edit?.(parts);
    return zipParts(parts);
  };

  it("reads inline strings, booleans, errors, ISO dates and string results", () => {
    const grid = read(
      xlsx({
        sheetData:
          '<row r="1"><c r="A1" t="inlineStr"><is><t>Nguyễn Văn Hùng</t></is></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><v>#N/A</v></c><c r="D1" t="d"><v>1985-08-15T00:00:00</v></c>' +
          '<c r="E1" t="str"><f>B1&amp;" "</f><v xml:space="preserve"> a </v></c><c r="F1" t="inlineStr"><is><r><t>Trần </t></r><r><rPr><b/></rPr><t>Thị</t></r></is></c></row>',
      }),
    );
    const s = grid.sheets[0];
    expect(s.values[0]).toEqual(["Nguyễn Văn Hùng", true, "#N/A", "1985-08-15T00:00:00", " a ", "Trần Thị"]);
    expect(formulaAt(s, 1, 5)).toBe('B1&" "');
  });

  it("does not let an empty self-closing <t/> swallow the next run", () => {
    const grid = read(
      xlsx({
        sharedStrings: '<si><r><t xml:space="preserve"/></r><r><t>Hường</t></r></si><si><t/></si><si><r><t>a</t></r><r><t xml:space="preserve"/></r><r><t>b</t></r></si>',
        sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>',
      }),
    );
    expect(grid.sheets[0].values[0]).toEqual(["Hường", undefined, "ab"]);
  });

  it("decodes entities and _xHHHH_ escapes, keeps an escaped literal", () => {
    const grid = read(
      xlsx({
        sharedStrings: "<si><t>Dòng 1_x000D__x000A_Dòng 2</t></si><si><t>_x005F_x0041_ &amp; &lt;&#7871;&gt;</t></si><si><t>H&#x1B0;&#7901;ng</t></si>",
        sheetData: '<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="s"><v>2</v></c></row>',
      }),
    );
    const s = grid.sheets[0];
    expect(cellValue(s, 2, 2)).toBe("Dòng 1\r\nDòng 2");
    expect(cellValue(s, 2, 3)).toBe("_x0041_ & <ế>");
    expect(cellValue(s, 2, 4)).toBe("Hường");
    expect(s.values[0]).toBeUndefined();
  });

  it("reads a package written with a namespace prefix (x:)", () => {
    const grid = read(
      xlsx({
        prefix: "x",
        sharedStrings: ["Họ và tên", "Lê Thị Lan"],
        sheetData: '<x:row r="3"><x:c r="A3" t="s"><x:v>0</x:v></x:c></x:row><x:row r="4"><x:c r="A4" t="s"><x:v>1</x:v></x:c><x:c r="B4"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row>',
      }),
    );
    const s = grid.sheets[0];
    expect(cellValue(s, 3, 1)).toBe("Họ và tên");
    expect(cellValue(s, 4, 1)).toBe("Lê Thị Lan");
    expect(cellValue(s, 4, 2)).toBe(2);
    expect(formulaAt(s, 4, 2)).toBe("1+1");
  });

  it("numbers rows and cells that have no r attribute", () => {
    const grid = read(xlsx({ sheetData: "<row><c><v>1</v></c><c><v>2</v></c></row><row><c/><c><v>4</v></c></row><row r=\"5\"><c><v>5</v></c><c r=\"D5\"><v>6</v></c><c><v>7</v></c></row>" }));
    const s = grid.sheets[0];
    expect(s.values[0]).toEqual([1, 2]);
    expect(s.values[1]).toEqual([undefined, 4]);
    expect(s.values[4]).toEqual([5, undefined, undefined, 6, 7]);
    expect(s.rowCount).toBe(5);
    expect(s.columnCount).toBe(5);
  });

  it("keeps shared-formula children with their cached values", () => {
    const grid = read(
      xlsx({ sheetData: '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row><row r="2"><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>' }),
    );
    const s = grid.sheets[0];
    expect(formulaAt(s, 1, 2)).toBe("A1*2");
    expect(formulaAt(s, 2, 2)).toBe("");
    expect(cellValue(s, 2, 2)).toBe(4);
  });

  it("reads hidden column ranges and hidden rows without cells", () => {
    const sheetXml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="2" max="4" width="0" hidden="1"/><col min="6" max="6" hidden="true"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2" hidden="1"/><row r="3" hidden="true"><c r="A3"><v>3</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A5:C6"/></mergeCells></worksheet>`;
    const grid = read(xlsx({ sheets: [{ name: "S", xml: sheetXml }] }));
    const s = grid.sheets[0];
    expect(s.hiddenColumns).toEqual([2, 3, 4, 6]);
    expect(s.hiddenRows).toEqual([2, 3]);
    expect(s.merges).toEqual([{ top: 5, left: 1, bottom: 6, right: 3 }]);
  });

  it("takes the font of the first run with visible text", () => {
    const grid = read(
      xlsx({
        sharedStrings:
          '<si><r><rPr><rFont val="Arial"/></rPr><t xml:space="preserve"> </t></r><r><rPr><sz val="13"/><rFont val=".VnTime"/></rPr><t>NguyÔn</t></r></si>' +
          '<si><r><t>Plain first </t></r><r><rPr><rFont val=".VnTime"/></rPr><t>then</t></r></si>' +
          '<si><r><rPr><rFont val="VNI-Times"/></rPr><t>Nguyeãn</t></r><r><rPr><rFont val="Arial"/></rPr><t> x</t></r></si>',
        sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s" s="2"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>',
      }),
    );
    const s = grid.sheets[0];
    expect(s.runFonts).toEqual({ "1,1": ".VnTime", "1,3": "VNI-Times" });
    expect(cellFontName(grid, s, 1, 2)).toBe(".VnTime"); // from the cell style (xf 2), not from the second run
    expect(cellValue(s, 1, 1)).toBe(" NguyÔn");
  });

  it("reads number formats: built-in 14, custom codes, General", () => {
    const grid = read(
      xlsx({
        styles:
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="[$-42A]dd\\.mm\\.yyyy"/></numFmts><fonts count="2"><font><name val="Calibri"/></font><font><b/><sz val="12"/></font></fonts><cellXfs count="5"><xf numFmtId="0" fontId="0"/><xf numFmtId="14" fontId="0"/><xf numFmtId="164" fontId="1"/><xf numFmtId="165"/><xf numFmtId="49" fontId="0"/></cellXfs></styleSheet>',
        sheetData: '<row r="1"><c r="A1" s="1"><v>31274</v></c><c r="B1" s="2"><v>31274</v></c><c r="C1" s="3"><v>31274</v></c><c r="D1" s="4"><v>1</v></c><c r="E1"><v>31274</v></c></row>',
      }),
    );
    const s = grid.sheets[0];
    expect([1, 2, 3, 4, 5].map((c) => cellStyle(grid, s, 1, c).numberFormat)).toEqual(["dd/mm/yyyy", "dd/mm/yyyy;@", "[$-42A]dd\\.mm\\.yyyy", "@", undefined]);
    expect(cellStyle(grid, s, 1, 2).fontName).toBeUndefined();
    expect(cellStyle(grid, s, 1, 1).fontName).toBe("Calibri");
  });

  it("reads the 1904 flag written as true", () => {
    const grid = read(xlsx({ sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' }, (p) => (p["xl/workbook.xml"] = String(p["xl/workbook.xml"]).replace("<workbookPr/>", '<workbookPr date1904="true"/>'))));
    expect(grid.date1904).toBe(true);
  });

  it("finds parts whatever their case, with absolute targets, and without _rels/.rels", () => {
    const base = { sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', sharedStrings: ["Xã Quảng Lợi"] };
    const mixedCase = xlsx(base, (p) => {
      p["xl/worksheets/Sheet1.xml"] = p["xl/worksheets/sheet1.xml"];
      delete p["xl/worksheets/sheet1.xml"];
      p["xl/SharedStrings.xml"] = p["xl/sharedStrings.xml"];
      delete p["xl/sharedStrings.xml"];
    });
    expect(cellValue(read(mixedCase).sheets[0], 1, 1)).toBe("Xã Quảng Lợi");
    const absolute = xlsx(base, (p) => (p["xl/_rels/workbook.xml.rels"] = String(p["xl/_rels/workbook.xml.rels"]).replace('Target="worksheets/sheet1.xml"', 'Target="/xl/worksheets/sheet1.xml"')));
    expect(cellValue(read(absolute).sheets[0], 1, 1)).toBe("Xã Quảng Lợi");
    const noRootRels = xlsx(base, (p) => delete p["_rels/.rels"]);
    expect(cellValue(read(noRootRels).sheets[0], 1, 1)).toBe("Xã Quảng Lợi");
  });

  it("skips chart sheets, and reports a sheet without a relationship as damaged", () => {
    const withChart = xlsx({ sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' }, (p) => {
      p["xl/workbook.xml"] = String(p["xl/workbook.xml"]).replace("</sheets>", '<sheet name="Biểu đồ" sheetId="9" r:id="rIdC"/></sheets>');
      p["xl/_rels/workbook.xml.rels"] = String(p["xl/_rels/workbook.xml.rels"]).replace(
        "</Relationships>",
        '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
      );
    });
    expect(read(withChart).sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    const dangling = xlsx({ sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' }, (p) => {
      p["xl/workbook.xml"] = String(p["xl/workbook.xml"]).replace("</sheets>", '<sheet name="Mất" sheetId="9" r:id="rIdX"/></sheets>');
    });
    let err: unknown;
    try {
      read(dangling, "hong.xlsx");
    } catch (e) {
      err = e;
    }
    expect(isEngineError(err) && err.code).toBe("file.corruptPart");
    const missingPart = xlsx({ sheetData: "" }, (p) => delete p["xl/worksheets/sheet1.xml"]);
    expect(() => read(missingPart)).toThrow(expect.objectContaining({ code: "file.corruptPart" }));
  });

  it("does not inflate pictures: a damaged image does not stop reading", () => {
    const image = new Uint8Array(4000).map((_v, i) => (i * 7919) % 251);
    const bytes = zipParts({ ...minimalXlsxParts({ sheetData: '<row r="1"><c r="A1"><v>7</v></c></row>' }), "xl/media/image1.png": image });
    // Overwrite the picture's compressed data with an invalid deflate block.
    const name = strToU8("xl/media/image1.png");
    let at = -1;
    for (let i = 0; i < bytes.length - 4 && at < 0; i++) {
      if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 3 && bytes[i + 3] === 4 && name.every((b, k) => bytes[i + 30 + k] === b)) at = i;
    }
    expect(at).toBeGreaterThanOrEqual(0);
    const dataStart = at + 30 + (bytes[at + 26] | (bytes[at + 27] << 8)) + (bytes[at + 28] | (bytes[at + 29] << 8));
    bytes.fill(0xff, dataStart, dataStart + 16);
    expect(cellValue(read(bytes).sheets[0], 1, 1)).toBe(7);
  });
});

describe("the fixtures themselves", () => {
  it("are deterministic to the byte", async () => {
    expect(Buffer.from(await messyListFixture({ date1904: true }).then((f) => f.bytes)).equals(Buffer.from((await messyListFixture({ date1904: true })).bytes))).toBe(true);
    expect(Buffer.from((await largeRosterFixture(200)).bytes).equals(Buffer.from((await largeRosterFixture(200)).bytes))).toBe(true);
  });

  it("hold plausible people", async () => {
    const { people } = await districtListFixture({ count: 60, seed: 7 });
    for (const p of people) {
      expect(p.fullName).toBe(p.fullName.normalize("NFC"));
      expect(p.fullName.split(" ").length).toBeGreaterThanOrEqual(3);
      expect(p.birthDate).toMatch(/^(0[1-9]|[12]\d)\/(0[1-9]|1[0-2])\/(19[5-9]\d)$/);
      if (p.idNumber) expect(p.idNumber).toMatch(/^022[0-3]\d{8}$/);
      if (p.position.includes("Phụ nữ")) expect(p.gender).toBe("Nữ");
      if (p.category === "KCT thôn") expect(p.village).toBeDefined();
    }
    expect(new Set(people.map((p) => p.category))).toEqual(new Set(["Cán bộ", "Công chức", "KCT cấp xã", "KCT thôn"]));
    expect(new Set(people.map((p) => p.unit)).size).toBe(5);
  });
});
