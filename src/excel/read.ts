/**
 * Workbook → {@link WorkbookGrid}, in blocks.
 *
 * Round trips: three to learn the sheets, our custom XML part, the used ranges, the hidden
 * columns, the header formulas and each column's font per segment of rows; then one per block of
 * rows (values, number formats, hidden rows, and the fonts of the segments whose font is mixed),
 * each block sized so that its response stays under half the web's 5 MB payload limit and under
 * 5,000,000 cells; then one (rarely up to three) for the merged areas. Never one per row or cell.
 *
 * Block sizes adapt: the first guess is {@link INITIAL_BYTES_PER_CELL} per cell, later blocks use
 * the bytes per cell measured so far; a block that still comes back too large is split and asked
 * again (one more round trip).
 */
import { comparisonKey } from "../core/text/keys";
import { OUTPUT_SHEET_NAMES } from "../core/reader";
import { columnNumber } from "../core/address";
import { styleInterner, type CellRange, type CellStyle, type CellValue, type SheetGrid, type SheetVisibility, type WorkbookGrid } from "../core/grid";
import { RUN_OPTIONS, supports, type ExcelHost } from "./host";
import { isPayloadError, officeErrorCode, toEngineError } from "./errors";
import { FONT_SEGMENT_ROWS, FORMULA_ROWS, jsonBytes, MAX_READ_CELLS, MERGE_BAND_ROWS } from "./limits";
import { Session, type SyncStats } from "./session";
import { queueStateParts, queueStateXml, type StoredState } from "./state";

/** First guess of a cell's bytes in a block response (value + number format), before any is measured. */
export const INITIAL_BYTES_PER_CELL = 40;
/** Bytes per row for the row properties (hidden) in a block response. */
const ROW_PROPS_BYTES = 40;
/** Bytes per drilled font cell. */
const FONT_CELL_BYTES = 48;

/** What a read cost. */
export interface ReadStats extends SyncStats {
  /** Blocks of rows read (a block may share a sync with small blocks of other sheets). */
  blocks: number;
  /** Syncs spent on blocks. */
  blockSyncs: number;
  /** Cells read. */
  cells: number;
  /** False when merged areas could not be read (below ExcelApi 1.13, or too many). */
  merges: boolean;
}

export interface ReadResult {
  grid: WorkbookGrid;
  stats: ReadStats;
  /** Our custom XML part as found (the change record, the mapping, other keys). */
  state: StoredState;
}

interface SheetInfo {
  ws: Excel.Worksheet;
  grid: SheetGrid;
  /** The used range (values only), 1-based; absent when the sheet is empty or skipped. */
  top: number;
  left: number;
  bottom: number;
  right: number;
  read: boolean;
  /** Font per column (index from `left`) per segment of FONT_SEGMENT_ROWS from `top`; null = mixed. */
  fonts: (string | null)[][];
  /** Rows read so far (next row to read). */
  next: number;
  /** Bytes per row measured in this sheet's last block (values, formats, row properties, fonts). */
  bytesPerRow?: number;
}

const VISIBILITY: Record<string, SheetVisibility> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

/** Read the workbook's grid. */
export async function readWorkbookGrid(host: ExcelHost): Promise<WorkbookGrid> {
  return (await readWorkbookWithStats(host)).grid;
}

/** Read the workbook's grid and say what it cost. */
export async function readWorkbookWithStats(host: ExcelHost): Promise<ReadResult> {
  try {
    return await host.run(RUN_OPTIONS, (ctx) => readInSession(new Session(ctx, host)));
  } catch (e) {
    throw toEngineError(e, "reading");
  }
}

/** The read, inside a run. */
export async function readInSession(session: Session): Promise<ReadResult> {
  const { ctx } = session;
  const stats: ReadStats = Object.assign(session.stats, { blocks: 0, blockSyncs: 0, cells: 0, merges: false });

  // 1. Sheets, our part, the date system (DATE(1904,1,1) is 0 in the 1904 system, 1462 in 1900's).
  const worksheets = ctx.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  const parts = queueStateParts(ctx);
  const date1904 = ctx.workbook.functions.date(1904, 1, 1);
  date1904.load("value");
  await session.sync();

  // 2. Used ranges (values only: formatting alone does not make a sheet's data longer), our part's XML.
  const used = worksheets.items.map((ws) => {
    const r = ws.getUsedRangeOrNullObject(true);
    r.load("rowIndex,columnIndex,rowCount,columnCount");
    return r;
  });
  const readState = queueStateXml(parts);
  await session.sync();
  const state = readState();
  const own = new Set([...OUTPUT_SHEET_NAMES, ...(state.record?.sheets ?? [])].map(comparisonKey));

  const infos: SheetInfo[] = worksheets.items.map((ws, i) => {
    const u = used[i];
    const grid: SheetGrid = { name: ws.name, rowCount: 0, columnCount: 0, values: [], merges: [], hiddenRows: [], hiddenColumns: [] };
    const vis = VISIBILITY[ws.visibility];
    if (vis && vis !== "visible") grid.visibility = vis;
    if (u.isNullObject || own.has(comparisonKey(ws.name))) return { ws, grid, top: 1, left: 1, bottom: 0, right: 0, read: false, fonts: [], next: 1 };
    const top = u.rowIndex + 1;
    const left = u.columnIndex + 1;
    const bottom = u.rowIndex + u.rowCount;
    const right = u.columnIndex + u.columnCount;
    grid.rowCount = bottom;
    grid.columnCount = right;
    return { ws, grid, top, left, bottom, right, read: true, fonts: [], next: top };
  });
  const toRead = infos.filter((s) => s.read);

  // 3. Fonts per column segment, hidden columns, the header band's formulas.
  const fontProbes: { info: SheetInfo; col: number; seg: number; font: Excel.RangeFont }[] = [];
  const columnProps: { info: SheetInfo; result: OfficeExtension.ClientResult<Excel.ColumnProperties[]> }[] = [];
  const formulaRanges: { info: SheetInfo; range: Excel.Range }[] = [];
  for (const info of toRead) {
    const width = info.right - info.left + 1;
    const height = info.bottom - info.top + 1;
    const segs = Math.ceil(height / FONT_SEGMENT_ROWS);
    info.fonts = Array.from({ length: width }, () => new Array<string | null>(segs).fill(null));
    for (let c = 0; c < width; c++) {
      for (let s = 0; s < segs; s++) {
        await session.add(160, () => {
          const rows = Math.min(FONT_SEGMENT_ROWS, height - s * FONT_SEGMENT_ROWS);
          const font = info.ws.getRangeByIndexes(info.top - 1 + s * FONT_SEGMENT_ROWS, info.left - 1 + c, rows, 1).format.font;
          font.load("name");
          fontProbes.push({ info, col: c, seg: s, font });
        });
      }
    }
    await session.add(60 * width, () => {
      columnProps.push({ info, result: info.ws.getRangeByIndexes(info.top - 1, info.left - 1, 1, width).getColumnProperties({ columnIndex: true, columnHidden: true }) });
    });
    const formulaRows = Math.min(height, Math.max(0, FORMULA_ROWS - info.top + 1));
    if (formulaRows > 0) {
      await session.add(formulaRows * width * INITIAL_BYTES_PER_CELL, () => {
        const range = info.ws.getRangeByIndexes(info.top - 1, info.left - 1, formulaRows, width);
        range.load("formulas");
        formulaRanges.push({ info, range });
      });
    }
  }
  await session.flush();
  for (const p of fontProbes) p.info.fonts[p.col][p.seg] = p.font.name ?? null;
  for (const { info, result } of columnProps) {
    for (const c of result.value) if (c.columnHidden && c.columnIndex !== undefined) info.grid.hiddenColumns.push(c.columnIndex + 1);
  }
  for (const { info, range } of formulaRanges) {
    const f = range.formulas;
    session.response(jsonBytes(f));
    f.forEach((row, i) =>
      row.forEach((v, j) => {
        if (typeof v === "string" && v.startsWith("=")) {
          const formulas = (info.grid.formulas ??= []);
          (formulas[info.top - 1 + i] ??= [])[info.left - 1 + j] = v.slice(1);
        }
      }),
    );
  }

  // 4. Blocks of rows.
  const styles: CellStyle[] = [{}];
  const styleOf = styleInterner(styles);
  // A row's cost: measured in the sheet's previous block (with a margin), else a first guess that
  // counts every cell at INITIAL_BYTES_PER_CELL and every column with a mixed font as drilled.
  let margin = 1.15;
  const mixedColumns = (info: SheetInfo) => info.fonts.reduce((n, segs) => n + (segs.some((f) => f === null) ? 1 : 0), 0);
  const rowCost = (info: SheetInfo) => Math.ceil((info.bytesPerRow ?? (info.right - info.left + 1) * INITIAL_BYTES_PER_CELL + ROW_PROPS_BYTES + mixedColumns(info) * FONT_CELL_BYTES) * margin);
  let sheetIndex = 0;
  while (sheetIndex < toRead.length) {
    // Pack pieces of sheets into one request up to the budget.
    const pack: { info: SheetInfo; from: number; rows: number }[] = [];
    let budget = session.budget;
    for (let i = sheetIndex; i < toRead.length && budget > 0; i++) {
      const info = toRead[i];
      const remaining = info.bottom - info.next + 1;
      if (remaining <= 0) continue;
      const width = info.right - info.left + 1;
      let rows = Math.min(remaining, Math.floor(budget / rowCost(info)), Math.floor(MAX_READ_CELLS / width));
      if (rows < 1) {
        if (pack.length > 0) break;
        rows = 1;
      }
      pack.push({ info, from: info.next, rows });
      budget -= rows * rowCost(info);
      if (rows < remaining) break;
    }
    const queued = pack.map(({ info, from, rows }) => {
      const width = info.right - info.left + 1;
      const range = info.ws.getRangeByIndexes(from - 1, info.left - 1, rows, width);
      range.load("values,numberFormat");
      const rowProps = range.getRowProperties({ rowIndex: true, rowHidden: true });
      const drills: { col: number; top: number; result: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
      info.fonts.forEach((segs, c) => {
        segs.forEach((f, s) => {
          if (f !== null) return;
          const segTop = info.top + s * FONT_SEGMENT_ROWS;
          const top = Math.max(segTop, from);
          const bottom = Math.min(segTop + FONT_SEGMENT_ROWS - 1, from + rows - 1, info.bottom);
          if (top > bottom) return;
          const cells = info.ws.getRangeByIndexes(top - 1, info.left - 1 + c, bottom - top + 1, 1);
          drills.push({ col: c, top, result: cells.getCellProperties({ format: { font: { name: true } } }) });
        });
      });
      return { info, from, rows, range, rowProps, drills };
    });
    try {
      await session.sync();
    } catch (e) {
      if (!isPayloadError(e) || (pack.length === 1 && pack[0].rows === 1)) throw e;
      // Too large after all: ask again in smaller blocks.
      margin *= 2;
      continue;
    }
    stats.blockSyncs++;
    let bytes = 0;
    let cells = 0;
    for (const q of queued) {
      stats.blocks++;
      const width = q.info.right - q.info.left + 1;
      const values = q.range.values;
      const formats = q.range.numberFormat;
      const before = bytes;
      bytes += jsonBytes(values) + jsonBytes(formats);
      cells += q.rows * width;
      const fontOf = new Map<number, string[]>();
      for (const d of q.drills) {
        const props = d.result.value;
        bytes += jsonBytes(props);
        const arr = fontOf.get(d.col) ?? [];
        props.forEach((row, i) => (arr[d.top + i] = row[0]?.format?.font?.name ?? ""));
        fontOf.set(d.col, arr);
      }
      const rowProps = q.rowProps.value;
      bytes += jsonBytes(rowProps);
      for (const p of rowProps) if (p.rowHidden && p.rowIndex !== undefined) q.info.grid.hiddenRows.push(p.rowIndex + 1);
      const grid = q.info.grid;
      const ids = (grid.styleIds ??= []);
      for (let i = 0; i < q.rows; i++) {
        const row = q.from + i;
        let outRow: CellValue[] | undefined;
        let idRow: (number | undefined)[] | undefined;
        for (let j = 0; j < width; j++) {
          const v = values[i][j] as CellValue;
          if (v === undefined || v === null || v === "") continue;
          const col = q.info.left + j;
          (outRow ??= [])[col - 1] = v;
          const nf = formats[i][j];
          const seg = Math.floor((row - q.info.top) / FONT_SEGMENT_ROWS);
          const font = q.info.fonts[j][seg] ?? fontOf.get(j)?.[row] ?? undefined;
          const id = styleOf(typeof nf === "string" ? nf : undefined, font);
          if (id !== 0) (idRow ??= [])[col - 1] = id;
        }
        if (outRow) grid.values[row - 1] = outRow;
        if (idRow) ids[row - 1] = idRow;
      }
      q.info.next = q.from + q.rows;
      q.info.bytesPerRow = Math.max(16, Math.ceil((bytes - before) / q.rows));
    }
    session.response(bytes);
    stats.cells += cells;
    while (sheetIndex < toRead.length && toRead[sheetIndex].next > toRead[sheetIndex].bottom) sheetIndex++;
  }

  // 5. Merged areas (ExcelApi 1.13), in bands of rows that stay under 512 areas each.
  if (toRead.length > 0 && supports(session.host, "mergedAreas")) stats.merges = await readMerges(session, toRead);

  const grid: WorkbookGrid = { sheets: infos.map((s) => s.grid), date1904: date1904.value === 0, styles };
  if (Object.keys(state.settings).length > 0) grid.savedSettings = { ...state.settings };
  return { grid, stats, state };
}

const AREA = /!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?=\s*[,;]|\s*$)/g;

/** "A1:C2" areas in a RangeAreas address ("'DS CBCC'!A1:C1, 'DS CBCC'!A5:L5"). */
export function parseAreas(address: string): CellRange[] {
  const out: CellRange[] = [];
  for (const m of address.matchAll(AREA)) {
    const [a, b = a] = m[1].replace(/\$/g, "").split(":");
    const p = /^([A-Za-z]+)(\d+)$/.exec(a);
    const q = /^([A-Za-z]+)(\d+)$/.exec(b);
    if (!p || !q) continue;
    out.push({ top: Number(p[2]), left: columnNumber(p[1]), bottom: Number(q[2]), right: columnNumber(q[1]) });
  }
  return out;
}

async function readMerges(session: Session, sheets: SheetInfo[]): Promise<boolean> {
  for (const bandRows of [MERGE_BAND_ROWS, 25, 4]) {
    const probes: { info: SheetInfo; areas: Excel.RangeAreas }[] = [];
    for (const info of sheets) {
      for (let top = info.top; top <= info.bottom; top += bandRows) {
        const rows = Math.min(bandRows, info.bottom - top + 1);
        await session.add(200, () => {
          const areas = info.ws.getRangeByIndexes(top - 1, info.left - 1, rows, info.right - info.left + 1).getMergedAreasOrNullObject();
          areas.load("address");
          probes.push({ info, areas });
        });
      }
    }
    try {
      await session.flush();
    } catch (e) {
      // More than 512 areas in a band (InvalidOperation/GeneralException): smaller bands.
      if (officeErrorCode(e) === undefined || officeErrorCode(e) === "InvalidOperationInCellEditMode") throw e;
      continue;
    }
    let bytes = 0;
    for (const { info, areas } of probes) {
      if (areas.isNullObject) continue;
      bytes += areas.address.length;
      const seen = new Set(info.grid.merges.map((m) => `${m.top},${m.left},${m.bottom},${m.right}`));
      for (const m of parseAreas(areas.address)) {
        const k = `${m.top},${m.left},${m.bottom},${m.right}`;
        if (!seen.has(k)) {
          seen.add(k);
          info.grid.merges.push(m);
        }
      }
    }
    session.response(bytes);
    return true;
  }
  return false;
}
