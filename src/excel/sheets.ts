/**
 * Our own sheets (findings, staffing, quality): written by clearing and rewriting the sheet —
 * never deleted, since `Worksheet.delete` breaks the user's undo stack
 * (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
 *
 * Values go in row chunks sized by the payload budget; text is always written as text (the "@"
 * number format first, or a leading apostrophe for long text), so a cell that read "=…", "+…",
 * "-…", "@…" or "0123…" never becomes a formula or a number. Formatting is applied by feature over
 * address lists; hyperlinks by `setCellProperties` over column runs; then the table, the chart,
 * freeze panes and the tab colour. Print settings are applied separately (see apply.ts).
 */
import { cellAddress, sheetReference } from "../core/address";
import type { PlanCell, PlanSheet } from "../core/plan/types";
import { addressLists, rectangles, type CellRef } from "./addresses";
import { jsonBytes, utf8Bytes } from "./limits";
import type { Session } from "./session";
import { applyFeature, columnWidthPoints, featureKey, SHEET_FONT, STYLE_SPECS, type Feature } from "./styles";

/** Excel shows at most 255 characters of a text-formatted ("@") cell; longer text is written General with an apostrophe. */
const TEXT_FORMAT_MAX = 255;
/** What Excel would read as a formula, or as a number, date, boolean, error or percentage. */
const RISKY_TEXT = /^[=+\-@]|^\s*[+-]?[\d.,]+(?:e[+-]?\d+)?\s*%?\s*$|^\s*(?:true|false|đúng|sai)\s*$|^#|^\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?$/i;

/** Where a plan sheet goes. */
export interface OwnSheetTarget {
  plan: PlanSheet;
  /** The name used (the plan's, or with " (2)" when a sheet of the user's has it). */
  name: string;
  /** Our sheet from a previous run, to clear and rewrite. */
  existing?: Excel.Worksheet;
  /** Its tables and charts, loaded (they are deleted before the rewrite). */
  tables?: Excel.TableCollection;
  charts?: Excel.ChartCollection;
}

/** The number format and value written for a plan cell. */
export function cellOutput(cell: PlanCell | undefined): { format: string; value: string | number } {
  if (!cell || cell.value === null) return { format: cell?.style ? (STYLE_SPECS[cell.style].numberFormat ?? "General") : "General", value: "" };
  const v = cell.value;
  if (typeof v === "number") return { format: cell.style ? (STYLE_SPECS[cell.style].numberFormat ?? "General") : "General", value: v };
  if (v.length <= TEXT_FORMAT_MAX) return { format: "@", value: v };
  return { format: "General", value: RISKY_TEXT.test(v) ? `'${v}` : v };
}

/** Rows per values chunk for a sheet of `width` columns, so one chunk is a fraction of the budget. */
function chunkRows(rows: (PlanCell | undefined)[][], from: number, width: number, budget: number): number {
  let bytes = 0;
  let n = 0;
  for (let r = from; r < rows.length; r++) {
    let rowBytes = 8;
    for (let c = 0; c < width; c++) {
      const v = rows[r][c]?.value;
      rowBytes += 12 + (typeof v === "string" ? utf8Bytes(v) + 4 : 12);
    }
    if (n > 0 && bytes + rowBytes > budget) break;
    bytes += rowBytes;
    n++;
  }
  return Math.max(1, n);
}

/**
 * Queue the whole sheet. Returns the worksheet proxy (the print settings use it).
 * `tableNames` holds the workbook's table names in use; the table's name is made unique against it.
 */
export async function queueOwnSheet(session: Session, target: OwnSheetTarget, separator: "," | ";", tableNames: Set<string>): Promise<Excel.Worksheet> {
  const { ctx } = session;
  const plan = target.plan;
  let ws: Excel.Worksheet;
  if (target.existing) {
    ws = target.existing;
    const old = ws;
    await session.add(400, () => {
      for (const t of target.tables?.items ?? []) t.delete();
      for (const c of target.charts?.items ?? []) c.delete();
      const all = old.getRange();
      all.unmerge();
      all.clear("All");
      old.freezePanes.unfreeze();
    });
  } else {
    await session.add(200, () => {
      ws = ctx.workbook.worksheets.add(target.name);
    });
  }
  ws = ws!;
  let width = Math.max(plan.columnWidths.length, 1);
  for (const r of plan.rows) width = Math.max(width, r?.length ?? 0);
  // Plan rows may be holes (empty rows): Array.from visits them, map() would not.
  const rows: (PlanCell | undefined)[][] = Array.from({ length: plan.rows.length }, (_, r) => Array.from({ length: width }, (_, c) => plan.rows[r]?.[c]));
  const height = Math.max(rows.length, 1);

  // Font of the whole table, then values with their number formats, in chunks.
  await session.add(200, () => {
    const font = ws.getRangeByIndexes(0, 0, height, width).format.font;
    font.name = SHEET_FONT.name;
    font.size = SHEET_FONT.size;
  });
  for (let r = 0; r < rows.length; ) {
    const n = chunkRows(rows, r, width, Math.floor(session.budget / 2));
    const formats: string[][] = [];
    const values: (string | number)[][] = [];
    for (let i = r; i < r + n; i++) {
      const out = rows[i].map(cellOutput);
      formats.push(out.map((o) => o.format));
      values.push(out.map((o) => o.value));
    }
    const from = r;
    await session.add(jsonBytes(formats) + jsonBytes(values) + 200, () => {
      const range = ws.getRangeByIndexes(from, 0, n, width);
      range.numberFormat = formats;
      range.values = values;
    });
    r += n;
  }

  // Column widths, merges.
  for (let c = 0; c < plan.columnWidths.length; c++) {
    const w = plan.columnWidths[c];
    await session.add(120, () => {
      ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = columnWidthPoints(w);
    });
  }
  for (const m of plan.merges) {
    await session.add(120, () => ws.getRangeByIndexes(m.top - 1, m.left - 1, m.bottom - m.top + 1, m.right - m.left + 1).merge(false));
  }

  // Formatting by feature over address lists.
  const byFeature = new Map<string, { feature: Feature; cells: CellRef[] }>();
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell?.style) return;
      for (const f of STYLE_SPECS[cell.style].features) {
        const k = featureKey(f);
        let g = byFeature.get(k);
        if (!g) byFeature.set(k, (g = { feature: f, cells: [] }));
        g.cells.push({ row: r + 1, col: c + 1 });
      }
    }),
  );
  for (const { feature, cells } of byFeature.values()) {
    for (const list of addressLists(rectangles(cells), separator)) {
      await session.add(list.length + 400, () => applyFeature(ws.getRanges(list), feature));
    }
  }

  // Hyperlinks to the cells the findings name, per column run.
  const linkColumns = new Map<number, number[]>();
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell?.link) (linkColumns.get(c) ?? linkColumns.set(c, []).get(c)!).push(r);
    }),
  );
  for (const [c, linkRows] of linkColumns) {
    const top = linkRows[0];
    const bottom = linkRows[linkRows.length - 1];
    for (let from = top; from <= bottom; ) {
      const props: Excel.SettableCellProperties[][] = [];
      let bytes = 200;
      let r = from;
      for (; r <= bottom && bytes < session.budget / 4; r++) {
        const cell = rows[r][c];
        if (cell?.link) {
          const p = { hyperlink: { documentReference: sheetReference(cell.link.sheet, cell.link.cell), textToDisplay: String(cell.value ?? cell.link.cell), screenTip: `${cell.link.sheet}!${cell.link.cell}` } };
          bytes += jsonBytes(p) + 2;
          props.push([p]);
        } else {
          bytes += 3;
          props.push([{}]);
        }
      }
      const start = from;
      await session.add(bytes, () => ws.getRangeByIndexes(start, c, props.length, 1).setCellProperties(props));
      from = r;
    }
  }

  // The table with filter buttons.
  if (plan.table) {
    const t = plan.table;
    let name = t.name;
    for (let i = 2; tableNames.has(name.toLowerCase()); i++) name = `${t.name}_${i}`;
    tableNames.add(name.toLowerCase());
    await session.add(300, () => {
      const table = ws.tables.add(ws.getRangeByIndexes(t.headerRow - 1, t.firstColumn - 1, t.lastRow - t.headerRow + 1, t.lastColumn - t.firstColumn + 1), true);
      table.name = name;
      table.style = "TableStyleLight1";
    });
  }

  // The chart: one series per column, categories from the unit column.
  if (plan.chart && plan.chart.series.length > 0 && plan.chart.lastRow >= plan.chart.firstRow) {
    const ch = plan.chart;
    const n = ch.lastRow - ch.firstRow + 1;
    await session.add(800, () => {
      const categories = ws.getRangeByIndexes(ch.firstRow - 1, ch.categoryColumn - 1, n, 1);
      const [first, ...rest] = ch.series;
      const chart = ws.charts.add("ColumnClustered", ws.getRangeByIndexes(ch.firstRow - 1, first.column - 1, n, 1), "Columns");
      chart.title.text = ch.title;
      const s0 = chart.series.getItemAt(0);
      s0.name = first.name;
      s0.setXAxisValues(categories);
      for (const s of rest) {
        const series = chart.series.add(s.name);
        series.setValues(ws.getRangeByIndexes(ch.firstRow - 1, s.column - 1, n, 1));
        series.setXAxisValues(categories);
      }
      chart.setPosition(cellAddress(ch.anchor.row, ch.anchor.col), cellAddress(ch.anchor.row + ch.anchor.heightRows - 1, ch.anchor.col + ch.anchor.widthCols - 1));
    });
  }

  // Frozen header, tab colour.
  await session.add(200, () => {
    if (plan.freeze && plan.freeze.rows + plan.freeze.columns > 0) {
      if (plan.freeze.columns === 0) ws.freezePanes.freezeRows(plan.freeze.rows);
      else ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, Math.max(1, plan.freeze.rows), plan.freeze.columns));
    }
    if (plan.tabColor) ws.tabColor = `#${plan.tabColor}`;
  });
  return ws;
}

/**
 * Queue the print settings of our sheets (ExcelApi 1.9 `pageLayout`): orientation, A4, title rows,
 * then — last, since it is the likeliest to be refused and operations before a failing one stay
 * applied — fit to one page wide, any number tall (0 = automatic, as `fitToHeight="0"` in the file).
 */
export function queuePrint(sheets: { ws: Excel.Worksheet; plan: PlanSheet }[]): void {
  for (const { ws, plan } of sheets) {
    const p = plan.print;
    const layout = ws.pageLayout;
    layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = "A4";
    if (p.repeatRows) layout.setPrintTitleRows(`$${p.repeatRows.from}:$${p.repeatRows.to}`);
  }
  for (const { ws, plan } of sheets) if (plan.print.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
}
