/**
 * One input of a consolidation: a file's bytes → its compact {@link FileOutcome}. Reads the
 * workbook in whatever form it came (sniffed), puts the `--quota` file's rows for its units in
 * place of its own (so the checks use them), validates it with the engine, and keeps only what
 * the merge needs. Never throws for a bad file: an unreadable one is an outcome with its
 * one-line reason. Runs in the CLI's worker threads, and can run in the task pane.
 */
import { fileOutcomeOf, withQuotaSheets, type FileOutcome, type QuotaSource } from "../core/consolidate";
import { parseIsoDay, validateWorkbook } from "../core/engine";
import { isEngineError } from "../core/errors";
import { engineErrorText } from "../core/messages";
import { readWorkbook } from "../core/reader";
import { readWorkbookBytes, workbookFormatOf } from "./readWorkbook";

export interface ConsolidateInputOptions {
  /** The reporting date, YYYY-MM-DD. */
  asOf: string;
  ruleSetId?: string;
  ruleSetFile?: { name: string; text: string };
  /** The `--quota` file's quota rows. */
  quota?: QuotaSource;
}

/** An outcome for a file that could not be read, from the error that stopped it. */
export function unreadableOutcome(name: string, error: unknown, bytes?: number, format?: FileOutcome["format"]): FileOutcome {
  let code = "file.unreadable";
  let text: { vi: string; en: string };
  if (isEngineError(error)) {
    code = error.code;
    text = engineErrorText(error.code, { ...error.params, file: error.params.file ?? name });
  } else {
    const msg = error instanceof Error ? error.message : String(error);
    text = { vi: `Lỗi không mong đợi khi đọc tệp ${name}: ${msg}`, en: `Unexpected error while reading ${name}: ${msg}` };
  }
  const out: FileOutcome = { status: "unreadable", name, code, reasonVi: text.vi.replace(/[\r\n]+/g, " "), reasonEn: text.en.replace(/[\r\n]+/g, " ") };
  if (bytes !== undefined) out.bytes = bytes;
  if (format !== undefined) out.format = format;
  return out;
}

/**
 * Validate one input file of a consolidation.
 * @example const outcome = validateInputFile(bytes, "xa-quang-loi.xls", { asOf: "2024-12-31" });
 */
export function validateInputFile(bytes: Uint8Array, name: string, o: ConsolidateInputOptions): FileOutcome {
  const format = workbookFormatOf(bytes);
  try {
    let { grid } = readWorkbookBytes(bytes, { fileName: name });
    let injected: { name: string; original: string }[] | undefined;
    if (o.quota) {
      const asOf = parseIsoDay(o.asOf);
      const first = asOf ? readWorkbook(grid, { asOf }) : undefined;
      const q = first ? withQuotaSheets(grid, first, o.quota) : undefined;
      if (q) {
        grid = q.grid;
        injected = q.injected;
      }
    }
    const result = validateWorkbook(grid, {
      asOf: o.asOf,
      fileName: name,
      fileBytes: bytes.length,
      ...(o.ruleSetFile ? { ruleSetFile: o.ruleSetFile } : o.ruleSetId !== undefined ? { ruleSetId: o.ruleSetId } : {}),
    });
    const quotaSource = injected ? "quotaFile" : result.report.sheets.some((s) => s.role === "quota") ? "file" : "none";
    return fileOutcomeOf(result, { name, bytes: bytes.length, ...(format ? { format } : {}), quotaSource, ...(injected ? { injectedSheets: injected } : {}) });
  } catch (e) {
    return unreadableOutcome(name, e, bytes.length, format);
  }
}
