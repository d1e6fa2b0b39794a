/**
 * Office.js failures → one {@link EngineError} with a code, inside the adapter's own catch
 * (VS Code's adapters do the same), so the ribbon command and the pane show one bilingual line.
 * Codes are those of `OfficeExtension.ErrorCodes` and Excel's own (`Excel.ErrorCodes`).
 */
import { EngineError, isEngineError } from "../core/errors";

/** What the adapter was doing, for the message. */
export type Step = "reading" | "marking" | "clearing" | "fixing" | "rechecking";

const STEP_TEXT: Record<Step, { vi: string; en: string }> = {
  reading: { vi: "đọc sổ làm việc", en: "reading the workbook" },
  marking: { vi: "đánh dấu và ghi trang kết quả", en: "marking cells and writing the result sheets" },
  clearing: { vi: "xóa đánh dấu", en: "clearing the marks" },
  fixing: { vi: "sửa giá trị trong ô", en: "fixing cell values" },
  rechecking: { vi: "kiểm tra lại các dòng vừa sửa", en: "re-checking the edited rows" },
};

/** The `code` of an Office.js error (`OfficeExtension.Error`), or undefined. */
export function officeErrorCode(e: unknown): string | undefined {
  if (typeof e !== "object" || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** True when a sync failed on the size of its request or response (Excel on the web). */
export function isPayloadError(e: unknown): boolean {
  const code = officeErrorCode(e);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/**
 * Translate anything thrown inside a batch. An {@link EngineError} passes through unchanged.
 * @example throw toEngineError(err, "marking")
 */
export function toEngineError(e: unknown, step: Step, context: { sheet?: string } = {}): EngineError {
  if (isEngineError(e)) return e;
  const code = officeErrorCode(e);
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return new EngineError("excel.cellEditMode");
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return new EngineError("excel.payloadTooLarge");
    case "AccessDenied":
      if (context.sheet !== undefined) return new EngineError("excel.protectedSheet", { sheet: context.sheet });
      break;
    case "ApiNotFound":
      return new EngineError("excel.apiNotSupported", { api: "Excel JavaScript API", set: "ExcelApi 1.9" });
    default:
      break;
  }
  const message = e instanceof Error ? e.message : String(e);
  const t = STEP_TEXT[step];
  return new EngineError("excel.failed", { code: code ?? (e instanceof Error ? e.name : "Error"), detail: message.slice(0, 300), stepVi: t.vi, stepEn: t.en });
}
