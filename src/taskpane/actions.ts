/**
 * What the pane can ask of Excel, as one object of plain async functions. The pane's components
 * get it as a prop; `excelActions` binds it to the Office.js adapter (src/excel), and tests pass
 * their own (or bind it to the strict fake's host).
 */
import type { Report } from "../core/report/types";
import type { CanonicalField } from "../core/report/types";
import { SETTING_KEYS } from "../core/settings";
import type { PlanSheet } from "../core/plan/types";
import { addStarterSheets, applyTextFixes, clearHighlights, readSettings, selectCell, updateSettings, validateNow, type ExcelHost, type RunOutcome, type RunStage, type StarterResult, type TextFixResult } from "../excel";
import { liveHandle, ownWrite, startLive, stopLive, type LiveUpdate } from "../excel/live";
import type { RecheckBasis } from "../core/recheck";
import type { TextFix } from "../core/fixes";
import { compareWithFile, type CompareRequest, type CompareResult } from "./compare";
import { consolidateFiles, type ConsolidateRequest, type ConsolidateResult } from "./consolidate";
import { mergeMapping, parseSavedMapping } from "./model";

export interface ValidateRequest {
  /** YYYY-MM-DD. */
  asOf: string;
  /** A preset id; absent: the regime in force on `asOf` (or the one saved in the workbook). */
  ruleSetId?: string;
  /** Also write the result and summary sheets. */
  writeSheets: boolean;
  /** The training summary's first year (absent: five years before the reporting year). */
  trainingSince?: number;
  /** Count completed training in the qualification checks. */
  countTraining?: boolean;
  signal: AbortSignal;
  onStage: (stage: RunStage) => void;
}

export interface PaneActions {
  /** `fixes`: every cell a finding's `fix` applies to (absent: the pane offers no fix buttons). */
  validate(request: ValidateRequest): Promise<{ report: Report; outcome: RunOutcome; fixes?: readonly TextFix[] }>;
  /** "Sửa thành …" / "Sửa cả cột": write text fixes, recorded so "Xóa đánh dấu" undoes them (absent: no fix buttons). */
  applyFixes?(fixes: readonly TextFix[]): Promise<TextFixResult>;
  clearHighlights(): Promise<RunOutcome>;
  selectCell(sheet: string, a1: string): Promise<void>;
  /** Merge column corrections for one sheet into the saved mapping ("hoso.mapping"). */
  saveMapping(sheet: string, corrections: Partial<Record<CanonicalField, string>>): Promise<void>;
  /** The settings stored in the workbook. */
  readSettings(): Promise<Record<string, string>>;
  /** Add the first-run screen's sheets ("Định biên", "Quy định"), each unless a sheet has its name. */
  addStarterSheets(sheets: readonly PlanSheet[]): Promise<StarterResult>;
  /** "Tổng hợp nhiều tệp": validate and merge the chosen workbooks, write the summary sheets here. */
  consolidate(request: ConsolidateRequest): Promise<ConsolidateResult>;
  /** "So sánh với năm trước": diff the chosen (older) roster against this workbook, write "Biến động" here. */
  compare(request: CompareRequest): Promise<CompareResult>;
  /**
   * "Kiểm tra lại khi sửa" (issue 9 item 3): after a run, re-check edited rows and tell `listener`;
   * false when it cannot start (no run to start from, marks cleared, Excel below ExcelApi 1.7).
   * Absent: the pane offers no switch.
   */
  startLive?(listener: (update: LiveUpdate) => void): Promise<boolean>;
  /** Stop re-checking edits (the switch turned off, the pane closing). */
  stopLive?(): Promise<void>;
}

/** The actions on a host (Office.js in Excel; the strict fake in tests). */
export function excelActions(host: ExcelHost): PaneActions {
  // What the live re-check starts from: the last run's, while its marks stand.
  let basis: RecheckBasis | undefined;
  return {
    async validate(r) {
      basis = undefined;
      const { report, outcome, fixes, basis: next } = await validateNow(host, { asOf: r.asOf, ...(r.ruleSetId ? { ruleSetId: r.ruleSetId } : {}), ...(r.trainingSince !== undefined ? { trainingSince: r.trainingSince } : {}), ...(r.countTraining ? { countTraining: true } : {}), writeSheets: r.writeSheets, signal: r.signal, onStage: r.onStage });
      basis = next;
      return { report, outcome, fixes: fixes() };
    },
    // Text fixes are our own writes: not re-checked as the user's edits.
    applyFixes: (fixes) => ownWrite(() => applyTextFixes(host, fixes), fixes.map((f) => ({ sheet: f.sheet, rows: [f.row] }))),
    async clearHighlights() {
      basis = undefined;
      return (await clearHighlights(host)).outcome;
    },
    async startLive(listener) {
      if (!basis) return false;
      const handle = await startLive(host, basis, (update) => {
        // Each re-check is the next one's basis; after a change it could not patch, only a new run is.
        if (update.kind === "rechecked") basis = liveHandle()?.basis() ?? basis;
        else basis = undefined;
        listener(update);
      });
      return handle !== undefined;
    },
    stopLive: () => stopLive(),
    selectCell: (sheet, a1) => selectCell(host, sheet, a1),
    async saveMapping(sheet, corrections) {
      await updateSettings(host, (current) => {
        const next = mergeMapping(parseSavedMapping(current[SETTING_KEYS.mapping]), sheet, corrections);
        return { [SETTING_KEYS.mapping]: Object.keys(next).length > 0 ? JSON.stringify(next) : undefined };
      });
    },
    readSettings: () => readSettings(host),
    addStarterSheets: (sheets) => addStarterSheets(host, sheets),
    consolidate: (request) => consolidateFiles(host, request),
    compare: (request) => compareWithFile(host, request),
  };
}
