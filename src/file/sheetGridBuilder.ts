/**
 * The accumulator the readers of received formats share (BIFF8 .xls, HTML tables, Excel 2003 XML):
 * cell values, interned style ids, formulas, run fonts, merges and hidden rows/columns, with the
 * extent of the values; `build` returns the {@link SheetGrid}, leaving out the parts no cell had.
 */
import type { CellRange, CellValue, SheetGrid, SheetVisibility } from "../core/grid";

export class SheetGridBuilder {
  private readonly values: (CellValue[] | undefined)[] = [];
  private readonly styleIds: ((number | undefined)[] | undefined)[] = [];
  private readonly formulas: ((string | undefined)[] | undefined)[] = [];
  private readonly runFonts: Record<string, string> = {};
  readonly merges: CellRange[] = [];
  readonly hiddenRows: number[] = [];
  readonly hiddenColumns: number[] = [];
  private rowCount = 0;
  private columnCount = 0;
  private anyStyle = false;
  private anyFormula = false;
  private anyRunFont = false;

  /** A cell's value (1-based row and column); the sheet's extent grows to hold it. */
  value(r: number, c: number, v: CellValue): void {
    (this.values[r - 1] ??= [])[c - 1] = v;
    if (r > this.rowCount) this.rowCount = r;
    if (c > this.columnCount) this.columnCount = c;
  }

  /** A cell's interned style id (0, the default style, is not stored). */
  style(r: number, c: number, id: number): void {
    if (id === 0) return;
    (this.styleIds[r - 1] ??= [])[c - 1] = id;
    this.anyStyle = true;
  }

  /** A cell's formula, without its "=" ("" when the text is not known). */
  formula(r: number, c: number, text: string): void {
    (this.formulas[r - 1] ??= [])[c - 1] = text;
    this.anyFormula = true;
  }

  /** The font of a cell's text runs when it differs from the cell's own. */
  runFont(r: number, c: number, font: string): void {
    this.runFonts[`${r},${c}`] = font;
    this.anyRunFont = true;
  }

  build(name: string, visibility: SheetVisibility = "visible"): SheetGrid {
    const sheet: SheetGrid = { name, rowCount: this.rowCount, columnCount: this.columnCount, values: this.values, merges: this.merges, hiddenRows: this.hiddenRows, hiddenColumns: this.hiddenColumns };
    if (visibility !== "visible") sheet.visibility = visibility;
    if (this.anyStyle) sheet.styleIds = this.styleIds;
    if (this.anyFormula) sheet.formulas = this.formulas;
    if (this.anyRunFont) sheet.runFonts = this.runFonts;
    return sheet;
  }
}
