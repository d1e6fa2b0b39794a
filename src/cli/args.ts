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
  /** Let the qualification checks count a completed training of the training list (issue 12). */
  countTraining?: boolean;
  /** The first year the training summary counts (default: five years before the reporting year). */
  trainingSince?: string;
}

export interface ClearArgs {
  command: "clear";
  file: string;
  out?: string;
  force?: boolean;
}

/** `consolidate PATH... --summary PATH [--json PATH|-] [--md PATH] [--quota FILE] [--rules ID|FILE] [--as-of DATE] [--jobs N] [--force]` (issue 11). */
export interface ConsolidateArgs {
  command: "consolidate";
  /** Files and folders (searched for workbooks), in the order given. */
  paths: string[];
  summary?: string;
  json?: string;
  md?: string;
  quota?: string;
  rules?: string;
  asOf?: string;
  /** Files read at once (default: the number of cores; 1 reads them one by one in the main thread). */
  jobs?: number;
  force?: boolean;
}

export type CliArgs = ValidateArgs | ClearArgs | ConsolidateArgs | { command: "help" } | { command: "version" };

type ValueKey = "asOf" | "rules" | "json" | "out" | "summary" | "trainingSince";
type FlagKey = "force" | "fixEncoding" | "countTraining";

/** Options that take a value, per command. */
const VALUE_OPTIONS: Record<"validate" | "clear", Record<string, ValueKey>> = {
  validate: { "--as-of": "asOf", "--rules": "rules", "--json": "json", "--out": "out", "--summary": "summary", "--training-since": "trainingSince" },
  clear: { "--out": "out" },
};
/** Options without a value. */
const FLAGS: Record<"validate" | "clear", Record<string, FlagKey>> = {
  validate: { "--force": "force", "--fix-encoding": "fixEncoding", "--count-training": "countTraining" },
  clear: { "--force": "force" },
};

/** Parse argv (without node and the script). Throws EngineError("usage.*") on wrong usage. */
export function parseArgs(argv: string[]): CliArgs {
  if (argv.length === 0) throw new EngineError("usage.noCommand");
  const [command, ...rest] = argv;
  if (command === "--help" || command === "-h" || command === "help") return { command: "help" };
  if (command === "--version" || command === "-v") return { command: "version" };
  if (command === "consolidate") return parseConsolidateArgs(rest);
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

const CONSOLIDATE_VALUES: Record<string, "summary" | "json" | "md" | "quota" | "rules" | "asOf" | "jobs"> = {
  "--summary": "summary",
  "--json": "json",
  "--md": "md",
  "--quota": "quota",
  "--rules": "rules",
  "--as-of": "asOf",
  "--jobs": "jobs",
};

/** `consolidate`: several paths, and its own options. */
function parseConsolidateArgs(rest: string[]): CliArgs {
  const out: ConsolidateArgs = { command: "consolidate", paths: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === "--help" || a === "-h") return { command: "help" };
    if (!a.startsWith("--")) {
      out.paths.push(a);
      continue;
    }
    const [name, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    if (name === "--force") {
      out.force = true;
      continue;
    }
    const key = CONSOLIDATE_VALUES[name];
    if (!key) throw new EngineError("usage.unknownOption", { option: name });
    const value = inline ?? rest[++i];
    if (value === undefined || (value.startsWith("--") && inline === undefined)) throw new EngineError("usage.missingValue", { option: name });
    if (key === "jobs") {
      if (!/^\d+$/.test(value) || Number(value) < 1) throw new EngineError("usage.badNumber", { option: name, value });
      out.jobs = Math.min(Number(value), 256);
    } else out[key] = value;
  }
  if (out.paths.length === 0) throw new EngineError("usage.noFile");
  if (out.summary === undefined) throw new EngineError("usage.missingOption", { command: "consolidate", option: "--summary ĐƯỜNG_DẪN.xlsx" });
  return out;
}

export const HELP_TEXT = `Kiểm tra hồ sơ cán bộ, công chức cấp xã — roster validator

Cách dùng / Usage:
  npm run -s cli -- validate TỆP.xlsx [tùy chọn]
  npm run -s cli -- clear TỆP.xlsx --out ĐƯỜNG_DẪN [--force]
  npm run -s cli -- consolidate TỆP|THƯ_MỤC... --summary TỔNG_HỢP.xlsx [--json ĐƯỜNG_DẪN|-] [--md ĐƯỜNG_DẪN]
                   [--quota TỆP] [--rules MÃ] [--as-of YYYY-MM-DD] [--jobs N] [--force]

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
  --training-since NĂM tổng hợp đào tạo từ năm này (mặc định: 5 năm trước năm báo cáo)
                       the training summary counts from this year (default: 5 years before)
  --count-training     tính khóa đào tạo đã hoàn thành trong danh sách đào tạo khi xét tiêu chuẩn
                       trình độ nếu cột trình độ chưa cập nhật (báo "info" để sửa lại)
                       count a completed training of the training list in the qualification
                       checks when the roster column is not updated yet (an "info" finding says so)
  --force              ghi đè tệp kết quả đã có / replace an existing output file

  clear                bỏ mọi đánh dấu của công cụ, trả lại định dạng và ghi chú ban đầu
                       remove every mark the tool made, restoring the original formats and notes

  consolidate          kiểm tra nhiều tệp (hoặc mọi sổ tính trong thư mục) và tổng hợp thành một
                       consolidate many files (or every workbook in folders) into one summary
  --summary ĐƯỜNG_DẪN  sổ tổng hợp: kết quả, biên chế, chất lượng và trang "Tình trạng tệp"
                       the summary workbook: findings, staffing, quality and the file-status sheet
  --md ĐƯỜNG_DẪN       báo cáo Markdown / a Markdown report
  --quota TỆP          sổ tính định biên dùng cho mọi đơn vị (thay trang định biên trong các tệp)
                       a quota workbook for every unit (wins over the files' own quota sheets)
  --jobs N             số tệp đọc cùng lúc (mặc định: số nhân CPU) / files read at once (default: cores)

Định dạng đọc được / Input formats: .xlsx, .xlsm, .xls (Excel 97-2003, bảng HTML, XML 2003), theo nội dung tệp

Mã thoát / Exit codes:
  0  không có lỗi (error) / no finding of severity error
  1  có lỗi / some findings are errors
  2  đầu vào không dùng được hoặc sai cách dùng / unusable input or wrong usage
`;
