/**
 * One measured process for the benchmark: `cli ARGS…` runs the CLI, `cli-async ARGS…` runs it
 * as the command line does (`consolidate` on worker threads), `floor IN OUT` reads the
 * workbook with the project's xlsx code and writes it back with no validation (empty edit
 * plan), with the zip codec the CLI uses (Node's zlib); `floor-js IN OUT` does the same with the
 * file adapter's default codec (fflate, as before issue 10's changes). At exit it prints one
 * JSON line on stderr with its peak memory (maxRSS).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { runCli, runCliAsync } from "../src/cli/main";
import { readXlsx } from "../src/file/readXlsx";
import { annotateWorkbook } from "../src/file/annotate";
import { NODE_CODEC } from "../src/cli/codec";

const [mode, ...args] = process.argv.slice(2);
let code = 0;
if (mode === "cli-async") {
  // The command line's own entry (consolidate on worker threads); worker memory is in this process's maxRSS.
  void runCliAsync(args, { stdout: () => undefined, stderr: (s) => process.stderr.write(s), now: () => Date.now(), interactive: false }).then((c) => {
    process.stderr.write(`\n${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
    process.exitCode = c > 1 ? c : 0;
  });
} else if (mode === "cli") {
  code = runCli(args, { stdout: () => undefined, stderr: (s) => process.stderr.write(s), now: () => Date.now(), interactive: false });
} else if (mode === "floor" || mode === "floor-js") {
  const codec = mode === "floor" ? { codec: NODE_CODEC } : {};
  const bytes = new Uint8Array(readFileSync(args[0]));
  readXlsx(bytes, codec);
  writeFileSync(args[1], annotateWorkbook(bytes, { highlights: [], sheets: [] }, codec));
}
if (mode !== "cli-async") {
  process.stderr.write(`\n${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
  process.exitCode = code > 1 ? code : 0;
}
