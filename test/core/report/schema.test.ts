import { buildReport, sortFindings, toReportFinding } from "../../../src/core/report/build";
import type { FindingDraft } from "../../../src/core/findings/finding";
import { reportSchemaErrors, expectValidReport } from "../../support/reportSchema";

const tool = { name: "hoso-cbcc", version: "0.1.0" };

function fullReport() {
  return buildReport({
    tool,
    asOf: "2026-11-28",
    ruleSet: { id: "nd33-2023", chosenBy: "option" },
    file: { name: "ds.xlsx", bytes: 1234 },
    sheets: [
      { name: "DS CBCC", role: "roster", records: 64, headerRows: [7, 8], indexRow: 9, firstDataRow: 10, lastDataRow: 80, columns: { fullName: "B", birthDate: ["C", "D"] }, unmappedHeaders: ["Quê quán"] },
      { name: "Định biên", role: "quota", records: 0, headerRows: [1] },
    ],
    units: [
      {
        id: "06937", name: "Quảng Lợi", kind: "xã", code: "06937", communeClass: "II", villages: 4,
        staff: { cadre: 11, civilServant: 10, nonSpecializedCommune: 9, nonSpecializedVillage: 9 },
        quota: { cadreAndCivilServant: { province: 23, district: 21, cap: 23 }, nonSpecializedVillage: { province: 12, cap: 12 } },
      },
    ],
    findings: [
      { rule: "data.invalidDate", severity: "error", sheet: "DS CBCC", row: 12, col: 3, unit: "06937", person: "Nguyễn Văn An", params: { value: "31/02/1985", reason: "impossible" } },
      { rule: "data.legacyEncoding", severity: "info", sheet: "DS CBCC", col: 2, count: 64, params: { encoding: "TCVN3", sample: "NguyÔn", decoded: "Nguyễn" } },
      { rule: "data.duplicatePerson", severity: "warning", sheet: "DS CBCC", row: 31, col: 2, relatedRows: [12], params: { otherSheet: "DS CBCC", otherRow: 12, by: "idNumber" } },
    ],
  });
}

describe("the report contract", () => {
  it("accepts a report that uses every field", () => {
    expectValidReport(fullReport());
  });

  it("rejects null values: absent values are omitted", () => {
    const r = fullReport() as unknown as { units: { code: unknown }[] };
    r.units[0].code = null;
    expect(reportSchemaErrors(r).join("\n")).toMatch(/units\/0\/code/);
  });

  it("rejects a renamed or unknown field", () => {
    const r = fullReport() as unknown as Record<string, unknown>;
    r.finding = r.findings;
    delete r.findings;
    expect(reportSchemaErrors(r).length).toBeGreaterThan(0);
  });

  it("rejects a rule id outside the families", () => {
    const r = fullReport();
    r.findings[1].rule = "reader.badDate";
    expect(reportSchemaErrors(r).join("\n")).toMatch(/findings\/1\/rule/);
  });

  it("rejects a row without a sheet, and a cell without its row", () => {
    const r = fullReport();
    const dated = r.findings.find((f) => f.rule === "data.invalidDate")!;
    delete dated.sheet;
    expect(reportSchemaErrors(r).length).toBeGreaterThan(0);
    const r2 = fullReport();
    delete r2.findings.find((f) => f.rule === "data.invalidDate")!.row;
    expect(reportSchemaErrors(r2).length).toBeGreaterThan(0);
  });

  it("renders Vietnamese and English messages and omits absent values", () => {
    const f = toReportFinding({ rule: "data.invalidDate", severity: "error", sheet: "DS", row: 12, col: 3, params: { value: "31/02/1985", reason: "impossible" } });
    expect(f).toEqual({
      rule: "data.invalidDate",
      severity: "error",
      sheet: "DS",
      row: 12,
      column: "C",
      cell: "C12",
      message: 'Ngày "31/02/1985" không có thật trên lịch (đọc theo ngày/tháng/năm)',
      messageEn: '"31/02/1985" is not a calendar date (read day/month/year)',
    });
    expect(Object.values(f)).not.toContain(undefined);
  });

  it("counts totals by severity and persons read", () => {
    expect(fullReport().totals).toEqual({ records: 64, errors: 1, warnings: 1, infos: 1 });
  });
});

describe("finding order", () => {
  const d = (sheet: string | undefined, row: number | undefined, col: number | undefined, rule: string): FindingDraft => ({
    rule,
    severity: "warning",
    ...(sheet ? { sheet } : {}),
    ...(row ? { row } : {}),
    ...(col ? { col } : {}),
    params: {},
  });

  it("sorts by sheet order, then row, column and rule, whole-file findings first", () => {
    const sorted = sortFindings(
      [d("B", 2, 1, "data.x"), d("A", 10, 2, "data.b"), d(undefined, undefined, undefined, "file.x"), d("A", 10, 2, "data.a"), d("A", 3, 5, "data.z"), d("A", undefined, 4, "data.col")],
      ["A", "B"],
    );
    expect(sorted.map((f) => `${f.sheet ?? "-"}:${f.row ?? "-"}:${f.col ?? "-"}:${f.rule}`)).toEqual([
      "-:-:-:file.x",
      "A:-:4:data.col",
      "A:3:5:data.z",
      "A:10:2:data.a",
      "A:10:2:data.b",
      "B:2:1:data.x",
    ]);
  });
});
