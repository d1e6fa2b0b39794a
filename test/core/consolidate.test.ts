/**
 * The merge of a consolidation (src/core/consolidate.ts) on outcomes built by hand: which units
 * are the same across files, which persons, what is told once.
 */
import { mergeOutcomes, type FileOutcome, type FileRead, type PersonKey } from "../../src/core/consolidate";
import type { Finding, Report, UnitKind, UnitReport } from "../../src/core/report/types";
import { expectValidReport } from "../support/reportSchema";

const TOOL = { name: "hoso", version: "0" };

function unit(name: string, kind?: UnitKind, code?: string, cadre = 1): UnitReport {
  const id = code ?? (kind ? `${kind} ${name}` : name);
  return { id, name, ...(kind ? { kind } : {}), ...(code ? { code } : {}), staff: { cadre, civilServant: 0, nonSpecializedCommune: 0, nonSpecializedVillage: 0 } };
}

function file(name: string, units: UnitReport[], persons: PersonKey[] = [], findings: Finding[] = []): FileRead {
  const report: Report = {
    schemaVersion: 1,
    tool: TOOL,
    asOf: "2024-12-31",
    ruleSet: { id: "nd33-2023", name: "Nghị định 33/2023/NĐ-CP" },
    sheets: [{ name: "DS", role: "roster", records: units.length }],
    units,
    findings,
    totals: { records: units.length, errors: 0, warnings: 0, infos: 0 },
  };
  return { status: "read", name, report, persons, unitRecords: Object.fromEntries(units.map((u) => [u.id, u.staff.cadre])), quotaSource: "none" };
}

const merge = (outcomes: FileOutcome[], quota?: { fileName: string; units: { name: string; kind?: UnitKind; code?: string }[] }) => {
  const m = mergeOutcomes(outcomes, { tool: TOOL, asOf: "2024-12-31", ...(quota ? { quota } : {}) });
  expectValidReport(m.report);
  return m.report;
};

describe("mergeOutcomes: the same unit across files", () => {
  it("joins the same kind and name whatever the case, Unicode form and tone placement", () => {
    const r = merge([file("a.xlsx", [unit("Thanh Hoà", "xã")]), file("b.xls", [unit("THANH HÒA", "xã")]), file("c.xls", [unit("Thanh Hòa".normalize("NFD"), "xã")])]);
    expect(r.units).toHaveLength(1);
    expect(r.units[0].staff.cadre).toBe(3);
    expect(r.units[0].files).toEqual(["a.xlsx", "b.xls", "c.xls"]);
    expect(r.findings.filter((f) => f.rule === "file.duplicateUnit")).toHaveLength(1);
  });

  it("keeps apart names that differ only in their diacritics, and a thị trấn from a xã of the same name", () => {
    const r = merge([file("a.xlsx", [unit("Đông Hà", "xã")]), file("b.xlsx", [unit("Đồng Hà", "xã")]), file("c.xlsx", [unit("Đông Hà", "thị trấn")])]);
    expect(r.units.map((u) => u.id)).toEqual(["xã Đông Hà", "xã Đồng Hà", "thị trấn Đông Hà"]);
    expect(r.findings.filter((f) => f.rule === "file.duplicateUnit")).toEqual([]);
  });

  it("joins a bare name to the one kind of that name, and a name typed without diacritics to the one it can be", () => {
    const r = merge([file("a.xlsx", [unit("Quảng Lợi", "xã")]), file("b.xlsx", [unit("Quảng Lợi")]), file("c.xlsx", [unit("Quang Loi", "xã")])]);
    expect(r.units).toHaveLength(1);
    expect(r.units[0]).toMatchObject({ name: "Quảng Lợi", kind: "xã", staff: { cadre: 3 } });
    // Ambiguous: "Dong Ha" could be Đông Hà or Đồng Hà.
    const r2 = merge([file("a.xlsx", [unit("Đông Hà", "xã")]), file("b.xlsx", [unit("Đồng Hà", "xã")]), file("c.xlsx", [unit("Dong Ha", "xã")])]);
    expect(r2.units).toHaveLength(3);
  });

  it("joins by code only with the same name: two names sharing a code by mistake stay two units", () => {
    const r = merge([file("a.xlsx", [unit("Quảng Lợi", "xã", "07093")]), file("b.xlsx", [unit("Quang Loi", undefined, "07093")]), file("c.xlsx", [unit("Tân Bình", "xã", "07093")])]);
    expect(r.units.map((u) => `${u.id}:${u.name}:${u.staff.cadre}`)).toEqual(["07093:Quảng Lợi:2", "07093 (2):Tân Bình:1"]);
  });

  it("lists units in the quota file's order, and tells a unit of the quota file that no file holds", () => {
    const r = merge([file("b.xlsx", [unit("Tân Bình", "xã")]), file("a.xlsx", [unit("Quảng Lợi", "xã")])], {
      fileName: "dinh-bien.xlsx",
      units: [{ name: "Quảng Lợi", kind: "xã" }, { name: "Dực Yên", kind: "xã" }, { name: "Tân Bình", kind: "xã" }],
    });
    expect(r.units.map((u) => u.name)).toEqual(["Quảng Lợi", "Tân Bình"]);
    const missing = r.findings.filter((f) => f.rule === "file.missingUnit");
    expect(missing.map((f) => [f.file, f.message])).toEqual([["dinh-bien.xlsx", 'Xã Dực Yên có trong tệp định biên "dinh-bien.xlsx" nhưng không có trong tệp danh sách nào đã nhận']]);
  });
});

describe("mergeOutcomes: people and findings", () => {
  const p = (sheet: string, row: number, name: string, birth?: string, idNumber?: string, unitId?: string): PersonKey => ({
    sheet,
    row,
    col: 2,
    name,
    nameKey: name.toLowerCase(),
    ...(birth ? { birth } : {}),
    ...(idNumber ? { idNumber, idCol: 11 } : {}),
    ...(unitId ? { unit: unitId } : {}),
  });

  it("flags the same ID number in two files, and the same name and birth date unless the ID numbers differ", () => {
    const a = file("a.xlsx", [unit("Quảng Lợi", "xã")], [p("DS", 10, "Nguyễn Văn An", "1980-01-01", "022080000001", "xã Quảng Lợi"), p("DS", 11, "Trần Thị Bình", "1985-05-05", "022185000002", "xã Quảng Lợi")]);
    const b = file("b.xlsx", [unit("Tân Bình", "xã")], [p("DS", 20, "Nguyễn Văn An", "1980-01-01", undefined, "xã Tân Bình"), p("DS", 21, "Trần Thị Bình", "1985-05-05", "022185999999", "xã Tân Bình")]);
    const r = merge([a, b]);
    const dup = r.findings.filter((f) => f.rule === "file.duplicatePerson");
    expect(dup.map((f) => `${f.file}!${f.cell}`)).toEqual(["a.xlsx!B10", "b.xlsx!B20"]);
    expect(dup[1].message).toMatch(/dòng 10 trang "DS" của tệp "a\.xlsx" \(cùng họ tên và ngày sinh 01\/01\/1980\), ở đơn vị khác \(Xã Quảng Lợi\)/);
  });

  it("never flags two rows of the same file (the reader tells those)", () => {
    const a = file("a.xlsx", [unit("Quảng Lợi", "xã")], [p("DS", 10, "Nguyễn Văn An", "1980-01-01", "022080000001"), p("DS", 12, "Nguyễn Văn An", "1980-01-01", "022080000001")]);
    expect(merge([a]).findings.filter((f) => f.rule === "file.duplicatePerson")).toEqual([]);
  });

  it("tells a run-level finding once, and names every other finding's file", () => {
    const run: Finding = { rule: "file.regimeMismatch", severity: "info", message: "Ngày báo cáo nằm ngoài thời gian áp dụng" };
    const cell: Finding = { rule: "data.invalidDate", severity: "error", sheet: "DS", row: 5, column: "C", cell: "C5", message: "Ngày không có thật" };
    const r = merge([file("a.xlsx", [unit("A", "xã")], [], [run, cell]), file("b.xlsx", [unit("B", "xã")], [], [run, cell])]);
    expect(r.findings.filter((f) => f.rule === "file.regimeMismatch")).toHaveLength(1);
    expect(r.findings.filter((f) => f.rule === "data.invalidDate").map((f) => f.file)).toEqual(["a.xlsx", "b.xlsx"]);
    expect(r.totals).toMatchObject({ errors: 2, infos: 1 });
    expect(r.files!.map((f) => f.errors)).toEqual([1, 1]);
  });

  it("lists an unreadable file with its reason as an error, and leaves it out of the units", () => {
    const bad: FileOutcome = { status: "unreadable", name: "hong.xlsx", code: "file.truncatedZip", reasonVi: "Tệp hong.xlsx bị hỏng", reasonEn: "hong.xlsx is damaged" };
    const r = merge([bad, file("a.xlsx", [unit("A", "xã")])]);
    expect(r.files![0]).toEqual({ name: "hong.xlsx", status: "unreadable", reason: "Tệp hong.xlsx bị hỏng", reasonEn: "hong.xlsx is damaged", code: "file.truncatedZip" });
    expect(r.findings[0]).toMatchObject({ rule: "file.unreadable", severity: "error", file: "hong.xlsx" });
    expect(r.units.map((u) => u.name)).toEqual(["A"]);
  });
});
