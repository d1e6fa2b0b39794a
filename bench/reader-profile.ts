/**
 * The roster reader alone (issue 10): `readWorkbook(grid, { asOf })` on the in-memory grids of
 * `largeRosterFixture(n, { level: 6 })`, the same input as `npm run bench`'s "reader rows/s".
 * Builds each grid once, warms up, then times several readings; prints the median rows/s.
 *
 *   node --import tsx bench/reader-profile.ts                    # 10k and 100k
 *   PROFILE_SIZES=10000 PROFILE_RUNS=9 node --import tsx bench/reader-profile.ts
 *   PROFILE_CPU=/tmp/reader.cpuprofile node --import tsx bench/reader-profile.ts   # a CPU profile of
 *       the timed readings only (not the fixture building); sum its self times per function
 *   PROFILE_DUMP=/tmp/reading.json node --import tsx bench/reader-profile.ts   # the 1st size's
 *       records and findings as JSON, to compare a change's output with the one before
 *
 * One line per size on stdout: size, records, median rows/s by wall-clock time (min–max), and
 * median rows/s by the process's CPU time (user + system), which is steadier on a shared machine.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { largeRosterFixture } from "../test/support/workbooks";
import { readXlsx } from "../src/file/readXlsx";
import { readWorkbook } from "../src/core/reader";
import { parseIsoDay } from "../src/core/engine";

const sizes = (process.env.PROFILE_SIZES ?? "10000,100000").split(",").map(Number);
const asOf = parseIsoDay("2024-12-31")!;

async function main(): Promise<void> {
  const session = process.env.PROFILE_CPU ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 200 });
  }
  for (const [i, n] of sizes.entries()) {
    const fx = await largeRosterFixture(n, { level: 6 });
    const grid = readXlsx(fx.bytes);
    const runs = Number(process.env.PROFILE_RUNS ?? (n <= 10000 ? 9 : 5));
    let reading = readWorkbook(grid, { asOf });
    if (i === 0 && process.env.PROFILE_DUMP) {
      const { records, findings, sheets, units, recordUnitIds, counted, personOf, legacyCells } = reading;
      writeFileSync(process.env.PROFILE_DUMP, JSON.stringify({ sheets, units, records, recordUnitIds, counted, personOf, legacyCells, findings }, null, 1));
    }
    const times: number[] = [];
    const cpu: number[] = [];
    if (session) await session.post("Profiler.start");
    for (let k = 0; k < runs; k++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      reading = readWorkbook(grid, { asOf });
      times.push((performance.now() - t0) / 1000);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1e6);
    }
    if (session) {
      const { profile } = await session.post("Profiler.stop");
      writeFileSync(sizes.length > 1 ? process.env.PROFILE_CPU!.replace(/(\.cpuprofile)?$/, `-${n}.cpuprofile`) : process.env.PROFILE_CPU!, JSON.stringify(profile));
    }
    const rates = times.map((t) => reading.records.length / t).sort((a, b) => a - b);
    const median = rates[Math.floor(rates.length / 2)];
    const cpuRates = cpu.map((t) => reading.records.length / t).sort((a, b) => a - b);
    const cpuMedian = cpuRates[Math.floor(cpuRates.length / 2)];
    process.stdout.write(`${n}\trecords ${reading.records.length}\tmedian ${Math.round(median)} rows/s\t(${Math.round(rates[0])}–${Math.round(rates[rates.length - 1])}, ${runs} runs)\tcpu ${Math.round(cpuMedian)} rows/s\n`);
  }
}

void main();
