/**
 * Findings the engine itself emits around the rule set and the checks (not regime rules, so not
 * in the rule files): their severities, here as data, listed in the README with the rest.
 */
import type { Severity } from "../report/types";

export interface EngineRule {
  id: string;
  severity: Severity;
}

export const ENGINE_RULES: readonly EngineRule[] = [
  /** A check failed while running; its findings are missing. */
  { id: "file.checkFailed", severity: "warning" },
  /** A check could not use a value of the rule set and was skipped. */
  { id: "file.ruleConfig", severity: "warning" },
  /** The reporting date lies outside the chosen rule set's dates; values were taken at its edge. */
  { id: "file.regimeMismatch", severity: "info" },
  /** A row of the Quy định sheet that could not be used. */
  { id: "data.invalidSetting", severity: "warning" },
  /** With `countTraining` (issue 12): a standard met by a completed training the roster column does not show yet. */
  { id: "qualification.countedTraining", severity: "info" },
];

/** True for a finding the engine itself emits (kept by the runner whatever the rule set holds). */
export function isEngineRule(id: string): boolean {
  return ENGINE_RULES.some((r) => r.id === id);
}

export function engineSeverity(id: string): Severity {
  return ENGINE_RULES.find((r) => r.id === id)!.severity;
}
