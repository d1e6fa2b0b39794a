/**
 * A birth date giving an age outside the rule set's range on the reporting date (issue 5 §5:
 * under 18 or over 70; `data.implausibleAge.minAge` / `.maxAge`, editable). A date after the
 * reporting date is the reader's `data.futureDate`; a year-only date counts as 01/01 (ageOn).
 */
import type { FindingDraft } from "../../findings/finding";
import { severityFor } from "../../rulesets/activate";
import { ageOn } from "../../text/dates";
import { asOfDay, servingIndices } from "../people";
import { child, personFinding } from "../support";
import { runData } from "../run";
import type { Check } from "../types";

export const implausibleAge: Check = {
  id: "data.implausibleAge",
  emits: ["data.implausibleAge"],
  tags: ["data", "age", "record"],
  run(ctx) {
    const out: FindingDraft[] = [];
    const rule = ctx.rule("data.implausibleAge");
    if (!rule) return out;
    const asOf = { ...asOfDay(ctx), precision: "day" as const };
    const min = child(rule.value, "minAge");
    const max = child(rule.value, "maxAge");
    if (typeof min !== "number" || typeof max !== "number") return out;
    const { viewAt } = runData(ctx);
    const records = ctx.reading.records;
    for (const index of servingIndices(ctx)) {
      const rec = records[index];
      const view = viewAt[index];
      if (!rec.birthDate) continue;
      const age = ageOn(rec.birthDate, asOf);
      if (age === undefined || age < 0 || (age >= min && age <= max)) continue;
      const path = age < min ? "minAge" : "maxAge";
      out.push(personFinding(rule, severityFor(rule, [path]), rec, view, "birthDate", { value: rec.fields.birthDate?.text, age, min, max }));
    }
    return out;
  },
};
