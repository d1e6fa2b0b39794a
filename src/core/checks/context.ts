/**
 * The context the checks run in: the reading, the active rule set and, per unit, its records and
 * its row of the quota sheet.
 */
import type { WorkbookGrid } from "../grid";
import type { PersonRecord, WorkbookReading } from "../reader";
import type { StaffCategory } from "../reader/titles";
import type { ActiveRuleSet } from "../rulesets/types";
import { readUnitFigures } from "../rulesets/unitFigures";
import type { CheckContext, CheckOptions, UnitView } from "./types";

/**
 * Build the checks' context. `asOf` is the reporting date (default: the rule set's evaluation date).
 * @example runChecks(CHECKS, buildCheckContext(grid, reading, activeSet))
 */
export function buildCheckContext(grid: WorkbookGrid, reading: WorkbookReading, ruleSet: ActiveRuleSet, asOf: string = ruleSet.date, options: CheckOptions = {}): CheckContext {
  const figures = readUnitFigures(grid, reading);
  const byUnit = new Map<string, PersonRecord[]>();
  reading.records.forEach((rec, i) => {
    const id = reading.recordUnitIds[i];
    if (id === undefined) return;
    const list = byUnit.get(id);
    if (list) list.push(rec);
    else byUnit.set(id, [rec]);
  });
  const units: UnitView[] = reading.units.map((unit) => {
    const records = byUnit.get(unit.id) ?? [];
    const view: UnitView = { unit, records, serving: records.filter((r) => !r.left) };
    const f = figures.get(unit.id);
    if (f) view.figures = f;
    return view;
  });
  const listed = new Set<StaffCategory>();
  for (const r of reading.records) if (r.category) listed.add(r.category);
  const ctx: CheckContext = {
    date: ruleSet.date,
    asOf,
    ruleSet,
    reading,
    grid,
    units,
    listedCategories: listed,
    rule(id) {
      const r = ruleSet.rules.get(id);
      return r && r.enabled ? r : undefined;
    },
  };
  const counted = options.countedTraining;
  if (counted) {
    const index = new Map(reading.records.map((r, i) => [r, i]));
    ctx.countedTraining = (rec, field) => {
      const i = index.get(rec);
      return i === undefined ? undefined : counted.get(reading.personOf[i])?.get(field);
    };
  }
  return ctx;
}
