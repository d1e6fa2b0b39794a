/**
 * Command-line arguments. Flags and exit codes are a public contract: extend, never rename.
 */
import { EngineError } from "../core/errors";

export interface ValidateArgs {
  command: "validate";
  file: string;
  asOf?: string;
  rules?: string;
  json?: string;
  out?: string;
  summary?: string;
  /** Replace an existing output file. */
  force?: boolean;
  /** Convert TCVN3/VNI cells of the annotated copy to Unicode (needs --out). */
  fixEncoding?: boolean;
}

export interface ClearArgs {
  command: "clear";
  file: string;
  out?: string;
  force?: boolean;
}

export type CliArgs = ValidateArgs | ClearArgs | { command: "help" } | { command: "version" };

type ValueKey = "asOf" | "rules" | "json" | "out" | "summary";
type FlagKey = "force" | "fixEncoding";

/** Options that take a value, per command. */
const VALUE_OPTIONS: Record<"validate" | "clear", Record<string, ValueKey>> = {
  validate: { "--as-of": "asOf", "--rules": "rules", "--json": "json", "--out": "out", "--summary": "summary" },
  clear: { "--out": "out" },
};
/** Options without a value. */
const FLAGS: Record<"validate" | "clear", Record<string, FlagKey>> = {
  validate: { "--force": "force", "--fix-encoding": "fixEncoding" },
  clear: { "--force": "force" },
};

/** Parse argv (without node and the script). Throws EngineError("usage.*") on wrong usage. */
export function parseArgs(argv: string[]): CliArgs {
  if (argv.length === 0) throw new EngineError("usage.noCommand");
  const [command, ...rest] = argv;
  if (command === "--help" || command === "-h" || command === "help") return { command: "help" };
  if (command === "--version" || command === "-v") return { command: "version" };
  if (command !== "validate" && command !== "clear") throw new EngineError("usage.unknownCommand", { command });
  const out: Record<string, string | boolean> = { command };
  let file: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === "--help" || a === "-h") return { command: "help" };
    if (a.startsWith("--")) {
      const [name, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
      const flag = FLAGS[command][name];
      if (flag) {
        out[flag] = true;
        continue;
      }
      const key = VALUE_OPTIONS[command][name];
      if (!key) throw new EngineError("usage.unknownOption", { option: name });
      const value = inline ?? rest[++i];
      if (value === undefined || (value.startsWith("--") && inline === undefined)) throw new EngineError("usage.missingValue", { option: name });
      out[key] = value;
    } else if (file === undefined) file = a;
    else throw new EngineError("usage.extraArgument", { argument: a });
  }
  if (file === undefined) throw new EngineError("usage.noFile");
  out.file = file;
  if (command === "clear" && out.out === undefined) throw new EngineError("usage.missingValue", { option: "--out" });
  if (out.fixEncoding && out.out === undefined) throw new EngineError("usage.needsOut", { option: "--fix-encoding" });
  return out as unknown as CliArgs;
}

export const HELP_TEXT = `Kiểm tra hồ sơ cán bộ, công chức cấp xã — roster validator

Cách dùng / Usage:
  npm run -s cli -- validate TỆP.xlsx [tùy chọn]
  npm run -s cli -- clear TỆP.xlsx --out ĐƯỜNG_DẪN [--force]

Tùy chọn / Options:
  --as-of YYYY-MM-DD   ngày báo cáo của danh sách (mặc định: hôm nay, giờ Việt Nam)
                       the roster's reporting date (default: today in Vietnam)
  --rules MÃ           bộ quy định: nd92-2009, nd34-2019, nd33-2023, law80-2025
                       (mặc định: quy định có hiệu lực vào ngày báo cáo)
                       rule set (default: the regime in force on the reporting date)
  --rules TỆP.json     bộ quy định riêng (JSON, có thể "extends" một bộ có sẵn)
                       a JSON rule set of your own (may "extend" a preset)
  --json ĐƯỜNG_DẪN|-   ghi báo cáo JSON ra tệp, hoặc ra màn hình với "-"
                       write the JSON report to a file, or to stdout with "-"
  --out ĐƯỜNG_DẪN      bản sao của sổ tính có đánh dấu ô lỗi, ghi chú và các trang tổng hợp
                       a copy of the workbook with the problem cells marked, notes and summary sheets
  --summary ĐƯỜNG_DẪN  sổ tính mới chỉ gồm các trang kết quả và tổng hợp
                       a new workbook with only the findings and summary sheets
  --fix-encoding       (với --out) chuyển các ô TCVN3/VNI của bản sao sang Unicode
                       (with --out) convert the copy's TCVN3/VNI cells to Unicode
  --force              ghi đè tệp kết quả đã có / replace an existing output file

  clear                bỏ mọi đánh dấu của công cụ, trả lại định dạng và ghi chú ban đầu
                       remove every mark the tool made, restoring the original formats and notes

Mã thoát / Exit codes:
  0  không có lỗi (error) / no finding of severity error
  1  có lỗi / some findings are errors
  2  đầu vào không dùng được hoặc sai cách dùng / unusable input or wrong usage
`;
