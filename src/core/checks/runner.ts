/**
 * Runs the checks: each in turn, skipped when none of its rules is in the rule set (or all are
 * disabled). A check that throws does not stop the run: a rule-set value it cannot use becomes a
 * `file.ruleConfig` finding, any other failure a `file.checkFailed` finding, and the check's
 * findings are dropped. A finding whose rule the check did not declare is refused the same way.
 */
import type { FindingDraft } from "../findings/finding";
import { engineSeverity, isEngineRule } from "./engineRules";
import { RuleConfigError, type Check, type CheckContext } from "./types";

function failure(check: Check, error: unknown): FindingDraft {
  if (error instanceof RuleConfigError) {
    return { rule: "file.ruleConfig", severity: engineSeverity("file.ruleConfig"), params: { check: check.id, ruleId: error.rule, path: error.path, reason: error.message } };
  }
  const reason = error instanceof Error ? error.message : String(error);
  return { rule: "file.checkFailed", severity: engineSeverity("file.checkFailed"), params: { check: check.id, reason } };
}

/**
 * Run `checks` on a context; never throws.
 * @example runChecks(CHECKS, ctx).filter(f => f.rule.startsWith("quota."))
 */
export function runChecks(checks: readonly Check[], ctx: CheckContext): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const check of checks) {
    if (!check.emits.some((id) => ctx.rule(id) !== undefined)) continue;
    let found: FindingDraft[];
    try {
      found = check.run(ctx);
      const stray = found.find((f, i) => (i === 0 || f.rule !== found[i - 1].rule) && !check.emits.includes(f.rule));
      if (stray) throw new Error(`emitted undeclared rule ${stray.rule}`);
    } catch (e) {
      out.push(failure(check, e));
      continue;
    }
    // A disabled rule of a check that emits several is filtered here; the engine's own findings are kept.
    const keep = new Map<string, boolean>();
    for (const f of found) {
      let k = keep.get(f.rule);
      if (k === undefined) keep.set(f.rule, (k = ctx.rule(f.rule) !== undefined || isEngineRule(f.rule)));
      if (k) out.push(f);
    }
  }
  return out;
}
