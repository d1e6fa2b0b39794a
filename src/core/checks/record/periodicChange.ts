/**
 * Periodic change of post (issue 5 §3; Luật PCTN 2018, ND 59/2019): a civil servant in a title of
 * the rule set's list (default Địa chính, Tư pháp - hộ tịch, Tài chính - kế toán; editable:
 * `rotation.periodicChange.titles.<title>` = có / không) in the same post for `cycleMonths` or more
 * (from the appointment date column) is due for rotation — skipped when fewer than
 * `minMonthsLeft` months remain before retirement (ND 59/2019 Art 38), counted to the first day
 * of pension. Without the appointment date nothing is told.
 */
import { dayOfIso, filledDay, fullMonthsBetween } from "../../calendar";
import type { FindingDraft } from "../../findings/finding";
import { severityFor } from "../../rulesets/activate";
import { toIso } from "../../text/dates";
import { asOfDay, firstTitleAt, flagsOn, retirementOfRecord, retirementTable, forEachServing } from "../people";
import { child, personFinding } from "../support";
import type { Check } from "../types";

export const periodicChange: Check = {
  id: "rotation.periodicChange",
  emits: ["rotation.periodicChange"],
  tags: ["rotation", "term", "record"],
  run(ctx) {
    const out: FindingDraft[] = [];
    const rule = ctx.rule("rotation.periodicChange");
    if (!rule) return out;
    const titles = flagsOn(child(rule.value, "titles"));
    const cycle = child(rule.value, "cycleMonths");
    const minLeft = child(rule.value, "minMonthsLeft");
    if (typeof cycle !== "number") return out;
    const today = asOfDay(ctx);
    const table = retirementTable(ctx);
    const titleOf = firstTitleAt(ctx, titles);
    forEachServing(ctx, (rec, view, index) => {
      const titleId = titleOf(index);
      if (!titleId || !rec.positionSince) return;
      const months = fullMonthsBetween(filledDay(rec.positionSince), today);
      if (months < cycle) return;
      const r = retirementOfRecord(rec, table);
      const left = r ? fullMonthsBetween(today, dayOfIso(r.pensionFrom)) : undefined;
      if (left !== undefined && typeof minLeft === "number" && left < minLeft) return;
      out.push(personFinding(rule, severityFor(rule, [`titles.${titleId}`, "cycleMonths"]), rec, view, "positionSince", { titleId, since: toIso(rec.positionSince), months, cycle, left }));
    });
    return out;
  },
};
