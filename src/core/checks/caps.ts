/**
 * The regime's maximum for a unit (`quota.overCap`): the unit's own figure from the quota sheet
 * when it gives one; else the figure for the unit's kind and class, plus the ND 33/2023
 * increments for population and area (Art 6(2), Art 33(2)) when the rule set has them.
 * Used by the quota check and by the engine for `units[].quota.*.cap`.
 */
import { isPlainObject } from "../rulesets/shape";
import type { ActiveRule, JsonValue } from "../rulesets/types";
import type { CapCategory } from "../rulesets/values";
import { child, dataKeys, numericEntries } from "./support";
import type { UnitView } from "./types";

export interface CapResult {
  cap: number;
  /** The figure for kind and class, before increments. */
  base: number;
  increments: number;
  populationIncrements?: number;
  areaIncrements?: number;
  /** False when the regime has increments but population, area or their standards are missing. */
  complete: boolean;
  /** The unit's kind or class is not known: `base` is the largest figure it could have (over it is over whatever the class). */
  classUnknown: boolean;
  /** Value paths used, for the finding's severity (derived or unconfirmed ones lower it). */
  paths: string[];
  /** The unit's own maximum from the quota sheet (wins over everything). */
  fromUnit?: boolean;
}

type BaseFigure = { base: number; classUnknown: boolean; path: string } | undefined;

/**
 * The figures of a run by rule, category, kind and class (a district has a few kinds and classes):
 * pass one to {@link capFor} for every unit of a run, and a new one for the next run.
 */
export type CapMemo = Map<ActiveRule, Map<CapCategory, Map<string | undefined, Map<string | undefined, BaseFigure>>>>;

function memoBaseFigure(memo: CapMemo, rule: ActiveRule, view: UnitView, category: CapCategory): BaseFigure {
  let byCategory = memo.get(rule);
  if (!byCategory) memo.set(rule, (byCategory = new Map()));
  let byKind = byCategory.get(category);
  if (!byKind) byCategory.set(category, (byKind = new Map()));
  let byClass = byKind.get(view.unit.kind);
  if (!byClass) byKind.set(view.unit.kind, (byClass = new Map()));
  const cls = view.unit.communeClass;
  if (byClass.has(cls)) return byClass.get(cls);
  const base = baseFigure(rule, view, category);
  byClass.set(cls, base);
  return base;
}

function baseFigure(rule: ActiveRule, view: UnitView, category: CapCategory): BaseFigure {
  const byKind = child(rule.value, category);
  if (!isPlainObject(byKind)) return undefined;
  const kind = view.unit.kind;
  const kindKeys = kind !== undefined ? [kind in byKind ? kind : "*"] : dataKeys(byKind);
  const cls = view.unit.communeClass;
  let best: { base: number; classUnknown: boolean; path: string } | undefined;
  for (const k of kindKeys) {
    const byClass = byKind[k];
    if (!isPlainObject(byClass)) continue;
    if (cls !== undefined) {
      const key = cls in byClass ? cls : "*";
      const n = byClass[key];
      if (typeof n === "number" && (!best || n > best.base)) best = { base: n, classUnknown: kind === undefined, path: `${category}.${k}.${key}` };
    } else {
      for (const [c, n] of numericEntries(byClass)) if (!best || n > best.base) best = { base: n, classUnknown: true, path: `${category}.${k}.${c}` };
    }
  }
  return best;
}

function incrementsFor(rule: ActiveRule, view: UnitView, category: CapCategory): Pick<CapResult, "increments" | "populationIncrements" | "areaIncrements" | "complete"> & { paths: string[] } {
  const inc = child(rule.value, "increments");
  const applies = child(inc, "appliesTo");
  if (!isPlainObject(inc) || !Array.isArray(applies) || !applies.includes(category)) return { increments: 0, complete: true, paths: [] };
  const kind = view.unit.kind;
  let entry: JsonValue | undefined = kind !== undefined ? child(child(inc, "byKind"), kind) : undefined;
  let path = `increments.byKind.${kind ?? "?"}`;
  if (isPlainObject(entry) && view.figures?.difficultArea && isPlainObject(entry.difficultArea)) {
    entry = entry.difficultArea;
    path += ".difficultArea";
  }
  if (!isPlainObject(entry)) return { increments: 0, complete: false, paths: [] };
  const paths: string[] = [];
  let complete = true;
  let populationIncrements = 0;
  let areaIncrements = 0;
  const pop = view.figures?.population;
  const { populationStandard, populationStep, areaStandard } = entry;
  if (typeof populationStandard === "number" && typeof populationStep === "number" && pop !== undefined) {
    populationIncrements = pop > populationStandard ? Math.floor((pop - populationStandard) / populationStep) : 0;
    paths.push(`${path}.populationStandard`, `${path}.populationStep`);
  } else complete = false;
  const area = view.figures?.area;
  if (typeof areaStandard === "number" && area !== undefined) {
    areaIncrements = area > areaStandard ? Math.floor((area - areaStandard) / areaStandard) : 0;
    paths.push(`${path}.areaStandard`);
  } else complete = false;
  return { increments: populationIncrements + areaIncrements, populationIncrements, areaIncrements, complete, paths };
}

/**
 * The maximum of a staff group for a unit under `quota.overCap`, or undefined when the rule set
 * has none for it.
 * @example capFor(rule, view, "cadreAndCivilServant") // { cap: 21, base: 20, increments: 1, … }
 */
export function capFor(rule: ActiveRule, view: UnitView, category: CapCategory, memo?: CapMemo): CapResult | undefined {
  const own = view.figures?.overrides.find((o) => o.rule === rule.id && o.key === category);
  if (own) return { cap: own.value, base: own.value, increments: 0, complete: true, classUnknown: false, paths: [], fromUnit: true };
  const base = memo ? memoBaseFigure(memo, rule, view, category) : baseFigure(rule, view, category);
  if (!base) return undefined;
  const inc = incrementsFor(rule, view, category);
  const r: CapResult = { cap: base.base + inc.increments, base: base.base, increments: inc.increments, complete: inc.complete, classUnknown: base.classUnknown, paths: [base.path, ...inc.paths] };
  if (inc.populationIncrements) r.populationIncrements = inc.populationIncrements;
  if (inc.areaIncrements) r.areaIncrements = inc.areaIncrements;
  return r;
}

/** Per village, and for the unit (× its villages), under `quota.villageOverCap`. */
export function villageCapFor(rule: ActiveRule, view: UnitView): { perVillage: number; total?: number } | undefined {
  const per = child(rule.value, "perVillage");
  if (typeof per !== "number") return undefined;
  const villages = view.unit.villages;
  return villages !== undefined && villages > 0 ? { perVillage: per, total: per * villages } : { perVillage: per };
}
