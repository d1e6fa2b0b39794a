import { isEngineError, type EngineError } from "../../../src/core/errors";
import { formatEngineError } from "../../../src/core/messages";
import { activateRuleSet } from "../../../src/core/rulesets/activate";
import { chooseRuleSet } from "../../../src/core/rulesets";
import { loadRuleSetFile } from "../../../src/core/rulesets/load";
import { PRESET_FILES } from "../../../src/core/rulesets/presets";
import { checkRuleSetFile } from "../../../src/core/rulesets/schema";

/** The EngineError a call throws (fails the test when it does not throw one). */
function errorOf(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (e) {
    if (isEngineError(e)) return e;
    throw e;
  }
  throw new Error("expected an EngineError");
}

const extending = (rules: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ id: "quang-ninh-2024", extends: "nd33-2023", rules, ...extra });

describe("a user's rule file", () => {
  it("extends a preset: changed severities, enabled flags and single values, recorded for the report", () => {
    const def = loadRuleSetFile(
      extending({
        "position.missingMandatory": { severity: "error" },
        "position.categoryMismatch": { enabled: false },
        "quota.overCap": { set: { "cadreAndCivilServant.xã.II": 19 } },
      }),
      "qn.json",
    );
    expect(def).toMatchObject({ id: "quang-ninh-2024", extends: "nd33-2023", source: "file", file: "qn.json", from: "2023-08-01", to: "2025-06-30" });
    expect(def.rules["position.missingMandatory"].severity).toBe("error");
    expect(def.rules["position.categoryMismatch"].enabled).toBe(false);
    expect(def.fileChanges).toEqual([
      { rule: "position.missingMandatory", key: "severity", value: "error", previous: "warning", source: "file", file: "qn.json" },
      { rule: "position.categoryMismatch", key: "enabled", value: false, previous: true, source: "file", file: "qn.json" },
    ]);
    const active = activateRuleSet(def, "2024-11-15");
    expect((active.rules.get("quota.overCap")!.value as any).cadreAndCivilServant.xã.II).toBe(19);
    expect(active.overrides).toContainEqual({ rule: "quota.overCap", key: "cadreAndCivilServant.xã.II", value: 19, previous: 20, source: "file", file: "qn.json" });
    // The preset itself is untouched.
    expect((chooseRuleSet({ asOf: "2024-11-15", presetId: "nd33-2023" }).set.rules.get("quota.overCap")!.value as any).cadreAndCivilServant.xã.II).toBe(20);
  });

  it("may be a whole rule set of its own, without extends", () => {
    const own = {
      id: "tinh-thu-nghiem",
      version: "1",
      name: { vi: "Bộ quy định thử nghiệm của tỉnh", en: "A province's trial rule set" },
      basis: "Quyết định của UBND tỉnh",
      rules: {
        "quota.excess": { severity: "warning", description: "Vượt số tỉnh giao (tỉnh cho phép tạm thời)", basis: { text: "Quyết định 12/2024/QĐ-UBND", article: "Điều 2" } },
      },
    };
    const chosen = chooseRuleSet({ asOf: "2024-11-15", file: { name: "thu.json", text: JSON.stringify(own) } });
    expect(chosen.chosenBy).toBe("option");
    expect([...chosen.set.rules.keys()]).toEqual(["quota.excess"]);
    expect(chosen.set.definition).toMatchObject({ id: "tinh-thu-nghiem", source: "file", file: "thu.json" });
  });
});

describe("a broken rule file is one clear error naming the file and the field", () => {
  it.each([
    ["no id", JSON.stringify({ extends: "nd33-2023" }), "id", /bắt buộc/],
    ["an id with capitals", JSON.stringify({ id: "Quang Ninh", extends: "nd33-2023" }), "id", /chữ thường/],
    ["an unknown preset", JSON.stringify({ id: "qn", extends: "nd35-2024" }), "extends", /nd35-2024.*nd33-2023/],
    ["a preset's own id", JSON.stringify({ id: "nd33-2023", extends: "nd33-2023" }), "id", /trùng/],
    ["a preset's id without extends", JSON.stringify({ id: "nd34-2019", version: "1", name: { vi: "a", en: "a" }, basis: "b", rules: {} }), "id", /trùng/],
    ["an unknown rule", extending({ "quota.overcap": { severity: "error" } }), 'rules["quota.overcap"]', /không được phép.*quota\.overCap/],
    ["a misspelt field", extending({ "quota.excess": { severty: "error" } }), 'rules["quota.excess"].severty', /không được phép/],
    ["a wrong severity", extending({ "quota.excess": { severity: "fatal" } }), 'rules["quota.excess"].severity', /error, warning, info/],
    ["a date not on the calendar", extending({ "quota.villageOverCap": { values: [{ from: "2023-02-30", value: { perVillage: 3 } }] } }), 'rules["quota.villageOverCap"].values[0].from', /YYYY-MM-DD/],
    ["a span ending before it starts", extending({ "quota.villageOverCap": { values: [{ from: "2024-05-01", to: "2024-01-01", value: { perVillage: 3 } }] } }), 'rules["quota.villageOverCap"].values[0].to', /trước ngày bắt đầu/],
    ["overlapping spans", extending({ "quota.villageOverCap": { values: [{ from: "2023-08-01", to: "2024-12-31", value: { perVillage: 3 } }, { from: "2024-06-01", value: { perVillage: 4 } }] } }), 'rules["quota.villageOverCap"].values[1].from', /chồng/],
    ["a number written as text", extending({ "quota.villageOverCap": { values: [{ value: { perVillage: "3" } }] } }), 'rules["quota.villageOverCap"].values[0].value.perVillage', /số nguyên/],
    ["a class that does not exist", extending({ "quota.overCap": { values: [{ value: { cadreAndCivilServant: { xã: { IV: 17 } } } }] } }), 'rules["quota.overCap"].values[0].value.cadreAndCivilServant.xã.IV', /loại đơn vị: đặc biệt, I, II, III/],
    ["a title that does not exist", extending({ "position.missingMandatory": { values: [{ value: { titles: ["committeeChair", "mayor"] } }] } }), 'rules["position.missingMandatory"].values[0].value.titles[1]', /committeeChair/],
    ["a set value of the wrong type", extending({ "quota.overCap": { set: { "cadreAndCivilServant.xã.II": "hai mươi" } } }), 'rules["quota.overCap"].set["cadreAndCivilServant.xã.II"]', /số nguyên/],
    ["a set that names a group, not a value", extending({ "quota.overCap": { set: { "cadreAndCivilServant.xã": 20 } } }), 'rules["quota.overCap"].set["cadreAndCivilServant.xã"]', /nhóm giá trị/],
    ["a set into an unknown kind", extending({ "quota.overCap": { set: { "cadreAndCivilServant.huyện.II": 20 } } }), 'rules["quota.overCap"].set["cadreAndCivilServant.huyện.II"]', /huyện.*không được phép/],
    ["a new rule without its texts", JSON.stringify({ id: "qn", extends: "nd34-2019", rules: { "quota.overBaseCap": { severity: "warning" } } }), 'rules["quota.overBaseCap"].description', /bắt buộc/],
    ["a whole set without rules", JSON.stringify({ id: "qn", version: "1", name: { vi: "a", en: "a" }, basis: "b" }), "rules", /bắt buộc/],
    ["an array instead of an object", "[1, 2]", "(gốc / root)", /đối tượng JSON/],
  ])("%s", (_label, text, field, problem) => {
    const e = errorOf(() => chooseRuleSet({ asOf: "2024-11-15", file: { name: "qn.json", text } }));
    expect(e.code).toBe("rules.invalid");
    expect(e.params.file).toBe("qn.json");
    expect(e.params.field).toBe(field);
    expect(String(e.params.problemVi)).toMatch(problem);
    const line = formatEngineError(e);
    expect(line).toContain("Tệp quy định qn.json không hợp lệ: trường " + field);
    expect(line).toContain(" — Rule file qn.json is invalid: field " + field);
    expect(line).not.toMatch(/\n/);
  });

  it("names the line and column of a JSON syntax error", () => {
    const e = errorOf(() => chooseRuleSet({ asOf: "2024-11-15", file: { name: "qn.json", text: '{\n  "id": "qn",\n  "extends": "nd33-2023",\n}\n' } }));
    expect(e.code).toBe("rules.badJson");
    expect(formatEngineError(e)).toMatch(/qn\.json không phải JSON hợp lệ \(lỗi cú pháp ở dòng 4, cột 1\)/);
  });

  it("names a broken preset by its path in the repository", () => {
    const preset = PRESET_FILES.find((p) => p.file.endsWith("nd33-2023.json"))!;
    const broken = JSON.parse(JSON.stringify(preset.json));
    delete broken.rules["quota.excess"].basis;
    const e = errorOf(() => checkRuleSetFile(broken, preset.file, { preset: true }));
    expect(e.params).toMatchObject({ file: "src/core/rulesets/presets/nd33-2023.json", field: 'rules["quota.excess"].basis' });
    broken.extends = "nd34-2019";
    expect(errorOf(() => checkRuleSetFile(broken, preset.file, { preset: true })).params.field).toBe("extends");
  });

  it("refuses an unknown preset id as wrong usage", () => {
    const e = errorOf(() => chooseRuleSet({ asOf: "2024-11-15", presetId: "nd99-2030" }));
    expect(e.code).toBe("usage.unknownRuleSet");
    expect(e.params.known).toBe("nd92-2009, nd34-2019, nd33-2023, law80-2025");
  });
});
