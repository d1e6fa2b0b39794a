/**
 * Required values missing from a person row (issue 5 §5): the fields the rule set lists
 * (`data.missingValue.fields`: birth date, gender, position by default; editable, e.g.
 * `data.missingValue.fields.idNumber` = có). A warning on the row's cell of that field; a sheet
 * that has no such column at all is told once, with the number of people. People who left and
 * rows without a name (`data.missingName`) are not checked; an unreadable value is told by the
 * reader (`data.invalidDate`, `data.unrecognizedValue`), not here.
 */
import { columnNumber } from "../../address";
import type { FindingDraft } from "../../findings/finding";
import type { PersonRecord } from "../../reader";
import type { CanonicalField } from "../../report/types";
import { basisLine, severityFor } from "../../rulesets/activate";
import { flagsOn, servingIndices } from "../people";
import { runData } from "../run";
import { child } from "../support";
import type { Check } from "../types";

function present(rec: PersonRecord, field: CanonicalField): boolean {
  if (field === "gender") return rec.gender !== undefined || rec.fields.gender !== undefined;
  return rec.fields[field] !== undefined;
}

export const missingValues: Check = {
  id: "data.missingValue",
  emits: ["data.missingValue"],
  tags: ["data", "record"],
  run(ctx) {
    const out: FindingDraft[] = [];
    const rule = ctx.rule("data.missingValue");
    if (!rule) return out;
    const fields = [...flagsOn(child(rule.value, "fields"))] as CanonicalField[];
    const { viewAt } = runData(ctx);
    const records = ctx.reading.records;
    // One pass over the rows: per row, which of the fields are missing (a bit each, up to 31
    // fields), and whether a sex was read; then the findings field by field, sheet by sheet.
    const bits = fields.length <= 31;
    const bySheet = new Map<string, { list: number[]; missing: number[]; gender: boolean }>();
    const serving = servingIndices(ctx);
    for (let k = 0; k < serving.length; k++) {
      const i = serving[k];
      const rec = records[i];
      if (rec.fullName === undefined) continue;
      let sheet = bySheet.get(rec.sheet);
      if (!sheet) bySheet.set(rec.sheet, (sheet = { list: [], missing: [], gender: false }));
      sheet.list.push(i);
      if (rec.gender !== undefined) sheet.gender = true;
      if (!bits) continue;
      let m = 0;
      for (let k = 0; k < fields.length; k++) if (!present(rec, fields[k])) m |= 1 << k;
      sheet.missing.push(m);
    }
    for (const [sheet, { list, missing: missingBits, gender }] of bySheet) {
      const columns = (ctx.reading.sheets.find((s) => s.name === sheet)?.columns ?? {}) as Partial<Record<CanonicalField, string | string[]>>;
      for (const [k, field] of fields.entries()) {
        const severity = severityFor(rule, [`fields.${field}`]);
        const letters = columns[field];
        const hasColumn = letters !== undefined || (field === "gender" && gender);
        const missing = bits ? list.filter((_, j) => (missingBits[j] & (1 << k)) !== 0) : list.filter((i) => !present(records[i], field));
        if (missing.length === 0) continue;
        if (!hasColumn) {
          const units = new Set(missing.map((i) => viewAt[i]?.unit.id));
          const f: FindingDraft = { rule: rule.id, severity, sheet, count: missing.length, basis: basisLine(rule), params: { field, missingColumn: 1, persons: missing.length } };
          const unit = units.size === 1 ? [...units][0] : undefined;
          if (unit !== undefined) f.unit = unit;
          out.push(f);
          continue;
        }
        const col = letters !== undefined ? columnNumber(Array.isArray(letters) ? letters[0] : letters) : undefined;
        const basis = basisLine(rule);
        for (const i of missing) {
          const rec = records[i];
          const view = viewAt[i];
          const f: FindingDraft = { rule: rule.id, severity, sheet, row: rec.row, col: col ?? rec.fields.fullName?.col ?? 1, basis, params: { field } };
          if (view) f.unit = view.unit.id;
          if (rec.fullName) f.person = rec.fullName;
          out.push(f);
        }
      }
    }
    return out;
  },
};
