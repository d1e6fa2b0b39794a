/**
 * Qualification standards as the rule set gives them (`qualification.generalEducation`,
 * `.professionalLevel`, `.politicalTheory`, `.stateManagement`): per title id, or per category
 * for every title of it, the lowest level, the lowest level in a difficult area, or `exempt`;
 * and the transition within which a shortfall is only a warning (ND 33/2023: people in post
 * before 01/08/2023 have until 01/08/2028; TT 13/2019: staff before 25/12/2019 until 25/12/2024).
 */
import type { PersonRecord } from "../reader";
import type { LevelField } from "../reader/mapping";
import { TITLES } from "../reader/titles";
import type { Severity } from "../report/types";
import { isPlainObject } from "../rulesets/shape";
import type { ActiveRule, JsonValue } from "../rulesets/types";
import { filledDay, isoDay } from "../calendar";
import { generalEducationRank, type GeneralEducationTier } from "../text/vocab/generalEducation";
import { politicalTheoryRank, type PoliticalTheoryLevel } from "../text/vocab/politicalTheory";
import { professionalRank, type ProfessionalLevel } from "../text/vocab/professional";
import { stateManagementRank, type StateManagementLevel } from "../text/vocab/stateManagement";
import { child } from "./support";

/** A level field, how its levels rank, and a person's value. */
export interface LevelScale {
  rule: string;
  field: LevelField;
  rank(level: string | undefined): number;
  value(rec: PersonRecord): string | undefined;
}

export const SCALES: readonly LevelScale[] = [
  { rule: "qualification.generalEducation", field: "generalEducation", rank: (l) => generalEducationRank(l as GeneralEducationTier | undefined), value: (r) => r.generalEducation },
  { rule: "qualification.professionalLevel", field: "professionalLevel", rank: (l) => professionalRank(l as ProfessionalLevel | undefined), value: (r) => r.professionalLevel },
  { rule: "qualification.politicalTheory", field: "politicalTheory", rank: (l) => politicalTheoryRank(l as PoliticalTheoryLevel | undefined), value: (r) => r.politicalTheory },
  { rule: "qualification.stateManagement", field: "stateManagement", rank: (l) => stateManagementRank(l as StateManagementLevel | undefined), value: (r) => r.stateManagement },
];

/** The standard that applies to a person. */
export interface AppliedStandard {
  /** The lowest level. */
  level: string;
  /** The value path it came from ("committeeChair.min"), for the finding's severity. */
  path: string;
  /** The post it comes from (a title), or the category when the posts are not known. */
  titleId?: string;
  category?: string;
  difficultArea: boolean;
}

const CATEGORY_OF = new Map(TITLES.map((t) => [t.id, t.category]));

/**
 * The strictest standard among a person's posts: each post's own entry, else its category's; a
 * person whose posts are all unknown takes the entry of their category. Undefined when none applies.
 * @example standardFor(rule, scale, rec, false) // { level: "university", path: "civilServant.min", titleId: "landConstruction", … }
 */
export function standardFor(rule: ActiveRule, scale: LevelScale, rec: PersonRecord, difficultArea: boolean): AppliedStandard | undefined {
  const value = rule.value;
  const candidates: { key: string; titleId?: string; category?: string }[] = [];
  const titled = rec.posts.filter((p) => p.titleId !== undefined);
  if (titled.length > 0) {
    for (const p of titled) {
      const cat = CATEGORY_OF.get(p.titleId!);
      const key = child(value, p.titleId!) !== undefined ? p.titleId! : cat;
      if (key !== undefined) candidates.push({ key, titleId: p.titleId! });
    }
  } else if (rec.category) candidates.push({ key: rec.category, category: rec.category });
  let best: AppliedStandard | undefined;
  for (const c of candidates) {
    const entry = child(value, c.key);
    if (!isPlainObject(entry) || entry.exempt === true) continue;
    const useArea = difficultArea && typeof entry.difficultArea === "string";
    const level = useArea ? entry.difficultArea : entry.min;
    if (typeof level !== "string") continue;
    if (best && scale.rank(level) <= scale.rank(best.level)) continue;
    best = { level, path: `${c.key}.${useArea ? "difficultArea" : "min"}`, difficultArea: useArea, ...(c.titleId ? { titleId: c.titleId } : {}), ...(c.category ? { category: c.category } : {}) };
  }
  return best;
}

/**
 * {@link standardFor} for the persons of a run under one rule and scale: each post's standard
 * (and each category's) is worked out once, then the strictest of a person's posts is taken the
 * same way. The rule's value must not change while the lookup is used.
 */
export function standardLookup(rule: ActiveRule, scale: LevelScale): (rec: PersonRecord, difficultArea: boolean) => AppliedStandard | undefined {
  const value = rule.value;
  const memo = [new Map<string, AppliedStandard | null>(), new Map<string, AppliedStandard | null>()];
  const memoCategory = [new Map<string, AppliedStandard | null>(), new Map<string, AppliedStandard | null>()];
  const candidate = (key: string, titleId: string | undefined, category: string | undefined, difficultArea: boolean): AppliedStandard | null => {
    const entry = child(value, key);
    if (!isPlainObject(entry) || entry.exempt === true) return null;
    const useArea = difficultArea && typeof entry.difficultArea === "string";
    const level = useArea ? entry.difficultArea : entry.min;
    if (typeof level !== "string") return null;
    return { level, path: `${key}.${useArea ? "difficultArea" : "min"}`, difficultArea: useArea, ...(titleId ? { titleId } : {}), ...(category ? { category } : {}) };
  };
  return (rec, difficultArea) => {
    const byTitle = memo[difficultArea ? 1 : 0];
    let best: AppliedStandard | undefined;
    let titled = false;
    for (const p of rec.posts) {
      const titleId = p.titleId;
      if (titleId === undefined) continue;
      titled = true;
      let c = byTitle.get(titleId);
      if (c === undefined) {
        const cat = CATEGORY_OF.get(titleId);
        const key = child(value, titleId) !== undefined ? titleId : cat;
        byTitle.set(titleId, (c = key === undefined ? null : candidate(key, titleId, undefined, difficultArea)));
      }
      if (c === null) continue;
      if (best && scale.rank(c.level) <= scale.rank(best.level)) continue;
      best = c;
    }
    if (titled || !rec.category) return best;
    const byCategory = memoCategory[difficultArea ? 1 : 0];
    let c = byCategory.get(rec.category);
    if (c === undefined) byCategory.set(rec.category, (c = candidate(rec.category, undefined, rec.category, difficultArea)));
    return c ?? undefined;
  };
}

/** The transition of a rule's value on the reporting date for one person. */
export interface TransitionState {
  until: string;
  /** "within": a shortfall is the transition's severity; "after": the rule's. */
  state: "within" | "after";
  severity?: Severity;
}

/**
 * Whether a person is still within the period to meet the standard: the reporting date on or
 * before `until`, and the person appointed before `appointedBefore` (or the date not known: the
 * benefit of the doubt). Undefined when the rule has no transition or it does not concern the person.
 */
export function transitionFor(value: JsonValue | undefined, rec: PersonRecord, asOf: string): TransitionState | undefined {
  const t = child(value, "transition");
  if (!isPlainObject(t) || typeof t.until !== "string") return undefined;
  const before = typeof t.appointedBefore === "string" ? t.appointedBefore : undefined;
  const since = rec.positionSince ? isoDay(filledDay(rec.positionSince)) : undefined;
  if (before !== undefined && since !== undefined && since >= before) return undefined;
  const severity = typeof t.severity === "string" ? (t.severity as Severity) : undefined;
  return { until: t.until, state: asOf <= t.until ? "within" : "after", ...(severity ? { severity } : {}) };
}
