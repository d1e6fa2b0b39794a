/**
 * More holders of a civil-servant title in a unit than the rule set allows (Chỉ huy trưởng
 * Quân sự: one; TT 13/2019 Art 9). A limit the reference does not confirm only warns.
 */
import type { FindingDraft } from "../../findings/finding";
import { severityFor } from "../../rulesets/activate";
import { child, dataKeys } from "../support";
import { RuleConfigError, type Check } from "../types";
import { tooManyHolders } from "./holders";

export const titleHolders: Check = {
  id: "position.holders",
  emits: ["position.tooManyHolders"],
  tags: ["position", "unit"],
  run(ctx) {
    const out: FindingDraft[] = [];
    const rule = ctx.rule("position.tooManyHolders");
    if (!rule) return out;
    for (const titleId of dataKeys(rule.value)) {
      const max = child(child(rule.value, titleId), "max");
      if (typeof max !== "number") throw new RuleConfigError(rule.id, `${titleId}.max`, "max must be a number");
      const severity = severityFor(rule, [`${titleId}.max`]);
      for (const view of ctx.units) {
        const f = tooManyHolders(rule, severity, view, titleId, max, {});
        if (f) out.push(f);
      }
    }
    return out;
  },
};
