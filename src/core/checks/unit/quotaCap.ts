/**
 * Staff against the regime's maximum for the unit's class (excess only): cán bộ + công chức and
 * commune-level non-specialized workers. Under ND 33/2023 the maximum grows with population and
 * area; when the quota sheet does not give them (or the standards are missing), an excess over
 * the base figure is `quota.overBaseCap`, a warning, not `quota.overCap`.
 */
import type { FindingDraft } from "../../findings/finding";
import { severityFor } from "../../rulesets/activate";
import { CAP_CATEGORIES } from "../../rulesets/values";
import { capFor } from "../caps";
import { runData } from "../run";
import { groupStaff, STAFF_GROUPS, unitFinding } from "../support";
import type { Check } from "../types";

export const quotaCap: Check = {
  id: "quota.cap",
  emits: ["quota.overCap", "quota.overBaseCap"],
  tags: ["quota", "unit"],
  run(ctx) {
    const out: FindingDraft[] = [];
    const rule = ctx.rule("quota.overCap");
    if (!rule) return out;
    const baseRule = ctx.rule("quota.overBaseCap");
    const { caps } = runData(ctx);
    for (const view of ctx.units) {
      for (const category of CAP_CATEGORIES) {
        const group = STAFF_GROUPS.find((g) => g.key === category)!;
        if (!group.categories.some((c) => ctx.listedCategories.has(c))) continue;
        const cap = capFor(rule, view, category, caps);
        if (!cap) continue;
        const staff = groupStaff(view.unit.staff, group);
        if (staff <= cap.cap) continue;
        const column = cap.fromUnit ? group.columns.cap : view.figures?.columns.communeClass !== undefined ? "communeClass" : undefined;
        const params = {
          group: category,
          staff,
          cap: cap.cap,
          diff: staff - cap.cap,
          base: cap.base,
          increments: cap.increments,
          populationIncrements: cap.populationIncrements,
          areaIncrements: cap.areaIncrements,
          fromUnit: cap.fromUnit ? 1 : undefined,
          classUnknown: cap.classUnknown ? 1 : undefined,
        };
        if (!cap.complete) {
          if (!baseRule) continue;
          out.push(unitFinding(baseRule, severityFor(baseRule, []), view, column, { ...params, population: view.figures?.population, area: view.figures?.area }));
          continue;
        }
        const severity = cap.fromUnit ? rule.severity : severityFor(rule, cap.paths);
        out.push(unitFinding(rule, severity, view, column, { ...params, tentative: severity !== rule.severity ? 1 : undefined }));
      }
    }
    return out;
  },
};
