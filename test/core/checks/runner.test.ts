import { CHECKS, RuleConfigError, type Check } from "../../../src/core/checks";
import { checkWorkbook } from "../../../src/core/checks/workbook";
import { readWorkbook } from "../../../src/core/reader";
import { chooseRuleSet } from "../../../src/core/rulesets";
import { flatFindings, workbookGrid } from "../../support/grid";
import { cbcc, districtList, quotaSheet } from "./fixtures";
import { toReportFinding } from "../../../src/core/report/build";

const asOf = "2024-11-15";
const grid = workbookGrid([districtList([{ label: "Xã Quảng Lợi", people: cbcc(23) }]), quotaSheet([{ code: "06937", unit: "Quảng Lợi", cls: "II", cbccProvince: 21 }])]);
const reading = readWorkbook(grid, { asOf: { year: 2024, month: 11, day: 15, precision: "day" } });
const run = (checks: Check[], presetId = "nd33-2023") => checkWorkbook(grid, reading, chooseRuleSet({ asOf, presetId }), asOf, checks).findings;

const quotaFigures = CHECKS.find((c) => c.id === "quota.figures")!;
const crashing: Check = { id: "test.crash", emits: ["quota.excess"], tags: [], run: () => { throw new TypeError("Cannot read properties of undefined (reading 'cap')"); } };
const misconfigured: Check = { id: "test.config", emits: ["quota.overCap"], tags: [], run: () => { throw new RuleConfigError("quota.overCap", "cadreAndCivilServant.xã.II", "expected a number"); } };
const stray: Check = { id: "test.stray", emits: ["quota.excess"], tags: [], run: () => [{ rule: "position.tooManyDeputies", severity: "error", params: {} }] };

describe("the check runner", () => {
  it("turns a crashing check into a warning finding and keeps running the others", () => {
    const findings = run([crashing, quotaFigures]);
    expect(flatFindings(findings, ["rule", "severity"])).toEqual([
      ["file.checkFailed", "warning"],
      ["quota.excess", "error"],
    ]);
    expect(findings[0].params).toMatchObject({ check: "test.crash", reason: "Cannot read properties of undefined (reading 'cap')" });
  });

  it("turns a value a check cannot use into a rule-config finding", () => {
    expect(flatFindings(run([misconfigured]), ["rule", "severity", "params"])).toEqual([
      ["file.ruleConfig", "warning", { check: "test.config", ruleId: "quota.overCap", path: "cadreAndCivilServant.xã.II", reason: "expected a number" }],
    ]);
  });

  it("refuses findings of rules a check did not declare", () => {
    expect(flatFindings(run([stray]), ["rule", "params"])).toEqual([["file.checkFailed", { check: "test.stray", reason: "emitted undeclared rule position.tooManyDeputies" }]]);
  });

  it("does not run a check none of whose rules is in the rule set", () => {
    let ran = false;
    const probe: Check = { id: "test.probe", emits: ["quota.overBaseCap"], tags: [], run: () => ((ran = true), []) };
    run([probe], "nd34-2019");
    expect(ran).toBe(false);
    run([probe], "nd33-2023");
    expect(ran).toBe(true);
  });

  it("renders the failure in both languages", () => {
    const [f] = run([crashing]).map(toReportFinding);
    expect(f.message).toBe('Không chạy được phần kiểm tra "test.crash" (Cannot read properties of undefined (reading \'cap\')); kết quả thiếu phần này');
    expect(f.messageEn).toBe('Check "test.crash" failed (Cannot read properties of undefined (reading \'cap\')); its results are missing');
  });

  it("lists every check once, each emitting at least one rule", () => {
    expect(CHECKS.map((c) => c.id)).toEqual([
      "quota.figures", "quota.cap", "quota.village", "position.mandatory", "position.deputies", "position.holders", "position.abolishedTitle", "position.abolishedCategory", "position.categoryMismatch",
      "qualification.standards", "qualification.professionalField", "retirement.age", "retirement.appointedLate", "rotation.headTerms", "rotation.periodicChange", "concurrency.posts", "data.implausibleAge", "data.missingValue",
    ]);
    for (const c of CHECKS) expect(c.emits.length).toBeGreaterThan(0);
  });
});
