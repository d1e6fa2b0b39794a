/**
 * Deputies per unit against the cap for its class on the date (Phó Chủ tịch UBND: ND 08/2016,
 * ND 69/2020; Phó Chủ tịch HĐND: 1), or the unit's own number from the quota sheet (ND 300/2025:
 * the province allocates). Where the rule set gives a province-wide average instead
 * (`position.deputiesAboveAverage`), the workbook's average over its units is compared.
 */
import type { FindingDraft } from "../../findings/finding";
import type { Severity } from "../../report/types";
import { basisLine, severityFor } from "../../rulesets/activate";
import { isPlainObject } from "../../rulesets/shape";
import { dataKeys, decimalVi, holds, numericEntries } from "../support";
import type { Check } from "../types";
import { tooManyHolders } from "./holders";

export const deputyCap: Check = {
  id: "position.deputies",
  emits: ["position.tooManyDeputies", "position.deputiesAboveAverage"],
  tags: ["position", "unit"],
  run(ctx) {
    const out: FindingDraft[] = [];
    const rule = ctx.rule("position.tooManyDeputies");
    if (rule) {
      const keys = dataKeys(rule.value);
      // The regime's cap of a title for a class, once per run (units share a handful of classes).
      const byClassMemo = new Map<string | undefined, Map<string, { cap?: number; path?: string; classUnknown: boolean }>>();
      const regimeCap = (titleId: string, cls: string | undefined): { cap?: number; path?: string; classUnknown: boolean } => {
        let memo = byClassMemo.get(cls);
        if (!memo) byClassMemo.set(cls, (memo = new Map()));
        let r = memo.get(titleId);
        if (r) return r;
        r = { classUnknown: false };
        const byClass = isPlainObject(rule.value) ? rule.value[titleId] : undefined;
        const entries = numericEntries(byClass);
        const exact = entries.find(([k]) => k === cls) ?? entries.find(([k]) => k === "*");
        if (cls !== undefined && exact) [r.path, r.cap] = [`${titleId}.${exact[0]}`, exact[1]];
        else if (cls === undefined && entries.length > 0) {
          const max = entries.reduce((a, b) => (b[1] > a[1] ? b : a));
          [r.path, r.cap, r.classUnknown] = [`${titleId}.${max[0]}`, max[1], max[0] !== "*"];
        }
        memo.set(titleId, r);
        return r;
      };
      const severities = new Map<string, Severity>();
      for (const view of ctx.units) {
        const titles = new Set(keys);
        for (const o of view.figures?.overrides ?? []) if (o.rule === rule.id) titles.add(o.key);
        for (const titleId of titles) {
          const own = view.figures?.overrides.find((o) => o.rule === rule.id && o.key === titleId);
          let cap: number | undefined;
          let path: string | undefined;
          let classUnknown = false;
          if (own) cap = own.value;
          else ({ cap, path, classUnknown } = regimeCap(titleId, view.unit.communeClass));
          if (cap === undefined) continue;
          let severity = own ? rule.severity : severities.get(path!);
          if (severity === undefined) severities.set(path!, (severity = severityFor(rule, [path!])));
          const f = tooManyHolders(rule, severity, view, titleId, cap, { fromUnit: own ? 1 : undefined, classUnknown: classUnknown ? 1 : undefined, tentative: severity !== rule.severity ? 1 : undefined });
          if (f) out.push(f);
        }
      }
    }
    const avgRule = ctx.rule("position.deputiesAboveAverage");
    if (avgRule) {
      for (const [titleId, average] of numericEntries(avgRule.value)) {
        const units = ctx.units.filter((v) => v.records.some((r) => r.category === "cadre"));
        if (units.length === 0) continue;
        const total = units.reduce((n, v) => n + v.serving.filter((r) => holds(r, titleId)).length, 0);
        const actual = total / units.length;
        if (actual <= average) continue;
        out.push({ rule: avgRule.id, severity: severityFor(avgRule, [titleId]), basis: basisLine(avgRule), params: { titleId, total, units: units.length, average: decimalVi(actual), cap: decimalVi(average) } });
      }
    }
    return out;
  },
};
