/**
 * The rule-set part of a run, after reading: the Quy định sheet's overrides, the checks, the
 * regime's caps in `units[].quota.*.cap`, and the report's `ruleSet` (its name, its source and
 * where each overridden value came from).
 */
import type { FindingDraft } from "../findings/finding";
import type { WorkbookGrid } from "../grid";
import type { WorkbookReading } from "../reader";
import type { Report, UnitReport } from "../report/types";
import type { ChosenRuleSet } from "../rulesets";
import { applySettingRows, readSettingRows } from "../rulesets/settingsSheet";
import { CAP_CATEGORIES } from "../rulesets/values";
import { cellAddress } from "../address";
import { capFor, villageCapFor } from "./caps";
import { buildCheckContext } from "./context";
import { engineSeverity } from "./engineRules";
import { CHECKS } from "./index";
import { runData } from "./run";
import { runChecks } from "./runner";
import type { Check, CheckContext, CheckOptions } from "./types";

export interface CheckedWorkbook {
  findings: FindingDraft[];
  /** The reader's units with the rule set's caps added. */
  units: UnitReport[];
  ruleSet: Report["ruleSet"];
  context: CheckContext;
}

/** Units with `quota.*.cap` from the rule set (only where the class is known or the unit gives its own). */
function withCaps(ctx: CheckContext): UnitReport[] {
  const capRule = ctx.rule("quota.overCap");
  const villageRule = ctx.rule("quota.villageOverCap");
  const { caps } = runData(ctx);
  return ctx.units.map((view) => {
    const unit: UnitReport = { ...view.unit, staff: { ...view.unit.staff } };
    const quota = { ...(view.unit.quota ?? {}) };
    let changed = false;
    for (const category of CAP_CATEGORIES) {
      const cap = capRule ? capFor(capRule, view, category, caps) : undefined;
      if (!cap || cap.classUnknown) continue;
      quota[category] = { ...(quota[category] ?? {}), cap: cap.cap };
      changed = true;
    }
    const v = villageRule ? villageCapFor(villageRule, view) : undefined;
    if (v?.total !== undefined) {
      quota.nonSpecializedVillage = { ...(quota.nonSpecializedVillage ?? {}), cap: v.total };
      changed = true;
    }
    if (changed || view.unit.quota) unit.quota = quota;
    return unit;
  });
}

/**
 * Apply the rule set to a reading.
 * @example const { findings, units, ruleSet } = checkWorkbook(grid, reading, chooseRuleSet({ asOf }), asOf);
 */
export function checkWorkbook(grid: WorkbookGrid, reading: WorkbookReading, chosen: ChosenRuleSet, asOf: string, checks: readonly Check[] = CHECKS, options: CheckOptions = {}): CheckedWorkbook {
  const set = chosen.set;
  const def = set.definition;
  const findings: FindingDraft[] = [];
  // Precedence: preset < rule file (applied when the set was activated) < Quy định sheet < quota sheet (read by the checks).
  const settingSheets = reading.sheets.filter((s) => s.role === "settings").map((s) => s.name);
  for (const f of applySettingRows(set, readSettingRows(grid, settingSheets))) findings.push(f);
  const ctx = buildCheckContext(grid, reading, set, asOf, options);
  if (set.date !== asOf) {
    findings.push({ rule: "file.regimeMismatch", severity: engineSeverity("file.regimeMismatch"), params: { asOf, ruleSet: def.id, from: def.from, to: def.to, date: set.date } });
  }
  for (const f of runChecks(checks, ctx)) findings.push(f);
  const overrides = [...set.overrides];
  for (const view of ctx.units) {
    for (const o of view.figures?.overrides ?? []) {
      overrides.push({ rule: o.rule, key: o.key, value: o.value, source: "quotaSheet", sheet: o.sheet, cell: cellAddress(o.row, o.col), unit: view.unit.id });
    }
  }
  const ruleSet: Report["ruleSet"] = { id: def.id, chosenBy: chosen.chosenBy, name: def.name.vi, version: def.version, source: def.source };
  if (def.file) ruleSet.file = def.file;
  if (def.extends) ruleSet.extends = def.extends;
  if (set.date !== asOf) ruleSet.valuesAsOf = set.date;
  if (overrides.length > 0) ruleSet.overrides = overrides;
  return { findings, units: withCaps(ctx), ruleSet, context: ctx };
}
