/**
 * Retirement age (issue 5 §2): past it on the reporting date (`retirement.pastAge`, an error), or
 * reaching it within the next months (`retirement.soon`, info, inclusive: retiring exactly 12
 * months after the reporting date is told), with the date and the first month of pension. Ages
 * from the rule set's table (Labour Code 2019, Decree 135/2020: rulesets/retirement.ts); only the
 * categories the rule lists (cadres and civil servants); one finding per person, on the birth date.
 * Without a birth date or a sex nothing is told here (`data.missingValue` tells it).
 */
import { addMonths, dayOfIso, isoDay } from "../../calendar";
import type { FindingDraft, FindingParams } from "../../findings/finding";
import type { PersonRecord } from "../../reader";
import type { Severity } from "../../report/types";
import { severityFor } from "../../rulesets/activate";
import { RETIREMENT_TABLE_RULE, type Retirement } from "../../rulesets/retirement";
import { toIso } from "../../text/dates";
import { flagsOn, retirementOfRecord, retirementTable, forEachServing } from "../people";
import { child, personFinding } from "../support";
import type { Check } from "../types";

/** What a retirement finding tells (made only for a finding). */
function retirementParams(rec: PersonRecord, r: Retirement): FindingParams {
  return { sex: rec.gender, birth: toIso(rec.birthDate!), age: r.ageMonths, retires: r.date, pensionFrom: r.pensionFrom };
}

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
    const pastSeverity = new Map<string, Severity>();
    forEachServing(ctx, (rec, view) => {
      if (!rec.category || !categories.has(rec.category)) return;
      const r = retirementOfRecord(rec, table);
      if (!r) return;
      if (ctx.asOf > r.date) {
        if (!past) return;
        let severity = pastSeverity.get(rec.gender!);
        if (severity === undefined) pastSeverity.set(rec.gender!, (severity = severityFor(past, [`ageMonths.${rec.gender!}`])));
        out.push(personFinding(past, severity, rec, view, "birthDate", retirementParams(rec, r)));
      } else if (soon && horizon !== undefined && r.date <= horizon) {
        out.push(personFinding(soon, soon.severity, rec, view, "birthDate", Object.assign(retirementParams(rec, r), { within: within as number })));
      }
    }, { onePerPerson: true });
    return out;
  },
};
