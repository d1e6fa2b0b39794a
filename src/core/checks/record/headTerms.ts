/**
 * Two full consecutive terms in a head post (issue 5 §3; HD 26-HD/BTCTW, QĐ 65-QĐ/TW: "more than
 * two consecutive terms" is 8 years or more in the post): the party secretary, the council chair
 * or the committee chair in post for `twoTerms.months` or more (from the appointment date
 * column), or whose term column says `twoTerms.number` or more — a warning "đề nghị luân chuyển"
 * (at commune level rotation is a target, never an error); in the second term, an info.
 */
import { filledDay, fullMonthsBetween } from "../../calendar";
import type { FindingDraft } from "../../findings/finding";
import { severityFor } from "../../rulesets/activate";
import { toIso } from "../../text/dates";
import { asOfDay, firstTitleAt, flagsOn, forEachServing } from "../people";
import { child, personFinding } from "../support";
import type { Check } from "../types";

const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);

/** A count (months in post, term number) at or above a limit, both known. */
const atLeast = (value: number | undefined, limit: number | undefined): boolean => value !== undefined && limit !== undefined && value >= limit;

export const headTerms: Check = {
  id: "rotation.headTerms",
  emits: ["rotation.headTerms"],
  tags: ["rotation", "term", "record"],
  run(ctx) {
    const out: FindingDraft[] = [];
    const rule = ctx.rule("rotation.headTerms");
    if (!rule) return out;
    const titles = flagsOn(child(rule.value, "titles"));
    const two = { months: num(child(child(rule.value, "twoTerms"), "months")), number: num(child(child(rule.value, "twoTerms"), "number")) };
    const second = { months: num(child(child(rule.value, "secondTerm"), "months")), number: num(child(child(rule.value, "secondTerm"), "number")) };
    const today = asOfDay(ctx);
    const titleOf = firstTitleAt(ctx, titles);
    forEachServing(ctx, (rec, view, index) => {
      const titleId = titleOf(index);
      if (!titleId) return;
      const held = rec.positionSince ? fullMonthsBetween(filledDay(rec.positionSince), today) : undefined;
      const months = held !== undefined && held >= 0 ? held : undefined;
      const term = rec.termNumber;
      const full = atLeast(months, two.months) || atLeast(term, two.number);
      if (!full && !(atLeast(months, second.months) || atLeast(term, second.number))) return;
      const params = { titleId, since: rec.positionSince ? toIso(rec.positionSince) : undefined, months, term, limit: two.months, stage: full ? "full" : "second" };
      const field = months !== undefined ? "positionSince" : "termNumber";
      const severity = full ? severityFor(rule, [atLeast(months, two.months) ? "twoTerms.months" : "twoTerms.number"]) : "info";
      out.push(personFinding(rule, severity, rec, view, field, params));
    });
    return out;
  },
};
