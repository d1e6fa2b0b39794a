/**
 * Reading the open workbook: the grid must be the one the file adapter reads from the same
 * workbook (so the engine finds the same things), in a bounded number of round trips.
 */
import { validateWorkbook } from "../../src/core/engine";
import { cellFontName, cellStyle, type SheetGrid, type WorkbookGrid } from "../../src/core/grid";
import { settingsXml, SETTINGS_NAMESPACE } from "../../src/core/settings";
import { readInSession, readWorkbookWithStats } from "../../src/excel/read";
import { PAYLOAD_BUDGET_BYTES, PAYLOAD_LIMIT_BYTES } from "../../src/excel/limits";
import { Session } from "../../src/excel/session";
import { FakeWorkbook, type FakeWorkbook as Book } from "../support/fakeExcel";
import { categoryListsFixture, communeSheetsTcvn3Fixture, districtListFixture, largeRosterFixture, messyListFixture, vniFixture } from "../support/workbooks";
import { AS_OF, fakeOf } from "./books";

/** Every fact the reader uses, per sheet, comparable across adapters. */
function facts(grid: WorkbookGrid, sheet: SheetGrid) {
  const cells: string[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = sheet.values[r - 1]?.[c - 1];
      if (v === undefined || v === null || v === "") continue;
      const nf = cellStyle(grid, sheet, r, c).numberFormat ?? "General";
      cells.push(`${r},${c}=${JSON.stringify(v)} ${nf === "General" ? "" : nf} ${cellFontName(grid, sheet, r, c) ?? ""}`);
    }
  }
  const formulas: string[] = [];
  sheet.formulas?.forEach((row, r) => row?.forEach((f, c) => f !== undefined && formulas.push(`${r + 1},${c + 1}=${f}`)));
  return {
    name: sheet.name,
    visibility: sheet.visibility ?? "visible",
    rowCount: sheet.rowCount,
    columnCount: sheet.columnCount,
    cells,
    formulas,
    merges: sheet.merges.map((m) => `${m.top},${m.left}:${m.bottom},${m.right}`).sort(),
    hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b),
    hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b),
  };
}

/** The sync that read blocks (it asks for row properties). */
const isBlockSync = (kinds: string[]) => kinds.some((k) => k.endsWith(".getRowProperties"));

describe("readWorkbookGrid", () => {
  const layouts: [string, () => ReturnType<typeof districtListFixture>][] = [
    ["a district list with a quota sheet and hidden sheets", () => districtListFixture({ withQuota: true, hiddenSheets: true })],
    ["a messy list (hidden row and column, formula error, text dates)", () => messyListFixture({})],
    ["a messy list saved in the 1904 date system", () => messyListFixture({ date1904: true })],
    ["one sheet per commune in TCVN3 fonts (mixed fonts in a column)", () => communeSheetsTcvn3Fixture({})],
    ["a VNI roster with rich-text runs", () => vniFixture({})],
    ["one sheet per staff category", () => categoryListsFixture({ withQuota: true })],
  ];

  it.each(layouts)("reads %s exactly as the file adapter does", async (_name, make) => {
    const { book, grid: expected } = fakeOf(await make(), { listSeparator: ";" });
    const { grid, stats } = await readWorkbookWithStats(book.host());
    expect(grid.date1904).toBe(expected.date1904);
    expect(grid.sheets.map((s) => facts(grid, s))).toEqual(expected.sheets.map((s) => facts(expected, s)));
    // …so the engine finds exactly the same.
    expect(validateWorkbook(grid, { asOf: AS_OF }).report.findings).toEqual(validateWorkbook(expected, { asOf: AS_OF }).report.findings);
    expect(stats.merges).toBe(true);
    expect(book.stats.runs.every((o) => o.delayForCellEdit === true)).toBe(true);
    expect(book.stats.writes).toBe(0);
  });

  it("gives the engine our saved settings (the column mapping) and ignores other custom XML parts", async () => {
    const { book } = fakeOf(await districtListFixture({}));
    book.addCustomXmlPart('<?xml version="1.0"?><other xmlns="urn:someone-else"><entry key="hoso.mapping">x</entry></other>');
    const mapping = JSON.stringify({ "DS CBCC": { columns: { idNumber: "L" } } });
    book.addCustomXmlPart(settingsXml({ "hoso.mapping": mapping, "other.key": "kept" }));
    const { grid } = await readWorkbookWithStats(book.host());
    expect(grid.savedSettings).toEqual({ "hoso.mapping": mapping, "other.key": "kept" });
    expect(book.customXmlParts.filter((p) => p.xml.includes(SETTINGS_NAMESPACE))).toHaveLength(1);
  });

  it("does not read its own result sheets back", async () => {
    const { book } = fakeOf(await districtListFixture({}));
    const own = book.addSheet("Kết quả kiểm tra");
    for (let r = 1; r <= 200; r++) own.at(r, 1).value = `dòng ${r}`;
    const { grid } = await readWorkbookWithStats(book.host());
    expect(grid.sheets.find((s) => s.name === "Kết quả kiểm tra")).toMatchObject({ rowCount: 0, values: [] });
  });

  describe("round trips and payloads", () => {
    // Expected counts are those of the deterministic fixtures (layout a, seed 1: 12 columns,
    // 544 / 5,268 / 52,518 rows with title, section and total rows): 3 syncs to learn the
    // sheets, part, used ranges and fonts, 1 for the merged areas, and one per block.
    it.each([
      [500, 1],
      [5000, 3],
      [50000, 19],
    ])("reads %i people in 4 syncs plus one per block (%i blocks), each under the payload budget", async (n, blocks) => {
      const { book } = fakeOf(await largeRosterFixture(n));
      const { grid, stats } = await readWorkbookWithStats(book.host());
      expect(grid.sheets[0].rowCount).toBeGreaterThan(n);
      expect(stats.syncs).toBe(book.stats.syncs);
      expect(stats.syncs).toBe(4 + stats.blockSyncs);
      expect(stats.blockSyncs).toBe(blocks);
      const blockBytes = book.stats.requests.filter((r) => isBlockSync(r.kinds)).map((r) => r.responseBytes);
      expect(blockBytes).toHaveLength(blocks);
      // Never one sync per row: as few blocks as the budget allows, give or take the first guess.
      const total = blockBytes.reduce((a, b) => a + b, 0);
      expect(blocks).toBeGreaterThanOrEqual(Math.ceil(total / PAYLOAD_BUDGET_BYTES));
      expect(blocks).toBeLessThanOrEqual(Math.ceil(total / (PAYLOAD_BUDGET_BYTES * 0.6)) + 1);
      const largest = Math.max(...book.stats.requests.map((r) => Math.max(r.requestBytes, r.responseBytes)));
      expect(largest).toBeLessThan(PAYLOAD_LIMIT_BYTES);
      expect(largest).toBeLessThanOrEqual(PAYLOAD_BUDGET_BYTES);
    }, 120000);

    it("splits a block that still comes back over the limit and asks again", async () => {
      const { book, grid: expected } = fakeOf(await largeRosterFixture(5000), { payloadLimit: 700_000 });
      const { grid, stats } = await readWorkbookWithStats(book.host());
      const failed = book.stats.requests.filter((r) => r.failed === "ResponsePayloadSizeLimitExceeded");
      expect(failed.length).toBeGreaterThan(0);
      expect(book.stats.requests.filter((r) => !r.failed).every((r) => r.responseBytes <= 700_000)).toBe(true);
      expect(stats.syncs).toBe(book.stats.syncs);
      expect(validateWorkbook(grid, { asOf: AS_OF }).report.totals).toEqual(validateWorkbook(expected, { asOf: AS_OF }).report.totals);
    });

    it("packs small sheets into one block sync", async () => {
      const { book } = fakeOf(await categoryListsFixture({ withQuota: true }));
      const { stats } = await readWorkbookWithStats(book.host());
      expect(stats.blocks).toBe(5);
      expect(stats.blockSyncs).toBe(1);
    });
  });

  describe("merged areas", () => {
    function mergedBook(apiVersion: number): Book {
      const book = new FakeWorkbook({ apiVersion });
      const s = book.addSheet("DS CBCC");
      // Three merges on each of 300 rows: 900 areas, more than one call may return (512).
      for (let r = 1; r <= 300; r++) {
        for (let k = 0; k < 3; k++) {
          s.at(r, 1 + 2 * k).value = `ô ${r}.${k}`;
          s.merges.push({ top: r, left: 1 + 2 * k, bottom: r, right: 2 + 2 * k });
        }
      }
      return book;
    }

    it("are read in bands, smaller ones when a band holds more than 512", async () => {
      const book = mergedBook(18);
      const { grid, stats } = await readWorkbookGrid2(book);
      expect(stats.merges).toBe(true);
      expect(grid.sheets[0].merges).toHaveLength(900);
      expect(book.stats.requests.some((r) => r.failed === "InvalidOperation")).toBe(true);
    });

    it("are left out below ExcelApi 1.13, without an error", async () => {
      const book = mergedBook(12);
      const { grid, stats } = await readWorkbookGrid2(book);
      expect(stats.merges).toBe(false);
      expect(grid.sheets[0].merges).toEqual([]);
      expect(book.stats.requests.some((r) => r.failed)).toBe(false);
    });
  });
});

async function readWorkbookGrid2(book: Book) {
  const host = book.host();
  return host.run({ delayForCellEdit: true }, (ctx) => readInSession(new Session(ctx, host)));
}
