/**
 * A mandatory post nobody serving holds (no Chủ tịch UBND, no Chủ tịch HĐND). Only units whose
 * cadres the workbook lists are checked (a list of village workers says nothing of the chairs).
 * When the only holder has left, the message names them.
 */
import type { FindingDraft } from "../../findings/finding";
import { TITLES } from "../../reader/titles";
import { severityFor } from "../../rulesets/activate";
import { child } from "../support";
import { holds, unitFinding } from "../support";
import { RuleConfigError, type Check } from "../types";

export const mandatoryPosts: Check = {
  id: "position.mandatory",
  emits: ["position.missingMandatory"],
  tags: ["position", "unit"],
  run(ctx) {
    const out: FindingDraft[] = [];
    const rule = ctx.rule("position.missingMandatory");
    const titles = child(rule?.value, "titles");
    if (!rule || titles === undefined) return out;
    if (!Array.isArray(titles) || !titles.every((t) => typeof t === "string")) throw new RuleConfigError(rule.id, "titles", "titles must be a list of title ids");
    const severity = severityFor(rule, ["titles"]);
    for (const view of ctx.units) {
      if (!view.records.some((r) => r.category === "cadre")) continue;
      for (const id of titles as string[]) {
        if (view.serving.some((r) => holds(r, id))) continue;
        const title = TITLES.find((t) => t.id === id);
        const left = view.records.find((r) => r.left && holds(r, id));
        out.push(unitFinding(rule, severity, view, "unit", { title: title?.nameVi ?? id, titleId: id, leftName: left?.fullName, leftSheet: left?.sheet, leftRow: left?.row }));
      }
    }
    return out;
  },
};
