/**
 * The engine's entry point: a workbook grid in, the report out. Pure: no Office, no DOM, no Node.
 * Both the CLI (through the file adapter) and the add-in (through the Excel adapter) call it.
 */
import { EngineError } from "./errors";
import { cellFinding, type FindingDraft } from "./findings/finding";
import type { WorkbookGrid } from "./grid";
import { readWorkbook, type ReadWorkbookOptions, type WorkbookReading } from "./reader";
import { buildReport } from "./report/build";
import type { Report } from "./report/types";
import { checkWorkbook } from "./checks/workbook";
import { chooseRuleSet, type ChosenRuleSet } from "./rulesets";
import { retirementTableOf } from "./rulesets/retirement";
import type { ActiveRuleSet } from "./rulesets/types";
import type { PartialDate } from "./text/dates";
import { TOOL_NAME, TOOL_VERSION } from "./version";
import { summarize, type Summaries } from "./summary";
import { countableTraining, summarizeTraining, type TrainingResult } from "./training";
import { attachFixes, textFixesOf, type TextFix } from "./fixes";

export interface ValidateOptions {
  /** The roster's reporting date, YYYY-MM-DD. */
  asOf: string;
  /** A preset rule-set id; default: the regime in force on `asOf`. */
  ruleSetId?: string;
  /** A JSON rule set (`--rules FILE`): its file name and text; it may `extend` a preset. Wins over `ruleSetId`. */
  ruleSetFile?: { name: string; text: string };
  /** The input's file name (no path), for the report. */
  fileName?: string;
  fileBytes?: number;
  mappings?: ReadWorkbookOptions["mappings"];
  /** Training summary (issue 12): the first year counted; default 5 years before the as-of year. */
  trainingSince?: number;
  /**
   * Let the qualification checks count a completed training of the training list (linked to the
   * person, of the scale's type, finished by the as-of year) whose level the roster column does
   * not show yet: no shortfall when it meets the standard, an info `qualification.countedTraining`
   * on the roster cell instead (CLI `--count-training`). Default off.
   */
  countTraining?: boolean;
}

export interface ValidationResult {
  report: Report;
  reading: WorkbookReading;
  /** Quality and concurrency per unit and in total (also in the report). */
  summaries: Summaries;
  /** The as-of date, parsed. */
  asOf: PartialDate;
  /** The rule set the checks used, with every override applied. */
  ruleSet: ActiveRuleSet;
  /** The training lists' entries, their links to the roster and their summary (when the workbook has a training list). */
  training?: TrainingResult;
  /**
   * Every cell a finding's `fix` applies to (issue 9: suggestions, legacy text in Unicode), worked
   * out on first call (the CLI never asks; a TCVN3 roster has a legacy cell in every text column).
   */
  textFixes?: () => readonly TextFix[];
}

/** Parse "YYYY-MM-DD" strictly; undefined when it is not a calendar date. */
export function parseIsoDay(s: string): PartialDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return { year, month, day, precision: "day" };
}

/** Today's date in Vietnam (UTC+7), YYYY-MM-DD, from a clock reading in ms. */
export function vietnamToday(nowMs: number): string {
  return new Date(nowMs + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

/**
 * Validate a workbook grid.
 * @example const { report } = validateWorkbook(grid, { asOf: "2026-11-28" });
 */
export function validateWorkbook(grid: WorkbookGrid, options: ValidateOptions): ValidationResult {
  const asOf = parseIsoDay(options.asOf);
  if (!asOf) throw new EngineError("usage.badDate", { option: "--as-of", value: options.asOf });
  const chosen = chooseRuleSet({ asOf: options.asOf, ...(options.ruleSetId !== undefined ? { presetId: options.ruleSetId } : {}), ...(options.ruleSetFile ? { file: options.ruleSetFile } : {}) });
  const reading = readWorkbook(grid, { asOf, ...(options.mappings ? { mappings: options.mappings } : {}) });
  return validateReading(grid, reading, options, chosen);
}

/**
 * The checks, summaries and report of a reading (a live re-check calls it on a reading patched
 * from the last one, src/core/recheck.ts). `chosen` defaults to the rule set of `options`.
 */
export function validateReading(grid: WorkbookGrid, reading: WorkbookReading, options: ValidateOptions, chosenSet?: ChosenRuleSet): ValidationResult {
  const asOf = parseIsoDay(options.asOf);
  if (!asOf) throw new EngineError("usage.badDate", { option: "--as-of", value: options.asOf });
  const chosen = chosenSet ?? chooseRuleSet({ asOf: options.asOf, ...(options.ruleSetId !== undefined ? { presetId: options.ruleSetId } : {}), ...(options.ruleSetFile ? { file: options.ruleSetFile } : {}) });
  const findings: FindingDraft[] = [...reading.findings];
  if (!reading.sheets.some((s) => s.role === "roster")) {
    const first = grid.sheets[0];
    findings.push({ ...cellFinding("data.noRoster", "warning", { sheet: first.name, row: 1, col: 1 }), row: undefined, col: undefined });
  }
  const training = reading.training ? summarizeTraining(reading.training.entries, reading.training.sheets, reading, options.trainingSince ?? asOf.year - 5) : undefined;
  const countedTraining = options.countTraining && training ? countableTraining(training, asOf.year) : undefined;
  const checked = checkWorkbook(grid, reading, chosen, options.asOf, undefined, countedTraining ? { countedTraining } : {});
  findings.push(...checked.findings);
  if (training) findings.push(...training.findings);
  const ruleSet: Report["ruleSet"] = checked.ruleSet;
  // After the checks: the Quy định sheet's overrides are applied to the set by then.
  const summaries = summarize(reading, asOf, retirementTableOf(chosen.set));
  const units = checked.units.map((u) => {
    const c = summaries.concurrency.get(u.id);
    const q = summaries.quality.get(u.id);
    return { ...u, ...(c ? { concurrency: c } : {}), ...(q ? { quality: q } : {}) };
  });
  const report = buildReport({
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    asOf: options.asOf,
    ruleSet,
    ...(options.fileName ? { file: { name: options.fileName, ...(options.fileBytes !== undefined ? { bytes: options.fileBytes } : {}) } } : {}),
    sheets: reading.sheets,
    units,
    findings: findings.map(stripUndefined),
    quality: summaries.totalQuality,
  });
  if (training) report.training = training.report;
  attachFixes(report.findings, grid, reading);
  let fixes: readonly TextFix[] | undefined;
  const textFixes = () => (fixes ??= textFixesOf(grid, reading));
  return { report, reading, summaries, asOf, ruleSet: chosen.set, ...(training ? { training } : {}), textFixes };
}

function stripUndefined(f: FindingDraft): FindingDraft {
  const out = { ...f };
  for (const k of Object.keys(out) as (keyof FindingDraft)[]) if (out[k] === undefined) delete out[k];
  return out;
}
