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
import { flagsOn, servingRows } from "../people";
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
    const rows = servingRows(ctx).filter((r) => r.rec.fullName !== undefined);
    const bySheet = new Map<string, typeof rows>();
    for (const r of rows) {
      const list = bySheet.get(r.rec.sheet);
      if (list) list.push(r);
      else bySheet.set(r.rec.sheet, [r]);
    }
    for (const [sheet, list] of bySheet) {
      const columns = (ctx.reading.sheets.find((s) => s.name === sheet)?.columns ?? {}) as Partial<Record<CanonicalField, string | string[]>>;
      for (const field of fields) {
        const severity = severityFor(rule, [`fields.${field}`]);
        const letters = columns[field];
        const hasColumn = letters !== undefined || (field === "gender" && list.some((r) => r.rec.gender !== undefined));
        const missing = list.filter((r) => !present(r.rec, field));
        if (missing.length === 0) continue;
        if (!hasColumn) {
          const units = new Set(missing.map((r) => r.view?.unit.id));
          const f: FindingDraft = { rule: rule.id, severity, sheet, count: missing.length, basis: basisLine(rule), params: { field, missingColumn: 1, persons: missing.length } };
          const unit = units.size === 1 ? [...units][0] : undefined;
          if (unit !== undefined) f.unit = unit;
          out.push(f);
          continue;
        }
        const col = letters !== undefined ? columnNumber(Array.isArray(letters) ? letters[0] : letters) : undefined;
        for (const { rec, view } of missing) {
          const f: FindingDraft = { rule: rule.id, severity, sheet, row: rec.row, col: col ?? rec.fields.fullName?.col ?? 1, basis: basisLine(rule), params: { field } };
          if (view) f.unit = view.unit.id;
          if (rec.fullName) f.person = rec.fullName;
          out.push(f);
        }
      }
    }
    return out;
  },
};
