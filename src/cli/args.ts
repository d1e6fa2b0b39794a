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
}

export type CliArgs = ValidateArgs | { command: "help" } | { command: "version" };

/** Options that take a value, and whether their feature has landed. */
const VALUE_OPTIONS: Record<string, { key: keyof ValidateArgs; landed: boolean; featureVi?: string; featureEn?: string }> = {
  "--as-of": { key: "asOf", landed: true },
  "--rules": { key: "rules", landed: true },
  "--json": { key: "json", landed: true },
  "--out": { key: "out", landed: false, featureVi: "bản sao có đánh dấu sẽ có ở phiên bản sau", featureEn: "the annotated copy arrives in a later version" },
  "--summary": { key: "summary", landed: false, featureVi: "các trang tổng hợp sẽ có ở phiên bản sau", featureEn: "the summary sheets arrive in a later version" },
};

/** Parse argv (without node and the script). Throws EngineError("usage.*") on wrong usage. */
export function parseArgs(argv: string[]): CliArgs {
  if (argv.length === 0) throw new EngineError("usage.noCommand");
  const [command, ...rest] = argv;
  if (command === "--help" || command === "-h" || command === "help") return { command: "help" };
  if (command === "--version" || command === "-v") return { command: "version" };
  if (command !== "validate") throw new EngineError("usage.unknownCommand", { command });
  const out: Partial<ValidateArgs> = { command: "validate" };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === "--help" || a === "-h") return { command: "help" };
    if (a.startsWith("--")) {
      const [name, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
      const spec = VALUE_OPTIONS[name];
      if (!spec) throw new EngineError("usage.unknownOption", { option: name });
      const value = inline ?? rest[++i];
      if (value === undefined || (value.startsWith("--") && inline === undefined)) throw new EngineError("usage.missingValue", { option: name });
      if (!spec.landed) throw new EngineError("usage.notAvailableYet", { option: name, featureVi: spec.featureVi, featureEn: spec.featureEn });
      (out as Record<string, string>)[spec.key] = value;
    } else if (out.file === undefined) out.file = a;
    else throw new EngineError("usage.extraArgument", { argument: a });
  }
  if (out.file === undefined) throw new EngineError("usage.noFile");
  return out as ValidateArgs;
}

export const HELP_TEXT = `Kiểm tra hồ sơ cán bộ, công chức cấp xã — roster validator

Cách dùng / Usage:
  npm run -s cli -- validate TỆP.xlsx [tùy chọn]

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
  --out ĐƯỜNG_DẪN      bản sao có đánh dấu (phiên bản sau) / annotated copy (later version)

Mã thoát / Exit codes:
  0  không có lỗi (error) / no finding of severity error
  1  có lỗi / some findings are errors
  2  đầu vào không dùng được hoặc sai cách dùng / unusable input or wrong usage
`;
