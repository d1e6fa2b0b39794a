/**
 * Realistic workbooks for the adapter tests: roster .xlsx bytes from test/support/workbooks.ts,
 * read by the file adapter into a grid, loaded into the strict fake.
 */
import { readXlsx } from "../../src/file/readXlsx";
import type { WorkbookGrid } from "../../src/core/grid";
import { FakeWorkbook, type FakeOptions } from "../support/fakeExcel";
import type { Fixture } from "../support/workbooks";

/** The grid of a fixture (as the CLI would read it). */
export function gridOf(f: Fixture): WorkbookGrid {
  return readXlsx(f.bytes);
}

/** A fake workbook holding a fixture. */
export function fakeOf(f: Fixture, options: FakeOptions = {}): { book: FakeWorkbook; grid: WorkbookGrid } {
  const grid = gridOf(f);
  return { book: FakeWorkbook.fromGrid(grid, options), grid };
}

/** 2024-12-31 in Vietnam. */
export const NOW = Date.UTC(2024, 11, 31, 3);
export const AS_OF = "2024-12-31";

/** Every cell's fill of a sheet, by address (cells with a fill only). */
export function fills(book: FakeWorkbook, sheet: string): Record<string, unknown> {
  const s = book.sheet(sheet);
  const out: Record<string, unknown> = {};
  for (const [k, cell] of s.cells) {
    if (!cell.fill) continue;
    const row = Math.floor(k / 20000);
    const col = k % 20000;
    out[`${col},${row}`] = { ...cell.fill };
  }
  return out;
}

/** Values of a sheet as rows of text (for comparing our own sheets). */
export function sheetValues(book: FakeWorkbook, sheet: string): string[] {
  const s = book.sheet(sheet);
  const rows = new Map<number, string[]>();
  for (const [k, cell] of s.cells) {
    if (cell.value === undefined) continue;
    const row = Math.floor(k / 20000);
    const col = k % 20000;
    const r = rows.get(row) ?? [];
    r[col - 1] = String(cell.value);
    rows.set(row, r);
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([r, v]) => `${r}: ${Array.from(v, (x) => x ?? "").join("|")}`);
}
