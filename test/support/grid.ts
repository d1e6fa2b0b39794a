/**
 * In-memory grids for core tests: what an adapter would hand the engine, built in code.
 */
import type { CellStyle, CellValue, SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { parseCellAddress } from "../../src/core/address";

export interface SheetSpec {
  name: string;
  /** Rows from row 1; `undefined` entries are empty rows. */
  rows: (CellValue[] | undefined)[];
  /** "A5:A6" style merges. */
  merges?: string[];
  /** Cell address → style (number format, font). */
  styles?: Record<string, CellStyle>;
  /** Font for every text cell of the sheet. */
  font?: string;
  /** Cell address → formula. */
  formulas?: Record<string, string>;
  hiddenRows?: number[];
  hiddenColumns?: number[];
}

/** A workbook grid from sheet specs. */
export function workbookGrid(sheets: SheetSpec[], options: { date1904?: boolean } = {}): WorkbookGrid {
  const styles: CellStyle[] = [{}];
  const styleIndex = new Map<string, number>([["{}", 0]]);
  const intern = (s: CellStyle): number => {
    const k = JSON.stringify(s);
    let i = styleIndex.get(k);
    if (i === undefined) {
      i = styles.length;
      styles.push(s);
      styleIndex.set(k, i);
    }
    return i;
  };
  const out: SheetGrid[] = sheets.map((spec) => {
    let rowCount = 0;
    let columnCount = 0;
    const values: (CellValue[] | undefined)[] = [];
    const styleIds: ((number | undefined)[] | undefined)[] = [];
    spec.rows.forEach((row, i) => {
      if (!row) return;
      const vals: CellValue[] = [];
      row.forEach((v, j) => {
        if (v === undefined || v === null || v === "") return;
        vals[j] = v;
        rowCount = Math.max(rowCount, i + 1);
        columnCount = Math.max(columnCount, j + 1);
        if (spec.font && typeof v === "string") (styleIds[i] ??= [])[j] = intern({ fontName: spec.font });
      });
      values[i] = vals;
    });
    for (const [a1, style] of Object.entries(spec.styles ?? {})) {
      const p = parseCellAddress(a1)!;
      (styleIds[p.row - 1] ??= [])[p.col - 1] = intern(style);
    }
    const merges = (spec.merges ?? []).map((m) => {
      const [a, b] = m.split(":");
      const p = parseCellAddress(a)!;
      const q = parseCellAddress(b ?? a)!;
      return { top: p.row, left: p.col, bottom: q.row, right: q.col };
    });
    const sheet: SheetGrid = { name: spec.name, rowCount, columnCount, values, merges, hiddenRows: spec.hiddenRows ?? [], hiddenColumns: spec.hiddenColumns ?? [], styleIds };
    if (spec.formulas) {
      const formulas: (string | undefined)[][] = [];
      for (const [a1, f] of Object.entries(spec.formulas)) {
        const p = parseCellAddress(a1)!;
        (formulas[p.row - 1] ??= [])[p.col - 1] = f;
      }
      sheet.formulas = formulas;
    }
    return sheet;
  });
  return { sheets: out, date1904: options.date1904 ?? false, styles };
}

/** Excel serial (1900 system) of a calendar date. */
export function serial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** Picks fields of findings for compact assertions (frictionless's `report.flatten`). */
export function flatFindings<T extends object>(findings: T[], keys: (keyof T)[]): unknown[][] {
  return findings.map((f) => keys.map((k) => f[k]));
}
