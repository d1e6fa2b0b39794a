/**
 * The field of training against the civil-servant title (issue 5 §1, "professional level and
 * matching field"): Tư pháp - hộ tịch needs law (Luật Hộ tịch Art 72); other titles as the rule
 * set lists them (`qualification.professionalField.<title>.fields`, fields separated by ";",
 * editable on the Quy định sheet). Checked only when the field is known (its column, or the rest
 * of the level cell: "ĐH Luật"); a sheet with a field column and an empty cell is "không có dữ liệu".
 */
import type { FindingDraft } from "../../findings/finding";
import type { Severity } from "../../report/types";
import { severityFor, valueStatus } from "../../rulesets/activate";
import { asciiKey, comparisonKey } from "../../text/keys";
import { professionalRank } from "../../text/vocab/professional";
import type { JsonValue } from "../../rulesets/types";
import { columnOf, firstTitleAt, forEachServing } from "../people";
import { child, dataKeys, personFinding } from "../support";
import type { Check } from "../types";

/** A field matches when it contains one of the listed fields (with or without diacritics). */
export function fieldMatches(field: string, fields: string): boolean {
  const f = comparisonKey(field);
  const fa = asciiKey(field);
  return fields
    .split(/[;,]/)
    .map((x) => x.trim())
    .filter((x) => x !== "")
    .some((x) => f.includes(comparisonKey(x)) || fa.includes(asciiKey(x)));
}

export const professionalField: Check = {
  id: "qualification.professionalField",
  emits: ["qualification.professionalField"],
  tags: ["qualification", "record"],
  run(ctx) {
    const out: FindingDraft[] = [];
    const rule = ctx.rule("qualification.professionalField");
    if (!rule) return out;
    const titles = new Set(dataKeys(rule.value));
    const fieldsOf = new Map<string, JsonValue | undefined>();
    const intermediate = professionalRank("intermediate");
    // The severity of a title's finding depends on its value path only: once per run.
    const severities = new Map<string, { severity: Severity; tentative: 1 | undefined }>();
    // The same written field against the same list, once per run.
    const matches = new Map<string, Map<string, boolean>>();
    const matchesOnce = (field: string, fields: string): boolean => {
      let byField = matches.get(fields);
      if (!byField) matches.set(fields, (byField = new Map()));
      let m = byField.get(field);
      if (m === undefined) byField.set(field, (m = fieldMatches(field, fields)));
      return m;
    };
    const titleOf = firstTitleAt(ctx, titles);
    forEachServing(ctx, (rec, view, index) => {
      const titleId = titleOf(index);
      if (titleId === undefined) return;
      let fields = fieldsOf.get(titleId);
      if (!fieldsOf.has(titleId)) fieldsOf.set(titleId, (fields = child(child(rule.value, titleId), "fields")));
      if (typeof fields !== "string") return;
      // No training, or below intermediate: the level standard says so; there is no field to compare.
      if (rec.professionalLevel !== undefined && professionalRank(rec.professionalLevel) < intermediate) return;
      const field = rec.professionalField;
      if (field === undefined || field.trim() === "") {
        const col = columnOf(ctx, rec.sheet, "professionalField");
        if (col === undefined) return;
        const f = personFinding(rule, rule.severity === "info" ? "info" : "warning", rec, view, "professionalField", { titleId, fields, missing: 1 });
        f.col = col;
        out.push(f);
        return;
      }
      if (matchesOnce(field, fields)) return;
      const cellField = rec.fields.professionalField ? "professionalField" : "professionalLevel";
      let sure = severities.get(titleId);
      if (!sure) {
        const path = `${titleId}.fields`;
        severities.set(titleId, (sure = { severity: severityFor(rule, [path]), tentative: valueStatus(rule, path) !== "confirmed" ? 1 : undefined }));
      }
      out.push(personFinding(rule, sure.severity, rec, view, cellField, { titleId, fields, value: field, tentative: sure.tentative }));
    });
    return out;
  },
};
