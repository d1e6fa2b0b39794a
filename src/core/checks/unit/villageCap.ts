/**
 * Non-specialized workers per village (thôn, tổ dân phố): at most N persons per village where
 * the regime says so (ND 33/2023 Art 33(6): 3), counted per person, per village. A village over
 * it gets one finding on the row of its first person beyond the cap, the others in
 * `relatedRows`; the unit's total over N × villages gets one on the unit's quota row.
 */
import type { FindingDraft } from "../../findings/finding";
import type { PersonRecord } from "../../reader";
import { severityFor } from "../../rulesets/activate";
import { comparisonKey } from "../../text/keys";
import { villageCapFor } from "../caps";
import { personFinding, relatedRows, unitFinding } from "../support";
import type { Check } from "../types";

export const villageCap: Check = {
  id: "quota.village",
  emits: ["quota.villageOverCap"],
  tags: ["quota", "unit"],
  run(ctx) {
    const out: FindingDraft[] = [];
    const rule = ctx.rule("quota.villageOverCap");
    if (!rule) return out;
    const severity = severityFor(rule, ["perVillage"]);
    for (const view of ctx.units) {
      const cap = villageCapFor(rule, view);
      if (!cap) continue;
      const workers = view.serving.filter((r) => r.category === "nonSpecializedVillage");
      const byVillage = new Map<string, PersonRecord[]>();
      for (const r of workers) {
        if (!r.village) continue;
        const k = comparisonKey(r.village);
        const list = byVillage.get(k);
        if (list) list.push(r);
        else byVillage.set(k, [r]);
      }
      for (const list of byVillage.values()) {
        if (list.length <= cap.perVillage) continue;
        const first = list[cap.perVillage];
        const f = personFinding(rule, severity, first, view, first.fields.village ? "village" : "position", { village: first.village, staff: list.length, cap: cap.perVillage, diff: list.length - cap.perVillage });
        const rel = relatedRows(first, list);
        if (rel) f.relatedRows = rel;
        out.push(f);
      }
      if (cap.total !== undefined && workers.length > cap.total) {
        out.push(unitFinding(rule, severity, view, view.figures?.columns.villages !== undefined ? "villages" : "kctVillage", { staff: workers.length, cap: cap.total, perVillage: cap.perVillage, villages: view.unit.villages, diff: workers.length - cap.total }));
      }
    }
    return out;
  },
};
