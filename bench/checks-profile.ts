/**
 * The checks and summaries alone (issue 10): what `npm run bench` reports as "checks + summaries
 * records/s", without the reader, the CLI or the Excel adapter, to measure and profile them.
 *
 *   node --import tsx bench/checks-profile.ts [SIZES] [--runs N] [--dump DIR [--corpus]] [--fresh]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof-checks --import tsx bench/checks-profile.ts 100000
 *
 * SIZES: comma-separated persons (default 10000,100000). For each size it builds the roster of
 * `largeRosterFixture(n, { level: 6 })`, reads it (`readXlsx`, `readWorkbook`) once, then times
 * `checkWorkbook(grid, reading, chooseRuleSet({ asOf }), asOf)` + `summarize(reading, asOf)` as
 * the benchmark does, N times (default 7 at ≤ 10k, 5 above), and prints the median records/s with
 * min–max, by the clock and by the process's CPU time (steadier when other processes share the
 * cores; it counts the garbage collector's helper threads too). The grid and reading are kept in
 * os.tmpdir()/hoso-checks-profile/ (v8 serialization), so that runs compare the checks on the same
 * input whatever the reader does meanwhile; `--fresh` builds them again. At 10k the first runs
 * are mostly the JIT warming up: read the later runs, or 100k. Per check: bench/checks-breakdown.ts.
 *
 * For line-level profiles bundle first (tsx's transform puts every line of a file on one):
 *   npx esbuild bench/checks-profile.ts --bundle --platform=node --external:exceljs --outfile=/tmp/cp.js
 *   NODE_PATH=node_modules node --cpu-prof --cpu-prof-dir=/tmp/prof /tmp/cp.js 100000 --runs 10
 *
 * `--dump DIR` writes DIR/checks-N.json (the findings, units and rule set of checkWorkbook) and
 * DIR/summary-N.json (summarize's maps as arrays): compare two dumps byte for byte to show an
 * optimization changed nothing (`cmp before/checks-10000.json after/checks-10000.json`), and the
 * same under each preset with the retirement table, and for a corpus of other layouts (the
 * examples/ and samples/ workbooks, the test fixtures: messy, one-hot, TCVN3, category lists).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { categoryListsFixture, communeSheetsTcvn3Fixture, districtListFixture, largeRosterFixture, messyListFixture, oneHotMatrixFixture, quotaWorkbook, makeUnits } from "../test/support/workbooks";
import { readXlsx } from "../src/file/readXlsx";
import { readWorkbook, type WorkbookReading } from "../src/core/reader";
import type { WorkbookGrid } from "../src/core/grid";
import { checkWorkbook } from "../src/core/checks/workbook";
import { chooseRuleSet } from "../src/core/rulesets";
import { summarize } from "../src/core/summary";
import { retirementTableOf } from "../src/core/rulesets/retirement";
import { parseIsoDay } from "../src/core/engine";

const AS_OF = "2024-12-31";
const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const sizes = (args.find((a) => /^\d[\d,]*$/.test(a) && args[args.indexOf(a) - 1] !== "--runs") ?? "10000,100000").split(",").map(Number);
const dumpDir = flag("--dump");
const fresh = args.includes("--fresh");
const cacheDir = join(tmpdir(), "hoso-checks-profile");

interface Input {
  grid: WorkbookGrid;
  reading: WorkbookReading;
}

async function input(n: number): Promise<Input> {
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `input-${n}.bin`);
  if (!fresh && existsSync(file)) return deserialize(readFileSync(file)) as Input;
  const fx = await largeRosterFixture(n, { level: 6 });
  const grid = readXlsx(fx.bytes);
  const reading = readWorkbook(grid, { asOf: parseIsoDay(AS_OF)! });
  writeFileSync(file, serialize({ grid, reading }));
  return { grid, reading };
}

function median(values: number[]): { median: number; min: number; max: number } {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1] };
}

function plain(value: unknown): unknown {
  if (value instanceof Map) return [...value.entries()].map(([k, v]) => [k, plain(v)]);
  if (value instanceof Set) return [...value.values()].map(plain);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

/** Other layouts for the dumps: every check meets something else in them. */
async function corpus(): Promise<{ name: string; grid: WorkbookGrid }[]> {
  const out: { name: string; grid: WorkbookGrid }[] = [];
  for (const file of ["examples/dam-ha-2017.xlsx", "examples/xa-dam-ha-2026.xlsx", "samples/dam-ha-mau.xlsx"]) {
    const path = join(__dirname, "..", file);
    if (existsSync(path)) out.push({ name: file.replace(/\W+/g, "_"), grid: readXlsx(new Uint8Array(readFileSync(path))) });
  }
  const fixtures: [string, () => Promise<{ bytes: Uint8Array }>][] = [
    ["messy", () => messyListFixture()],
    ["onehot", () => oneHotMatrixFixture()],
    ["tcvn3", () => communeSheetsTcvn3Fixture()],
    ["categories", () => categoryListsFixture()],
    ["district", () => districtListFixture()],
  ];
  for (const [name, make] of fixtures) out.push({ name, grid: readXlsx((await make()).bytes) });
  // A roster and its quota sheet in one grid (quota figures, caps with increments, difficult areas).
  const units = makeUnits(30);
  const roster = readXlsx((await largeRosterFixture(1200, { units })).bytes);
  const quota = readXlsx(await quotaWorkbook({ units }));
  out.push({ name: "roster+quota", grid: { ...roster, sheets: [...roster.sheets, ...quota.sheets], styles: roster.styles } });
  return out;
}

const CORPUS_DATES = ["2019-06-30", AS_OF, "2026-03-01"];

/** The corpus read once per date, kept beside the sizes' inputs (so that reader changes do not show as check changes). */
async function corpusReadings(): Promise<{ name: string; grid: WorkbookGrid; readings: WorkbookReading[] }[]> {
  const file = join(cacheDir, "corpus.bin");
  if (!fresh && existsSync(file)) return deserialize(readFileSync(file)) as { name: string; grid: WorkbookGrid; readings: WorkbookReading[] }[];
  const out = (await corpus()).map(({ name, grid }) => ({ name, grid, readings: CORPUS_DATES.map((d) => readWorkbook(grid, { asOf: parseIsoDay(d)! })) }));
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(file, serialize(out));
  return out;
}

async function dumpCorpus(dir: string): Promise<void> {
  for (const { name, grid, readings } of await corpusReadings()) {
    for (const [i, asOfText] of CORPUS_DATES.entries()) {
      const day = parseIsoDay(asOfText)!;
      const reading = readings[i];
      for (const preset of [undefined, "nd92-2009", "nd34-2019", "nd33-2023", "law80-2025"]) {
        const chosen = chooseRuleSet({ asOf: asOfText, ...(preset ? { presetId: preset } : {}) });
        const c = checkWorkbook(grid, reading, chosen, asOfText);
        const s = summarize(reading, day, retirementTableOf(chosen.set));
        writeFileSync(join(dir, `corpus-${name}-${asOfText}-${preset ?? "auto"}.json`), JSON.stringify({ findings: c.findings, units: c.units, ruleSet: c.ruleSet, summary: plain(s) }, null, 1));
      }
    }
  }
}

async function main(): Promise<void> {
  if (dumpDir && args.includes("--corpus")) {
    mkdirSync(dumpDir, { recursive: true });
    await dumpCorpus(dumpDir);
  }
  const asOf = parseIsoDay(AS_OF)!;
  for (const n of sizes) {
    const { grid, reading } = await input(n);
    const records = reading.records.length;
    const runs = Number(flag("--runs") ?? (n <= 10000 ? 7 : 5));
    const rates: number[] = [];
    const cpuRates: number[] = [];
    let checked: ReturnType<typeof checkWorkbook> | undefined;
    let summaries: ReturnType<typeof summarize> | undefined;
    for (let i = 0; i < runs; i++) {
      const chosen = chooseRuleSet({ asOf: AS_OF });
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      checked = checkWorkbook(grid, reading, chosen, AS_OF);
      summaries = summarize(reading, asOf);
      const cpu = process.cpuUsage(c0);
      rates.push(records / ((performance.now() - t0) / 1000));
      cpuRates.push(records / ((cpu.user + cpu.system) / 1e6));
    }
    const m = median(rates);
    const k = (x: number): string => `${Math.round(x / 1000)}k`;
    const c = median(cpuRates);
    process.stdout.write(`${n} persons, ${records} records, ${checked!.findings.length} findings: ${k(m.median)} records/s (${k(m.min)}–${k(m.max)}, ${runs} runs); per CPU second of the process ${k(c.median)} (${k(c.min)}–${k(c.max)})\n`);
    if (dumpDir && checked && summaries) {
      mkdirSync(dumpDir, { recursive: true });
      writeFileSync(join(dumpDir, `checks-${n}.json`), JSON.stringify({ findings: checked.findings, units: checked.units, ruleSet: checked.ruleSet }, null, 1));
      writeFileSync(join(dumpDir, `summary-${n}.json`), JSON.stringify(plain(summaries), null, 1));
      // The other regimes (other rules switch on) and the summaries with the retirement table, as the engine runs them.
      for (const preset of ["nd92-2009", "nd34-2019", "nd33-2023", "law80-2025"]) {
        const other = chooseRuleSet({ asOf: AS_OF, presetId: preset });
        const c = checkWorkbook(grid, reading, other, AS_OF);
        writeFileSync(join(dumpDir, `checks-${n}-${preset}.json`), JSON.stringify({ findings: c.findings, units: c.units, ruleSet: c.ruleSet }, null, 1));
        writeFileSync(join(dumpDir, `summary-${n}-${preset}.json`), JSON.stringify(plain(summarize(reading, asOf, retirementTableOf(other.set))), null, 1));
      }
    }
  }
}

void main();
