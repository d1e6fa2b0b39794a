/**
 * The command line: `npm run -s cli -- validate FILE [--as-of] [--rules] [--json] [--out]`.
 * The only layer that touches the file system; it calls the core and the file adapter.
 * Exit codes: 0 no error findings, 1 some error findings, 2 unusable input or wrong usage.
 */
import { basename } from "node:path";
import { EngineError, isEngineError } from "../core/errors";
import { formatEngineError } from "../core/messages";
import { validateWorkbook, vietnamToday } from "../core/engine";
import type { Report } from "../core/report/types";
import type { EditPlan } from "../core/plan/types";
import { TOOL_NAME, TOOL_VERSION } from "../core/version";
import { FORMAT_NAMES, readWorkbookBytes, workbookFormatOf } from "../file/readWorkbook";
import { annotateWorkbook, clearWorkbook, RenderedSheets } from "../file/annotate";
import { writeSummaryWorkbook } from "../file/summaryWorkbook";
import { PartCache } from "../file/partCache";
import { planForValidation } from "../core/plan/fromValidation";
import { HELP_TEXT, parseArgs, type ClearArgs, type ValidateArgs } from "./args";
import { checkOutputPath, writeAtomically } from "./output";
import { readInputFile } from "./input";
import { consolidate, consolidateInProcess } from "./consolidate";
import { formatSummary } from "./summary";
import { NODE_CODEC } from "./codec";
import { runDiff } from "./diff";

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  now: () => number;
  /** True when stderr is a terminal (progress lines are shown only then). */
  interactive: boolean;
}


function validate(args: ValidateArgs, io: CliIo): number {
  const asOf = args.asOf ?? vietnamToday(io.now());
  if (args.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(args.asOf)) throw new EngineError("usage.badDate", { option: "--as-of", value: args.asOf });
  // --rules FILE (a path or a .json name): the CLI reads it, the core parses and checks it.
  let ruleSetFile: { name: string; text: string } | undefined;
  if (args.rules !== undefined && /[/\\]|\.json$/i.test(args.rules)) {
    ruleSetFile = { name: basename(args.rules), text: new TextDecoder("utf-8").decode(readInputFile(args.rules)) };
  }
  const trainingSince = args.trainingSince === undefined ? undefined : Number(args.trainingSince);
  if (trainingSince !== undefined && !(Number.isInteger(trainingSince) && trainingSince >= 1945 && trainingSince <= 2100)) {
    throw new EngineError("usage.badYear", { option: "--training-since", value: args.trainingSince });
  }
  // Refuse a bad output path before any work.
  if (args.out !== undefined) checkOutputPath(args.out, args.file, args.force);
  if (args.summary !== undefined) checkOutputPath(args.summary, args.file, args.force);
  if (args.json !== undefined && args.json !== "-" && args.json === args.file) throw new EngineError("output.sameAsInput", { file: args.json });
  const progress = (vi: string) => io.interactive && args.json !== "-" && io.stderr(`${vi}\n`);
  progress(`Đang đọc ${basename(args.file)}… / Reading…`);
  const bytes = readInputFile(args.file);
  // .xlsx/.xlsm, and .xls as BIFF8, HTML table or Excel 2003 XML, told by content; only an .xlsx can be marked (--out).
  const format = workbookFormatOf(bytes);
  if (args.out !== undefined && format !== undefined && format !== "xlsx") throw new EngineError("output.needsXlsx", { file: basename(args.file), format: FORMAT_NAMES[format].vi, formatEn: FORMAT_NAMES[format].en });
  // The grid and the reading stay inside checkAndPlan: once it returns they can be freed, so the
  // collector does not trace them again while the outputs (tens of MB for a large roster) are built.
  // The annotated copy takes the parts the reader inflated and decoded, instead of doing it again.
  const parts = args.out !== undefined && format === "xlsx" ? new PartCache(bytes) : undefined;
  const { report, plan } = checkAndPlan(bytes, args, { asOf, trainingSince, ruleSetFile, progress, parts });
  if (plan) {
    // Build both outputs before writing either: a failure writes nothing.
    // The plan's sheets are laid out once for both.
    const rendered = new RenderedSheets();
    const annotated = args.out !== undefined ? annotateWorkbook(bytes, plan, { fileName: basename(args.file), codec: NODE_CODEC, rendered, ...(parts ? { parts } : {}) }) : undefined;
    // Whatever the copy did not take is not needed any more.
    parts?.clear();
    const summary = args.summary !== undefined ? writeSummaryWorkbook(plan, { codec: NODE_CODEC, rendered }) : undefined;
    if (annotated && args.out) writeAtomically(args.out, annotated);
    if (summary && args.summary) writeAtomically(args.summary, summary);
  }
  const json = JSON.stringify(report, null, 2) + "\n";
  if (args.json === "-") io.stdout(json);
  else {
    if (args.json !== undefined) writeAtomically(args.json, json);
    io.stdout(formatSummary(report));
    if (args.out) io.stdout(`Bản sao có đánh dấu / Annotated copy: ${args.out}\n`);
    if (args.summary) io.stdout(`Sổ tổng hợp / Summary workbook: ${args.summary}\n`);
  }
  return exitCodeOf(report);
}

/** Read, validate and (when an output is asked for) plan the edits; only the report and the plan come out. */
function checkAndPlan(
  bytes: Uint8Array,
  args: ValidateArgs,
  o: { asOf: string; trainingSince: number | undefined; ruleSetFile: { name: string; text: string } | undefined; progress: (vi: string) => void; parts?: PartCache },
): { report: Report; plan?: EditPlan } {
  const { grid } = readWorkbookBytes(bytes, { fileName: basename(args.file), codec: NODE_CODEC, ...(o.parts ? { parts: o.parts } : {}) });
  o.progress("Đang kiểm tra… / Checking…");
  const result = validateWorkbook(grid, { asOf: o.asOf, fileName: basename(args.file), fileBytes: bytes.length, ...(args.countTraining ? { countTraining: true } : {}), ...(o.trainingSince !== undefined ? { trainingSince: o.trainingSince } : {}), ...(o.ruleSetFile ? { ruleSetFile: o.ruleSetFile } : args.rules ? { ruleSetId: args.rules } : {}) });
  if (args.out === undefined && args.summary === undefined) return { report: result.report };
  o.progress("Đang ghi kết quả… / Writing…");
  return { report: result.report, plan: planForValidation(result, grid, { fixEncoding: args.fixEncoding === true }) };
}

/** `clear FILE --out PATH`: remove every mark the tool made, restoring original styles and notes. */
function clear(args: ClearArgs, io: CliIo): number {
  if (args.out === undefined) throw new EngineError("usage.missingValue", { option: "--out" });
  checkOutputPath(args.out, args.file, args.force);
  const bytes = readInputFile(args.file);
  const cleared = clearWorkbook(bytes, { fileName: basename(args.file), codec: NODE_CODEC });
  writeAtomically(args.out, cleared);
  io.stdout(`Đã bỏ đánh dấu / Marks removed: ${args.out}\n`);
  return 0;
}

/** 1 when any finding is an error, else 0. */
export function exitCodeOf(report: Report): number {
  return report.findings.some((f) => f.severity === "error") ? 1 : 0;
}

/** Run the CLI; returns the exit code. Never throws. */
export function runCli(argv: string[], io: CliIo): number {
  try {
    // `diff OLD NEW` (issue 12) parses its own arguments.
    if (argv[0] === "diff") return runDiff(argv.slice(1), io);
    const args = parseArgs(argv);
    if (args.command === "help") {
      io.stdout(HELP_TEXT);
      return 0;
    }
    if (args.command === "version") {
      io.stdout(`${TOOL_NAME} ${TOOL_VERSION}\n`);
      return 0;
    }
    if (args.command === "clear") return clear(args, io);
    if (args.command === "consolidate") return consolidateInProcess(args, io);
    return validate(args, io);
  } catch (e) {
    return oneLineFailure(e, io);
  }
}

/** One line on stderr for a failure (Vietnamese — English; an unexpected one too, never a stack trace), exit code 2. */
function oneLineFailure(e: unknown, io: CliIo): number {
  if (isEngineError(e)) {
    io.stderr(formatEngineError(e) + "\n");
    return 2;
  }
  const msg = e instanceof Error ? e.message : String(e);
  io.stderr(`Lỗi không mong đợi: ${msg} — Unexpected error: ${msg}\n`.replace(/\n(?!$)/g, " "));
  return 2;
}

/**
 * The command line's entry: `consolidate` reads its files on worker threads (issue 11); every
 * other command runs as {@link runCli}. Never rejects.
 */
export async function runCliAsync(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] !== "consolidate") return runCli(argv, io);
  try {
    const args = parseArgs(argv);
    if (args.command !== "consolidate") return runCli(argv, io);
    return await consolidate(args, io);
  } catch (e) {
    return oneLineFailure(e, io);
  }
}

if (require.main === module) {
  void runCliAsync(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    now: () => Date.now(),
    interactive: Boolean(process.stderr.isTTY),
  }).then((code) => {
    process.exitCode = code;
  });
}
