/**
 * A birth date giving an age outside the rule set's range on the reporting date (issue 5 §5:
 * under 18 or over 70; `data.implausibleAge.minAge` / `.maxAge`, editable). A date after the
 * reporting date is the reader's `data.futureDate`; a year-only date counts as 01/01 (ageOn).
 */
import type { FindingDraft } from "../../findings/finding";
import { severityFor } from "../../rulesets/activate";
import { ageOn } from "../../text/dates";
import { asOfDay, forEachServing } from "../people";
import { child, personFinding } from "../support";
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
    forEachServing(ctx, (rec, view) => {
      const birth = rec.birthDate;
      if (!birth) return;
      // The age as ageOn counts it; within the range nothing is told whether the date is valid or
      // not (ageOn gives undefined then), so only the others go through ageOn.
      const bm = birth.month ?? 1;
      let quick = asOf.year - birth.year;
      if (asOf.month < bm || (asOf.month === bm && asOf.day < (birth.day ?? 1))) quick--;
      if (quick >= 0 && quick >= min && quick <= max) return;
      const age = ageOn(birth, asOf);
      if (age === undefined || age < 0 || (age >= min && age <= max)) return;
      const path = age < min ? "minAge" : "maxAge";
      out.push(personFinding(rule, severityFor(rule, [path]), rec, view, "birthDate", { value: rec.fields.birthDate?.text, age, min, max }));
    });
    return out;
  },
};
