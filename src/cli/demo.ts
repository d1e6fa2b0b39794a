/**
 * `npm run demo`: the main job on the bundled sample workbook. Prints the summary and writes
 * the JSON report to out/demo-report.json. Findings in the sample are expected (it is built
 * with mistakes to find), so the demo exits 0 unless the run itself fails.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "./main";

const sample = join(__dirname, "..", "..", "samples", "dam-ha-mau.xlsx");
const outDir = join(__dirname, "..", "..", "out");
mkdirSync(outDir, { recursive: true });
const report = join(outDir, "demo-report.json");
process.stdout.write(`Mẫu / Sample: samples/dam-ha-mau.xlsx\n`);
const code = runCli(["validate", sample, "--as-of", "2024-11-15", "--json", report], {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  now: () => Date.now(),
  interactive: false,
});
if (code <= 1) process.stdout.write(`Báo cáo JSON / JSON report: out/demo-report.json\n`);
process.exitCode = code <= 1 ? 0 : code;
