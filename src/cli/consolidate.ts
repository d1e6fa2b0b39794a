/**
 * `consolidate PATH... --summary SUMMARY.xlsx [--json PATH|-] [--md PATH] [--quota FILE]
 * [--rules ID|FILE] [--as-of DATE] [--jobs N] [--force]` (issue 11): validate every workbook
 * given (folders are searched), merge the units of all of them into one report, and write the
 * summary workbook (findings, staffing, quality, "Tình trạng tệp"), the JSON report and the
 * Markdown report. A file that cannot be read is a `file.unreadable` finding and the run goes on;
 * exit 2 only when no file could be read (or on wrong usage), else 0 or 1 as for `validate`.
 *
 * Files are read by worker threads (src/cli/pool.ts), up to the number of cores, each worker
 * reading its own file from disk, one at a time; the main thread keeps only each file's compact
 * outcome (report and person keys), never a grid. `runCli` (synchronous) reads them one by one.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { availableParallelism, totalmem } from "node:os";
import { basename, extname, join, relative, resolve, sep } from "node:path";
import { mergeOutcomes, quotaSourceOf, quotaUnits, type FileOutcome, type QuotaSource } from "../core/consolidate";
import { renderMarkdownReport } from "../core/consolidateMarkdown";
import { parseIsoDay, vietnamToday } from "../core/engine";
import { EngineError } from "../core/errors";
import { planForConsolidation } from "../core/plan/consolidated";
import { documentDetails, type DocumentDetails } from "../core/plan/fromValidation";
import { readWorkbook } from "../core/reader";
import type { Report, SheetReport } from "../core/report/types";
import { chooseRuleSet } from "../core/rulesets";
import { TOOL_NAME, TOOL_VERSION } from "../core/version";
import type { ConsolidateInputOptions } from "../file/consolidateInput";
import { readWorkbookBytes } from "../file/readWorkbook";
import { writeSummaryWorkbook } from "../file/summaryWorkbook";
import { NODE_CODEC } from "./codec";
import type { ConsolidateArgs } from "./args";
import { processInput } from "./consolidateWorker";
import { checkOutputPath, writeAtomically } from "./output";
import { readInputFile } from "./input";
import { PoolStartError, runInWorkers } from "./pool";
import { Progress } from "./progress";

export interface ConsolidateIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  now: () => number;
  interactive: boolean;
}

/** Extensions searched for in folders (the content decides the format, the name only the search). */
const WORKBOOK_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xls", ".xml", ".htm", ".html"]);
const collator = new Intl.Collator("vi", { numeric: true, sensitivity: "base" });

interface Input {
  path: string;
  /** Name in the report: below the folder given, or the file's name; never a full path. */
  name: string;
}

function samePath(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}

/** Workbook files under a folder, depth first, in Vietnamese name order; hidden files and Excel lock files (~$…) skipped. */
function scanFolder(dir: string, skip: string[]): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => collator.compare(a.name, b.name));
    for (const e of entries) {
      if (e.name.startsWith(".") || e.name.startsWith("~$")) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && WORKBOOK_EXTENSIONS.has(extname(e.name).toLowerCase()) && !skip.some((s) => samePath(s, p))) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Expand the paths given into input files with report names. */
export function collectInputs(paths: string[], skip: string[]): Input[] {
  const inputs: Input[] = [];
  const seen = new Set<string>();
  const add = (path: string, name: string) => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push({ path, name });
  };
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      // A missing path is an input that cannot be read: it is listed, and the run goes on.
    }
    if (isDir) for (const f of scanFolder(p, skip)) add(f, relative(p, f).split(sep).join("/"));
    else if (!skip.some((s) => samePath(s, p))) add(p, basename(p));
  }
  // Names must tell the files apart: a repeated one takes its path from the working folder.
  const count = new Map<string, number>();
  for (const i of inputs) count.set(i.name, (count.get(i.name) ?? 0) + 1);
  for (const i of inputs) if ((count.get(i.name) ?? 0) > 1) i.name = relative(process.cwd(), i.path).split(sep).join("/") || i.name;
  return inputs;
}


interface Prepared {
  inputs: Input[];
  asOf: string;
  options: ConsolidateInputOptions;
  quota?: { source: QuotaSource; sheets: SheetReport[]; details: DocumentDetails };
}

/** Everything checked before any file is read: dates, rule set, outputs, the quota file, the inputs. */
function prepare(args: ConsolidateArgs, io: ConsolidateIo): Prepared {
  const asOf = args.asOf ?? vietnamToday(io.now());
  if (!parseIsoDay(asOf)) throw new EngineError("usage.badDate", { option: "--as-of", value: asOf });
  let ruleSetFile: { name: string; text: string } | undefined;
  if (args.rules !== undefined && /[/\\]|\.json$/i.test(args.rules)) ruleSetFile = { name: basename(args.rules), text: new TextDecoder("utf-8").decode(readInputFile(args.rules)) };
  // A bad rule set stops the run here, once, instead of failing every file.
  chooseRuleSet({ asOf, ...(ruleSetFile ? { file: ruleSetFile } : args.rules !== undefined ? { presetId: args.rules } : {}) });
  const outputs = [args.summary, args.json === "-" ? undefined : args.json, args.md].filter((x): x is string => x !== undefined);
  const skip = [...outputs, ...(args.quota ? [args.quota] : [])];
  const inputs = collectInputs(args.paths, skip);
  if (inputs.length === 0) throw new EngineError("usage.noWorkbooks", { paths: args.paths.join(", ") });
  for (const out of outputs) {
    if (existsSync(out) && !args.force) throw new EngineError("output.exists", { file: out });
    for (const i of inputs) checkOutputPath(out, i.path, true);
  }
  const options: ConsolidateInputOptions = { asOf, ...(ruleSetFile ? { ruleSetFile } : args.rules !== undefined ? { ruleSetId: args.rules } : {}) };
  const prepared: Prepared = { inputs, asOf, options };
  if (args.quota !== undefined) {
    const name = basename(args.quota);
    const { grid } = readWorkbookBytes(readInputFile(args.quota), { fileName: name });
    const reading = readWorkbook(grid, { asOf: parseIsoDay(asOf)! });
    const source = quotaSourceOf(grid, reading, name);
    if (!source) throw new EngineError("file.noQuotaSheet", { file: name });
    const details = documentDetails(grid, reading.sheets.filter((s) => s.role === "settings").map((s) => s.name));
    source.details = details;
    prepared.quota = { source, sheets: reading.sheets.filter((s) => s.role === "quota"), details };
    options.quota = source;
  }
  return prepared;
}

/** Merge, write the outputs, print the summary; the exit code. */
function finish(args: ConsolidateArgs, p: Prepared, outcomes: FileOutcome[], io: ConsolidateIo): number {
  if (outcomes.every((o) => o.status === "unreadable")) {
    const first = outcomes[0];
    throw new EngineError("file.noneReadable", { count: outcomes.length, firstVi: first?.status === "unreadable" ? first.reasonVi : undefined, firstEn: first?.status === "unreadable" ? first.reasonEn : undefined });
  }
  const merged = mergeOutcomes(outcomes, {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    asOf: p.asOf,
    ...(p.quota ? { quota: { fileName: p.quota.source.fileName, units: quotaUnits(p.quota.source) }, quotaSheets: p.quota.sheets } : {}),
  });
  const { report } = merged;
  const d = p.quota?.details ?? {};
  // Build every output before writing any: a failure writes nothing.
  const summary = writeSummaryWorkbook(planForConsolidation(merged, d), { codec: NODE_CODEC });
  const json = JSON.stringify(report, null, 2) + "\n";
  const md = args.md !== undefined ? renderMarkdownReport(report) : undefined;
  if (args.summary) writeAtomically(args.summary, summary);
  if (args.json !== undefined && args.json !== "-") writeAtomically(args.json, json);
  if (args.md !== undefined && md !== undefined) writeAtomically(args.md, md);
  if (args.json === "-") io.stdout(json);
  else {
    io.stdout(formatConsolidation(report));
    if (args.summary) io.stdout(`Sổ tổng hợp / Summary workbook: ${args.summary}\n`);
    if (args.json) io.stdout(`Báo cáo JSON / JSON report: ${args.json}\n`);
    if (args.md) io.stdout(`Báo cáo Markdown / Markdown report: ${args.md}\n`);
  }
  return report.findings.some((f) => f.severity === "error") ? 1 : 0;
}

/** The short text summary on stdout: Vietnamese first. */
export function formatConsolidation(report: Report): string {
  const files = report.files ?? [];
  const bad = files.filter((f) => f.status === "unreadable");
  const t = report.totals ?? { records: 0, errors: 0, warnings: 0, infos: 0 };
  const lines = [
    `Tổng hợp / Consolidation: ${files.length} tệp / files — đã đọc / read ${files.length - bad.length}, không đọc được / unreadable ${bad.length} — ngày báo cáo / as of ${report.asOf} — quy định / rules: ${report.ruleSet.id}`,
    `Đơn vị / Units: ${report.units.length}; người / persons: ${t.records}`,
    ...bad.map((f) => `  [KHÔNG ĐỌC ĐƯỢC / UNREADABLE] ${f.name}: ${f.reason ?? ""}`),
    `Lỗi / errors: ${t.errors}; cảnh báo / warnings: ${t.warnings}; thông tin / info: ${t.infos}`,
  ];
  return lines.join("\n") + "\n";
}

/** Files at once: the cores, or `--jobs`; never more than the files. */
function jobsFor(args: ConsolidateArgs, files: number): number {
  return Math.max(1, Math.min(args.jobs ?? availableParallelism(), files));
}

/** Each worker's heap: a share of the memory, between 512 MB and 4 GB. */
function heapMbFor(jobs: number): number {
  return Math.max(512, Math.min(4096, Math.floor(totalmem() / 2 ** 20 / (2 * jobs))));
}

/**
 * Consolidate in this thread, one file after another (what `runCli` does, being synchronous).
 * @example consolidateInProcess(parsed, io) // 0, 1 or throws an EngineError (exit 2)
 */
export function consolidateInProcess(args: ConsolidateArgs, io: ConsolidateIo): number {
  return sequential(args, prepare(args, io), io);
}

function sequential(args: ConsolidateArgs, p: Prepared, io: ConsolidateIo): number {
  const progress = new Progress(io, p.inputs.length);
  const outcomes = p.inputs.map((input) => {
    const o = processInput(input.path, input.name, p.options);
    progress.tick(o.status === "read" ? o.report.totals?.records ?? 0 : 0);
    return o;
  });
  progress.finish();
  return finish(args, p, outcomes, io);
}

/**
 * Consolidate with worker threads (the command line's way); `--jobs 1` reads in this thread.
 * @example await consolidate(parsed, io)
 */
export async function consolidate(args: ConsolidateArgs, io: ConsolidateIo): Promise<number> {
  const p = prepare(args, io);
  const jobs = jobsFor(args, p.inputs.length);
  if (jobs === 1) return sequential(args, p, io);
  const progress = new Progress(io, p.inputs.length);
  const outcomes: (FileOutcome | undefined)[] = new Array(p.inputs.length);
  const onOutcome = (i: number, o: FileOutcome) => {
    outcomes[i] = o;
    progress.tick(o.status === "read" ? o.report.totals?.records ?? 0 : 0);
  };
  try {
    await runInWorkers(p.inputs, { jobs, options: p.options, heapMb: heapMbFor(jobs) }, onOutcome);
  } catch (e) {
    if (!(e instanceof PoolStartError)) throw e;
    // Worker threads cannot start here: read what is left in this thread.
    p.inputs.forEach((input, i) => {
      if (outcomes[i] === undefined) onOutcome(i, processInput(input.path, input.name, p.options));
    });
  }
  progress.finish();
  return finish(args, p, outcomes as FileOutcome[], io);
}
