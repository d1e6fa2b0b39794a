import { cbcc, check, districtList, findingsOf, quotaSheet, settingsSheet, villageWorkers, type QuotaSpec } from "../checks/fixtures";
import { flatFindings, type SheetSpec } from "../../support/grid";
import { chooseRuleSet } from "../../../src/core/rulesets";
import { OFF_MARK, ruleSettingRows } from "../../../src/core/plan/starterSheets";

// ND 34/2019: xã loại II may have at most 21 cán bộ + công chức. The commune lists 21.
const asOf = "2021-12-31";
const list = () => districtList([{ label: "Xã Quảng Lợi", people: cbcc(21) }]);
const quota = (extra: Partial<QuotaSpec> = {}) => quotaSheet([{ code: "06937", unit: "Quảng Lợi", cls: "II", villages: 4, ...extra }]);
const file = (set: Record<string, number>) => ({ ruleSetFile: { name: "quang-ninh.json", text: JSON.stringify({ id: "quang-ninh-2021", extends: "nd34-2019", rules: { "quota.overCap": { set } } }) } });

function capOf(sheets: SheetSpec[], options = {}) {
  const report = check(sheets, asOf, { ruleSetId: "nd34-2019", ...options });
  return { report, cap: report.units[0].quota?.cadreAndCivilServant?.cap, over: findingsOf(report, "quota.overCap") };
}

describe("override precedence: preset < rule file < Quy định sheet < quota sheet", () => {
  it("uses the preset's figure when nothing overrides it", () => {
    const { report, cap, over } = capOf([list(), quota()]);
    expect(cap).toBe(21);
    expect(over).toEqual([]);
    expect(report.ruleSet).toEqual({ id: "nd34-2019", chosenBy: "option", name: "Nghị định 34/2019/NĐ-CP (TT 13/2019/TT-BNV)", version: "2025.1", source: "preset" });
  });

  it("lets the rule file lower it, and names the file as the source", () => {
    const { report, cap, over } = capOf([list(), quota()], file({ "cadreAndCivilServant.*.II": 20 }));
    expect(cap).toBe(20);
    expect(flatFindings(over, ["severity", "sheet", "cell", "message"])).toEqual([["error", "Định biên", "C3", "Cán bộ, công chức: 21/20, vượt 1 so với số lượng tối đa (xã loại II)"]]);
    expect(report.ruleSet).toMatchObject({ id: "quang-ninh-2021", source: "file", file: "quang-ninh.json", extends: "nd34-2019" });
    expect(report.ruleSet.overrides).toEqual([{ rule: "quota.overCap", key: "cadreAndCivilServant.*.II", value: 20, previous: 21, source: "file", file: "quang-ninh.json" }]);
  });

  it("lets the Quy định sheet win over the rule file", () => {
    const { report, cap, over } = capOf([list(), quota(), settingsSheet([["quota.overCap.cadreAndCivilServant.*.II", 22]])], file({ "cadreAndCivilServant.*.II": 20 }));
    expect(cap).toBe(22);
    expect(over).toEqual([]);
    expect(report.ruleSet.overrides).toEqual([
      { rule: "quota.overCap", key: "cadreAndCivilServant.*.II", value: 20, previous: 21, source: "file", file: "quang-ninh.json" },
      { rule: "quota.overCap", key: "cadreAndCivilServant.*.II", value: 22, previous: 20, source: "sheet", sheet: "Quy định", cell: "B3" },
    ]);
  });

  it("lets the unit's own maximum on the quota sheet win over everything, on its cell", () => {
    const { report, cap, over } = capOf([list(), quota({ capCbcc: 19 }), settingsSheet([["quota.overCap.cadreAndCivilServant.*.II", 22]])], file({ "cadreAndCivilServant.*.II": 20 }));
    expect(cap).toBe(19);
    expect(flatFindings(over, ["severity", "cell", "unit", "message"])).toEqual([["error", "M3", "06937", "Cán bộ, công chức: 21/19, vượt 2 so với số lượng tối đa của đơn vị (trang định biên)"]]);
    expect(report.ruleSet.overrides!.map((o) => o.source)).toEqual(["file", "sheet", "quotaSheet"]);
    expect(report.ruleSet.overrides![2]).toEqual({ rule: "quota.overCap", key: "cadreAndCivilServant", value: 19, source: "quotaSheet", sheet: "Định biên", cell: "M3", unit: "06937" });
  });
});

describe("the Quy định sheet", () => {
  const base = () => [districtList([{ label: "Xã Quảng Lợi", people: cbcc(21).filter((p) => p.post !== "Chủ tịch HĐND") }]), quota()];

  it("changes a rule's severity (Vietnamese words accepted) and says so", () => {
    const report = check([...base(), settingsSheet([["position.missingMandatory.severity", "lỗi"]])], asOf);
    expect(findingsOf(report, "position.missingMandatory").map((f) => f.severity)).toEqual(["error"]);
    expect(report.ruleSet.overrides).toEqual([{ rule: "position.missingMandatory", key: "severity", value: "error", previous: "warning", source: "sheet", sheet: "Quy định", cell: "B3" }]);
  });

  it("switches a rule off", () => {
    expect(findingsOf(check(base(), asOf), "position.missingMandatory")).toHaveLength(1);
    expect(findingsOf(check([...base(), settingsSheet([["position.missingMandatory.enabled", "không"]])], asOf), "position.missingMandatory")).toEqual([]);
  });

  it("reports each row it cannot use on its cell, and ignores it", () => {
    const report = check(
      [
        ...base(),
        settingsSheet([
          ["quota.overcap.cadreAndCivilServant.*.II", 20],
          ["quota.overCap.cadreAndCivilServant.*.II", "hai mươi"],
          ["quota.overBaseCap.severity", "error"],
          ["position.missingMandatory.severity", "nghiêm trọng"],
          ["quota.villageOverCap.perVillage", 4],
        ]),
      ],
      asOf,
    );
    expect(flatFindings(findingsOf(report, "data.invalidSetting"), ["severity", "sheet", "cell"])).toEqual([
      ["warning", "Quy định", "A3"],
      ["warning", "Quy định", "B4"],
      ["warning", "Quy định", "A5"],
      ["warning", "Quy định", "B6"],
    ]);
    expect(findingsOf(report, "data.invalidSetting")[2].message).toMatch(/quota\.overBaseCap không có trong bộ quy định nd34-2019/);
    expect(report.units[0].quota?.cadreAndCivilServant?.cap).toBe(21);
    expect(report.ruleSet.overrides).toEqual([{ rule: "quota.villageOverCap", key: "perVillage", value: 4, previous: 3, source: "sheet", sheet: "Quy định", cell: "B7" }]);
    expect(report.units[0].quota?.nonSpecializedVillage?.cap).toBe(16);
  });

  it("confirms an unconfirmed value when the office enters it, so it may then raise an error", () => {
    // ND 34/2019's 3 per village is only partly confirmed: a warning, even when the severity is raised…
    const village = () => districtList([{ label: "Xã Quảng Lợi", people: [...cbcc(21), ...villageWorkers(["Thôn Bắc Sơn"], 4)] }]);
    const raised = check([village(), quota(), settingsSheet([["quota.villageOverCap.severity", "error"]])], asOf);
    expect(findingsOf(raised, "quota.villageOverCap").map((f) => f.severity)).toEqual(["warning"]);
    // …until the province's own figure is entered.
    const confirmed = check([village(), quota(), settingsSheet([["quota.villageOverCap.severity", "error"], ["quota.villageOverCap.perVillage", 3]])], asOf);
    expect(findingsOf(confirmed, "quota.villageOverCap").map((f) => f.severity)).toEqual(["error"]);
  });

  it("lists no override for rows that only restate the rule set's values (the first-run sheet), and one for the row the office changed", () => {
    const set = chooseRuleSet({ asOf, presetId: "nd34-2019" }).set;
    // As the first-run screen writes it: confirmed values on, the others switched off with "# ".
    const rows = ruleSettingRows(set).map((r): [string, string | number | boolean] => [r.status === "confirmed" ? r.key : OFF_MARK + r.key, typeof r.value === "boolean" ? (r.value ? "có" : "không") : r.value]);
    expect(rows.filter(([k]) => !k.startsWith(OFF_MARK)).length).toBeGreaterThan(10);
    const restated = check([list(), quota(), settingsSheet(rows)], asOf, { ruleSetId: "nd34-2019" });
    expect(findingsOf(restated, "data.invalidSetting")).toEqual([]);
    expect(restated.ruleSet.overrides).toBeUndefined();
    expect(restated.units[0].quota?.cadreAndCivilServant?.cap).toBe(21);
    // The office lowers one figure: that row, and only it, is an override.
    const edited = rows.map(([k, v]): [string, string | number | boolean] => (k === "quota.overCap.cadreAndCivilServant.*.II" ? [k, 20] : [k, v]));
    expect(edited.some(([k]) => k === "quota.overCap.cadreAndCivilServant.*.II")).toBe(true);
    const changed = check([list(), quota(), settingsSheet(edited)], asOf, { ruleSetId: "nd34-2019" });
    expect(changed.ruleSet.overrides).toEqual([expect.objectContaining({ rule: "quota.overCap", key: "cadreAndCivilServant.*.II", value: 20, previous: 21, source: "sheet" })]);
    expect(changed.units[0].quota?.cadreAndCivilServant?.cap).toBe(20);
  });
});
