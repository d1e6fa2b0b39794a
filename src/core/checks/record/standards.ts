/**
 * Qualification standards per title and regime (issue 5 §1): general education, professional
 * level, political theory, state management, each against the rule set's standard for the
 * person's posts, lowered in a difficult area (the unit's flag on the quota sheet). A shortfall is
 * the rule's severity, or a warning within the transition (ND 33/2023: until 01/08/2028); a value
 * missing from the roster is a warning "không có dữ liệu", never an error, told once per sheet
 * when the sheet has no such column at all.
 */
import type { FindingDraft, FindingParams } from "../../findings/finding";
import { basisLine, severityFor } from "../../rulesets/activate";
import { columnOf, servingIndices } from "../people";
import { postsIndex, runData } from "../run";
import type { PersonRecord } from "../../reader";
import type { Severity } from "../../report/types";
import type { ActiveRule } from "../../rulesets/types";
import { SCALES, standardLookup, transitionFor, type AppliedStandard, type LevelScale } from "../standards";
import { personFinding } from "../support";
import type { Check, CheckContext } from "../types";

/** Whether a roster sheet has a column (or one-hot group) for a field. */
export function sheetHasColumn(ctx: CheckContext, sheet: string, field: string): boolean {
  return columnOf(ctx, sheet, field) !== undefined;
}

/** One scale's part of the pass over the rows. */
interface Pass {
  scale: LevelScale;
  rule: ActiveRule;
  lookup: (rec: PersonRecord, difficultArea: boolean) => AppliedStandard | undefined;
  missingSeverity: Severity;
  out: FindingDraft[];
  noColumn: Map<string, { rows: number[]; std: AppliedStandard }>;
  severities: Map<string, Severity>;
  /** The standard per posts signature, without and with a difficult area. */
  bySig: [(AppliedStandard | null)[], (AppliedStandard | null)[]];
}

/** The parameters every finding of a standard has (made only for a finding). */
function standardParams(field: string, std: AppliedStandard): FindingParams {
  return { field, need: std.level, titleId: std.titleId, category: std.category, difficultArea: std.difficultArea ? 1 : undefined };
}

export const standards: Check = {
  id: "qualification.standards",
  emits: [...SCALES.map((s) => s.rule), "qualification.countedTraining"],
  tags: ["qualification", "record"],
  run(ctx) {
    const rows = servingIndices(ctx);
    const { viewAt } = runData(ctx);
    const records = ctx.reading.records;
    // One pass over the rows for the four scales; each scale's findings are kept apart and told
    // scale after scale, as one pass per scale would.
    const active: Pass[] = [];
    for (const scale of SCALES) {
      const rule = ctx.rule(scale.rule);
      if (!rule || rule.value === undefined) continue;
      active.push({ scale, rule, lookup: standardLookup(rule, scale), missingSeverity: rule.severity === "info" ? "info" : "warning", out: [], noColumn: new Map(), severities: new Map(), bySig: [[], []] });
    }
    if (active.length === 0) return [];
    // A person's standard depends on their posts' titles (the same for every record of a posts
    // signature), or on their category when no post has a known title.
    const { sig, sample } = postsIndex(ctx);
    const titled = new Int8Array(sample.length);
    const isTitled = (s: number): boolean => {
      if (titled[s] === 0) titled[s] = records[sample[s]].posts.some((p) => p.titleId !== undefined) ? 1 : 2;
      return titled[s] === 1;
    };
    for (const pass of active) pass.bySig = [new Array<AppliedStandard | null>(sample.length), new Array<AppliedStandard | null>(sample.length)];
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k];
      const rec = records[row];
      const view = viewAt[row];
      const difficultArea = view?.figures?.difficultArea === true;
      const s = sig[row];
      const bySignature = isTitled(s);
      for (const pass of active) {
        const { scale, rule, out } = pass;
        let std: AppliedStandard | undefined;
        if (bySignature) {
          const memo = pass.bySig[difficultArea ? 1 : 0];
          let m = memo[s];
          if (m === undefined) memo[s] = m = pass.lookup(records[sample[s]], difficultArea) ?? null;
          std = m ?? undefined;
        } else std = pass.lookup(rec, difficultArea);
        if (!std) continue;
        const field = scale.field;
        const have = scale.value(rec);
        // With `countTraining`: a completed training above the roster's value that meets the
        // standard stands for it; the roster cell gets an info finding to be updated instead.
        const trained = ctx.countedTraining?.(rec, field);
        if (trained && scale.rank(trained.level) > scale.rank(have) && scale.rank(trained.level) >= scale.rank(std.level) && (have !== undefined || sheetHasColumn(ctx, rec.sheet, field)) && (have === undefined || scale.rank(have) < scale.rank(std.level))) {
          const e = trained.entry;
          const f = personFinding(rule, "info", rec, view, field, Object.assign(standardParams(field, std), { have, written: rec.fields[field]?.text, trained: trained.level, trainingContent: e.content, trainingSheet: e.sheet, trainingRow: e.row, trainingYear: e.year }));
          f.rule = "qualification.countedTraining";
          f.col = rec.fields[field]?.col ?? columnOf(ctx, rec.sheet, field) ?? f.col;
          out.push(f);
          continue;
        }
        if (have === undefined) {
          if (!sheetHasColumn(ctx, rec.sheet, field)) {
            const agg = pass.noColumn.get(rec.sheet);
            if (agg) agg.rows.push(row);
            else pass.noColumn.set(rec.sheet, { rows: [row], std });
            continue;
          }
          const f = personFinding(rule, pass.missingSeverity, rec, view, field, Object.assign(standardParams(field, std), { missing: 1, written: rec.fields[field]?.text }));
          f.col = rec.fields[field]?.col ?? columnOf(ctx, rec.sheet, field) ?? f.col;
          out.push(f);
          continue;
        }
        if (scale.rank(have) >= scale.rank(std.level)) continue;
        const t = transitionFor(rule.value, rec, ctx.asOf);
        const base = t?.state === "within" ? t.severity ?? (rule.severity === "error" ? "warning" : rule.severity) : rule.severity;
        // The severity depends on the standard's path, the transition and the base only: once per run.
        const key = `${std.path}\u0000${t ? 1 : 0}\u0000${base}`;
        let severity = pass.severities.get(key);
        if (severity === undefined) pass.severities.set(key, (severity = severityFor(rule, t ? [std.path, "transition.until"] : [std.path], base)));
        const tentative = base === "error" && severity !== "error" ? 1 : undefined;
        out.push(personFinding(rule, severity, rec, view, field, Object.assign(standardParams(field, std), { have, written: rec.fields[field]?.text, transitionUntil: t?.until, transition: t?.state, tentative })));
      }
    }
    const out: FindingDraft[] = [];
    for (const { scale, rule, missingSeverity, out: found, noColumn } of active) {
      for (const f of found) out.push(f);
      for (const [sheet, agg] of noColumn) {
        const units = new Set(agg.rows.map((r) => viewAt[r]?.unit.id));
        const unit = units.size === 1 ? [...units][0] : undefined;
        const f: FindingDraft = { rule: rule.id, severity: missingSeverity, sheet, count: agg.rows.length, basis: basisLine(rule), params: { field: scale.field, missingColumn: 1, persons: agg.rows.length } };
        if (unit !== undefined) f.unit = unit;
        out.push(f);
      }
    }
    return out;
  },
};
