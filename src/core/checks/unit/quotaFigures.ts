/**
 * Staff against the figures each level assigned (quota sheet: "tỉnh giao", "huyện giao"), per
 * unit and staff group: a shortage is a warning with the number missing, an excess an error.
 * One finding per unit, group and level, on the cell of the figure in the quota sheet.
 * A group is checked only when the workbook lists anyone of it (a cadre-only list says nothing
 * about village workers).
 */
import type { FindingDraft } from "../../findings/finding";
import { severityFor } from "../../rulesets/activate";
import { groupStaff, STAFF_GROUPS, unitFinding } from "../support";
import type { Check } from "../types";

const LEVELS = ["province", "district"] as const;

export const quotaFigures: Check = {
  id: "quota.figures",
  emits: ["quota.shortage", "quota.excess"],
  tags: ["quota", "unit"],
  run(ctx) {
    const out: FindingDraft[] = [];
    const shortage = ctx.rule("quota.shortage");
    const excess = ctx.rule("quota.excess");
    for (const view of ctx.units) {
      for (const group of STAFF_GROUPS) {
        const figures = view.unit.quota?.[group.key];
        if (!figures || !group.categories.some((c) => ctx.listedCategories.has(c))) continue;
        const staff = groupStaff(view.unit.staff, group);
        for (const level of LEVELS) {
          const figure = figures[level];
          if (figure === undefined || figure === staff) continue;
          const rule = staff < figure ? shortage : excess;
          if (!rule) continue;
          out.push(unitFinding(rule, severityFor(rule, []), view, group.columns[level], { group: group.key, level, staff, figure, diff: Math.abs(staff - figure) }));
        }
      }
    }
    return out;
  },
};
