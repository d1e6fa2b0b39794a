/**
 * Per-check times of the checks (issue 10), on the inputs bench/checks-profile.ts cached:
 *   node --import tsx bench/checks-breakdown.ts [N]   (N persons, default 100000; run checks-profile first)
 * Prints the median (and least) milliseconds of each check of the registry, of building the
 * context, of the Quy định sheet and of summarize, over 5 runs. Each check runs alone on a context
 * built beforehand, so what the checks share (serving rows, posts signatures) is counted in the
 * first check that asks for it; "checkWorkbook (all)" includes choosing the rule set.
 */
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deserialize } from "node:v8";
import type { WorkbookGrid } from "../src/core/grid";
import type { WorkbookReading } from "../src/core/reader";
import { CHECKS, runChecks } from "../src/core/checks";
import { buildCheckContext } from "../src/core/checks/context";
import { checkWorkbook } from "../src/core/checks/workbook";
import { chooseRuleSet } from "../src/core/rulesets";
import { readSettingRows } from "../src/core/rulesets/settingsSheet";
import { summarize } from "../src/core/summary";
import { parseIsoDay } from "../src/core/engine";

const AS_OF = "2024-12-31";
const n = Number(process.argv[2] ?? 100000);
const { grid, reading } = deserialize(readFileSync(join(tmpdir(), "hoso-checks-profile", `input-${n}.bin`))) as { grid: WorkbookGrid; reading: WorkbookReading };
const times = new Map<string, number[]>();
const time = (name: string, f: () => unknown): void => {
  const t0 = performance.now();
  f();
  const list = times.get(name) ?? [];
  list.push(performance.now() - t0);
  times.set(name, list);
};
for (let i = 0; i < 5; i++) {
  const set = chooseRuleSet({ asOf: AS_OF }).set;
  time("readSettingRows", () => readSettingRows(grid, reading.sheets.filter((s) => s.role === "settings").map((s) => s.name)));
  let ctx = buildCheckContext(grid, reading, set, AS_OF);
  time("buildCheckContext", () => (ctx = buildCheckContext(grid, reading, set, AS_OF)));
  for (const check of CHECKS) time(check.id, () => runChecks([check], ctx));
  time("checkWorkbook (all)", () => checkWorkbook(grid, reading, chooseRuleSet({ asOf: AS_OF }), AS_OF));
  time("summarize", () => summarize(reading, parseIsoDay(AS_OF)!));
}
for (const [name, list] of times) {
  const s = [...list].sort((a, b) => a - b);
  process.stdout.write(`${s[Math.floor(s.length / 2)].toFixed(1).padStart(9)} ms (min ${s[0].toFixed(1).padStart(7)})  ${name}\n`);
}
