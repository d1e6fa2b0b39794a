/**
 * A/B timing of two copies of the reader in one process, on the same grid, alternating runs, so
 * that a shared, noisy machine slows both alike. For a change to the reader: copy the tree before
 * the change somewhere (BASE=/path/to/copy, with its own src/), then
 *
 *   BASE=/tmp/base PROFILE_SIZES=10000,100000 node --import tsx bench/reader-ab.ts
 *
 * prints per size the median wall-clock and CPU (user + system) time of each and their ratio, and
 * the ratio of the fastest runs (least disturbed by other processes).
 */
import { largeRosterFixture } from "../test/support/workbooks";
import { readXlsx } from "../src/file/readXlsx";
import { readWorkbook as readB } from "../src/core/reader";
import { parseIsoDay } from "../src/core/engine";
import type { WorkbookGrid } from "../src/core/grid";
import type { PartialDate } from "../src/core/text/dates";

type Reader = (grid: WorkbookGrid, o: { asOf: PartialDate }) => { records: unknown[] };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const base = process.env.BASE;
  if (!base) throw new Error("BASE=/path/to/copy of the tree before the change");
  const readA = ((await import(`${base}/src/core/reader/index.ts`)) as { readWorkbook: Reader }).readWorkbook;
  const asOf = parseIsoDay("2024-12-31")!;
  for (const n of (process.env.PROFILE_SIZES ?? "10000,100000").split(",").map(Number)) {
    const grid = readXlsx((await largeRosterFixture(n, { level: 6 })).bytes);
    const runs = Number(process.env.PROFILE_RUNS ?? (n <= 10000 ? 15 : 5));
    const t = { a: [] as number[], b: [] as number[], ca: [] as number[], cb: [] as number[] };
    readA(grid, { asOf });
    readB(grid, { asOf });
    let records = 0;
    for (let i = 0; i < runs; i++) {
      for (const which of i % 2 === 0 ? (["a", "b"] as const) : (["b", "a"] as const)) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        records = (which === "a" ? readA : (readB as Reader))(grid, { asOf }).records.length;
        const wall = (performance.now() - t0) / 1000;
        const c = process.cpuUsage(c0);
        t[which].push(wall);
        t[which === "a" ? "ca" : "cb"].push((c.user + c.system) / 1e6);
      }
    }
    const [wa, wb, ca, cb] = [median(t.a), median(t.b), median(t.ca), median(t.cb)];
    const [ma, mb] = [Math.min(...t.a), Math.min(...t.b)];
    const k = (s: number) => `${Math.round(records / s / 1000)}k rows/s`;
    process.stdout.write(`${n}: base ${k(wa)} (cpu ${k(ca)}), this tree ${k(wb)} (cpu ${k(cb)}); speed-up ×${(wa / wb).toFixed(2)} wall, ×${(ca / cb).toFixed(2)} cpu; fastest runs ${k(ma)} and ${k(mb)}, ×${(ma / mb).toFixed(2)} (${runs} runs each)\n`);
  }
}

void main();
