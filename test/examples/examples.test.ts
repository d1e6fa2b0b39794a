/**
 * The committed demo workbooks (`examples/`, built by scripts/make-examples.ts): the engine and
 * the CLI reproduce the seed article's figures for Đầm Hà 2017, find the deliberate mistakes,
 * read the 2026 merged commune under the two-level regime, and the files are what the script
 * builds, byte for byte.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validateWorkbook, type ValidationResult } from "../../src/core/engine";
import type { Finding, Report, UnitReport } from "../../src/core/report/types";
import { readXlsx } from "../../src/file/readXlsx";
import { EXAMPLE_FILES, people2017 } from "../../scripts/make-examples";
import { runCliCaptured } from "../support/cliRun";
import { expectValidReport } from "../support/reportSchema";

const ROOT = join(__dirname, "..", "..");
const FILE_2017 = join(ROOT, "examples", "dam-ha-2017.xlsx");
const FILE_2026 = join(ROOT, "examples", "xa-dam-ha-2026.xlsx");

function validate(path: string, asOf: string, ruleSetId?: string): ValidationResult {
  const bytes = new Uint8Array(readFileSync(path));
  return validateWorkbook(readXlsx(bytes, { fileName: "x.xlsx" }), { asOf, ...(ruleSetId ? { ruleSetId } : {}) });
}

function cli(path: string, asOf: string): { code: number; report: Report } {
  const out = runCliCaptured(["validate", path, "--as-of", asOf, "--json", "-"]);
  expect(out.stderr).toBe("");
  return { code: out.code, report: JSON.parse(out.stdout) as Report };
}

const sum = (units: UnitReport[], f: (u: UnitReport) => number | undefined): number => units.reduce((n, u) => n + (f(u) ?? 0), 0);

/**
 * The design of the 2017 workbook, per unit (code of the national list): class, villages,
 * staff per category, quota figures (province / district), and whether the party secretary
 * also chairs the People's Committee / the People's Council.
 */
const UNITS_2017: [code: string, kind: string, name: string, cls: string, villages: number, cadre: number, civilServant: number, kct: number, village: number, cbcc: [number, number], kctQuota: [number, number], committee: boolean, council: boolean][] = [
  ["06895", "thị trấn", "Đầm Hà", "I", 8, 12, 10, 12, 16, [25, 24], [22, 12], true, false],
  ["06898", "xã", "Quảng Lâm", "I", 7, 12, 9, 10, 14, [24, 23], [21, 12], true, false],
  ["06901", "xã", "Quảng An", "I", 8, 12, 10, 11, 16, [24, 23], [22, 12], false, true],
  ["06904", "xã", "Tân Bình", "I", 6, 12, 10, 10, 14, [24, 23], [21, 11], true, false],
  ["06907", "xã", "Quảng Lợi", "I", 7, 13, 9, 11, 14, [23, 22], [22, 12], false, false],
  ["06910", "xã", "Dực Yên", "I", 8, 12, 9, 10, 16, [22, 22], [22, 11], true, false],
  ["06913", "xã", "Quảng Tân", "I", 9, 12, 10, 11, 20, [24, 23], [21, 12], true, false],
  ["06916", "xã", "Đầm Hà", "II", 9, 10, 9, 11, 18, [23, 21], [14, 12], false, true],
  ["06917", "xã", "Tân Lập", "II", 6, 12, 9, 9, 12, [21, 21], [19, 10], false, false],
  ["06919", "xã", "Đại Bình", "I", 8, 12, 10, 9, 16, [24, 23], [22, 12], false, true],
];

describe("examples/dam-ha-2017.xlsx: the seed article's figures", () => {
  const result = validate(FILE_2017, "2017-12-31", "nd92-2009");
  const { report } = result;
  const units = report.units;
  const xaDamHa = units.find((u) => u.kind === "xã" && u.name === "Đầm Hà")!;

  test("the report is schema-valid and names the rule set of 2017", () => {
    expectValidReport(report);
    expect(report.ruleSet.id).toBe("nd92-2009");
    expect(report.sheets.map((s) => [s.name, s.role])).toEqual([
      ["DS CBCC xã", "roster"],
      ["DS KCT xã", "roster"],
      ["DS KCT thôn", "roster"],
      ["Quang Lam", "roster"],
      ["Định biên", "quota"],
    ]);
  });

  test("ten units, each found in the quota sheet, none unresolved", () => {
    expect(units.map((u) => [u.id, u.kind, u.name])).toEqual(UNITS_2017.map(([code, kind, name]) => [code, kind, name]));
    expect(report.findings.filter((f) => f.rule === "data.unknownUnit" || f.rule === "data.ambiguousUnit")).toEqual([]);
  });

  test("per unit: class, villages, staff, quota and concurrency as designed", () => {
    const got = units.map((u) => ({
      id: u.id,
      communeClass: u.communeClass,
      villages: u.villages,
      staff: u.staff,
      cbcc: [u.quota?.cadreAndCivilServant?.province, u.quota?.cadreAndCivilServant?.district],
      kct: [u.quota?.nonSpecializedCommune?.province, u.quota?.nonSpecializedCommune?.district],
      villageQuota: u.quota?.nonSpecializedVillage?.province,
      concurrency: u.concurrency,
    }));
    const want = UNITS_2017.map(([id, , , cls, villages, cadre, civilServant, kct, village, cbcc, kctQuota, committee, council]) => ({
      id,
      communeClass: cls,
      villages,
      staff: { cadre, civilServant, nonSpecializedCommune: kct, nonSpecializedVillage: village },
      cbcc,
      kct: kctQuota,
      villageQuota: villages * 3,
      concurrency: { villages, villagesSecretaryIsHead: villages, secretaryIsPeoplesCommitteeChair: committee, secretaryIsPeoplesCouncilChair: council },
    }));
    expect(got).toEqual(want);
  });

  test("district: cadres and civil servants 214 against 234 assigned by the province (20 short)", () => {
    const staff = sum(units, (u) => u.staff.cadre + u.staff.civilServant);
    const province = sum(units, (u) => u.quota?.cadreAndCivilServant?.province);
    expect([staff, province, province - staff]).toEqual([214, 234, 20]);
  });

  test("district: non-specialized at commune level 104 against 206", () => {
    expect([sum(units, (u) => u.staff.nonSpecializedCommune), sum(units, (u) => u.quota?.nonSpecializedCommune?.province)]).toEqual([104, 206]);
  });

  test("district: village level 156 against 228 across 76 villages", () => {
    expect([sum(units, (u) => u.staff.nonSpecializedVillage), sum(units, (u) => u.quota?.nonSpecializedVillage?.province), sum(units, (u) => u.villages)]).toEqual([156, 228, 76]);
  });

  test("xã Đầm Hà: 19 of the province's 23 and the district's 21; 11 non-specialized of the district's 12 and the province's 14; 9 of 9 villages", () => {
    expect(xaDamHa.id).toBe("06916");
    expect(xaDamHa.staff.cadre + xaDamHa.staff.civilServant).toBe(19);
    expect(xaDamHa.quota?.cadreAndCivilServant).toMatchObject({ province: 23, district: 21 });
    expect(xaDamHa.staff.nonSpecializedCommune).toBe(11);
    expect(xaDamHa.quota?.nonSpecializedCommune).toMatchObject({ province: 14, district: 12 });
    expect(xaDamHa.concurrency).toMatchObject({ villages: 9, villagesSecretaryIsHead: 9 });
  });

  test("district: party cell secretary is village head in 76 of 76 villages; party secretary chairs the committee in 5 units and the council in 3", () => {
    expect(sum(units, (u) => u.concurrency?.villagesSecretaryIsHead)).toBe(76);
    expect(sum(units, (u) => u.concurrency?.villages)).toBe(76);
    expect(units.filter((u) => u.concurrency?.secretaryIsPeoplesCommitteeChair).length).toBe(5);
    expect(units.filter((u) => u.concurrency?.secretaryIsPeoplesCouncilChair).length).toBe(3);
  });

  test("quality: more than 95% at trung cấp or above, more than 90% trained in political theory and in state management", () => {
    const q = report.quality!.cadreAndCivilServant;
    expect({ count: q.count, professional: q.professionalIntermediateOrAbove, politicalTheory: q.politicalTheoryTrained, stateManagement: q.stateManagementTrained }).toEqual({
      count: 214,
      professional: 207,
      politicalTheory: 200,
      stateManagement: 197,
    });
    expect(q.professionalIntermediateOrAbove / q.count).toBeGreaterThan(0.95);
    expect(q.politicalTheoryTrained / q.count).toBeGreaterThan(0.9);
    expect(q.stateManagementTrained / q.count).toBeGreaterThan(0.9);
    // The unreadable level ("Đại hoc Luật") is unknown, not below trung cấp.
    expect(q.professional.unknown).toBe(1);
    // One civil servant past the retirement age of 2017; one birth date unreadable.
    expect(q.ageBands.overRetirement).toBe(1);
    expect(q.ageBands.unknown).toBe(1);
    // The per-unit blocks add up to the total.
    expect(sum(units, (u) => u.quality?.cadreAndCivilServant.count)).toBe(214);
  });

  const find = (rule: string, sheet: string): Finding[] => report.findings.filter((f) => f.rule === rule && f.sheet === sheet);

  test("the deliberate mistakes are found where they were put", () => {
    expect(find("data.invalidDate", "DS CBCC xã").map((f) => [f.cell, f.unit, f.severity])).toEqual([["D84", "06904", "error"]]);
    expect(find("data.unrecognizedValue", "DS CBCC xã").map((f) => [f.cell, f.unit, f.message])).toEqual([["I235", "06919", expect.stringContaining("Đại hoc Luật")]]);
    expect(find("data.duplicatePerson", "DS KCT xã").map((f) => [f.cell, f.unit])).toEqual([["B73", "06913"]]);
    expect(find("data.missingName", "DS KCT thôn").map((f) => [f.cell, f.unit, f.severity])).toEqual([["B226", "06919", "error"]]);
    expect(find("data.dateGuessed", "DS KCT xã").map((f) => [f.cell, f.unit])).toEqual([["C77", "06916"]]);
    expect(find("data.unknownPosition", "DS KCT thôn").map((f) => [f.severity, f.unit])).toEqual([
      ["info", "06904"],
      ["info", "06904"],
      ["info", "06913"],
      ["info", "06913"],
    ]);
    expect(find("data.legacyEncoding", "Quang Lam").length).toBeGreaterThan(0);
    expect(report.totals!.errors).toBeGreaterThanOrEqual(2);
  });

  test("the duplicate and the person who left are listed but not counted", () => {
    const { reading } = result;
    const left = reading.records.findIndex((r) => r.fields.note?.text.startsWith("Đã nghỉ việc"));
    expect(reading.records[left].left).toBe(true);
    expect(reading.counted[left]).toBe(false);
    const dup = reading.records.findIndex((r) => r.sheet === "DS KCT xã" && r.row === 73);
    expect(reading.counted[dup]).toBe(false);
    // The TCVN3 sheet decodes to the names and posts the script wrote in Unicode.
    const ql = people2017().find((u) => u.unit.name === "Quảng Lâm")!;
    const written = [...ql.cadres, ...ql.civilServants, ...ql.kct, ...ql.villagers].map((p) => [p.name, p.position]);
    expect(reading.records.filter((r) => r.sheet === "Quang Lam").map((r) => [r.fullName, r.fields.position?.text])).toEqual(written);
  });

  test("the CLI gives the same report in-process (exit 1: the mistakes include errors)", () => {
    const { code, report: viaCli } = cli(FILE_2017, "2017-12-31");
    expect(code).toBe(1);
    expectValidReport(viaCli);
    expect(viaCli.ruleSet).toMatchObject({ id: "nd92-2009", chosenBy: "asOf" });
    expect(viaCli.units).toEqual(report.units);
    expect(viaCli.quality).toEqual(report.quality);
    expect(viaCli.findings.length).toBe(report.findings.length);
  });
});

describe("examples/xa-dam-ha-2026.xlsx: a merged commune under the two-level regime", () => {
  const { report } = validate(FILE_2026, "2026-03-31");

  test("the regime in force on 31/03/2026 is law80-2025, and the report is schema-valid", () => {
    expectValidReport(report);
    expect(report.ruleSet).toMatchObject({ id: "law80-2025", chosenBy: "asOf" });
  });

  test("one commune, province figures only (no district any more)", () => {
    expect(report.units.length).toBe(1);
    const u = report.units[0];
    expect([u.kind, u.name, u.communeClass, u.villages]).toEqual(["xã", "Đầm Hà", "I", 21]);
    expect(u.staff).toEqual({ cadre: 13, civilServant: 24, nonSpecializedCommune: 2, nonSpecializedVillage: 42 });
    expect(u.quota?.cadreAndCivilServant).toEqual({ province: 40 });
    expect(u.quota?.nonSpecializedVillage?.province).toBe(63);
    expect(u.quota?.nonSpecializedCommune).toBeUndefined();
    expect(u.concurrency).toMatchObject({ villages: 21, villagesSecretaryIsHead: 21 });
  });

  test("the last commune-level non-specialized workers and a mistyped ID number are reported", () => {
    expect(report.findings.filter((f) => f.rule === "position.abolishedCategory").length).toBe(1);
    expect(report.findings.filter((f) => f.rule === "data.invalidIdNumber").map((f) => f.cell)).toEqual(["F33"]);
  });

  test("the CLI gives the same units (exit 0: warnings only)", () => {
    const { code, report: viaCli } = cli(FILE_2026, "2026-03-31");
    expect(code).toBe(0);
    expect(viaCli.units).toEqual(report.units);
  });
});

describe("the examples are what scripts/make-examples.ts builds", () => {
  test.each(Object.keys(EXAMPLE_FILES))("%s equals a fresh build, byte for byte, and stays small", async (path) => {
    const committed = new Uint8Array(readFileSync(join(ROOT, path)));
    const fresh = await EXAMPLE_FILES[path as keyof typeof EXAMPLE_FILES]();
    expect(fresh.length).toBe(committed.length);
    expect(Buffer.compare(Buffer.from(fresh), Buffer.from(committed))).toBe(0);
    expect(committed.length).toBeLessThan(200 * 1024);
  });
});
