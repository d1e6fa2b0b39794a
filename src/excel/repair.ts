/**
 * Text fixes in the open workbook (issue 9 item 2): write a finding's suggestion, or the Unicode
 * text of TCVN3/VNI cells, into their cells — and undo them exactly from "Xóa đánh dấu".
 *
 * - A cell is rewritten only when it still holds the text the check read (a cell the user changed
 *   since, or that now holds a formula, is skipped and counted); the change record (state.ts,
 *   shared with the CLI) gets each original text and font before anything is written.
 * - Text is written as text: `Range.values` takes a string starting with "=", "+" or "-" as a
 *   formula (Excel.Range.values, office-js d.ts: "If the returned value starts with a plus ("+"),
 *   minus ("-"), or equal sign ("="), Excel interprets this value as a formula"), and turns
 *   number- or date-like text into numbers. Such text gets Excel's quote prefix ("'"), unless the
 *   cell's number format is Text ("@"), which stores what is written as it is. The number format
 *   is never changed, so the undo has nothing else to put back.
 * - Reads go by column segments (a run of rows, one range: values, formulas, number formats and,
 *   for legacy text, fonts through `getCellProperties`, ExcelApi 1.9), writes by runs of
 *   consecutive rows; syncs are sized by the payload budget, never one per cell.
 */
import { parseCellAddress } from "../core/address";
import { emptyChangeRecord, repairOriginalText, CHANGES_KEY, type ChangeRecord, type TextRepairRecord } from "../core/changes";
import { EngineError } from "../core/errors";
import type { TextFix } from "../core/fixes";
import { settingsXml } from "../core/settings";
import { groupBy } from "./addresses";
import { toEngineError } from "./errors";
import { RUN_OPTIONS, type ExcelHost } from "./host";
import { jsonBytes, PAYLOAD_BUDGET_BYTES, utf8Bytes } from "./limits";
import { Session, type SyncStats } from "./session";
import { queueSaveRecord, queueStateParts, queueStateXml } from "./state";

/** What {@link applyTextFixes} did. */
export interface TextFixResult {
  /** Cells rewritten. */
  fixed: number;
  /** Cells that no longer hold the text the check read (changed by the user, or now a formula): left alone. */
  skipped: number;
  /** Cells on sheets that are gone. */
  missing: number;
  /** Cells not rewritten because the change record would grow past what one request may carry. */
  notDone: number;
  /** The fixes written. */
  done: TextFix[];
  stats: SyncStats;
}

/** What the undo of text repairs did (part of "Xóa đánh dấu"). */
export interface TextUndoResult {
  /** Cells whose original text (and font) was put back. */
  restored: number;
  /** Cells the user changed after the repair: their value kept. */
  kept: number;
  /** Repairs on sheets that are gone. */
  missing: number;
  /** Repairs the add-in cannot undo (records of older versions, without the text written): kept in the record. */
  remaining: TextRepairRecord[];
}

/** A cell as it is now. */
interface CellNow {
  value: unknown;
  formula: unknown;
  numberFormat: unknown;
  font?: string;
}

interface Wanted {
  sheet: string;
  row: number;
  col: number;
  font: boolean;
}

/** Rows closer than this are read as one range. */
const SEGMENT_GAP = 32;
/** Longest range read at once. */
const SEGMENT_MAX_ROWS = 2000;
/** Our estimate of one row of a segment read (values, formulas, number format; the font). */
const ROW_BYTES = 200;
const FONT_ROW_BYTES = 80;

const keyOf = (sheet: string, row: number, col: number) => `${sheet}\u0000${row}\u0000${col}`;

/** Text Excel would not keep as typed: formulas, numbers, dates, booleans, error values, a leading apostrophe. */
const NOT_LITERAL = /^[=+\-@']|^\s*[+-]?[\d.,]+(?:e[+-]?\d+)?\s*%?\s*$|^\s*(?:true|false)\s*$|^#|^\s*\d{1,4}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{1,4})?\s*$|^\s*\d{1,2}:\d{2}/i;

/**
 * The value to put in `Range.values` so that the cell holds exactly `text`, as text.
 * @example literalText("=HYPERLINK(\"x\")", "General") // "'=HYPERLINK(\"x\")"
 */
export function literalText(text: string, numberFormat: unknown): string {
  if (numberFormat === "@") return text;
  return NOT_LITERAL.test(text) ? `'${text}` : text;
}

/** Runs of rows of one column, for reading. */
function segments(cells: readonly Wanted[]): { sheet: string; col: number; top: number; bottom: number; font: boolean }[] {
  const out: { sheet: string; col: number; top: number; bottom: number; font: boolean }[] = [];
  for (const [, group] of groupBy(cells, (c) => `${c.sheet}\u0000${c.col}`)) {
    const sorted = [...group].sort((a, b) => a.row - b.row);
    let cur: (typeof out)[number] | undefined;
    for (const c of sorted) {
      if (cur && c.row - cur.bottom <= SEGMENT_GAP && c.row - cur.top < SEGMENT_MAX_ROWS) {
        cur.bottom = Math.max(cur.bottom, c.row);
        cur.font ||= c.font;
      } else {
        cur = { sheet: c.sheet, col: c.col, top: c.row, bottom: c.row, font: c.font };
        out.push(cur);
      }
    }
  }
  return out;
}

/** Queue the reads of the cells; the returned function gives them after the next sync. */
async function queueReadCells(session: Session, sheets: Map<string, Excel.Worksheet>, cells: readonly Wanted[]): Promise<() => Map<string, CellNow>> {
  const reads: { seg: ReturnType<typeof segments>[number]; range: Excel.Range; fonts?: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
  for (const seg of segments(cells)) {
    const ws = sheets.get(seg.sheet);
    if (!ws) continue;
    const rows = seg.bottom - seg.top + 1;
    await session.add(rows * (ROW_BYTES + (seg.font ? FONT_ROW_BYTES : 0)) + 300, () => {
      const range = ws.getRangeByIndexes(seg.top - 1, seg.col - 1, rows, 1);
      range.load("values,formulas,numberFormat");
      const fonts = seg.font ? range.getCellProperties({ format: { font: { name: true } } }) : undefined;
      reads.push(fonts ? { seg, range, fonts } : { seg, range });
    });
  }
  return () => {
    const out = new Map<string, CellNow>();
    for (const { seg, range, fonts } of reads) {
      const values = range.values;
      const formulas = range.formulas;
      const formats = range.numberFormat;
      const props = fonts?.value;
      for (let i = 0; i < values.length; i++) {
        const now: CellNow = { value: values[i][0], formula: formulas[i][0], numberFormat: formats[i][0] };
        const font = props?.[i]?.[0]?.format?.font?.name;
        if (typeof font === "string") now.font = font;
        out.set(keyOf(seg.sheet, seg.top + i, seg.col), now);
      }
    }
    return out;
  };
}

/**
 * True when the cell holds `text` as a value, not as the result of a formula. A text constant
 * reads the same from `formulas` as from `values` (or with its quote prefix), so "=…" in
 * `formulas` is a formula only when it differs from the value.
 */
function holds(now: CellNow | undefined, text: string): boolean {
  if (!now) return false;
  if (typeof now.formula === "string" && now.formula.startsWith("=") && now.formula !== now.value) return false;
  return now.value === text;
}

interface Write {
  sheet: string;
  row: number;
  col: number;
  text: string;
  numberFormat: unknown;
  font?: string;
}

/** Queue writes, one range per run of consecutive rows of a column with the same font change. */
async function queueWrites(session: Session, sheets: Map<string, Excel.Worksheet>, writes: readonly Write[]): Promise<void> {
  const sorted = [...writes].sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : 0) || a.col - b.col || a.row - b.row);
  let i = 0;
  while (i < sorted.length) {
    const first = sorted[i];
    let j = i + 1;
    while (j < sorted.length && j - i < SEGMENT_MAX_ROWS && sorted[j].sheet === first.sheet && sorted[j].col === first.col && sorted[j].row === sorted[j - 1].row + 1 && sorted[j].font === first.font) j++;
    const run = sorted.slice(i, j);
    const values = run.map((w) => [literalText(w.text, w.numberFormat)]);
    const ws = sheets.get(first.sheet)!;
    await session.add(jsonBytes(values) + 300, () => {
      const range = ws.getRangeByIndexes(first.row - 1, first.col - 1, run.length, 1);
      range.values = values;
      if (first.font !== undefined) range.format.font.name = first.font;
    });
    i = j;
  }
}

/** The record's form of a repair, as it will sit in the custom XML part (quotes escaped). */
function recordBytes(r: TextRepairRecord): number {
  return utf8Bytes(JSON.stringify(r).replace(/"/g, "&quot;")) + 1;
}

/**
 * Write text fixes (a finding's cell, or every such cell of its column), recording each original
 * so that "Xóa đánh dấu" puts it back. Cells changed since the check are skipped.
 * Syncs: two for the sheets and our part, one per payload budget of reads (usually one), one for
 * the record, one per budget of writes.
 * @example const r = await applyTextFixes(officeHost(), fixTargets(fixes, finding).column);
 */
export async function applyTextFixes(host: ExcelHost, fixes: readonly TextFix[]): Promise<TextFixResult> {
  try {
    return await host.run(RUN_OPTIONS, (ctx) => applyInSession(new Session(ctx, host), fixes));
  } catch (e) {
    throw toEngineError(e, "fixing");
  }
}

async function applyInSession(session: Session, fixes: readonly TextFix[]): Promise<TextFixResult> {
  const { ctx } = session;
  const result: TextFixResult = { fixed: 0, skipped: 0, missing: 0, notDone: 0, done: [], stats: session.stats };
  // 1. Sheets, their protection, our part.
  const worksheets = ctx.workbook.worksheets;
  worksheets.load("items/name,items/protection/protected");
  const parts = queueStateParts(ctx);
  await session.sync();
  const sheets = new Map<string, Excel.Worksheet>();
  const protectedSheets = new Set<string>();
  for (const ws of worksheets.items) {
    sheets.set(ws.name, ws);
    if (ws.protection.protected) protectedSheets.add(ws.name);
  }
  // One fix per cell (the first wins), on sheets that still exist.
  const unique = new Map<string, TextFix>();
  for (const f of fixes) {
    if (!sheets.has(f.sheet)) result.missing++;
    else if (!unique.has(keyOf(f.sheet, f.row, f.col))) unique.set(keyOf(f.sheet, f.row, f.col), f);
  }
  // 2. Our part's XML and the cells as they are now, in the same sync.
  const readState = queueStateXml(parts);
  const readCells = await queueReadCells(session, sheets, [...unique.values()].map((f) => ({ sheet: f.sheet, row: f.row, col: f.col, font: f.fontName !== undefined })));
  await session.sync();
  const state = readState();
  if (state.foreignRecord) throw new EngineError("excel.unknownRecord");
  const now = readCells();
  const todo = [...unique.values()].filter((f) => {
    const ok = holds(now.get(keyOf(f.sheet, f.row, f.col)), f.original);
    if (!ok) result.skipped++;
    return ok;
  });
  for (const f of todo) if (protectedSheets.has(f.sheet)) throw new EngineError("excel.protectedSheet", { sheet: f.sheet });
  if (todo.length === 0) return result;

  // 3. The record first: each original, merged with an earlier repair of the same cell (its original stays).
  const base: ChangeRecord = state.record ? { ...state.record, cells: [...state.record.cells], sheets: [...state.record.sheets] } : emptyChangeRecord("addin");
  const repairs = [...(base.textRepairs ?? [])];
  const index = new Map(repairs.map((r, i) => [`${r.sheet}\u0000${r.cell}`, i]));
  let bytes = utf8Bytes(settingsXml({ ...state.settings, [CHANGES_KEY]: JSON.stringify(base) }));
  const limit = PAYLOAD_BUDGET_BYTES - 64 * 1024;
  const writes: Write[] = [];
  for (const f of todo) {
    const cell = now.get(keyOf(f.sheet, f.row, f.col))!;
    const at = index.get(`${f.sheet}\u0000${f.cell}`);
    const earlier = at === undefined ? undefined : repairs[at];
    let entry: TextRepairRecord;
    if (earlier && earlier.text === f.original && repairOriginalText(earlier) !== undefined) {
      // Repaired before (the CLI decoded it, say) and unchanged since: undo goes back to the first original.
      entry = { ...earlier, text: f.to, kind: f.kind };
      if (f.fontName !== undefined && earlier.fontName === undefined && cell.font !== undefined) entry.fontName = cell.font;
      if (f.fontName !== undefined) entry.newFontName = f.fontName;
    } else {
      entry = { sheet: f.sheet, cell: f.cell, original: f.original, text: f.to, kind: f.kind };
      if (f.fontName !== undefined) {
        const before = cell.font ?? f.fromFont;
        if (before !== undefined) entry.fontName = before;
        entry.newFontName = f.fontName;
      }
    }
    const grow = recordBytes(entry) - (earlier ? recordBytes(earlier) : 0);
    if (bytes + grow > limit) {
      result.notDone++;
      continue;
    }
    bytes += grow;
    if (at === undefined) {
      index.set(`${f.sheet}\u0000${f.cell}`, repairs.length);
      repairs.push(entry);
    } else repairs[at] = entry;
    const w: Write = { sheet: f.sheet, row: f.row, col: f.col, text: f.to, numberFormat: cell.numberFormat };
    if (f.fontName !== undefined) w.font = f.fontName;
    writes.push(w);
    result.done.push(f);
  }
  if (writes.length === 0) return result;
  // The record is the add-in's from now on (the CLI's `clear` then leaves it alone rather than drop it as its own).
  const record: ChangeRecord = { ...base, by: "addin", at: new Date().toISOString(), textRepairs: repairs };
  await queueSaveRecord(session, state, record);
  await session.flush();

  // 4. The texts (and fonts).
  await queueWrites(session, sheets, writes);
  await session.flush();
  result.fixed = writes.length;
  return result;
}

/**
 * The undo of text repairs inside "Xóa đánh dấu": queue the reads now (they ride along the
 * clear's own read sync); after that sync, the returned function queues the writes and says
 * what was done. A repair whose cell no longer holds our text is not touched (the user's value
 * is kept); one recorded without the text written (an older record) is kept in the record.
 */
export async function queueTextUndo(session: Session, sheets: Map<string, Excel.Worksheet>, repairs: readonly TextRepairRecord[]): Promise<() => Promise<TextUndoResult>> {
  const result: TextUndoResult = { restored: 0, kept: 0, missing: 0, remaining: [] };
  const undoable: { r: TextRepairRecord; row: number; col: number; original: string }[] = [];
  for (const r of repairs) {
    const original = repairOriginalText(r);
    const p = parseCellAddress(r.cell);
    if (original === undefined || !p) result.remaining.push(r);
    else if (!sheets.has(r.sheet)) result.missing++;
    else undoable.push({ r, row: p.row, col: p.col, original });
  }
  const readCells = await queueReadCells(session, sheets, undoable.map((u) => ({ sheet: u.r.sheet, row: u.row, col: u.col, font: false })));
  return async () => {
    const now = readCells();
    const writes: Write[] = [];
    for (const u of undoable) {
      const cell = now.get(keyOf(u.r.sheet, u.row, u.col));
      if (!holds(cell, u.r.text!)) {
        result.kept++;
        continue;
      }
      const w: Write = { sheet: u.r.sheet, row: u.row, col: u.col, text: u.original, numberFormat: cell!.numberFormat };
      if (u.r.fontName !== undefined) w.font = u.r.fontName;
      writes.push(w);
    }
    await queueWrites(session, sheets, writes);
    result.restored = writes.length;
    return result;
  };
}

/** The sheets text repairs are on (for the protection check before a clear writes). */
export function repairSheets(repairs: readonly TextRepairRecord[] | undefined): string[] {
  return [...new Set((repairs ?? []).filter((r) => repairOriginalText(r) !== undefined).map((r) => r.sheet))];
}
