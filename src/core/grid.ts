/**
 * The grid: what the engine reads. Both adapters (Office.js and the file adapter) produce it;
 * the core never sees Office objects or file bytes.
 *
 * Rows and columns are the worksheet's own, 1-based, as Excel shows them. Arrays are indexed
 * from 0, so `values[r - 1][c - 1]` is the cell at row `r`, column `c`. Arrays may have holes
 * (an empty row is `undefined`), which keeps wide, sparse sheets cheap.
 */

/** A cell value as Office.js `Range.values` gives it: text, number, boolean, or empty. */
export type CellValue = string | number | boolean | null | undefined;

/** An inclusive rectangle of cells, 1-based. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Formatting facts about a cell that the reader uses (never written back). */
export interface CellStyle {
  /** The number format code, e.g. "dd/mm/yyyy"; absent means General. */
  numberFormat?: string;
  /** The font name of the cell, e.g. ".VnTime", "VNI-Times", "Times New Roman". */
  fontName?: string;
}

/**
 * Interns cell styles into a style list (appending new ones): the same number format and font get
 * the same id. "General" and an empty font count as absent. The list's existing entries are reused.
 * @example const styleOf = styleInterner([{}]); styleOf("dd/mm/yyyy", undefined) // 1
 */
export function styleInterner(styles: CellStyle[]): (numberFormat: string | undefined, fontName: string | undefined) => number {
  const keyOf = (nf: string | undefined, font: string | undefined) => `${nf ?? ""}\u0000${font ?? ""}`;
  const ids = new Map<string, number>();
  styles.forEach((s, i) => {
    const k = keyOf(s.numberFormat, s.fontName);
    if (!ids.has(k)) ids.set(k, i);
  });
  return (numberFormat, fontName) => {
    const nf = numberFormat && numberFormat !== "General" ? numberFormat : undefined;
    const font = fontName || undefined;
    const k = keyOf(nf, font);
    let id = ids.get(k);
    if (id === undefined) {
      id = styles.length;
      const s: CellStyle = {};
      if (nf !== undefined) s.numberFormat = nf;
      if (font !== undefined) s.fontName = font;
      styles.push(s);
      ids.set(k, id);
    }
    return id;
  };
}

/** Visibility of a sheet as Excel stores it. */
export type SheetVisibility = "visible" | "hidden" | "veryHidden";

/** One worksheet's cells and the facts about them that the reader needs. */
export interface SheetGrid {
  /** The sheet's name as shown on its tab. */
  name: string;
  /** Visibility; absent means visible. */
  visibility?: SheetVisibility;
  /** Last used row and column (1-based); 0 when the sheet is empty. */
  rowCount: number;
  columnCount: number;
  /** `values[r-1][c-1]`; cached results for formula cells. */
  values: (CellValue[] | undefined)[];
  /** Formulas (without the leading "=") where a cell has one, same indexing as `values`. */
  formulas?: ((string | undefined)[] | undefined)[];
  /** Index into {@link WorkbookGrid.styles}, same indexing as `values`; absent means style 0. */
  styleIds?: ((number | undefined)[] | undefined)[];
  /**
   * Font of the text runs, where a cell's rich text names a font different from its style
   * (pasted TCVN3 text often arrives this way). Key: `"row,col"` (1-based).
   */
  runFonts?: Record<string, string>;
  /** Merged areas. */
  merges: CellRange[];
  /** Hidden rows and columns (1-based numbers). */
  hiddenRows: number[];
  hiddenColumns: number[];
}

/** A whole workbook as the engine sees it. */
export interface WorkbookGrid {
  /** Sheets in workbook (tab) order. */
  sheets: SheetGrid[];
  /** The 1904 date system flag (Mac workbooks of old); serials then count from 1904-01-01. */
  date1904: boolean;
  /** Interned cell styles; index 0 is the default style. */
  styles: CellStyle[];
  /** Custom properties or custom XML the add-in saved in the workbook (e.g. a column mapping). */
  savedSettings?: Record<string, string>;
}

/** The value at a 1-based row and column, or undefined. */
export function cellValue(sheet: SheetGrid, row: number, col: number): CellValue {
  const r = sheet.values[row - 1];
  return r === undefined ? undefined : r[col - 1];
}

/** The style of a cell (never undefined: falls back to the default style). */
export function cellStyle(workbook: WorkbookGrid, sheet: SheetGrid, row: number, col: number): CellStyle {
  const ids = sheet.styleIds?.[row - 1];
  const id = ids === undefined ? 0 : ids[col - 1] ?? 0;
  return workbook.styles[id] ?? workbook.styles[0] ?? {};
}

/** The font that applies to the text of a cell: a rich-text run's font first, else the style's. */
export function cellFontName(workbook: WorkbookGrid, sheet: SheetGrid, row: number, col: number): string | undefined {
  return sheet.runFonts?.[`${row},${col}`] ?? cellStyle(workbook, sheet, row, col).fontName;
}

/** True when the sheet holds no value at all. */
export function isEmptySheet(sheet: SheetGrid): boolean {
  for (const row of sheet.values) {
    if (row === undefined) continue;
    for (const v of row) if (v !== undefined && v !== null && v !== "") return false;
  }
  return true;
}
