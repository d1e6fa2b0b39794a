/**
 * A serving person holding a title the regime no longer has (Trưởng Công an xã is not a commune
 * civil servant from 01/08/2023: ND 33/2023 Art 5(2)). On the person's position cell.
 */
import type { FindingDraft } from "../../findings/finding";
import type { PersonRecord } from "../../reader";
import type { Severity } from "../../report/types";
import { severityFor } from "../../rulesets/activate";
import { child, dataKeys, holds, personFinding } from "../support";
import { servingIndices } from "../people";
import { postsIndex, runData } from "../run";
import type { Check } from "../types";

/** The entries whose title a person holds (a function of its own: no closure in the loop over records). */
function heldEntries<E extends { titleId: string }>(rec: PersonRecord, entries: readonly E[]): E[] {
  return entries.filter((e) => holds(rec, e.titleId));
}

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
    const { viewAt } = runData(ctx);
    const records = ctx.reading.records;
    // Which entries a person holds depends on their posts' titles: once per posts signature.
    const { sig, sample } = postsIndex(ctx);
    const heldBySig: (typeof entries | undefined)[] = new Array<typeof entries | undefined>(sample.length);
    const serving = servingIndices(ctx);
    for (let k = 0; k < serving.length; k++) {
      const i = serving[k];
      const rec = records[i];
      const s = sig[i];
      const held = (heldBySig[s] ??= heldEntries(records[sample[s]], entries));
      for (const e of held) {
        const severity = severityFor(rule, [`${e.titleId}.since`], e.severity ?? rule.severity);
        out.push(personFinding(rule, severity, rec, viewAt[i], "position", { titleId: e.titleId, since: e.since, written: rec.posts.find((p) => p.titleId === e.titleId)?.text }));
      }
    }
    return out;
  },
};
