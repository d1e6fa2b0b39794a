/**
 * `npm run demo`: the main job on the bundled example — Đầm Hà (Quảng Ninh) in 2017, validated
 * with the rule set of that time (ND 92/2009). Writes the annotated copy, the summary workbook
 * and the JSON report under out/, prints where they are, and exits 0 when it completed (the
 * example holds problems on purpose, so its findings do not fail the demo).
 * `npm run demo -- --json PATH` writes the report to PATH instead.
 */
import { mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { runCli } from "./main";

const root = join(__dirname, "..", "..");
const example = join(root, "examples", "dam-ha-2017.xlsx");
const outDir = join(root, "out");
mkdirSync(outDir, { recursive: true });
const argv = process.argv.slice(2);
const jsonAt = argv.indexOf("--json");
const report = jsonAt >= 0 && argv[jsonAt + 1] ? argv[jsonAt + 1] : join(outDir, "dam-ha-2017-report.json");
const marked = join(outDir, "dam-ha-2017-danh-dau.xlsx");
const summary = join(outDir, "dam-ha-2017-tong-hop.xlsx");
const rel = (p: string) => relative(process.cwd(), p) || p;

process.stdout.write(`Ví dụ / Example: ${rel(example)} (Đầm Hà, 2017, NĐ 92/2009)\n`);
const code = runCli(["validate", example, "--as-of", "2017-12-31", "--rules", "nd92-2009", "--out", marked, "--summary", summary, "--json", report, "--force"], {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  now: () => Date.now(),
  interactive: false,
});
if (code <= 1) process.stdout.write(`Báo cáo JSON / JSON report: ${rel(report)}\n`);
process.exitCode = code <= 1 ? 0 : code;
