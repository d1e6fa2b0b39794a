/**
 * ND 33/2023 Art 8(3): a council or committee chair or vice-chair must, at first appointment, be
 * able to serve at least one full term (60 months) before retirement age. From the appointment
 * date column ("ngày bổ nhiệm", "giữ chức vụ từ"), appointments from `appointedFrom` on; months
 * left are counted to the first day of pension (the day after retirement). Without the
 * appointment date, the birth date or the sex nothing is told.
 */
import { dayOfIso, filledDay, fullMonthsBetween, isoDay } from "../../calendar";
import type { FindingDraft } from "../../findings/finding";
import { severityFor } from "../../rulesets/activate";
import { toIso } from "../../text/dates";
import { firstTitleAt, flagsOn, retirementOfRecord, retirementTable, forEachServing } from "../people";
import { child, personFinding } from "../support";
import type { Check } from "../types";

export const appointedLate: Check = {
  id: "retirement.appointedLate",
  emits: ["retirement.appointedLate"],
  tags: ["retirement", "term", "record"],
  run(ctx) {
    const out: FindingDraft[] = [];
    const rule = ctx.rule("retirement.appointedLate");
    const table = retirementTable(ctx);
    if (!rule || !table) return out;
    const titles = flagsOn(child(rule.value, "titles"));
    const min = child(rule.value, "minMonths");
    const from = child(rule.value, "appointedFrom");
    if (typeof min !== "number") return out;
    const titleOf = firstTitleAt(ctx, titles);
    forEachServing(ctx, (rec, view, index) => {
      const titleId = titleOf(index);
      if (!titleId || !rec.positionSince) return;
      const since = filledDay(rec.positionSince);
      if (typeof from === "string" && isoDay(since) < from) return;
      if (isoDay(since) > ctx.asOf) return; // a date in the future is data.futureDate
      const r = retirementOfRecord(rec, table);
      if (!r) return;
      const left = fullMonthsBetween(since, dayOfIso(r.pensionFrom));
      if (left >= min) return;
      out.push(personFinding(rule, severityFor(rule, ["minMonths"]), rec, view, "positionSince", { titleId, since: toIso(rec.positionSince), left: Math.max(left, 0), min, retires: r.date }));
    });
    return out;
  },
};
