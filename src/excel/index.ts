/**
 * The Office.js adapter: workbook → grid, edit plan → workbook, marks → cleared.
 * Imports only the core; `Excel.run` appears only in host.ts.
 */
export { officeHost, inExcel, supports, RUN_OPTIONS, type ExcelHost } from "./host";
export { readWorkbookGrid, readWorkbookWithStats, type ReadStats, type ReadResult } from "./read";
export { applyPlan, clearMarks, writePlanSheets, type ApplyResult, type ClearResult, type WriteSheetsResult } from "./apply";
export { validateNow, clearHighlights, type ValidateNowResult } from "./run";
export { publishOutcome, subscribeOutcome, lastOutcome, failedOutcome, outcomeLine, setPaneVisible, isPaneVisible, type RunOutcome } from "./outcome";
export { type RunStage, type ValidateNowOptions } from "./run";
export { selectCell } from "./navigate";
export { applyTextFixes, literalText, type TextFixResult, type TextUndoResult } from "./repair";
export { readSettings, updateSettings } from "./settings";
export { addStarterSheets, type StarterResult } from "./starter";
export { startLive, stopLive, liveHandle, ownWrite, applyMarkDelta, type LiveHandle, type LiveUpdate, type LiveListener, type LiveOptions, type DeltaResult, type OwnWriteScope } from "./live";
