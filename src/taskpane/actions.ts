/**
 * What the pane can ask of Excel, as one object of plain async functions. The pane's components
 * get it as a prop; `excelActions` binds it to the Office.js adapter (src/excel), and tests pass
 * their own (or bind it to the strict fake's host).
 */
import type { Report } from "../core/report/types";
import type { CanonicalField } from "../core/report/types";
import { SETTING_KEYS } from "../core/settings";
import type { PlanSheet } from "../core/plan/types";
import { addStarterSheets, clearHighlights, readSettings, selectCell, updateSettings, validateNow, type ExcelHost, type RunOutcome, type RunStage, type StarterResult } from "../excel";
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
  signal: AbortSignal;
  onStage: (stage: RunStage) => void;
}

export interface PaneActions {
  validate(request: ValidateRequest): Promise<{ report: Report; outcome: RunOutcome }>;
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
}

/** The actions on a host (Office.js in Excel; the strict fake in tests). */
export function excelActions(host: ExcelHost): PaneActions {
  return {
    async validate(r) {
      const { report, outcome } = await validateNow(host, { asOf: r.asOf, ...(r.ruleSetId ? { ruleSetId: r.ruleSetId } : {}), writeSheets: r.writeSheets, signal: r.signal, onStage: r.onStage });
      return { report, outcome };
    },
    async clearHighlights() {
      return (await clearHighlights(host)).outcome;
    },
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
