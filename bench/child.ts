/**
 * One measured process for the benchmark: `cli ARGS…` runs the CLI, `cli-async ARGS…` runs it
 * as the command line does (`consolidate` on worker threads), `floor IN OUT` reads the
 * workbook with the project's xlsx code and writes it back with no validation (empty edit
 * plan). At exit it prints one JSON line on stderr with its peak memory (maxRSS).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { runCli, runCliAsync } from "../src/cli/main";
import { readXlsx } from "../src/file/readXlsx";
import { annotateWorkbook } from "../src/file/annotate";

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
} else if (mode === "floor") {
  const bytes = new Uint8Array(readFileSync(args[0]));
  readXlsx(bytes);
  writeFileSync(args[1], annotateWorkbook(bytes, { highlights: [], sheets: [] }));
}
if (mode !== "cli-async") {
  process.stderr.write(`\n${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
  process.exitCode = code > 1 ? code : 0;
}
