/**
 * The two ribbon commands as plain functions of a host: "Kiểm tra hồ sơ" (read, validate with the
 * workbook's own settings — saved column mapping, saved rule set, quota sheet — plan, clear the
 * last run's marks, mark, write the result sheets) and "Xóa đánh dấu". Each returns the outcome
 * the pane or the notification shows; failures come back as one bilingual line.
 */
import { validateWorkbook, vietnamToday } from "../core/engine";
import { EngineError } from "../core/errors";
import type { WorkbookGrid } from "../core/grid";
import { buildEditPlan } from "../core/plan/build";
import type { Report } from "../core/report/types";
import { regimeById } from "../core/rulesets/regimes";
import { SETTING_KEYS } from "../core/settings";
import { applyPlan, clearMarks, type ApplyResult, type ClearResult } from "./apply";
import { supports, type ExcelHost } from "./host";
import { OUTCOME_TEXT } from "./messages";
import type { Bilingual } from "../core/messages";
import { readWorkbookWithStats, type ReadStats } from "./read";
import type { RunOutcome } from "./outcome";
import type { TextFix } from "../core/fixes";
import type { RecheckBasis } from "../core/recheck";
import { stopLive } from "./live";

export interface ValidateNowOptions {
  /** The clock (ms); the as-of date is today in Vietnam (UTC+7). */
  now?: number;
  /** The task pane's choices (issue 9). The reporting date, YYYY-MM-DD (default: today in Vietnam). */
  asOf?: string;
  /** A preset rule-set id (default: the one saved in the workbook, else the regime in force on the as-of date). */
  ruleSetId?: string;
  /** Told when each stage starts, so the pane can name it. */
  onStage?: (stage: RunStage) => void;
  /**
   * Cancels the run. Honoured between stages, up to the start of writing: a cancelled run throws
   * `excel.cancelled` and has written nothing. Once writing has started the run completes.
   */
  signal?: AbortSignal;
  /** The training summary's first year (default: five years before the reporting year), as the CLI's `--training-since`. */
  trainingSince?: number;
  /** Count completed training in the qualification checks, as the CLI's `--count-training`. */
  countTraining?: boolean;
  /** Write the result sheets ("Kết quả kiểm tra", the summaries); default true. False: marks and notes only. */
  writeSheets?: boolean;
}

/** The stages of a run, in order. */
export type RunStage = "reading" | "checking" | "writing";

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new EngineError("excel.cancelled");
}

/** Let the page paint (the stage name, the progress bar) before a long synchronous step. */
const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export interface ValidateNowResult {
  outcome: RunOutcome;
  report: Report;
  read: ReadStats;
  applied: ApplyResult;
  /** Every cell a finding's `fix` applies to (the pane's "Sửa thành …"), worked out when asked. */
  fixes: () => readonly TextFix[];
  /** What a live re-check of edited rows starts from (src/excel/live.ts): the grid read, the result, the marks planned. */
  basis: RecheckBasis;
}

/** The preset the user saved for this workbook, when it is one we know. */
function savedRuleSet(grid: WorkbookGrid): string | undefined {
  const id = grid.savedSettings?.[SETTING_KEYS.ruleSet]?.trim();
  return id && regimeById(id) ? id : undefined;
}

/** "Kiểm tra hồ sơ". */
export async function validateNow(host: ExcelHost, options: ValidateNowOptions = {}): Promise<ValidateNowResult> {
  if (!supports(host, "base")) throw new EngineError("excel.apiNotSupported", { api: "RangeAreas, getCellProperties", set: "ExcelApi 1.9" });
  const now = options.now ?? Date.now();
  const { signal, onStage } = options;
  throwIfCancelled(signal);
  // A new run replaces the live re-check's basis: its handlers go first.
  await stopLive();
  onStage?.("reading");
  const { grid, stats } = await readWorkbookWithStats(host);
  throwIfCancelled(signal);
  onStage?.("checking");
  if (onStage) await yieldToPage();
  throwIfCancelled(signal);
  const chosenId = options.ruleSetId && regimeById(options.ruleSetId) ? options.ruleSetId : savedRuleSet(grid);
  const validateOptions = {
    asOf: options.asOf ?? vietnamToday(now),
    ...(chosenId ? { ruleSetId: chosenId } : {}),
    ...(options.trainingSince !== undefined ? { trainingSince: options.trainingSince } : {}),
    ...(options.countTraining ? { countTraining: true } : {}),
  };
  const result = validateWorkbook(grid, validateOptions);
  const { report } = result;
  const built = buildEditPlan({ report, reading: result.reading, summaries: result.summaries, asOf: result.asOf, ruleSetName: regimeById(report.ruleSet.id)?.nameVi ?? report.ruleSet.id });
  const plan = options.writeSheets === false ? { ...built, sheets: [] } : built;
  throwIfCancelled(signal);
  onStage?.("writing");
  const applied = await applyPlan(host, plan);
  const totals = report.totals ?? { records: 0, errors: 0, warnings: 0, infos: 0 };
  const details: Bilingual[] = [];
  if (applied.notMarked > 0) details.push(OUTCOME_TEXT.notMarked(applied.notMarked, applied.sheets[0] ?? ""));
  const modeLine = applied.marked > 0 ? OUTCOME_TEXT.noteMode(applied.noteMode) : undefined;
  if (modeLine) details.push(modeLine);
  if (applied.notesSkipped > 0) details.push(OUTCOME_TEXT.notesSkipped(applied.notesSkipped));
  if (!applied.printApplied) details.push(OUTCOME_TEXT.printSkipped());
  if (!stats.merges && stats.cells > 0) details.push(OUTCOME_TEXT.noMerges());
  const outcome: RunOutcome = { kind: "validated", at: new Date(now).toISOString(), totals, marked: applied.marked, text: OUTCOME_TEXT.validated(totals, applied.marked), details };
  return { outcome, report, read: stats, applied, fixes: result.textFixes ?? (() => []), basis: { grid, result, options: validateOptions, highlights: plan.highlights } };
}

/** "Xóa đánh dấu". */
export async function clearHighlights(host: ExcelHost, options: ValidateNowOptions = {}): Promise<{ outcome: RunOutcome; cleared: ClearResult }> {
  await stopLive();
  const cleared = await clearMarks(host);
  const now = options.now ?? Date.now();
  const texts = cleared.textsRestored + cleared.textsKept;
  const text = cleared.restored + cleared.keptByUser === 0 ? (texts > 0 ? OUTCOME_TEXT.textsRestored(cleared.textsRestored, cleared.textsKept) : OUTCOME_TEXT.nothingToClear()) : OUTCOME_TEXT.cleared(cleared.restored, cleared.keptByUser);
  const details = texts > 0 && cleared.restored + cleared.keptByUser > 0 ? [OUTCOME_TEXT.textsRestored(cleared.textsRestored, cleared.textsKept)] : [];
  return { outcome: { kind: "cleared", at: new Date(now).toISOString(), restored: cleared.restored, keptByUser: cleared.keptByUser, text, details }, cleared };
}
