/**
 * Live re-check (issue 9 item 3): after a run, edits and pastes in the roster sheets are checked
 * again, for the changed rows only, and the marks follow — Excel's own data validation ignores
 * pasted values, this does not.
 *
 * - `Worksheet.onChanged` (ExcelApi 1.7) is registered on the roster sheets of the last run only
 *   (never on our own sheets), and removed on the context it was added in, as Office.js requires
 *   (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events, "Remove an event handler";
 *   the handlers do not outlive the add-in's page).
 * - Our own writes are not re-checked: while the add-in writes (`ownWrite`) and for a short quiet
 *   time after, events are dropped; where Excel tells the trigger (`triggerSource`, ExcelApi 1.14:
 *   "ThisLocalAddin" or "Unknown", Excel.WorksheetChangedEventArgs) that is what decides.
 * - Bursts are debounced (typing fires once per cell, a paste of 500 rows once): after a quiet
 *   {@link LiveOptions.debounceMs}, the changed rows of every sheet are loaded in one sync (values,
 *   number formats, fonts), patched into the grid kept in memory and re-checked by the core
 *   (src/core/recheck.ts); the whole sheet is never read again.
 * - The mark delta is applied exactly: a cell whose findings are gone gets its recorded fill back
 *   (unless the user recoloured it) and loses our part of its note; a newly flagged cell has its
 *   fill and note recorded before it is marked; the change record stays the list of what is
 *   marked, so "Xóa đánh dấu" still restores everything.
 * - Rows inserted or deleted, the header band, a section or total row: the pane is told a full run
 *   is needed, and listening stops (row numbers of the basis no longer hold).
 * - The result sheets are not rewritten: the pane says they are out of date until the next run.
 */
import { cellAddress, columnNumber, parseCellAddress } from "../core/address";
import type { MarkedCell } from "../core/changes";
import { EngineError } from "../core/errors";
import type { CellValue } from "../core/grid";
import { HIGHLIGHT_FILLS, NOTE_MARKER, type PlanHighlight } from "../core/plan/types";
import { recheckRows, type ChangedRow, type FullRunReason, type RecheckBasis, type SeverityCounts, type SheetChange } from "../core/recheck";
import type { Report } from "../core/report/types";
import { groupBy } from "./addresses";
import { toEngineError } from "./errors";
import { cellKey, isOurMark, listSeparator, paintMark, paintOriginal, queueFill, readFills, toOriginalFill, type FillState } from "./fills";
import { RUN_OPTIONS, supports, type ExcelHost } from "./host";
import { MAX_MARKS, PAYLOAD_BUDGET_BYTES } from "./limits";
import { locate, noteMode, noteText, queueFindNotes, userPart } from "./notes";
import { Session, type SyncStats } from "./session";
import { queueSaveRecord, queueStateParts, queueStateXml } from "./state";

/** Rows beyond which a change is not re-checked row by row (a whole column pasted, a sort). */
export const MAX_LIVE_ROWS = 20_000;

export interface LiveOptions {
  /** Quiet time before a burst of changes is re-checked (ms); default 400. */
  debounceMs?: number;
  /** After our own writes, events are ignored this long (ms) where Excel does not tell their trigger; default 600. */
  quietMs?: number;
}

/** What one re-check did, for the pane. */
export type LiveUpdate =
  | {
      kind: "rechecked";
      /** Rows read again. */
      rows: number;
      report: Report;
      added: SeverityCounts;
      removed: SeverityCounts;
      marks: { added: number; removed: number; updated: number; notMarked: number };
      /** Round trips: loading the rows, writing the marks. */
      syncs: { load: number; write: number };
    }
  | { kind: "needsFullRun"; reason: FullRunReason | "tooManyRows"; sheet: string; row?: number }
  | { kind: "failed"; error: EngineError };

export type LiveListener = (update: LiveUpdate) => void;

/** A running live re-check. */
export interface LiveHandle {
  /** The sheets listened to. */
  readonly sheets: readonly string[];
  /** True until stopped (also stopped when a full run is needed or a re-check failed). */
  readonly active: boolean;
  /** The basis the next re-check starts from (the last run's, then each re-check's). */
  basis(): RecheckBasis;
  /** Re-check what is pending now, without waiting for the debounce (tests, and before a stop). */
  flush(): Promise<void>;
  /** Remove the handlers (on the context they were added in). */
  stop(): Promise<void>;
}

// ------------------------------------------------------------------------------------------------
// Our own writes

/** Where an own write changed cells: a sheet's rows; none given means anywhere. */
export type OwnWriteScope = readonly { sheet: string; rows: readonly number[] }[];

let writing = 0;
let quietMs = 600;
/** Own writes just done: their events may still come (Excel fires them after the sync). */
let recent: { until: number; scope?: Map<string, Set<number>> }[] = [];

/**
 * Run a write of the add-in's own (marks, notes, text fixes) so that the changes it causes are
 * not re-checked as the user's. `scope`: the sheets and rows it writes, so that a user's edit
 * elsewhere in the quiet time after it is still re-checked.
 * @example await ownWrite(() => applyTextFixes(host, fixes), [{ sheet: "DS CBCC", rows: [12, 40] }]);
 */
export async function ownWrite<T>(write: () => Promise<T>, scope?: OwnWriteScope): Promise<T> {
  writing++;
  try {
    return await write();
  } finally {
    writing--;
    const entry: (typeof recent)[number] = { until: Date.now() + quietMs };
    if (scope) {
      entry.scope = new Map();
      for (const s of scope) {
        const rows = entry.scope.get(s.sheet) ?? new Set<number>();
        for (const r of s.rows) rows.add(r);
        entry.scope.set(s.sheet, rows);
      }
    }
    recent.push(entry);
  }
}

/** Whether a change event comes from our own writes: Excel's word where it gives it, else our own bookkeeping. */
function isOwnChange(args: Excel.WorksheetChangedEventArgs, sheet: string, rows: readonly number[]): boolean {
  const trigger = (args as { triggerSource?: string }).triggerSource;
  if (trigger !== undefined) return trigger === "ThisLocalAddin";
  if (writing > 0) return true;
  const now = Date.now();
  recent = recent.filter((e) => e.until > now);
  return recent.some((e) => {
    if (!e.scope) return true;
    const mine = e.scope.get(sheet);
    return mine !== undefined && rows.length > 0 && rows.every((r) => mine.has(r));
  });
}

// ------------------------------------------------------------------------------------------------
// The one live session of the page

let current: LiveSession | undefined;

/** Stop the live re-check, if one runs (a new run, "Xóa đánh dấu", the pane closing). */
export async function stopLive(): Promise<void> {
  const c = current;
  current = undefined;
  if (c) await c.stop();
}

/** The live re-check running now, if any. */
export function liveHandle(): LiveHandle | undefined {
  return current?.active ? current : undefined;
}

/** Rows of a changed address ("B12", "B12:F40", "12:14", "C:C" → every row; lists with "," or ";"). */
export function changedRows(address: string, lastRow: number): { rows: number[]; columns: number } {
  const rows = new Set<number>();
  let columns = 0;
  for (const part of address.split(/[,;]/)) {
    const a = part.trim().replace(/^.*!/, "").replace(/\$/g, "");
    if (a === "") continue;
    const [p, q = p] = a.split(":");
    if (/^\d+$/.test(p) && /^\d+$/.test(q)) {
      for (let r = Number(p); r <= Number(q); r++) rows.add(r);
      columns = Math.max(columns, 16384);
      continue;
    }
    if (/^[A-Za-z]+$/.test(p) && /^[A-Za-z]+$/.test(q)) {
      for (let r = 1; r <= Math.max(1, lastRow); r++) rows.add(r);
      columns = Math.max(columns, columnNumber(q.toUpperCase()));
      continue;
    }
    const from = parseCellAddress(p.toUpperCase());
    const to = parseCellAddress(q.toUpperCase());
    if (!from || !to) continue;
    for (let r = Math.min(from.row, to.row); r <= Math.max(from.row, to.row); r++) rows.add(r);
    columns = Math.max(columns, from.col, to.col);
  }
  return { rows: [...rows].sort((a, b) => a - b), columns };
}

/**
 * Start the live re-check from a run's basis: the handlers are added on the roster sheets in one
 * sync. Undefined when Excel has no worksheet events (below ExcelApi 1.7) or there is no roster.
 * A live re-check already running is stopped first.
 * @example const live = await startLive(host, result.basis, (u) => render(u));
 */
export async function startLive(host: ExcelHost, basis: RecheckBasis, listener: LiveListener, options: LiveOptions = {}): Promise<LiveHandle | undefined> {
  await stopLive();
  if (!supports(host, "events")) return undefined;
  const rosters = basis.result.reading.sheets.filter((s) => s.role === "roster").map((s) => s.name);
  if (rosters.length === 0) return undefined;
  if (options.quietMs !== undefined) quietMs = options.quietMs;
  const session = new LiveSession(host, basis, listener, options.debounceMs ?? 400);
  await session.register(rosters);
  current = session;
  return session;
}

interface Pending {
  rows: Set<number>;
  columns: number;
  structural: boolean;
}

class LiveSession implements LiveHandle {
  private results: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
  private context: Excel.RequestContext | undefined;
  private readonly nameById = new Map<string, string>();
  private pending = new Map<string, Pending>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  sheets: string[] = [];

  constructor(
    private readonly host: ExcelHost,
    private current: RecheckBasis,
    private readonly listener: LiveListener,
    private readonly debounceMs: number,
  ) {}

  get active(): boolean {
    return !this.stopped;
  }

  basis(): RecheckBasis {
    return this.current;
  }

  async register(names: string[]): Promise<void> {
    try {
      await this.host.run(RUN_OPTIONS, async (ctx) => {
        const worksheets = ctx.workbook.worksheets;
        worksheets.load("items/name,items/id");
        await ctx.sync();
        for (const ws of worksheets.items) {
          if (!names.includes(ws.name)) continue;
          this.nameById.set(ws.id, ws.name);
          this.results.push(ws.onChanged.add((args) => this.onChanged(args)));
        }
        await ctx.sync();
        this.context = ctx;
      });
    } catch (e) {
      throw toEngineError(e, "reading");
    }
    this.sheets = [...this.nameById.values()];
  }

  private onChanged(args: Excel.WorksheetChangedEventArgs): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const sheet = this.nameById.get(args.worksheetId);
    if (sheet === undefined) return Promise.resolve();
    const grid = this.current.grid.sheets.find((s) => s.name === sheet);
    const { rows, columns } = changedRows(args.address, grid?.rowCount ?? 0);
    if (isOwnChange(args, sheet, rows)) return Promise.resolve();
    const p = this.pending.get(sheet) ?? { rows: new Set<number>(), columns: 0, structural: false };
    this.pending.set(sheet, p);
    if (args.changeType !== "RangeEdited" && args.changeType !== "Unknown") p.structural = true;
    else {
      for (const r of rows) p.rows.add(r);
      p.columns = Math.max(p.columns, columns);
    }
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.debounceMs);
    return Promise.resolve();
  }

  async flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    // One re-check at a time; changes that come meanwhile wait for the next.
    while (this.running) await this.running;
    if (this.stopped || this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    this.running = this.recheck(batch).finally(() => (this.running = undefined));
    await this.running;
  }

  private async recheck(batch: Map<string, Pending>): Promise<void> {
    try {
      for (const [sheet, p] of batch) {
        if (p.structural) return await this.fullRun({ kind: "needsFullRun", reason: "structure", sheet });
        if (p.rows.size > MAX_LIVE_ROWS) return await this.fullRun({ kind: "needsFullRun", reason: "tooManyRows", sheet });
        // A change reaching the title rows or the header band (a whole column pasted) is told without loading anything.
        const rep = this.current.result.report.sheets.find((x) => x.name === sheet);
        const headerEnd = rep?.indexRow ?? Math.max(0, ...(rep?.headerRows ?? []));
        const top = Math.min(...p.rows);
        if (top <= headerEnd) return await this.fullRun({ kind: "needsFullRun", reason: "header", sheet, row: top });
      }
      const { changes, syncs: loadSyncs } = await this.loadRows(batch);
      const out = recheckRows(this.current, changes);
      if (out.kind === "fullRun") return await this.fullRun({ kind: "needsFullRun", reason: out.reason, sheet: out.sheet, ...(out.row !== undefined ? { row: out.row } : {}) });
      // Typed over with what the cells held: nothing to tell.
      if (out.rows === 0) return;
      const touched = [...out.marks.add, ...out.marks.remove, ...out.marks.update];
      const scope = [...groupBy(touched, (h) => h.sheet)].map(([sheet, hs]) => ({ sheet, rows: hs.map((h) => h.row) }));
      const written = await ownWrite(() => applyMarkDelta(this.host, out.marks), scope);
      // The marks now stand for this basis (told even when a stop came meanwhile: it waited for this).
      this.current = out.basis;
      this.listener({
        kind: "rechecked",
        rows: out.rows,
        report: out.basis.result.report,
        added: out.addedBy,
        removed: out.removedBy,
        marks: { added: written.added, removed: written.removed, updated: written.updated, notMarked: written.notMarked },
        syncs: { load: loadSyncs, write: written.stats.syncs },
      });
    } catch (e) {
      await this.detach();
      this.listener({ kind: "failed", error: e instanceof EngineError ? e : toEngineError(e, "rechecking") });
    }
  }

  private async fullRun(update: LiveUpdate): Promise<void> {
    await this.detach();
    this.listener(update);
  }

  /** The changed rows of every sheet, in one sync: values, number formats and fonts, from column 1. */
  private async loadRows(batch: Map<string, Pending>): Promise<{ changes: SheetChange[]; syncs: number }> {
    try {
      return await this.host.run(RUN_OPTIONS, async (ctx) => {
        const session = new Session(ctx, this.host, undefined, PAYLOAD_BUDGET_BYTES);
        const queued: { sheet: string; top: number; count: number; width: number; range: Excel.Range; fonts: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
        for (const [sheet, p] of batch) {
          const grid = this.current.grid.sheets.find((s) => s.name === sheet);
          const width = Math.max(1, grid?.columnCount ?? 1, Math.min(p.columns, Math.max(grid?.columnCount ?? 1, 200)));
          const ws = ctx.workbook.worksheets.getItem(sheet);
          const perBlock = Math.max(1, Math.floor(PAYLOAD_BUDGET_BYTES / (width * LOAD_CELL_BYTES)));
          for (const [top, count] of runs([...p.rows].sort((a, b) => a - b), perBlock)) {
            await session.add(count * width * LOAD_CELL_BYTES, () => {
              const range = ws.getRangeByIndexes(top - 1, 0, count, width);
              range.load("values,numberFormat");
              const fonts = range.getCellProperties({ format: { font: { name: true } } });
              queued.push({ sheet, top, count, width, range, fonts });
            });
          }
        }
        await session.flush();
        const bySheet = new Map<string, ChangedRow[]>();
        for (const q of queued) {
          const values = q.range.values as CellValue[][];
          const formats = q.range.numberFormat as unknown[][];
          const fonts = q.fonts.value;
          const list = bySheet.get(q.sheet) ?? [];
          for (let i = 0; i < q.count; i++) {
            list.push({
              row: q.top + i,
              values: values[i],
              numberFormats: formats[i].map((f) => (typeof f === "string" ? f : undefined)),
              fonts: fonts[i].map((c) => c.format?.font?.name ?? undefined),
            });
          }
          bySheet.set(q.sheet, list);
        }
        return { changes: [...bySheet.entries()].map(([sheet, rows]) => ({ sheet, rows })), syncs: session.stats.syncs };
      });
    } catch (e) {
      throw toEngineError(e, "reading");
    }
  }

  /** Stop: a re-check under way finishes first (a new run must not race its writes), then the handlers go. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
    while (this.running) await this.running;
    await this.detach();
  }

  /** Stop listening and remove the handlers, on the context they were added in. */
  private async detach(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
    if (current === this) current = undefined;
    const results = this.results;
    this.results = [];
    const ctx = this.context;
    if (results.length === 0 || !ctx) return;
    const remove = async (c: Excel.RequestContext) => {
      for (const r of results) r.remove();
      await c.sync();
    };
    try {
      if (this.host.runIn) await this.host.runIn(ctx, remove);
      else await remove(ctx);
    } catch {
      // The workbook is gone (closed, reloaded): so are its handlers.
    }
  }
}

/** Consecutive runs of sorted rows, at most `max` rows each: [top, count]. */
function runs(rows: number[], max: number): [number, number][] {
  const out: [number, number][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === r && last[1] < max) last[1]++;
    else out.push([r, 1]);
  }
  return out;
}

/** Bytes of one loaded cell: value, number format and font (a `getCellProperties` entry). */
const LOAD_CELL_BYTES = 90;

// ------------------------------------------------------------------------------------------------
// The mark delta

/** What writing a delta did. */
export interface DeltaResult {
  added: number;
  removed: number;
  updated: number;
  /** New marks left out (past {@link MAX_MARKS}, or on a sheet that is gone). */
  notMarked: number;
  /** Cells whose fill the user changed since we marked them: left as they are. */
  keptByUser: number;
  stats: SyncStats;
}

/**
 * Apply a mark delta: restore the recorded fill and note of cells no longer flagged, repaint and
 * re-annotate cells whose findings changed, record then mark new cells; the change record is
 * rewritten to list exactly the marked cells. A few syncs, none per cell.
 */
export async function applyMarkDelta(host: ExcelHost, delta: { add: readonly PlanHighlight[]; remove: readonly PlanHighlight[]; update: readonly PlanHighlight[] }): Promise<DeltaResult> {
  const empty = delta.add.length + delta.remove.length + delta.update.length === 0;
  if (empty) return { added: 0, removed: 0, updated: 0, notMarked: 0, keptByUser: 0, stats: { syncs: 0, largestRequestBytes: 0, largestResponseBytes: 0 } };
  try {
    return await host.run(RUN_OPTIONS, (ctx) => deltaInSession(new Session(ctx, host), delta));
  } catch (e) {
    throw toEngineError(e, "marking");
  }
}

async function deltaInSession(session: Session, delta: { add: readonly PlanHighlight[]; remove: readonly PlanHighlight[]; update: readonly PlanHighlight[] }): Promise<DeltaResult> {
  const { ctx } = session;
  const result: DeltaResult = { added: 0, removed: 0, updated: 0, notMarked: 0, keptByUser: 0, stats: session.stats };
  // 1. Sheets and our part.
  const worksheets = ctx.workbook.worksheets;
  worksheets.load("items/name");
  const parts = queueStateParts(ctx);
  await session.sync();
  const sheets = new Map(worksheets.items.map((ws) => [ws.name, ws]));
  const readState = queueStateXml(parts);
  // 2. The record, the fills and the notes of the cells concerned.
  const mode = noteMode(session);
  const cells = [...delta.remove, ...delta.update, ...delta.add].filter((h) => sheets.has(h.sheet));
  const sheetNames = new Set(cells.map((c) => c.sheet));
  const found = await queueFindNotes(session, sheets, sheetNames, { notes: mode === "notes", comments: mode === "comments" });
  const fills = await readFills(session, sheets, cells);
  await session.flush();
  const state = readState();
  if (state.foreignRecord) throw new EngineError("excel.unknownRecord");
  const existing = found();
  const notes = await locate(session, existing.notes.map(({ sheet, note }) => ({ sheet, item: note })));
  const comments = await locate(session, existing.comments.map((item) => ({ item })));
  const record = state.record ?? { version: 1 as const, by: "addin" as const, cells: [], sheets: [] };
  const marked = new Map<string, MarkedCell>(record.cells.map((m) => [`${m.sheet}\u0000${m.cell}`, m]));
  const separator = cells.length > 0 ? await listSeparator(session, sheets.get(cells[0].sheet)!) : ",";

  const restore: { sheet: string; row: number; col: number; fill: MarkedCell["fill"] }[] = [];
  const paint: { sheet: string; row: number; col: number; color: string }[] = [];
  const noteOps: (() => void)[] = [];
  const fillOf = (h: PlanHighlight): FillState | undefined => fills.get(cellKey(h.sheet, h.row, h.col));
  /** Our note text put on a cell: after the user's part, replacing ours. */
  const writeNote = (h: PlanHighlight, a1: string) => {
    const text = noteText(h.note);
    const k = `${h.sheet}\u0000${a1}`;
    if (mode === "notes") {
      const note = notes.get(k);
      if (note) {
        const user = userPart(note.content);
        noteOps.push(() => (note.content = user === undefined ? text : `${user}\n${text}`));
      } else noteOps.push(() => sheets.get(h.sheet)!.notes.add(a1, text));
    } else if (mode === "comments") {
      const c = comments.get(k);
      if (c && c.content.includes(NOTE_MARKER)) noteOps.push(() => (c.content = text));
      else if (!c) noteOps.push(() => ctx.workbook.comments.add(`'${h.sheet.replace(/'/g, "''")}'!${a1}`, text));
    }
  };
  const dropNote = (sheet: string, a1: string) => {
    const k = `${sheet}\u0000${a1}`;
    if (mode === "notes") {
      const note = notes.get(k);
      if (note && note.content.includes(NOTE_MARKER)) {
        const keep = userPart(note.content);
        noteOps.push(() => (keep === undefined ? note.delete() : (note.content = keep)));
      }
    } else if (mode === "comments") {
      const c = comments.get(k);
      if (c && c.content.includes(NOTE_MARKER)) noteOps.push(() => c.delete());
    }
  };

  for (const h of delta.remove) {
    const a1 = cellAddress(h.row, h.col);
    const m = marked.get(`${h.sheet}\u0000${a1}`);
    if (!m || !sheets.has(h.sheet)) continue;
    const f = fillOf(h);
    if (f && isOurMark(f, m.markColor)) restore.push({ sheet: h.sheet, row: h.row, col: h.col, fill: m.fill });
    else result.keptByUser++;
    dropNote(h.sheet, a1);
    marked.delete(`${h.sheet}\u0000${a1}`);
    result.removed++;
  }
  const addOne = (h: PlanHighlight, a1: string) => {
    const already = marked.get(`${h.sheet}\u0000${a1}`);
    if (already) {
      // Marked already (a re-check told to no one): its recorded original stands.
      const color = HIGHLIGHT_FILLS[h.severity];
      const f = fillOf(h);
      if (color !== already.markColor && f && isOurMark(f, already.markColor)) paint.push({ sheet: h.sheet, row: h.row, col: h.col, color });
      if (f && isOurMark(f, already.markColor)) already.markColor = color;
      writeNote(h, a1);
      result.updated++;
      return;
    }
    if (!sheets.has(h.sheet) || marked.size >= MAX_MARKS) {
      result.notMarked++;
      return;
    }
    const f = fillOf(h);
    const m: MarkedCell = { sheet: h.sheet, cell: a1, markColor: HIGHLIGHT_FILLS[h.severity], fill: f ? toOriginalFill(f) : { kind: "none" } };
    const note = mode === "notes" ? notes.get(`${h.sheet}\u0000${a1}`) : undefined;
    const user = note ? userPart(note.content) : undefined;
    if (user !== undefined) m.userNote = user;
    marked.set(`${h.sheet}\u0000${a1}`, m);
    paint.push({ sheet: h.sheet, row: h.row, col: h.col, color: m.markColor });
    writeNote(h, a1);
    result.added++;
  };
  for (const h of delta.update) {
    const a1 = cellAddress(h.row, h.col);
    const m = marked.get(`${h.sheet}\u0000${a1}`);
    if (!m) {
      addOne(h, a1);
      continue;
    }
    const color = HIGHLIGHT_FILLS[h.severity];
    if (color !== m.markColor) {
      const f = fillOf(h);
      if (f && isOurMark(f, m.markColor)) paint.push({ sheet: h.sheet, row: h.row, col: h.col, color });
      m.markColor = color;
    }
    writeNote(h, a1);
    result.updated++;
  }
  for (const h of delta.add) addOne(h, cellAddress(h.row, h.col));

  // 3. The record first, then the fills and notes.
  const next = { ...record, at: new Date().toISOString(), cells: [...marked.values()] };
  await queueSaveRecord(session, state, next);
  for (const [sheet, group] of groupBy(restore, (c) => c.sheet)) {
    for (const [, same] of groupBy(group, (c) => JSON.stringify(c.fill))) await queueFill(session, sheets.get(sheet)!, same, separator, paintOriginal(same[0].fill));
  }
  for (const [sheet, group] of groupBy(paint, (c) => c.sheet)) {
    for (const [color, same] of groupBy(group, (c) => c.color)) await queueFill(session, sheets.get(sheet)!, same, separator, paintMark(color));
  }
  for (const op of noteOps) await session.add(400, op);
  await session.flush();
  return result;
}
