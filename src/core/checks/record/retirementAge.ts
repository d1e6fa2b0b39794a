/**
 * Retirement age (issue 5 §2): past it on the reporting date (`retirement.pastAge`, an error), or
 * reaching it within the next months (`retirement.soon`, info, inclusive: retiring exactly 12
 * months after the reporting date is told), with the date and the first month of pension. Ages
 * from the rule set's table (Labour Code 2019, Decree 135/2020: rulesets/retirement.ts); only the
 * categories the rule lists (cadres and civil servants); one finding per person, on the birth date.
 * Without a birth date or a sex nothing is told here (`data.missingValue` tells it).
 */
import { addMonths, dayOfIso, isoDay } from "../../calendar";
import type { FindingDraft } from "../../findings/finding";
import { severityFor } from "../../rulesets/activate";
import { RETIREMENT_TABLE_RULE } from "../../rulesets/retirement";
import { toIso } from "../../text/dates";
import { flagsOn, retirementOfRecord, retirementTable, servingRows } from "../people";
import { child, personFinding } from "../support";
import type { Check } from "../types";

export const retirementAge: Check = {
  id: "retirement.age",
  emits: ["retirement.pastAge", "retirement.soon"],
  tags: ["retirement", "age", "record"],
  run(ctx) {
    const out: FindingDraft[] = [];
    const past = ctx.rule("retirement.pastAge");
    const soon = ctx.rule("retirement.soon");
    const table = retirementTable(ctx);
    if (!table) return out;
    // The categories are the table rule's, whether or not its own finding is switched on.
    const categories = flagsOn(child(ctx.ruleSet.rules.get(RETIREMENT_TABLE_RULE)?.value, "categories"));
    const within = child(soon?.value, "withinMonths");
    const horizon = typeof within === "number" ? isoDay(addMonths(dayOfIso(ctx.asOf), within)) : undefined;
    for (const { rec, view } of servingRows(ctx, { onePerPerson: true })) {
      if (!rec.category || !categories.has(rec.category)) continue;
      const r = retirementOfRecord(rec, table);
      if (!r) continue;
      const params = { sex: rec.gender, birth: toIso(rec.birthDate!), age: r.ageMonths, retires: r.date, pensionFrom: r.pensionFrom };
      if (ctx.asOf > r.date) {
        if (past) out.push(personFinding(past, severityFor(past, [`ageMonths.${rec.gender!}`]), rec, view, "birthDate", params));
      } else if (soon && horizon !== undefined && r.date <= horizon) {
        out.push(personFinding(soon, soon.severity, rec, view, "birthDate", { ...params, within: within as number }));
      }
    }
    return out;
  },
};
