/**
 * Shared by the deputy and title-holder checks: the serving holders of a title in a unit, and
 * the finding when there are more than allowed — on the first holder beyond the cap (in roster
 * order), the other holders of that sheet in `relatedRows`.
 */
import type { FindingDraft, FindingParams } from "../../findings/finding";
import type { Severity } from "../../report/types";
import type { ActiveRule } from "../../rulesets/types";
import { holds, personFinding, relatedRows } from "../support";
import type { UnitView } from "../types";

export function tooManyHolders(rule: ActiveRule, severity: Severity, view: UnitView, titleId: string, cap: number, params: FindingParams): FindingDraft | undefined {
  const holders = view.serving.filter((r) => holds(r, titleId));
  if (holders.length <= cap) return undefined;
  const first = holders[cap];
  const f = personFinding(rule, severity, first, view, "position", { titleId, holders: holders.length, cap, diff: holders.length - cap, ...params });
  const rel = relatedRows(first, holders);
  if (rel) f.relatedRows = rel;
  return f;
}
