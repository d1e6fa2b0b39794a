/** Comparing two workbook grids cell by cell, as the reader sees them (test-only). */
import { cellFontName, cellStyle, type CellRange, type WorkbookGrid } from "../../src/core/grid";

export interface GridDifferences {
  /** "sheet!r,c: a ≠ b" lines, at most `limit`. */
  lines: string[];
  cells: number;
}

export interface CompareOptions {
  /** Compare fonts of non-empty cells (default true). */
  fonts?: boolean;
  /** Compare number formats of numeric cells (default true). */
  numberFormats?: boolean;
  /** Compare sheet visibility (default true; HTML cannot hide a sheet). */
  visibility?: boolean;
  /** Map an expected value before comparing (e.g. text as a browser collapses its spaces). */
  expectValue?: (v: unknown) => unknown;
  limit?: number;
}

const rangeKey = (m: CellRange) => `${m.top},${m.left},${m.bottom},${m.right}`;

/** Where `actual` differs from `expected`: values, fonts, number formats, merges, hidden rows and columns, visibility, 1904. */
export function gridDifferences(expected: WorkbookGrid, actual: WorkbookGrid, o: CompareOptions = {}): GridDifferences {
  const lines: string[] = [];
  const limit = o.limit ?? 20;
  const note = (s: string) => {
    if (lines.length < limit) lines.push(s);
  };
  let cells = 0;
  if (expected.date1904 !== actual.date1904) note(`date1904: ${expected.date1904} ≠ ${actual.date1904}`);
  if (expected.sheets.map((s) => s.name).join("|") !== actual.sheets.map((s) => s.name).join("|")) note(`sheets: ${expected.sheets.map((s) => s.name)} ≠ ${actual.sheets.map((s) => s.name)}`);
  expected.sheets.forEach((e, i) => {
    const a = actual.sheets[i];
    if (!a) return;
    if ((o.visibility ?? true) && (e.visibility ?? "visible") !== (a.visibility ?? "visible")) note(`${e.name}: visibility ${e.visibility} ≠ ${a.visibility}`);
    const rows = Math.max(e.rowCount, a.rowCount);
    const cols = Math.max(e.columnCount, a.columnCount);
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= cols; c++) {
        const ev0 = e.values[r - 1]?.[c - 1];
        const ev = o.expectValue ? o.expectValue(ev0) : ev0;
        const av = a.values[r - 1]?.[c - 1];
        const empty = (v: unknown) => v === undefined || v === null || v === "";
        if (!(empty(ev) && empty(av)) && ev !== av) {
          cells++;
          note(`${e.name}!${r},${c}: ${JSON.stringify(ev)} ≠ ${JSON.stringify(av)}`);
          continue;
        }
        if (empty(ev)) continue;
        if ((o.fonts ?? true) && cellFontName(expected, e, r, c) !== cellFontName(actual, a, r, c)) {
          cells++;
          note(`${e.name}!${r},${c} font: ${cellFontName(expected, e, r, c)} ≠ ${cellFontName(actual, a, r, c)}`);
        }
        if ((o.numberFormats ?? true) && typeof ev === "number" && cellStyle(expected, e, r, c).numberFormat !== cellStyle(actual, a, r, c).numberFormat) {
          cells++;
          note(`${e.name}!${r},${c} format: ${cellStyle(expected, e, r, c).numberFormat} ≠ ${cellStyle(actual, a, r, c).numberFormat}`);
        }
      }
    }
    const em = e.merges.map(rangeKey).sort().join(";");
    const am = a.merges.map(rangeKey).sort().join(";");
    if (em !== am) note(`${e.name}: merges differ (${e.merges.length} vs ${a.merges.length})`);
    const sortNum = (x: number[]) => [...new Set(x)].sort((p, q) => p - q).join(",");
    if (sortNum(e.hiddenRows) !== sortNum(a.hiddenRows)) note(`${e.name}: hidden rows ${sortNum(e.hiddenRows)} ≠ ${sortNum(a.hiddenRows)}`);
    if (sortNum(e.hiddenColumns) !== sortNum(a.hiddenColumns)) note(`${e.name}: hidden columns ${sortNum(e.hiddenColumns)} ≠ ${sortNum(a.hiddenColumns)}`);
  });
  return { lines, cells };
}

/** Fail with the first differences when the grids differ. */
export function expectSameGrid(expected: WorkbookGrid, actual: WorkbookGrid, o: CompareOptions = {}): void {
  const d = gridDifferences(expected, actual, o);
  if (d.lines.length > 0) throw new Error(`grids differ:\n${d.lines.join("\n")}`);
}
