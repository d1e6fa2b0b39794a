/**
 * "Tổng hợp nhiều tệp" (issue 11, part 6): the workbooks the user chose, read in the pane one after
 * another by the same file adapter and core the CLI's `consolidate` uses (each file's bytes → a
 * compact outcome → one merge → the summary plan), and the summary sheets written into the open
 * workbook by the Excel adapter. No file system, no worker threads: only the files' bytes.
 */
import { mergeOutcomes, type FileOutcome } from "../core/consolidate";
import { EngineError } from "../core/errors";
import { planForConsolidation } from "../core/plan/consolidated";
import type { Report } from "../core/report/types";
import { regimeById } from "../core/rulesets/regimes";
import { TOOL_NAME, TOOL_VERSION } from "../core/version";
import { writePlanSheets, type ExcelHost } from "../excel";
import { unreadableOutcome, validateInputFile } from "../file/consolidateInput";

/** A file the user chose (a DOM `File` fits). */
export type ChosenFile = Blob & { name: string };

export interface ConsolidateRequest {
  files: readonly ChosenFile[];
  /** YYYY-MM-DD. */
  asOf: string;
  /** A preset id; absent: the regime in force on `asOf`. */
  ruleSetId?: string;
  /** Told after each file: files done, files in all. */
  onProgress?: (done: number, total: number) => void;
}

/** What the pane shows after a consolidation. */
export interface ConsolidateCounts {
  files: number;
  read: number;
  unreadable: number;
  units: number;
  persons: number;
  errors: number;
  warnings: number;
}

export interface ConsolidateResult {
  report: Report;
  counts: ConsolidateCounts;
  /** The sheets written, by the names used. */
  sheets: string[];
}

/** A file's bytes: `Blob.arrayBuffer` where the webview has it, else `FileReader` (older webviews, jsdom). */
export function readChosenFile(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader"));
    reader.readAsArrayBuffer(file);
  });
}

/** Let the page paint the progress before the next (synchronous) file. */
const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Names that tell the files apart: a repeated one becomes "name (2)". */
function distinctNames(files: readonly ChosenFile[]): string[] {
  const seen = new Map<string, number>();
  return files.map((f) => {
    const n = (seen.get(f.name) ?? 0) + 1;
    seen.set(f.name, n);
    return n === 1 ? f.name : `${f.name} (${n})`;
  });
}

/** The counts of a consolidated report. */
export function consolidationCounts(report: Report): ConsolidateCounts {
  const files = report.files ?? [];
  const unreadable = files.filter((f) => f.status === "unreadable").length;
  const t = report.totals ?? { records: 0, errors: 0, warnings: 0, infos: 0 };
  return { files: files.length, read: files.length - unreadable, unreadable, units: report.units.length, persons: t.records, errors: t.errors, warnings: t.warnings };
}

/**
 * Read, validate and merge the chosen files, then write the summary sheets into the open workbook.
 * Throws an EngineError when no file was chosen or none could be read (nothing is written then).
 * @example await consolidateFiles(officeHost(), { files: [...input.files], asOf: "2024-12-31" })
 */
export async function consolidateFiles(host: ExcelHost, r: ConsolidateRequest): Promise<ConsolidateResult> {
  if (r.files.length === 0) throw new EngineError("usage.noWorkbooks", { paths: "" });
  const names = distinctNames(r.files);
  const options = { asOf: r.asOf, ...(r.ruleSetId ? { ruleSetId: r.ruleSetId } : {}) };
  const outcomes: FileOutcome[] = [];
  r.onProgress?.(0, r.files.length);
  for (let i = 0; i < r.files.length; i++) {
    await yieldToPage();
    let bytes: Uint8Array | undefined;
    try {
      bytes = await readChosenFile(r.files[i]);
    } catch (e) {
      outcomes.push(unreadableOutcome(names[i], e));
    }
    // Only the compact outcome is kept: the file's bytes and grid go with this iteration.
    if (bytes) outcomes.push(validateInputFile(bytes, names[i], options));
    r.onProgress?.(i + 1, r.files.length);
  }
  if (outcomes.every((o) => o.status === "unreadable")) {
    const first = outcomes[0];
    throw new EngineError("file.noneReadable", { count: outcomes.length, firstVi: first?.status === "unreadable" ? first.reasonVi : undefined, firstEn: first?.status === "unreadable" ? first.reasonEn : undefined });
  }
  const merged = mergeOutcomes(outcomes, { tool: { name: TOOL_NAME, version: TOOL_VERSION }, asOf: r.asOf });
  const regime = regimeById(merged.report.ruleSet.id);
  const plan = planForConsolidation(merged, regime ? { ruleSetName: regime.nameVi } : {});
  await yieldToPage();
  const written = await writePlanSheets(host, plan.sheets);
  return { report: merged.report, counts: consolidationCounts(merged.report), sheets: written.sheets };
}
