/**
 * `npm run -s cli -- diff OLD.xlsx NEW.xlsx [--out CHANGES.xlsx] [--json PATH|-] [--as-of YYYY-MM-DD] [--force]`:
 * who joined, left, moved, changed post or qualification between two rosters (issue 12 §3).
 * Exit codes: 0 the comparison completed; 2 unusable input or wrong usage.
 */
import { basename } from "node:path";
import { EngineError } from "../core/errors";
import { diffRosters, type DiffResult } from "../core/diff";
import { parseIsoDay, vietnamToday } from "../core/engine";
import { readWorkbook } from "../core/reader";
import { changesSheet } from "../core/plan/issue12Sheets";
import { TOOL_NAME, TOOL_VERSION } from "../core/version";
import { readXlsx } from "../file/readXlsx";
import { writeSummaryWorkbook } from "../file/summaryWorkbook";
import { NODE_CODEC } from "./codec";
import { checkOutputPath, writeAtomically } from "./output";
import { readInputFile } from "./input";

export interface DiffArgs {
  old: string;
  new: string;
  out?: string;
  json?: string;
  asOf?: string;
  force?: boolean;
}

/** Parse the arguments after `diff`. Throws EngineError("usage.*") on wrong usage. */
export function parseDiffArgs(argv: string[]): DiffArgs {
  const files: string[] = [];
  const out: Partial<DiffArgs> = {};
  const values: Record<string, "out" | "json" | "asOf"> = { "--out": "out", "--json": "json", "--as-of": "asOf" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--force") {
      out.force = true;
      continue;
    }
    if (a.startsWith("--")) {
      const [name, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
      const key = values[name];
      if (!key) throw new EngineError("usage.unknownOption", { option: name });
      const v = inline ?? argv[++i];
      if (v === undefined || (v.startsWith("--") && inline === undefined)) throw new EngineError("usage.missingValue", { option: name });
      out[key] = v;
    } else if (files.length < 2) files.push(a);
    else throw new EngineError("usage.extraArgument", { argument: a });
  }
  if (files.length < 2) throw new EngineError("usage.noFile");
  return { ...out, old: files[0], new: files[1] };
}


/** The JSON of a comparison (`schemaVersion` 1; ID numbers are never written). */
export function diffJson(d: DiffResult, oldName: string, newName: string, asOf: string): string {
  return JSON.stringify({ schemaVersion: 1, tool: { name: TOOL_NAME, version: TOOL_VERSION }, asOf, old: { file: oldName, ...d.old }, new: { file: newName, ...d.new }, matched: d.matched, counts: d.counts, byUnit: d.byUnit, byCategory: d.byCategory, changes: d.changes }, null, 2) + "\n";
}

/** Run `diff`; returns the exit code (0), throws EngineError for unusable input. */
export function runDiff(argv: string[], io: { stdout: (s: string) => void; now: () => number }): number {
  const args = parseDiffArgs(argv);
  const asOfText = args.asOf ?? vietnamToday(io.now());
  const asOf = parseIsoDay(asOfText);
  if (!asOf) throw new EngineError("usage.badDate", { option: "--as-of", value: asOfText });
  for (const f of [args.old, args.new]) {
    if (args.out !== undefined) checkOutputPath(args.out, f, args.force);
    if (args.json !== undefined && args.json !== "-" && args.json === f) throw new EngineError("output.sameAsInput", { file: args.json });
  }
  const read = (path: string) => {
    const grid = readXlsx(readInputFile(path), { fileName: basename(path), codec: NODE_CODEC });
    const reading = readWorkbook(grid, { asOf });
    if (!reading.sheets.some((s) => s.role === "roster")) throw new EngineError("file.noRoster", { file: basename(path) });
    return reading;
  };
  const d = diffRosters(read(args.old), read(args.new));
  const [oldName, newName] = [basename(args.old), basename(args.new)];
  if (args.out !== undefined) writeAtomically(args.out, writeSummaryWorkbook({ highlights: [], sheets: [changesSheet(d, { oldName, newName })] }, { codec: NODE_CODEC }));
  const json = diffJson(d, oldName, newName, asOfText);
  if (args.json === "-") {
    io.stdout(json);
    return 0;
  }
  if (args.json !== undefined) writeAtomically(args.json, json);
  const c = d.counts;
  io.stdout(
    `Biến động ${oldName} → ${newName}: mới vào ${c.joined}, nghỉ/chuyển đi ${c.left}, chuyển đơn vị ${c.moved}, thay đổi chức vụ ${c.postChanged}, thay đổi trình độ ${c.qualificationChanged}\n` +
      `Changes: joined ${c.joined}, left ${c.left}, moved ${c.moved}, post changed ${c.postChanged}, qualification changed ${c.qualificationChanged}\n`,
  );
  if (args.out !== undefined) io.stdout(`Trang "Biến động" / Changes sheet: ${args.out}\n`);
  return 0;
}
