/**
 * The context the checks run in: the reading, the active rule set and, per unit, its records and
 * its row of the quota sheet.
 */
import type { WorkbookGrid } from "../grid";
import type { PersonRecord, WorkbookReading } from "../reader";
import type { StaffCategory } from "../reader/titles";
import type { ActiveRuleSet } from "../rulesets/types";
import { readUnitFigures } from "../rulesets/unitFigures";
import { rememberViews } from "./run";
import type { CheckContext, CheckOptions, UnitView } from "./types";

/**
 * Build the checks' context. `asOf` is the reporting date (default: the rule set's evaluation date).
 * @example runChecks(CHECKS, buildCheckContext(grid, reading, activeSet))
 */
export function buildCheckContext(grid: WorkbookGrid, reading: WorkbookReading, ruleSet: ActiveRuleSet, asOf: string = ruleSet.date, options: CheckOptions = {}): CheckContext {
  const figures = readUnitFigures(grid, reading);
  const byUnit = new Map<string, { records: PersonRecord[]; serving: PersonRecord[] }>();
  const listed = new Set<StaffCategory>();
  const records = reading.records;
  const unitIds = reading.recordUnitIds;
  // Records of a unit follow each other: the last unit's lists and category are kept at hand.
  let lastId: string | undefined;
  let lists: { records: PersonRecord[]; serving: PersonRecord[] } | undefined;
  let lastCategory: StaffCategory | undefined;
  for (let i = 0; i < records.length; i++) {
    const rec = records[i];
    const category = rec.category;
    if (category && category !== lastCategory) {
      listed.add(category);
      lastCategory = category;
    }
    const id = unitIds[i];
    if (id === undefined) continue;
    if (id !== lastId || !lists) {
      lastId = id;
      lists = byUnit.get(id);
      if (!lists) byUnit.set(id, (lists = { records: [], serving: [] }));
    }
    lists.records.push(rec);
    if (!rec.left) lists.serving.push(rec);
  }
  // Units of one id share their lists, as before; a record's view is the last unit of its id.
  const lastView = new Map<string, UnitView>();
  const units: UnitView[] = reading.units.map((unit) => {
    const lists = byUnit.get(unit.id);
    const view: UnitView = lists ? { unit, records: lists.records, serving: lists.serving.slice() } : { unit, records: [], serving: [] };
    const f = figures.get(unit.id);
    if (f) view.figures = f;
    lastView.set(unit.id, view);
    return view;
  });
  const viewAt: (UnitView | undefined)[] = new Array<UnitView | undefined>(records.length);
  for (let i = 0; i < records.length; i++) {
    const id = unitIds[i];
    viewAt[i] = id === undefined ? undefined : lastView.get(id);
  }
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
  rememberViews(ctx, viewAt);
  return ctx;
}
