/**
 * The reader's output on every generated roster layout, as JSON: run it before and after a change
 * to the reader and compare the files (they must be identical when behaviour is meant to stay).
 *
 *   node --import tsx bench/reader-dump.ts /tmp/before.json
 *   … change the reader …
 *   node --import tsx bench/reader-dump.ts /tmp/after.json && cmp /tmp/before.json /tmp/after.json
 *
 * Layouts: the district list (numbers and text dates), the large roster, the TCVN3 commune sheets,
 * the one-hot matrix, the messy list, VNI, the quota sheet and the category lists, each read
 * twice in one process (the second reading must not differ from the first: caches).
 */
import { writeFileSync } from "node:fs";
import * as W from "../test/support/workbooks";
import { readXlsx } from "../src/file/readXlsx";
import { readWorkbook } from "../src/core/reader";
import { parseIsoDay } from "../src/core/engine";

/** The reading's `stage` (kept for a live re-check) repeats what the rest says: left out. */
const omitStage = (key: string, value: unknown): unknown => (key === "stage" ? undefined : value);

async function main(): Promise<void> {
  const asOf = parseIsoDay("2024-12-31")!;
  const books: [string, Uint8Array][] = [
    ["districtList", (await W.districtListFixture()).bytes],
    ["districtListTextDates", (await W.districtListFixture({ textDates: "all", hiddenSheets: true })).bytes],
    ["large3000", (await W.largeRosterFixture(3000, { seed: 7, textDates: "some" })).bytes],
    ["tcvn3", (await W.communeSheetsTcvn3Fixture()).bytes],
    ["oneHot", (await W.oneHotMatrixFixture()).bytes],
    ["messy", (await W.messyListFixture()).bytes],
    ["vni", (await W.vniFixture()).bytes],
    ["quota", (await W.quotaFixture()).bytes],
    ["categoryLists", (await W.categoryListsFixture()).bytes],
  ];
  const out: Record<string, unknown> = {};
  for (const [name, bytes] of books) {
    const grid = readXlsx(bytes);
    const a = JSON.stringify(readWorkbook(grid, { asOf }), omitStage);
    const b = JSON.stringify(readWorkbook(grid, { asOf }), omitStage);
    if (a !== b) throw new Error(`${name}: a second reading differs from the first`);
    out[name] = JSON.parse(a);
  }
  writeFileSync(process.argv[2] ?? "/tmp/reader-dump.json", JSON.stringify(out, null, 1));
}

void main();
