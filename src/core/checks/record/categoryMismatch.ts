/**
 * A person listed under a category their title does not belong to: "Chủ tịch UBND" in the
 * "CÔNG CHỨC" section, "Văn phòng - thống kê" marked "KCT". The rule set may allow a title an
 * alternative category (Chủ tịch Hội Nông dân is non-specialized where there is no such Hội).
 */
import type { FindingDraft } from "../../findings/finding";
import { severityFor } from "../../rulesets/activate";
import { child, personFinding } from "../support";
import type { Post } from "../../reader/posts";
import type { StaffCategory } from "../../reader/titles";
import type { JsonValue } from "../../rulesets/types";
import { postsIndex, runData } from "../run";
import type { Check } from "../types";
import { listedCategoryAt } from "./listedCategory";

/**
 * The index of the post to name when no post with a known title and category fits the listed
 * category (the first such post), else -1 (one fits, or there is none).
 */
function misfit(posts: readonly Post[], as: StaffCategory, alternatives: JsonValue | undefined): number {
  let first = -1;
  for (let k = 0; k < posts.length; k++) {
    const p = posts[k];
    if (p.category === undefined || p.titleId === undefined) continue;
    if (first < 0) first = k;
    if (p.category === as) return -1;
    const alt = child(alternatives, p.titleId);
    if (Array.isArray(alt) && alt.includes(as)) return -1;
  }
  return first;
}

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
    const listed = listedCategoryAt(ctx.grid, ctx.reading).category;
    const { viewAt } = runData(ctx);
    const records = ctx.reading.records;
    // Whether a listing fits depends on the posts' titles and categories only: once per posts signature.
    const { sig, sample } = postsIndex(ctx);
    const memo: (Map<StaffCategory, number> | undefined)[] = new Array<Map<StaffCategory, number> | undefined>(sample.length);
    for (let i = 0; i < records.length; i++) {
      const as = listed[i];
      if (!as) continue;
      const s = sig[i];
      const bySig = (memo[s] ??= new Map());
      let first = bySig.get(as);
      if (first === undefined) bySig.set(as, (first = misfit(records[sample[s]].posts, as, alternatives)));
      if (first < 0) continue;
      const rec = records[i];
      const post = rec.posts[first];
      out.push(personFinding(rule, severity, rec, viewAt[i], "position", { title: post.text, titleId: post.titleId, titleCategory: post.category, listed: as }));
    }
    return out;
  },
};
