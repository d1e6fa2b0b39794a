/**
 * One error type for everything that stops a run: unusable input or wrong usage.
 * Adapters translate Office, zip and file-system failures into it inside their own `catch`,
 * so the edges (CLI, task pane) print one bilingual line and never a stack trace.
 * Problems *inside* a readable workbook are findings, not errors.
 */

/** Stable codes; the text for each lives in `messages.ts`. */
export type EngineErrorCode =
  | "usage.noCommand"
  | "usage.unknownCommand"
  | "usage.noFile"
  | "usage.unknownOption"
  | "usage.missingValue"
  | "usage.extraArgument"
  | "usage.badDate"
  | "usage.badYear"
  | "usage.unknownRuleSet"
  | "usage.notAvailableYet"
  | "rules.invalid"
  | "rules.badJson"
  | "file.notFound"
  | "file.unreadable"
  | "file.empty"
  | "file.truncatedZip"
  | "file.notWorkbook"
  | "file.encrypted"
  | "file.legacyXls"
  | "file.html"
  | "file.csv"
  | "file.spreadsheetMl2003"
  | "file.unknownFormat"
  | "file.emptyWorkbook"
  | "file.corruptPart"
  | "file.missingPart"
  | "file.tooLarge"
  | "output.unwritable"
  | "output.exists"
  | "output.sameAsInput"
  | "usage.needsOut"
  | "output.unsupportedPackage"
  | "output.cannotKeepPart"
  // The .xls, HTML and Excel 2003 XML readers and `consolidate` (issue 11).
  | "file.biff5"
  | "file.corruptXls"
  | "file.truncatedText"
  | "file.noTable"
  | "file.badXml2003"
  | "file.noneReadable"
  | "file.noQuotaSheet"
  | "output.needsXlsx"
  | "usage.missingOption"
  | "usage.noWorkbooks"
  | "usage.badNumber"
  // The Excel adapter (src/excel), translated from Office.js errors inside its own catch.
  | "excel.notInExcel"
  | "excel.protectedSheet"
  | "excel.protectedWorkbook"
  | "excel.cellEditMode"
  | "excel.payloadTooLarge"
  | "excel.apiNotSupported"
  | "excel.unknownRecord"
  | "excel.failed"
  // The task pane (issue 9): the user cancelled a run before anything was written.
  | "excel.cancelled"
  | "excel.sheetNotFound"
  // `diff` (issue 12): a workbook without any roster sheet to compare.
  | "file.noRoster";

/** Parameters that a message may name. */
export type EngineErrorParams = Record<string, string | number | undefined>;

/**
 * The engine's error: a code and parameters, rendered at the edge by `formatEngineError`.
 * @example throw new EngineError("file.encrypted", { file: "ds.xlsx" })
 */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly params: EngineErrorParams;
  constructor(code: EngineErrorCode, params: EngineErrorParams = {}) {
    super(code);
    this.name = "EngineError";
    this.code = code;
    this.params = params;
  }
}

/** True for an {@link EngineError} (also across bundle copies, by shape). */
export function isEngineError(e: unknown): e is EngineError {
  return e instanceof EngineError || (typeof e === "object" && e !== null && (e as { name?: unknown }).name === "EngineError" && typeof (e as { code?: unknown }).code === "string");
}
