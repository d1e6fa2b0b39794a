/**
 * Checks: one file per check, each a plain object `{ id, emits, tags, run(ctx) }` listed in
 * `checks/index.ts`. A check reads thresholds only from the active rule set (never constants of
 * its own) and returns findings; the runner (`runner.ts`) turns a failing or badly configured
 * check into a finding instead of a crash.
 */
import type { FindingDraft } from "../findings/finding";
import type { WorkbookGrid } from "../grid";
import type { PersonRecord, WorkbookReading } from "../reader";
import type { StaffCategory } from "../reader/titles";
import type { UnitReport } from "../report/types";
import type { ActiveRule, ActiveRuleSet } from "../rulesets/types";
import type { UnitFigures } from "../rulesets/unitFigures";
import type { CountedTraining } from "../training";

/** Everything the checks know of one unit. */
export interface UnitView {
  unit: UnitReport;
  /** The unit's person records in roster order, people who left included. */
  records: PersonRecord[];
  /** The same without people who left (they hold no post and count in no quota). */
  serving: PersonRecord[];
  /** The unit's row of the quota sheet, when there is one. */
  figures?: UnitFigures;
}

export interface CheckContext {
  /** The date the rule values apply for (the reporting date, kept inside the regime). */
  date: string;
  /** The reporting date itself, YYYY-MM-DD: ages, terms and deadlines are measured on it. */
  asOf: string;
  ruleSet: ActiveRuleSet;
  reading: WorkbookReading;
  grid: WorkbookGrid;
  units: UnitView[];
  /** Categories of which the workbook lists anyone: a quota is checked only for listed groups. */
  listedCategories: ReadonlySet<StaffCategory>;
  /** The rule when the set has it and it is enabled. */
  rule(id: string): ActiveRule | undefined;
  /**
   * Only with the option `countTraining` (issue 12 §2): the highest level a completed training of
   * the training list reached for this person on this scale, when there is one.
   */
  countedTraining?(rec: PersonRecord, field: string): CountedTraining | undefined;
}

/** What the caller adds to the checks' context. */
export interface CheckOptions {
  /** Completed trainings per roster person (index of their first row) and scale, for `countTraining`. */
  countedTraining?: ReadonlyMap<number, ReadonlyMap<string, CountedTraining>>;
}

/** One check. */
export interface Check {
  /** Stable id, e.g. "quota.figures". */
  id: string;
  /** The rule ids it may emit; anything else is refused by the runner. */
  emits: readonly string[];
  /** For filters and legends: "quota", "position", "unit", "record". */
  tags: readonly string[];
  run(ctx: CheckContext): FindingDraft[];
}

/**
 * Thrown by a check when the rule set gives it a value it cannot use; the runner reports it as a
 * `file.ruleConfig` finding and drops the check's findings, never crashing the run.
 */
export class RuleConfigError extends Error {
  readonly rule: string;
  readonly path: string;
  constructor(rule: string, path: string, message: string) {
    super(message);
    this.name = "RuleConfigError";
    this.rule = rule;
    this.path = path;
  }
}
