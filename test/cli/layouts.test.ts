/**
 * The reader end to end on realistic workbooks of each layout offices keep (built in code by
 * test/support/workbooks.ts): `validate --json -` through the CLI, and the records behind it.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readXlsx } from "../../src/file/readXlsx";
import { validateWorkbook } from "../../src/core/engine";
import type { Report, StaffCounts } from "../../src/core/report/types";
import { comparisonKey } from "../../src/core/text/keys";
import { runCliCaptured } from "../support/cliRun";
import { expectValidReport } from "../support/reportSchema";
import * as wb from "../support/workbooks";

const dir = mkdtempSync(join(tmpdir(), "hoso-layouts-"));
const CATEGORY: Record<wb.PersonCategory, keyof StaffCounts> = { "Cán bộ": "cadre", "Công chức": "civilServant", "KCT cấp xã": "nonSpecializedCommune", "KCT thôn": "nonSpecializedVillage" };
const LEFT = new Set(["Đã nghỉ hưu", "Đã nghỉ việc", "Chuyển công tác"]);

function runOn(name: string, fx: wb.Fixture): { report: Report; reading: ReturnType<typeof validateWorkbook>["reading"] } {
  const path = join(dir, name);
  writeFileSync(path, fx.bytes);
  const out = runCliCaptured(["validate", path, "--as-of", "2024-12-31", "--json", "-"]);
  expect(out.stderr).toBe("");
  expect([0, 1]).toContain(out.code);
  const report = JSON.parse(out.stdout) as Report;
  expectValidReport(report);
  const { reading } = validateWorkbook(readXlsx(fx.bytes), { asOf: "2024-12-31" });
  return { report, reading };
}

/** Staff per unit name (without its kind) from the fixture's people. */
function expectedStaff(people: wb.FixturePerson[]): Map<string, StaffCounts> {
  const m = new Map<string, StaffCounts>();
  for (const p of people) {
    const key = comparisonKey(p.unit);
    const s = m.get(key) ?? { cadre: 0, civilServant: 0, nonSpecializedCommune: 0, nonSpecializedVillage: 0 };
    if (!p.status || !LEFT.has(p.status)) s[CATEGORY[p.category]]++;
    m.set(key, s);
  }
  return m;
}

function staffByUnit(report: Report): Map<string, StaffCounts> {
  return new Map(report.units.map((u) => [comparisonKey(`${u.kind ?? ""} ${u.name}`), u.staff]));
}

function expectSheetsAsBuilt(report: Report, fx: wb.Fixture): void {
  for (const s of fx.sheets.filter((x) => x.personRows.length > 0 && x.columns.fullName !== undefined)) {
    const got = report.sheets.find((x) => x.name === s.name)!;
    expect({ name: s.name, role: got.role, headerRows: got.headerRows, indexRow: got.indexRow, records: got.records }).toEqual({
      name: s.name,
      role: "roster",
      headerRows: s.headerRows,
      indexRow: s.indexRow,
      records: s.personRows.length,
    });
    expect(got.firstDataRow).toBe(s.personRows[0].row);
    expect(got.lastDataRow).toBe(s.personRows[s.personRows.length - 1].row);
  }
}

describe("a combined district list (merged two-row header, index row, sections, totals, footer)", () => {
  let fx: wb.Fixture;
  let report: Report;
  let reading: ReturnType<typeof runOn>["reading"];
  beforeAll(async () => {
    fx = await wb.districtListFixture({ withQuota: true });
    ({ report, reading } = runOn("district.xlsx", fx));
  });

  it("finds the header, index and data rows of each sheet", () => expectSheetsAsBuilt(report, fx));

  it("reads one record per person row, at the rows the fixture wrote them", () => {
    const rows = fx.sheets[0].personRows.map((p) => p.row);
    expect(reading.records.filter((r) => r.sheet === fx.sheets[0].name).map((r) => r.row)).toEqual(rows);
    const names = fx.sheets[0].personRows.map((p) => fx.people[p.person].fullName);
    expect(reading.records.filter((r) => r.sheet === fx.sheets[0].name).map((r) => r.fullName)).toEqual(names);
  });

  it("counts staff per unit and category as the people were made", () => {
    expect(staffByUnit(report)).toEqual(expectedStaff(fx.people));
  });

  it("takes quotas, classes, codes and villages from the quota sheet", () => {
    for (const q of fx.quotas!) {
      const u = report.units.find((x) => x.code === q.code)!;
      expect(u).toBeDefined();
      expect(u.communeClass).toBe(q.unitClass);
      expect(u.villages).toBe(q.villages);
      expect(u.quota?.cadreAndCivilServant).toMatchObject({ province: q.cbccProvince, district: q.cbccDistrict });
      expect(u.quota?.nonSpecializedCommune).toMatchObject({ province: q.kctProvince, district: q.kctDistrict });
    }
  });

  it("reads birth dates and gender from the Nam / Nữ columns, text or date", () => {
    for (const pr of fx.sheets[0].personRows) {
      const rec = reading.records.find((r) => r.sheet === fx.sheets[0].name && r.row === pr.row)!;
      const p = fx.people[pr.person];
      const [d, m, y] = p.birthDate.split("/").map(Number);
      expect({ row: pr.row, birth: rec.birthDate, gender: rec.gender }).toEqual({ row: pr.row, birth: { year: y, month: m, day: d, precision: "day" }, gender: p.gender === "Nam" ? "male" : "female" });
    }
  });
});

describe("one sheet per commune in TCVN3 (.VnTime / .VnTimeH)", () => {
  let fx: wb.Fixture;
  let report: Report;
  let reading: ReturnType<typeof runOn>["reading"];
  beforeAll(async () => {
    fx = await wb.communeSheetsTcvn3Fixture();
    ({ report, reading } = runOn("tcvn3.xlsx", fx));
  });

  it("finds each sheet's table", () => expectSheetsAsBuilt(report, fx));

  it("decodes every name to Unicode", () => {
    // A name written in .VnTimeH shows in capitals, as Excel draws it.
    const expected = fx.sheets.flatMap((s) => s.personRows.map((p) => comparisonKey(fx.people[p.person].fullName)));
    expect(reading.records.map((r) => comparisonKey(r.fullName!))).toEqual(expected);
    const upper = fx.quirks.find((q) => q.kind === "upperCaseFontName")!;
    const rec = reading.records.find((r) => r.sheet === upper.sheet && r.row === upper.row)!;
    expect(rec.fullName).toBe(fx.people[upper.person!].fullName.toUpperCase());
  });

  it("counts staff per commune from category sections and titles", () => {
    expect(staffByUnit(report)).toEqual(expectedStaff(fx.people));
  });

  it("tells the legacy encoding once per column", () => {
    const legacy = report.findings.filter((f) => f.rule === "data.legacyEncoding");
    expect(legacy.length).toBeGreaterThan(0);
    for (const f of legacy) {
      expect(f.row).toBeUndefined();
      expect(f.count).toBeGreaterThan(0);
      expect(f.severity).toBe("info");
    }
  });
});

describe("a one-hot matrix (Mẫu 02/CL.CBCCX)", () => {
  it("reads levels from the marks and flags two marks in one group", async () => {
    const fx = await wb.oneHotMatrixFixture({ mark: "mixed", doubleMark: true });
    const { report, reading } = runOn("onehot.xlsx", fx);
    expectSheetsAsBuilt(report, fx);
    const quirk = fx.quirks.find((q) => q.kind === "twoMarksInGroup")!;
    expect(report.findings.some((f) => f.rule === "data.conflictingMarks" && f.row === quirk.row)).toBe(true);
    expect(Array.isArray(report.sheets[0].columns?.professionalLevel)).toBe(true);
    const withLevel = reading.records.filter((r) => r.professionalLevel !== undefined).length;
    expect(withLevel).toBe(reading.records.length);
  });
});

describe("a messy hand-made list", () => {
  let fx: wb.Fixture;
  let report: Report;
  let reading: ReturnType<typeof runOn>["reading"];
  beforeAll(async () => {
    fx = await wb.messyListFixture();
    ({ report, reading } = runOn("messy.xlsx", fx));
  });

  it("reads every person row, the nameless one included", () => {
    const sheet = fx.sheets[0];
    expect(report.sheets[0].records).toBe(sheet.personRows.length + 1);
  });

  it("matches NFD, upper-case and badly spaced names to clean NFC text", () => {
    for (const kind of ["nfdName", "upperCaseName", "spacesInName"]) {
      const q = fx.quirks.find((x) => x.kind === kind)!;
      const rec = reading.records.find((r) => r.row === q.row)!;
      expect(comparisonKey(rec.fullName!)).toBe(comparisonKey(fx.people[q.person!].fullName));
      expect(rec.fullName).toBe(rec.fullName!.normalize("NFC"));
      expect(rec.fullName).not.toMatch(/\s\s|\u00a0|\s$/);
    }
  });

  it("puts every unit variant ('xã Tân Bình', 'XÃ TÂN BÌNH', 'X. Tân Bình', 'Tân Bình') in one unit, and reports a bare name that fits two units", () => {
    // "Đầm Hà" alone fits both thị trấn Đầm Hà and xã Đầm Hà: reported, not counted.
    const ambiguousRows = new Set(fx.quirks.filter((q) => q.kind === "unitVariant" && q.raw === "Đầm Hà").map((q) => q.row));
    expect(ambiguousRows.size).toBeGreaterThan(0);
    expect(report.findings.filter((f) => f.rule === "data.ambiguousUnit").map((f) => f.row)).toEqual([...ambiguousRows]);
    // Staff counts persons: the duplicate row of person 2 in the same unit is not counted again.
    const dupRow = fx.quirks.find((q) => q.kind === "duplicatePerson")!.row;
    const counted = fx.sheets[0].personRows.filter((p) => !ambiguousRows.has(p.row) && p.row !== dupRow).map((p) => fx.people[p.person]);
    // The messy list has no status column: the person on the hidden row still counts (hiding a row says nothing).
    const expected = expectedStaff(counted.map((p) => ({ ...p, status: undefined })));
    // The nameless row is a person too (its post says which category).
    const nameless = reading.records.find((r) => r.row === fx.quirks.find((q) => q.kind === "noName")!.row)!;
    expected.get(comparisonKey("xã tân bình"))![nameless.category!]++;
    expect(staffByUnit(report)).toEqual(expected);
  });

  it("flags the impossible date, the nameless row and the duplicate on their cells", () => {
    const impossible = fx.quirks.find((q) => q.kind === "impossibleDate" || q.raw === "31/02/1980")!;
    expect(report.findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: "data.invalidDate", severity: "error", row: impossible.row, column: "C" })]));
    const noName = fx.quirks.find((q) => q.kind === "noName")!;
    expect(report.findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: "data.missingName", severity: "error", row: noName.row })]));
    const dup = fx.quirks.find((q) => q.kind === "duplicatePerson")!;
    expect(report.findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: "data.duplicatePerson", severity: "warning", row: dup.row })]));
  });

  it("reads the hidden row like any other", () => {
    const hidden = fx.quirks.find((q) => q.kind === "hiddenRow")!;
    const rec = reading.records.find((r) => r.row === hidden.row)!;
    expect(rec.fullName).toBe(fx.people[hidden.person!].fullName);
  });

  it("reads the same dates in the 1904 date system", async () => {
    const fx1904 = await wb.messyListFixture({ date1904: true });
    const r1904 = runOn("messy1904.xlsx", fx1904).reading;
    expect(r1904.records.map((r) => r.birthDate)).toEqual(reading.records.map((r) => r.birthDate));
  });
});

describe("a VNI-Windows roster", () => {
  it("decodes names and reads units from the unit column", async () => {
    const fx = await wb.vniFixture();
    const { report, reading } = runOn("vni.xlsx", fx);
    expectSheetsAsBuilt(report, fx);
    expect(reading.records.map((r) => r.fullName)).toEqual(fx.sheets[0].personRows.map((p) => fx.people[p.person].fullName));
    expect(staffByUnit(report)).toEqual(expectedStaff(fx.people));
  });
});

describe("separate lists per category", () => {
  it("takes each sheet's category from its title and sums the units across sheets", async () => {
    const fx = await wb.categoryListsFixture();
    const { report } = runOn("categories.xlsx", fx);
    expectSheetsAsBuilt(report, fx);
    expect(staffByUnit(report)).toEqual(expectedStaff(fx.people));
  });
});

describe("a quota workbook with varied headers", () => {
  it.each([0, 1] as const)("reads header variant %d", async (headerVariant) => {
    const fx = await wb.quotaFixture({ headerVariant });
    const { report } = runOn(`quota${headerVariant}.xlsx`, fx);
    expect(report.sheets[0].role).toBe("quota");
    for (const q of fx.quotas!) {
      const u = report.units.find((x) => x.code === q.code)!;
      expect({ code: q.code, cls: u?.communeClass, quota: u?.quota }).toMatchObject({
        code: q.code,
        cls: q.unitClass,
        quota: {
          cadreAndCivilServant: { province: q.cbccProvince, district: q.cbccDistrict },
          nonSpecializedCommune: { province: q.kctProvince, district: q.kctDistrict },
          nonSpecializedVillage: { province: q.villageKctNorm },
        },
      });
    }
  });
});

describe("bad inputs through the CLI", () => {
  it.each([
    ["truncated.xlsx", () => wb.truncatedZip(), /hỏng hoặc chưa tải/],
    ["csv.xlsx", () => wb.csvNamedXlsx(), /văn bản/],
    ["locked.xlsx", () => wb.encryptedLike(), /mật khẩu/],
    ["old.xls", () => wb.legacyBiffLike(), /97-2003.*bị hỏng/],
    ["ds-95.xls", () => wb.legacyBiffLike({ stream: "Book" }), /Excel 5\.0\/95/],
    ["web-no-table.xls", () => new TextEncoder().encode("<html><body><p>Danh sách</p></body></html>"), /không có bảng/],
    ["empty.xlsx", () => wb.emptyWorkbook(), /không có dữ liệu/],
    ["doc.xlsx", () => wb.docxLikeZip(), /không phải sổ tính/],
    ["zero.xlsx", () => wb.zeroBytes(), /rỗng/],
  ] as [string, () => Uint8Array | Promise<Uint8Array>, RegExp][])("%s exits 2 with one line", async (name, make, pattern) => {
    const path = join(dir, name);
    writeFileSync(path, await make());
    const out = runCliCaptured(["validate", path, "--json", "-"]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr.trim().split("\n")).toHaveLength(1);
    expect(out.stderr).toMatch(pattern);
    expect(out.stderr).toContain(name);
  });
});

describe("the .xls forms offices receive are read (issue 11), by content", () => {
  it.each([
    ["table.xls", () => wb.htmlNamedXls({ variant: "tableToExcel" })],
    ["xml2003.xls", () => wb.spreadsheetMl2003()],
  ] as [string, () => Uint8Array][])("%s gives a report with its person", (name, make) => {
    const path = join(dir, name);
    writeFileSync(path, make());
    const out = runCliCaptured(["validate", path, "--as-of", "2024-12-31", "--json", "-"]);
    expect(out.stderr).toBe("");
    const report = JSON.parse(out.stdout) as Report;
    expectValidReport(report);
    expect(report.sheets[0].role).toBe("roster");
    expect(report.totals?.records).toBe(1);
  });

  it("refuses --out for an .xls (only an .xlsx can be marked), before writing anything", () => {
    const path = join(dir, "mark-me.xls");
    writeFileSync(path, wb.spreadsheetMl2003());
    const out = runCliCaptured(["validate", path, "--out", join(dir, "never-marked.xlsx")]);
    expect(out.code).toBe(2);
    expect(out.stderr.trim().split("\n")).toHaveLength(1);
    expect(out.stderr).toMatch(/--summary/);
  });
});

describe("a column mapping saved in the workbook by the add-in", () => {
  it("is used by the CLI", async () => {
    const { zipParts, minimalXlsxParts } = wb;
    const { settingsXml } = await import("../../src/core/settings");
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      <row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c><c r="B1" t="inlineStr"><is><t>Họ và tên</t></is></c><c r="C1" t="inlineStr"><is><t>Ngày sinh</t></is></c><c r="D1" t="inlineStr"><is><t>Nơi làm việc</t></is></c><c r="E1" t="inlineStr"><is><t>Chức vụ</t></is></c></row>
      <row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>Nguyễn Văn An</t></is></c><c r="C2" t="inlineStr"><is><t>01/01/1980</t></is></c><c r="D2" t="inlineStr"><is><t>Xã Quảng Lợi</t></is></c><c r="E2" t="inlineStr"><is><t>Chủ tịch UBND</t></is></c></row>
    </sheetData></worksheet>`;
    const parts: Record<string, string> = { ...minimalXlsxParts({ sheets: [{ name: "DS", xml: sheet }] }) };
    const plain = zipParts(parts);
    const withMapping = zipParts({ ...parts, "customXml/item1.xml": settingsXml({ "hoso.mapping": JSON.stringify({ DS: { columns: { unit: "D" } } }) }) });
    const before = runOn("nomap.xlsx", { bytes: plain, people: [], sheets: [], quirks: [], date1904: false }).report;
    expect(before.sheets[0].columns?.unit).toBeUndefined();
    const after = runOn("map.xlsx", { bytes: withMapping, people: [], sheets: [], quirks: [], date1904: false }).report;
    expect(after.sheets[0].columns?.unit).toBe("D");
    expect(after.units.map((u) => u.id)).toEqual(["xã Quảng Lợi"]);
  });
});
