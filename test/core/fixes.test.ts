/**
 * Fixes of findings (issue 9 item 2): which cells a suggestion or a legacy-encoding fix applies
 * to, on rosters built in code, and the `fix` in the schema-valid report.
 */
import { validateWorkbook } from "../../src/core/engine";
import { fixTargets, textFixesOf, type TextFix } from "../../src/core/fixes";
import type { Finding } from "../../src/core/report/types";
import { encodeTcvn3 } from "../../src/core/text/legacy";
import { fixBook, TCVN3_PEOPLE } from "../support/fixBook";
import { expectValidReport } from "../support/reportSchema";

const AS_OF = "2024-12-31";

const key = (f: TextFix) => `${f.kind} ${f.sheet}!${f.cell} ${f.original} → ${f.to}`;

describe("the fixes of a validation", () => {
  const grid = fixBook();
  const result = validateWorkbook(grid, { asOf: AS_OF });
  const fixes = result.textFixes!();
  const finding = (sheet: string, cell: string, rule = "data.unrecognizedValue") => result.report.findings.find((f) => f.sheet === sheet && f.cell === cell && f.rule === rule)!;

  it("offers a suggestion only where the cell's whole text is a near miss of a known value, held as text", () => {
    const suggestions = fixes.filter((f) => f.kind === "suggestion" && f.sheet === "DS CBCC").map(key);
    expect(suggestions).toEqual([
      "suggestion DS CBCC!G5 Đai học → Đại học",
      "suggestion DS CBCC!G7 Đai học → Đại học",
      "suggestion DS CBCC!G8 Trung câp → Trung cấp",
      "suggestion DS CBCC!G9 Đai học → Đại học",
    ]);
    // Each of these is an unrecognized value of the report; the ones not fixed are still findings.
    expect(finding("DS CBCC", "G10").message).toContain("Cao đẳg sư phạm");
    expect(finding("DS CBCC", "G10").fix).toBeUndefined();
    expect(finding("DS CBCC", "D10").fix).toBeUndefined();
    expect(finding("DS CBCC", "G11").fix).toBeUndefined();
    expect(result.report.findings.some((f) => f.sheet === "DS CBCC" && f.cell === "G6")).toBe(false);
  });

  it("puts the fix on the report's findings, and the report stays schema-valid", () => {
    expect(finding("DS CBCC", "G5").fix).toEqual({ kind: "suggestion", to: "Đại học" });
    expect(finding("DS CBCC", "G8").fix).toEqual({ kind: "suggestion", to: "Trung cấp" });
    const legacy = result.report.findings.filter((f) => f.rule === "data.legacyEncoding" && f.sheet === "Xa Quang Loi");
    expect(legacy.length).toBeGreaterThan(0);
    for (const f of legacy) expect(f.fix?.kind).toBe("legacyEncoding");
    // The column's first legacy cell is its header (the finding's own example).
    expect(legacy.find((f) => f.column === "B")!.fix).toEqual({ kind: "legacyEncoding", to: "Họ và tên" });
    expectValidReport(result.report);
  });

  it("lists every legacy-encoded cell with its decoded text and fonts, and suggests on a misspelling written in TCVN3", () => {
    const legacyB = fixes.filter((f) => f.kind === "legacyEncoding" && f.sheet === "Xa Quang Loi" && f.col === 2);
    expect(legacyB.map((f) => [f.cell, f.original, f.to, f.fromFont, f.fontName])).toEqual([
      ["B3", encodeTcvn3("Họ và tên"), "Họ và tên", ".VnTime", "Times New Roman"],
      ...TCVN3_PEOPLE.map(([n], i) => [`B${5 + i}`, encodeTcvn3(n), n, ".VnTime", "Times New Roman"]),
    ]);
    const misspelt = fixes.find((f) => f.kind === "suggestion" && f.sheet === "Xa Quang Loi")!;
    expect(key(misspelt)).toBe(`suggestion Xa Quang Loi!G7 ${encodeTcvn3("Đai học")} → Đại học`);
    expect([misspelt.fromFont, misspelt.fontName]).toEqual([".VnTime", "Times New Roman"]);
  });

  it("chooses the cell, or every cell of the column with the same value, for a suggestion", () => {
    const t = fixTargets(fixes, finding("DS CBCC", "G7"));
    expect(t.cell.map((f) => f.cell)).toEqual(["G7"]);
    // The three "Đai học" — not "Trung câp", not the formula in G11.
    expect(t.column.map((f) => f.cell)).toEqual(["G5", "G7", "G9"]);
    const lone = fixTargets(fixes, finding("DS CBCC", "G8"));
    expect([lone.cell.length, lone.column.length]).toEqual([1, 1]);
  });

  it("chooses every legacy cell of the column for a legacy-encoding finding, its first cell for 'this cell'", () => {
    const f = result.report.findings.find((x) => x.rule === "data.legacyEncoding" && x.sheet === "Xa Quang Loi" && x.column === "G")!;
    const t = fixTargets(fixes, f);
    expect(t.column.map((x) => [x.cell, x.to])).toEqual([
      ["G3", "Trình độ chuyên môn"],
      ["G5", "Đại học"],
      ["G6", "Trung cấp"],
      ["G7", "Đai học"],
    ]);
    expect(t.cell).toEqual([t.column[0]]);
    expect(t.column.every((x) => x.kind === "legacyEncoding")).toBe(true);
  });

  it("offers nothing for a finding without a fix, or a fix list that does not hold it", () => {
    const invalid: Finding = { rule: "data.invalidDate", severity: "error", sheet: "DS CBCC", row: 5, column: "C", cell: "C5", message: "x" };
    expect(fixTargets(fixes, invalid)).toEqual({ cell: [], column: [] });
    expect(fixTargets([], finding("DS CBCC", "G5"))).toEqual({ cell: [], column: [] });
  });

  it("gives the same list when asked again (worked out once) and from the reading alone", () => {
    expect(result.textFixes!()).toBe(fixes);
    expect(textFixesOf(grid, result.reading).map(key)).toEqual(fixes.map(key));
  });
});
