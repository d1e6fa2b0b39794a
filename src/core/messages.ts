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

/** Kinds of packages the annotated copy refuses (`output.unsupportedPackage`). */
const PACKAGE_KIND: Record<string, Bilingual> = {
  strict: { vi: "sổ tính lưu theo chuẩn Strict Open XML", en: "it is a Strict Open XML workbook" },
  zip64: { vi: "tệp nén dạng ZIP64 (quá 4 GB hoặc quá 65.535 phần)", en: "it is a ZIP64 archive (over 4 GB or 65,535 parts)" },
  encrypted: { vi: "có phần được mã hóa trong tệp nén", en: "some of its zip entries are encrypted" },
  compression: { vi: "có phần nén theo cách không hỗ trợ", en: "some of its zip entries use an unsupported compression method" },
  other: { vi: "cấu trúc tệp nén không hỗ trợ", en: "its zip structure is not supported" },
};

const ERROR_TEXT: Record<EngineErrorCode, Render> = {
  "usage.noCommand": () => ({
    vi: "Thiếu lệnh. Dùng: validate TỆP [--as-of YYYY-MM-DD] [--rules MÃ] [--json ĐƯỜNG_DẪN|-] [--out ĐƯỜNG_DẪN]",
    en: "No command. Usage: validate FILE [--as-of YYYY-MM-DD] [--rules ID] [--json PATH|-] [--out PATH]",
  }),
  "usage.unknownCommand": (p) => ({ vi: `Không có lệnh "${p.command}" (các lệnh: validate, clear, consolidate, diff)`, en: `Unknown command "${p.command}" (commands: validate, clear, consolidate, diff)` }),
  "usage.noFile": () => ({ vi: "Chưa chỉ ra tệp sổ tính cần kiểm tra", en: "No workbook file given" }),
  "usage.unknownOption": (p) => ({ vi: `Không có tùy chọn "${p.option}"`, en: `Unknown option "${p.option}"` }),
  "usage.missingValue": (p) => ({ vi: `Tùy chọn ${p.option} cần một giá trị`, en: `Option ${p.option} needs a value` }),
  "usage.extraArgument": (p) => ({ vi: `Thừa đối số "${p.argument}"`, en: `Unexpected argument "${p.argument}"` }),
  "usage.badDate": (p) => ({
    vi: `Ngày "${p.value}" không hợp lệ cho ${p.option}; hãy viết theo dạng YYYY-MM-DD, ví dụ 2026-11-28`,
    en: `"${p.value}" is not a valid date for ${p.option}; write it as YYYY-MM-DD, e.g. 2026-11-28`,
  }),
  "usage.badYear": (p) => ({ vi: `Năm "${p.value}" không hợp lệ cho ${p.option}; hãy viết 4 chữ số, ví dụ 2020`, en: `"${p.value}" is not a valid year for ${p.option}; write four digits, e.g. 2020` }),
  "usage.unknownRuleSet": (p) => ({
    vi: `Không có bộ quy định "${p.value}" (có: ${p.known})`,
    en: `Unknown rule set "${p.value}" (available: ${p.known})`,
  }),
  "usage.notAvailableYet": (p) => ({
    vi: `Tùy chọn ${p.option} chưa có trong phiên bản này (${p.featureVi})`,
    en: `Option ${p.option} is not available in this version yet (${p.featureEn})`,
  }),
  "rules.invalid": (p) => ({
    vi: `Tệp quy định ${file(p)} không hợp lệ: trường ${p.field} ${p.problemVi}`,
    en: `Rule file ${file(p)} is invalid: field ${p.field} ${p.problemEn}`,
  }),
  "rules.badJson": (p) => ({
    vi: `Tệp quy định ${file(p)} không phải JSON hợp lệ (lỗi cú pháp ở ${p.where})`,
    en: `Rule file ${file(p)} is not valid JSON (syntax error at ${p.whereEn})`,
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
  "file.missingPart": (p) => ({
    vi: `Tệp ${file(p)} bị hỏng: thiếu phần ${p.part} mà sổ tính cần`,
    en: `${file(p)} is damaged: part ${p.part} is missing`,
  }),
  "file.tooLarge": (p) => ({
    vi: `Tệp ${file(p)} giải nén ra quá lớn (phần ${p.part}, giới hạn ${p.limit}); có thể là tệp nén độc hại, không xử lý`,
    en: `${file(p)} inflates to too much (part ${p.part}, limit ${p.limit}); it may be a zip bomb, not processed`,
  }),
  "output.unwritable": (p) => ({ vi: `Không ghi được ${file(p)} (${p.reason ?? ""})`, en: `Cannot write ${file(p)} (${p.reason ?? ""})` }),
  "output.exists": (p) => ({
    vi: `Tệp ${file(p)} đã có; thêm --force để ghi đè, hoặc chọn tên khác`,
    en: `${file(p)} already exists; add --force to replace it, or choose another name`,
  }),
  "output.sameAsInput": (p) => ({
    vi: `Không ghi đè lên tệp gốc ${file(p)}; hãy chọn một tên khác cho --out`,
    en: `Will not write over the input ${file(p)}; choose another name for --out`,
  }),
  "usage.needsOut": (p) => ({ vi: `Tùy chọn ${p.option} cần đi cùng --out`, en: `Option ${p.option} needs --out` }),
  "output.unsupportedPackage": (p) => {
    const kind = PACKAGE_KIND[String(p.kind)] ?? PACKAGE_KIND.other;
    return {
      vi: `Không ghi được bản đánh dấu của ${file(p)}: ${kind.vi}; nếu ghi sẽ mất hoặc hỏng nội dung, nên không ghi gì. Hãy mở tệp bằng Excel, lưu thành "Sổ làm việc Excel (*.xlsx)" rồi chạy lại`,
      en: `Cannot write a marked copy of ${file(p)}: ${kind.en}; writing it would lose or damage content, so nothing was written. Open it in Excel, save it as "Excel Workbook (*.xlsx)" and run again`,
    };
  },
  "output.cannotKeepPart": (p) => ({
    vi: `Không ghi được bản đánh dấu của ${file(p)}: phần ${p.part} không sửa được mà vẫn giữ nguyên nội dung, nên không ghi gì để khỏi làm mất phần này`,
    en: `Cannot write a marked copy of ${file(p)}: part ${p.part} cannot be edited without losing content, so nothing was written`,
  }),
  // The .xls, HTML and Excel 2003 XML readers and `consolidate` (issue 11).
  "file.biff5": (p) => ({
    vi: `Tệp ${file(p)} là sổ tính Excel 5.0/95 (BIFF5), định dạng quá cũ chưa được hỗ trợ; hãy mở bằng Excel và lưu thành .xlsx`,
    en: `${file(p)} is an Excel 5.0/95 (BIFF5) workbook, too old to be supported; open it in Excel and save it as .xlsx`,
  }),
  "file.corruptXls": (p) => ({
    vi: `Tệp ${file(p)} là sổ tính Excel 97-2003 (.xls) nhưng bị hỏng hoặc chưa tải/chép hết (${p.detail ?? "?"}); hãy lấy lại bản đầy đủ, hoặc mở bằng Excel và lưu lại`,
    en: `${file(p)} is an Excel 97-2003 (.xls) workbook but it is damaged or incomplete (${p.detail ?? "?"}); get a complete copy, or open it in Excel and save it again`,
  }),
  "file.truncatedText": (p) => ({
    vi: `Tệp ${file(p)} (${p.format}) bị cắt cụt: thiếu phần cuối (${p.missing}), có thể chưa tải/chép hết; hãy lấy lại bản đầy đủ`,
    en: `${file(p)} (${p.format}) is cut short: its end (${p.missing}) is missing, the download or copy may be incomplete; get a complete copy`,
  }),
  "file.noRoster": (p) => ({
    vi: `Tệp ${file(p)} không có trang danh sách cán bộ nào (cần cột Họ và tên) để so sánh`,
    en: `${file(p)} holds no roster sheet (with a name column) to compare`,
  }),
  "file.noTable": (p) => ({
    vi: `Tệp ${file(p)} là trang HTML nhưng không có bảng nào (thẻ <table>) để đọc`,
    en: `${file(p)} is an HTML page but holds no table (<table>) to read`,
  }),
  "file.badXml2003": (p) => ({
    vi: `Tệp ${file(p)} là bảng tính XML 2003 (SpreadsheetML) nhưng không đọc được (${p.detail ?? "?"}); hãy mở bằng Excel và lưu thành .xlsx`,
    en: `${file(p)} is an Excel 2003 XML (SpreadsheetML) file but cannot be read (${p.detail ?? "?"}); open it in Excel and save it as .xlsx`,
  }),
  "file.noneReadable": (p) => ({
    vi: `Không đọc được tệp nào trong ${p.count} tệp; không có gì để tổng hợp (lý do của tệp đầu: ${p.firstVi ?? "?"})`,
    en: `None of the ${p.count} files could be read; nothing to consolidate (first file's reason: ${p.firstEn ?? "?"})`,
  }),
  "file.noQuotaSheet": (p) => ({
    vi: `Tệp định biên ${file(p)} không có trang định biên nào (cần cột đơn vị và cột số được giao, ví dụ "Tỉnh giao", "Huyện giao")`,
    en: `Quota file ${file(p)} has no quota sheet (it needs a unit column and assigned-figure columns, e.g. "Tỉnh giao", "Huyện giao")`,
  }),
  "output.needsXlsx": (p) => ({
    vi: `Không ghi được bản đánh dấu (--out) của ${file(p)}: tệp gốc là ${p.format}, chỉ đánh dấu được trên sổ tính .xlsx/.xlsm; hãy dùng --summary, hoặc mở bằng Excel và lưu thành .xlsx rồi chạy lại`,
    en: `Cannot write a marked copy (--out) of ${file(p)}: it is ${p.formatEn}, and only .xlsx/.xlsm workbooks can be marked; use --summary, or open it in Excel, save it as .xlsx and run again`,
  }),
  "usage.missingOption": (p) => ({ vi: `Lệnh ${p.command} cần tùy chọn ${p.option}`, en: `Command ${p.command} needs option ${p.option}` }),
  "usage.noWorkbooks": (p) => ({
    vi: `Không tìm thấy sổ tính nào (.xlsx, .xlsm, .xls, .xml, .htm, .html) trong ${p.paths}`,
    en: `No workbook (.xlsx, .xlsm, .xls, .xml, .htm, .html) found in ${p.paths}`,
  }),
  "usage.badNumber": (p) => ({ vi: `Giá trị "${p.value}" của ${p.option} phải là số nguyên dương`, en: `${p.option} needs a positive whole number, not "${p.value}"` }),
  // The Excel adapter (src/excel).
  "excel.notInExcel": () => ({ vi: "Lệnh này chỉ chạy bên trong Excel", en: "This command runs only inside Excel" }),
  "excel.protectedSheet": (p) => ({
    vi: `Trang tính "${p.sheet}" đang được bảo vệ nên không đánh dấu được; chưa thay đổi gì. Hãy bỏ bảo vệ (Xem lại > Bỏ bảo vệ trang tính) rồi chạy lại`,
    en: `Sheet "${p.sheet}" is protected, so it cannot be marked; nothing was changed. Unprotect it (Review > Unprotect Sheet) and run again`,
  }),
  "excel.protectedWorkbook": () => ({
    vi: "Cấu trúc sổ làm việc đang được bảo vệ nên không thêm được trang kết quả; chưa thay đổi gì. Hãy bỏ bảo vệ (Xem lại > Bảo vệ sổ làm việc) rồi chạy lại",
    en: "The workbook structure is protected, so the result sheets cannot be added; nothing was changed. Unprotect it (Review > Protect Workbook) and run again",
  }),
  "excel.cellEditMode": () => ({
    vi: "Excel đang ở chế độ sửa ô; hãy nhấn Enter hoặc Esc rồi bấm lại",
    en: "Excel is in cell-edit mode; press Enter or Esc and click again",
  }),
  "excel.payloadTooLarge": () => ({
    vi: "Dữ liệu gửi qua lại với Excel vượt giới hạn 5 MB của Excel trên web; chưa thay đổi gì",
    en: "A request to Excel exceeded Excel on the web's 5 MB limit; nothing was changed",
  }),
  "excel.apiNotSupported": (p) => ({
    vi: `Phiên bản Excel này chưa hỗ trợ ${p.api} (cần ${p.set}); hãy cập nhật Office`,
    en: `This version of Excel does not support ${p.api} (needs ${p.set}); update Office`,
  }),
  "excel.unknownRecord": () => ({
    vi: "Sổ làm việc này mang dấu của một lần đánh dấu khác (bản ghi thay đổi không đọc được), nên không đánh dấu hay xóa đánh dấu để khỏi mất màu gốc; hãy xóa đánh dấu bằng công cụ đã tạo ra nó rồi chạy lại",
    en: "This workbook carries marks from another run whose change record cannot be read, so nothing is marked or cleared lest the original fills be lost; clear them with the tool that made them and run again",
  }),
  "excel.failed": (p) => ({
    vi: `Excel báo lỗi khi ${p.stepVi ?? "thực hiện lệnh"} (${p.code ?? "không rõ mã"}): ${p.detail ?? ""}`,
    en: `Excel reported an error while ${p.stepEn ?? "running the command"} (${p.code ?? "no code"}): ${p.detail ?? ""}`,
  }),
  "excel.cancelled": () => ({
    vi: "Đã hủy lần kiểm tra; sổ làm việc không bị thay đổi",
    en: "The check was cancelled; the workbook was not changed",
  }),
  "excel.sheetNotFound": (p) => ({
    vi: `Không tìm thấy trang "${p.sheet ?? ""}" trong sổ làm việc (có thể đã bị đổi tên hoặc xóa); hãy kiểm tra lại`,
    en: `The sheet "${p.sheet ?? ""}" is not in the workbook (renamed or deleted?); run the check again`,
  }),
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
