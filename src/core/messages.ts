/**
 * Every user-facing line of the engine, Vietnamese first, English second, in one place.
 * Findings and errors carry codes and parameters; text is rendered here, at the edge.
 */
import type { EngineErrorCode, EngineErrorParams, EngineError } from "./errors";

/** A message in both languages. */
export interface Bilingual {
  vi: string;
  en: string;
}

type Render = (p: EngineErrorParams) => Bilingual;

const file = (p: EngineErrorParams): string => (p.file ? String(p.file) : "");

const ERROR_TEXT: Record<EngineErrorCode, Render> = {
  "usage.noCommand": () => ({
    vi: "Thiếu lệnh. Dùng: validate TỆP [--as-of YYYY-MM-DD] [--rules MÃ] [--json ĐƯỜNG_DẪN|-] [--out ĐƯỜNG_DẪN]",
    en: "No command. Usage: validate FILE [--as-of YYYY-MM-DD] [--rules ID] [--json PATH|-] [--out PATH]",
  }),
  "usage.unknownCommand": (p) => ({ vi: `Không có lệnh "${p.command}" (các lệnh: validate)`, en: `Unknown command "${p.command}" (commands: validate)` }),
  "usage.noFile": () => ({ vi: "Chưa chỉ ra tệp sổ tính cần kiểm tra", en: "No workbook file given" }),
  "usage.unknownOption": (p) => ({ vi: `Không có tùy chọn "${p.option}"`, en: `Unknown option "${p.option}"` }),
  "usage.missingValue": (p) => ({ vi: `Tùy chọn ${p.option} cần một giá trị`, en: `Option ${p.option} needs a value` }),
  "usage.extraArgument": (p) => ({ vi: `Thừa đối số "${p.argument}"`, en: `Unexpected argument "${p.argument}"` }),
  "usage.badDate": (p) => ({
    vi: `Ngày "${p.value}" không hợp lệ cho ${p.option}; hãy viết theo dạng YYYY-MM-DD, ví dụ 2026-11-28`,
    en: `"${p.value}" is not a valid date for ${p.option}; write it as YYYY-MM-DD, e.g. 2026-11-28`,
  }),
  "usage.unknownRuleSet": (p) => ({
    vi: `Không có bộ quy định "${p.value}" (có: ${p.known})`,
    en: `Unknown rule set "${p.value}" (available: ${p.known})`,
  }),
  "usage.notAvailableYet": (p) => ({
    vi: `Tùy chọn ${p.option} chưa có trong phiên bản này (${p.featureVi})`,
    en: `Option ${p.option} is not available in this version yet (${p.featureEn})`,
  }),
  "file.notFound": (p) => ({ vi: `Không tìm thấy tệp ${file(p)}`, en: `File not found: ${file(p)}` }),
  "file.unreadable": (p) => ({ vi: `Không đọc được tệp ${file(p)} (${p.reason ?? "lỗi hệ thống"})`, en: `Cannot read ${file(p)} (${p.reason ?? "system error"})` }),
  "file.empty": (p) => ({ vi: `Tệp ${file(p)} rỗng (0 byte)`, en: `${file(p)} is empty (0 bytes)` }),
  "file.truncatedZip": (p) => ({
    vi: `Tệp ${file(p)} bị hỏng hoặc chưa tải/chép hết (tệp nén .xlsx bị cắt cụt); hãy lấy lại bản đầy đủ`,
    en: `${file(p)} is damaged or incomplete (the .xlsx zip is truncated); get a complete copy`,
  }),
  "file.notWorkbook": (p) => ({
    vi: `Tệp ${file(p)} là tệp nén nhưng không phải sổ tính Excel (không có xl/workbook.xml)`,
    en: `${file(p)} is a zip file but not an Excel workbook (no xl/workbook.xml)`,
  }),
  "file.encrypted": (p) => ({
    vi: `Tệp ${file(p)} được đặt mật khẩu; hãy mở bằng Excel, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi chạy lại`,
    en: `${file(p)} is password-protected; open it in Excel, remove the password (File > Info > Protect Workbook) and run again`,
  }),
  "file.legacyXls": (p) => ({
    vi: `Tệp ${file(p)} là định dạng Excel 97-2003 (.xls) chưa được hỗ trợ; hãy mở bằng Excel và lưu thành .xlsx`,
    en: `${file(p)} is an Excel 97-2003 (.xls) workbook, not supported yet; open it in Excel and save it as .xlsx`,
  }),
  "file.html": (p) => ({
    vi: `Tệp ${file(p)} thực chất là trang HTML (bảng web lưu với đuôi Excel); hãy mở bằng Excel và lưu thành .xlsx`,
    en: `${file(p)} is really an HTML page (a web table saved with an Excel name); open it in Excel and save it as .xlsx`,
  }),
  "file.csv": (p) => ({
    vi: `Tệp ${file(p)} thực chất là tệp văn bản (CSV hoặc văn bản thường), không phải sổ tính .xlsx; hãy mở bằng Excel và lưu thành .xlsx`,
    en: `${file(p)} is really a text file (CSV or plain text), not an .xlsx workbook; open it in Excel and save it as .xlsx`,
  }),
  "file.spreadsheetMl2003": (p) => ({
    vi: `Tệp ${file(p)} là bảng tính XML 2003 (SpreadsheetML) chưa được hỗ trợ; hãy mở bằng Excel và lưu thành .xlsx`,
    en: `${file(p)} is an Excel 2003 XML (SpreadsheetML) file, not supported yet; open it in Excel and save it as .xlsx`,
  }),
  "file.unknownFormat": (p) => ({ vi: `Tệp ${file(p)} không phải sổ tính Excel`, en: `${file(p)} is not an Excel workbook` }),
  "file.emptyWorkbook": (p) => ({ vi: `Sổ tính ${file(p)} không có dữ liệu (mọi trang tính đều trống)`, en: `Workbook ${file(p)} holds no data (every sheet is empty)` }),
  "file.corruptPart": (p) => ({
    vi: `Tệp ${file(p)} bị hỏng: phần ${p.part} không đọc được`,
    en: `${file(p)} is damaged: part ${p.part} cannot be read`,
  }),
  "output.unwritable": (p) => ({ vi: `Không ghi được ${file(p)} (${p.reason ?? ""})`, en: `Cannot write ${file(p)} (${p.reason ?? ""})` }),
};

/** Both texts of an engine error. */
export function engineErrorText(code: EngineErrorCode, params: EngineErrorParams = {}): Bilingual {
  return ERROR_TEXT[code](params);
}

/**
 * The one line a user sees for an error: Vietnamese, then English.
 * @example formatEngineError(new EngineError("file.empty", { file: "a.xlsx" }))
 * // "Tệp a.xlsx rỗng (0 byte) — a.xlsx is empty (0 bytes)"
 */
export function formatEngineError(error: Pick<EngineError, "code" | "params">): string {
  const t = engineErrorText(error.code, error.params);
  return `${t.vi} — ${t.en}`.replace(/[\r\n]+/g, " ");
}
