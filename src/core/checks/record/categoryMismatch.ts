/**
 * A person listed under a category their title does not belong to: "Chủ tịch UBND" in the
 * "CÔNG CHỨC" section, "Văn phòng - thống kê" marked "KCT". The rule set may allow a title an
 * alternative category (Chủ tịch Hội Nông dân is non-specialized where there is no such Hội).
 */
import type { FindingDraft } from "../../findings/finding";
import { severityFor } from "../../rulesets/activate";
import { child, personFinding } from "../support";
import type { Check, UnitView } from "../types";
import { listedCategories } from "./listedCategory";

export const categoryMismatch: Check = {
  id: "position.categoryMismatch",
  emits: ["position.categoryMismatch"],
  tags: ["position", "record"],
  run(ctx) {
    const out: FindingDraft[] = [];
    const rule = ctx.rule("position.categoryMismatch");
    if (!rule) return out;
    const alternatives = child(rule.value, "alternatives");
    const severity = severityFor(rule, []);
    const listed = listedCategories(ctx.grid, ctx.reading);
    const viewOf = new Map<object, UnitView>();
    for (const v of ctx.units) for (const r of v.records) viewOf.set(r, v);
    for (const rec of ctx.reading.records) {
      const as = listed.get(rec);
      const posts = rec.posts.filter((p) => p.category !== undefined && p.titleId !== undefined);
      if (!as || posts.length === 0) continue;
      const fits = posts.some((p) => {
        if (p.category === as) return true;
        const alt = child(alternatives, p.titleId!);
        return Array.isArray(alt) && alt.includes(as);
      });
      if (fits) continue;
      const post = posts[0];
      out.push(personFinding(rule, severity, rec, viewOf.get(rec), "position", { title: post.text, titleId: post.titleId, titleCategory: post.category, listed: as }));
    }
    return out;
  },
};
