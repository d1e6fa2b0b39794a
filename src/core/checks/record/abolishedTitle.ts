/**
 * A serving person holding a title the regime no longer has (Trưởng Công an xã is not a commune
 * civil servant from 01/08/2023: ND 33/2023 Art 5(2)). On the person's position cell.
 */
import type { FindingDraft } from "../../findings/finding";
import type { Severity } from "../../report/types";
import { severityFor } from "../../rulesets/activate";
import { child, dataKeys, holds, personFinding } from "../support";
import type { Check, UnitView } from "../types";

export const abolishedTitle: Check = {
  id: "position.abolishedTitle",
  emits: ["position.abolishedTitle"],
  tags: ["position", "record"],
  run(ctx) {
    const out: FindingDraft[] = [];
    const rule = ctx.rule("position.abolishedTitle");
    if (!rule) return out;
    const entries = dataKeys(rule.value)
      .map((titleId) => ({ titleId, since: child(child(rule.value, titleId), "since"), severity: child(child(rule.value, titleId), "severity") }))
      .filter((e): e is { titleId: string; since: string; severity: Severity | undefined } => typeof e.since === "string" && e.since <= ctx.date);
    if (entries.length === 0) return out;
    const viewOf = new Map<object, UnitView>();
    for (const v of ctx.units) for (const r of v.records) viewOf.set(r, v);
    for (const rec of ctx.reading.records) {
      if (rec.left) continue;
      for (const e of entries) {
        if (!holds(rec, e.titleId)) continue;
        const severity = severityFor(rule, [`${e.titleId}.since`], e.severity ?? rule.severity);
        out.push(personFinding(rule, severity, rec, viewOf.get(rec), "position", { titleId: e.titleId, since: e.since, written: rec.posts.find((p) => p.titleId === e.titleId)?.text }));
      }
    }
    return out;
  },
};
