import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCliCaptured } from "../support/cliRun";
import { expectValidReport } from "../support/reportSchema";

const dir = mkdtempSync(join(tmpdir(), "hoso-rules-"));
const sample = join(__dirname, "..", "..", "samples", "dam-ha-mau.xlsx");

describe("validate --rules ID --json - for each preset", () => {
  it.each([
    ["nd92-2009", "2015-06-30"],
    ["nd34-2019", "2021-12-31"],
    ["nd33-2023", "2024-11-15"],
    ["law80-2025", "2026-03-31"],
  ])("%s prints a schema-valid report that names the rule set and carries its checks", (id, asOf) => {
    const out = runCliCaptured(["validate", sample, "--as-of", asOf, "--rules", id, "--json", "-"]);
    expect(out.stderr).toBe("");
    expect([0, 1]).toContain(out.code);
    const report = JSON.parse(out.stdout);
    expectValidReport(report);
    expect(report.ruleSet).toMatchObject({ id, chosenBy: "option", source: "preset", version: "2025.1" });
    expect(report.ruleSet.name.length).toBeGreaterThan(5);
    expect(report.ruleSet.valuesAsOf).toBeUndefined();
    // The sample lists 8 cán bộ + công chức in Quảng Lợi against 21 the province assigned.
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: "quota.shortage", cell: "F2", unit: "06937", message: "Cán bộ, công chức: 8/21, thiếu 13 so với tỉnh giao" }));
    expect(out.code).toBe(report.findings.some((f: { severity: string }) => f.severity === "error") ? 1 : 0);
  });

  it("judges a roster by a preset outside its dates, and says so", () => {
    const report = JSON.parse(runCliCaptured(["validate", sample, "--as-of", "2024-11-15", "--rules", "nd92-2009", "--json", "-"]).stdout);
    expect(report.ruleSet.valuesAsOf).toBe("2019-06-24");
    expect(report.findings.filter((f: { rule: string }) => f.rule === "file.regimeMismatch")).toHaveLength(1);
  });
});

describe("validate --rules FILE", () => {
  it("takes a JSON rule set that extends a preset, and names the file and each changed value in the report", () => {
    const path = join(dir, "quang-ninh.json");
    writeFileSync(path, JSON.stringify({ id: "quang-ninh-2024", extends: "nd33-2023", rules: { "quota.shortage": { severity: "info" }, "quota.overCap": { set: { "cadreAndCivilServant.xã.II": 7 } } } }, null, 2));
    const out = runCliCaptured(["validate", sample, "--as-of", "2024-11-15", "--rules", path, "--json", "-"]);
    const report = JSON.parse(out.stdout);
    expectValidReport(report);
    expect(report.ruleSet).toMatchObject({ id: "quang-ninh-2024", chosenBy: "option", source: "file", file: "quang-ninh.json", extends: "nd33-2023" });
    expect(report.ruleSet.overrides).toEqual([
      { rule: "quota.shortage", key: "severity", value: "info", previous: "warning", source: "file", file: "quang-ninh.json" },
      { rule: "quota.overCap", key: "cadreAndCivilServant.xã.II", value: 7, previous: 20, source: "file", file: "quang-ninh.json" },
    ]);
    expect(report.findings.filter((f: { rule: string }) => f.rule === "quota.shortage").every((f: { severity: string }) => f.severity === "info")).toBe(true);
    expect(report.units.find((u: { id: string }) => u.id === "06937").quota.cadreAndCivilServant.cap).toBe(7);
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: "quota.overBaseCap", unit: "06937", message: expect.stringMatching(/^Cán bộ, công chức: 8\/7, vượt 1/) }));
  });

  it.each([
    ["a missing file", "missing.json", undefined, /Không tìm thấy tệp .*missing\.json/],
    ["a JSON syntax error", "bad.json", '{ "id": "qn", }', /bad\.json không phải JSON hợp lệ \(lỗi cú pháp ở dòng 1, cột 15\)/],
    ["a broken field", "broken.json", JSON.stringify({ id: "qn", extends: "nd33-2023", rules: { "quota.villageOverCap": { set: { perVillage: 0 } } } }), /broken\.json không hợp lệ: trường rules\["quota\.villageOverCap"\]\.set\.perVillage/],
  ])("exits 2 with one bilingual line for %s", (_label, name, text, pattern) => {
    const path = join(dir, name);
    if (text !== undefined) writeFileSync(path, text);
    const out = runCliCaptured(["validate", sample, "--rules", path, "--json", "-"]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr).toMatch(pattern);
    expect(out.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(out.stderr).toContain(" — ");
  });

  it("is shown in the help", () => {
    expect(runCliCaptured(["--help"]).stdout).toMatch(/--rules TỆP\.json/);
  });
});
