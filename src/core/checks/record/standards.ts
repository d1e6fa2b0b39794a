/**
 * Qualification standards per title and regime (issue 5 §1): general education, professional
 * level, political theory, state management, each against the rule set's standard for the
 * person's posts, lowered in a difficult area (the unit's flag on the quota sheet). A shortfall is
 * the rule's severity, or a warning within the transition (ND 33/2023: until 01/08/2028); a value
 * missing from the roster is a warning "không có dữ liệu", never an error, told once per sheet
 * when the sheet has no such column at all.
 */
import type { FindingDraft } from "../../findings/finding";
import { basisLine, severityFor } from "../../rulesets/activate";
import { columnOf, servingRows, type ServingRow } from "../people";
import { SCALES, standardFor, transitionFor, type AppliedStandard } from "../standards";
import { personFinding } from "../support";
import type { Check, CheckContext } from "../types";

/** Whether a roster sheet has a column (or one-hot group) for a field. */
export function sheetHasColumn(ctx: CheckContext, sheet: string, field: string): boolean {
  return columnOf(ctx, sheet, field) !== undefined;
}

export const standards: Check = {
  id: "qualification.standards",
  emits: [...SCALES.map((s) => s.rule), "qualification.countedTraining"],
  tags: ["qualification", "record"],
  run(ctx) {
    const out: FindingDraft[] = [];
    const rows = servingRows(ctx);
    for (const scale of SCALES) {
      const rule = ctx.rule(scale.rule);
      if (!rule || rule.value === undefined) continue;
      const missingSeverity = rule.severity === "info" ? "info" : "warning";
      const noColumn = new Map<string, { rows: ServingRow[]; std: AppliedStandard }>();
      for (const row of rows) {
        const { rec, view } = row;
        const std = standardFor(rule, scale, rec, view?.figures?.difficultArea === true);
        if (!std) continue;
        const params = { field: scale.field, need: std.level, titleId: std.titleId, category: std.category, difficultArea: std.difficultArea ? 1 : undefined };
        const have = scale.value(rec);
        // With `countTraining`: a completed training above the roster's value that meets the
        // standard stands for it; the roster cell gets an info finding to be updated instead.
        const trained = ctx.countedTraining?.(rec, scale.field);
        if (trained && scale.rank(trained.level) > scale.rank(have) && scale.rank(trained.level) >= scale.rank(std.level) && (have !== undefined || sheetHasColumn(ctx, rec.sheet, scale.field)) && (have === undefined || scale.rank(have) < scale.rank(std.level))) {
          const e = trained.entry;
          const f = personFinding(rule, "info", rec, view, scale.field, { ...params, have, written: rec.fields[scale.field]?.text, trained: trained.level, trainingContent: e.content, trainingSheet: e.sheet, trainingRow: e.row, trainingYear: e.year });
          f.rule = "qualification.countedTraining";
          f.col = rec.fields[scale.field]?.col ?? columnOf(ctx, rec.sheet, scale.field) ?? f.col;
          out.push(f);
          continue;
        }
        if (have === undefined) {
          if (!sheetHasColumn(ctx, rec.sheet, scale.field)) {
            const agg = noColumn.get(rec.sheet);
            if (agg) agg.rows.push(row);
            else noColumn.set(rec.sheet, { rows: [row], std });
            continue;
          }
          const f = personFinding(rule, missingSeverity, rec, view, scale.field, { ...params, missing: 1, written: rec.fields[scale.field]?.text });
          f.col = rec.fields[scale.field]?.col ?? columnOf(ctx, rec.sheet, scale.field) ?? f.col;
          out.push(f);
          continue;
        }
        if (scale.rank(have) >= scale.rank(std.level)) continue;
        const t = transitionFor(rule.value, rec, ctx.asOf);
        const paths = t ? [std.path, "transition.until"] : [std.path];
        const base = t?.state === "within" ? t.severity ?? (rule.severity === "error" ? "warning" : rule.severity) : rule.severity;
        const severity = severityFor(rule, paths, base);
        const tentative = base === "error" && severity !== "error" ? 1 : undefined;
        out.push(personFinding(rule, severity, rec, view, scale.field, { ...params, have, written: rec.fields[scale.field]?.text, transitionUntil: t?.until, transition: t?.state, tentative }));
      }
      for (const [sheet, agg] of noColumn) {
        const units = new Set(agg.rows.map((r) => r.view?.unit.id));
        const unit = units.size === 1 ? [...units][0] : undefined;
        const f: FindingDraft = { rule: rule.id, severity: missingSeverity, sheet, count: agg.rows.length, basis: basisLine(rule), params: { field: scale.field, missingColumn: 1, persons: agg.rows.length } };
        if (unit !== undefined) f.unit = unit;
        out.push(f);
      }
    }
    return out;
  },
};
