/**
 * `npm run bench`: speed and memory of the engine, the CLI and the Excel adapter on synthetic
 * rosters generated in code (not committed) in the layout offices keep (title rows, merged
 * two-row header, column-number row, a section per unit, total rows, a quota sheet).
 * Medians of several runs with their spread; one table on stdout and bench/results.json.
 * BENCH_SIZES=1000,10000 limits the sizes (the full run is 1k, 10k, 100k and one run at 300k).
 *
 * Then `consolidate` (issue 11): 500 commune workbooks of 60 people each (one in ten an .xls:
 * BIFF8, web page or Excel 2003 XML in turn) and a quota workbook, consolidated by the command
 * line as users run it (worker threads), once: time and peak memory. BENCH_COMMUNES=N changes
 * the number of communes, BENCH_CONSOLIDATE=0 skips the case, BENCH_ONLY=consolidate runs only it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { largeRosterFixture, makeUnits, quotaWorkbook } from "../test/support/workbooks";
import { gridToHtml, gridToSpreadsheetMl, gridToXls } from "../test/support/legacyFormats";
import { readXlsx } from "../src/file/readXlsx";
import { readWorkbook } from "../src/core/reader";
import { checkWorkbook } from "../src/core/checks/workbook";
import { chooseRuleSet } from "../src/core/rulesets";
import { summarize } from "../src/core/summary";
import { parseIsoDay } from "../src/core/engine";
import { FakeWorkbook } from "../test/support/fakeExcel";
import { validateNow } from "../src/excel/run";
import { PAYLOAD_LIMIT_BYTES } from "../src/excel/limits";

const ROOT = join(__dirname, "..");
const AS_OF = "2024-12-31";
const sizes = (process.env.BENCH_SIZES ?? "1000,10000,100000,300000").split(",").map(Number);

interface Stat {
  median: number;
  min: number;
  max: number;
  runs: number;
}

function stat(values: number[]): Stat {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1], runs: s.length };
}

function runsFor(n: number): number {
  return n <= 10000 ? 5 : n <= 100000 ? 3 : 1;
}

function child(args: string[]): { seconds: number; maxRssMb: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--max-old-space-size=4096", "--import", "tsx", join(ROOT, "bench", "child.ts"), ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`child failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const line = r.stderr.trim().split("\n").pop() ?? "{}";
  const { maxRssKb } = JSON.parse(line) as { maxRssKb: number };
  return { seconds, maxRssMb: maxRssKb / 1024 };
}

const COMMUNES = Number(process.env.BENCH_COMMUNES ?? 500);
const PERSONS_PER_COMMUNE = 60;

/**
 * `consolidate` on a district-sized folder: COMMUNES workbooks of 60 people (one commune each),
 * every tenth an .xls (BIFF8, web page, Excel 2003 XML in turn), and the quota workbook; run once
 * in its own process the way the command line runs it, for its time and peak memory.
 */
async function consolidateCase(dir: string): Promise<Record<string, unknown>> {
  const folder = join(dir, "communes");
  mkdirSync(folder, { recursive: true });
  const units = makeUnits(COMMUNES);
  const formats = { xlsx: 0, xls: 0, html: 0, spreadsheetMl2003: 0 };
  let inputBytes = 0;
  process.stderr.write(`… consolidate: ${COMMUNES} xã / communes × ${PERSONS_PER_COMMUNE} người / persons\n`);
  for (let i = 0; i < units.length; i++) {
    const fx = await largeRosterFixture(PERSONS_PER_COMMUNE, { seed: i + 1, level: 6, units: [units[i]] });
    let bytes = fx.bytes;
    let ext = "xlsx";
    if (i % 10 === 9) {
      const grid = readXlsx(fx.bytes);
      const form = Math.floor(i / 10) % 3;
      bytes = form === 0 ? gridToXls(grid) : form === 1 ? gridToHtml(grid, { variant: "webPage" }) : gridToSpreadsheetMl(grid);
      formats[form === 0 ? "xls" : form === 1 ? "html" : "spreadsheetMl2003"]++;
      ext = "xls";
    } else formats.xlsx++;
    inputBytes += bytes.length;
    writeFileSync(join(folder, `xa-${String(i + 1).padStart(4, "0")}.${ext}`), bytes);
  }
  const quota = join(dir, "dinh-bien.xlsx");
  writeFileSync(quota, await quotaWorkbook({ units }));
  const args = ["consolidate", folder, "--quota", quota, "--as-of", AS_OF, "--summary", join(dir, "tong-hop.xlsx"), "--json", join(dir, "tong-hop.json"), "--md", join(dir, "tong-hop.md"), "--force"];
  const run = child(["cli-async", ...args]);
  const report = JSON.parse(readFileSync(join(dir, "tong-hop.json"), "utf8")) as { units: unknown[]; totals: { records: number; errors: number; warnings: number; infos: number } };
  return {
    communes: COMMUNES,
    personsPerCommune: PERSONS_PER_COMMUNE,
    records: report.totals.records,
    units: report.units.length,
    formats,
    inputBytes,
    jobs: cpus().length,
    seconds: run.seconds,
    peakRssMb: run.maxRssMb,
    findings: report.totals.errors + report.totals.warnings + report.totals.infos,
  };
}

function consolidateTable(c: Record<string, unknown>): string[] {
  const f = c.formats as Record<string, number>;
  return [
    "",
    "consolidate (worker threads, --quota, --summary --json --md):",
    "| communes × persons | records | files .xlsx / .xls BIFF8 / HTML / XML 2003 | jobs | seconds | peak RSS MB |",
    "|---:|---:|---:|---:|---:|---:|",
    `| ${c.communes} × ${c.personsPerCommune} | ${c.records} | ${f.xlsx} / ${f.xls} / ${f.html} / ${f.spreadsheetMl2003} | ${c.jobs} | ${(c.seconds as number).toFixed(1)} | ${Math.round(c.peakRssMb as number)} |`,
  ];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "hoso-bench-"));
  const results: Record<string, unknown>[] = [];
  const asOf = parseIsoDay(AS_OF)!;
  const only = process.env.BENCH_ONLY;
  const resultsPath = join(ROOT, "bench", "results.json");
  if (only === "consolidate") {
    const consolidate = await consolidateCase(dir);
    rmSync(dir, { recursive: true, force: true });
    const previous = existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, "utf8")) as Record<string, unknown>) : {};
    writeFileSync(resultsPath, JSON.stringify({ ...previous, consolidate: { ...consolidate, date: new Date().toISOString(), node: process.version } }, null, 2) + "\n");
    process.stdout.write(consolidateTable(consolidate).join("\n").trimStart() + "\n");
    return;
  }
  for (const n of sizes) {
    process.stderr.write(`… ${n} người / persons\n`);
    const fx = await largeRosterFixture(n, { level: 6 });
    const file = join(dir, `roster-${n}.xlsx`);
    writeFileSync(file, fx.bytes);
    const grid = readXlsx(fx.bytes);
    const runs = runsFor(n);
    // The reader on an in-memory grid.
    const readerTimes: number[] = [];
    let reading = readWorkbook(grid, { asOf });
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      reading = readWorkbook(grid, { asOf });
      readerTimes.push((performance.now() - t0) / 1000);
    }
    const records = reading.records.length;
    // The checks and summaries on read records.
    const chosen = chooseRuleSet({ asOf: AS_OF });
    const checkTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      checkWorkbook(grid, reading, chosen, AS_OF);
      summarize(reading, asOf);
      checkTimes.push((performance.now() - t0) / 1000);
    }
    // The CLI end to end, and the floor, in their own processes.
    const cliRuns = n <= 10000 ? 3 : n <= 100000 ? 2 : 1;
    const cli: { seconds: number; maxRssMb: number }[] = [];
    const floor: { seconds: number; maxRssMb: number }[] = [];
    for (let i = 0; i < cliRuns; i++) {
      floor.push(child(["floor", file, join(dir, `floor-${n}.xlsx`)]));
      cli.push(child(["cli", "validate", file, "--as-of", AS_OF, "--out", join(dir, `out-${n}.xlsx`), "--summary", join(dir, `sum-${n}.xlsx`), "--json", join(dir, `r-${n}.json`), "--force"]));
    }
    // The Excel adapter on the strict fake: one "Kiểm tra hồ sơ" (read, validate, mark, write sheets).
    let excel: Record<string, number> | undefined;
    if (n <= 100000) {
      const book = FakeWorkbook.fromGrid(grid, { listSeparator: ";" });
      const t0 = performance.now();
      await validateNow(book.host(), { now: Date.UTC(2024, 11, 31, 3) });
      const largest = Math.max(...book.stats.requests.map((r) => Math.max(r.requestBytes, r.responseBytes)));
      excel = { syncs: book.stats.syncs, largestPayloadMb: largest / 2 ** 20, limitMb: PAYLOAD_LIMIT_BYTES / 2 ** 20, seconds: (performance.now() - t0) / 1000 };
    }
    const reader = stat(readerTimes.map((t) => records / t));
    const checks = stat(checkTimes.map((t) => records / t));
    const cliS = stat(cli.map((c) => c.seconds));
    const floorS = stat(floor.map((c) => c.seconds));
    results.push({
      persons: n,
      records,
      fileBytes: fx.bytes.length,
      readerRowsPerSecond: reader,
      checksRecordsPerSecond: checks,
      cliSeconds: cliS,
      cliPeakRssMb: Math.max(...cli.map((c) => c.maxRssMb)),
      floorSeconds: floorS,
      floorPeakRssMb: Math.max(...floor.map((c) => c.maxRssMb)),
      cliOverFloor: cliS.median / floorS.median,
      ...(excel ? { excelAdapter: excel } : {}),
    });
  }
  const consolidate = process.env.BENCH_CONSOLIDATE === "0" ? undefined : await consolidateCase(dir);
  rmSync(dir, { recursive: true, force: true });
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, date: new Date().toISOString() };
  writeFileSync(resultsPath, JSON.stringify({ machine, results, ...(consolidate ? { consolidate } : {}) }, null, 2) + "\n");
  const k = (x: number) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : `${Math.round(x / 1000)} k`);
  const lines = [
    `Máy / machine: ${machine.cpus} cores, ${machine.memoryGb} GB, ${machine.cpu}, Node ${machine.node}`,
    "| persons | reader rows/s (median, min–max) | checks+summaries records/s | CLI s (median) | floor s | CLI/floor | CLI peak RSS MB | Excel syncs | largest request MB |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...results.map((r) => {
      const rd = r.readerRowsPerSecond as Stat;
      const ck = r.checksRecordsPerSecond as Stat;
      const cs = r.cliSeconds as Stat;
      const fs = r.floorSeconds as Stat;
      const ex = r.excelAdapter as Record<string, number> | undefined;
      return `| ${r.persons} | ${k(rd.median)} (${k(rd.min)}–${k(rd.max)}, ${rd.runs} runs) | ${k(ck.median)} (${k(ck.min)}–${k(ck.max)}) | ${cs.median.toFixed(2)} (${cs.runs}) | ${fs.median.toFixed(2)} | ${(r.cliOverFloor as number).toFixed(2)} | ${Math.round(r.cliPeakRssMb as number)} | ${ex ? ex.syncs : "–"} | ${ex ? ex.largestPayloadMb.toFixed(2) : "–"} |`;
    }),
  ];
  if (consolidate) lines.push(...consolidateTable(consolidate));
  process.stdout.write(lines.join("\n") + "\n");
}

void main();
