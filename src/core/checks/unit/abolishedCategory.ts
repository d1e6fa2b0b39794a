/**
 * People still listed in a category after it ended (commune-level non-specialized workers from
 * 01/08/2025: CV 03/CV-BCĐ). Told once per unit with the count, on the unit's quota row.
 */
import type { FindingDraft } from "../../findings/finding";
import type { Severity } from "../../report/types";
import type { StaffCategory } from "../../reader/titles";
import { severityFor } from "../../rulesets/activate";
import { child, dataKeys, unitFinding } from "../support";
import type { Check } from "../types";

const COLUMN = { nonSpecializedCommune: "kctCommuneProvince", nonSpecializedVillage: "kctVillage", cadre: "cbccProvince", civilServant: "cbccProvince" } as const;

export const abolishedCategory: Check = {
  id: "position.abolishedCategory",
  emits: ["position.abolishedCategory"],
  tags: ["position", "unit"],
  run(ctx) {
    const out: FindingDraft[] = [];
    const rule = ctx.rule("position.abolishedCategory");
    if (!rule) return out;
    for (const category of dataKeys(rule.value) as StaffCategory[]) {
      const since = child(child(rule.value, category), "since");
      if (typeof since !== "string" || since > ctx.date) continue;
      const own = child(child(rule.value, category), "severity") as Severity | undefined;
      const severity = severityFor(rule, [`${category}.since`], own ?? rule.severity);
      for (const view of ctx.units) {
        const count = view.serving.filter((r) => r.category === category).length;
        if (count === 0) continue;
        out.push(unitFinding(rule, severity, view, COLUMN[category], { category, count, since }));
      }
    }
    return out;
  },
};
