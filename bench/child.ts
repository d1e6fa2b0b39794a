/**
 * One measured process for the benchmark: `cli ARGS…` runs the CLI, `floor IN OUT` reads the
 * workbook with the project's xlsx code and writes it back with no validation (empty edit
 * plan). At exit it prints one JSON line on stderr with its peak memory (maxRSS).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { runCli } from "../src/cli/main";
import { readXlsx } from "../src/file/readXlsx";
import { annotateWorkbook } from "../src/file/annotate";

const [mode, ...args] = process.argv.slice(2);
let code = 0;
if (mode === "cli") {
  code = runCli(args, { stdout: () => undefined, stderr: (s) => process.stderr.write(s), now: () => Date.now(), interactive: false });
} else if (mode === "floor") {
  const bytes = new Uint8Array(readFileSync(args[0]));
  readXlsx(bytes);
  writeFileSync(args[1], annotateWorkbook(bytes, { highlights: [], sheets: [] }));
}
process.stderr.write(`\n${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
process.exitCode = code > 1 ? code : 0;
