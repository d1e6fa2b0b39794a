/**
 * Carry out an edit plan in the open workbook, and clear our marks.
 *
 * Order of a run (each step a few syncs, none per cell):
 * 1. the sheets, their protection, the workbook's tables and our custom XML part;
 * 2. a protected sheet we would write to, or a protected workbook structure when a sheet must be
 *    added, stops the run here with one clear message — before anything is written;
 * 3. stale marks of an earlier run (ours or the CLI's) are cleared first, so a second click
 *    re-runs cleanly;
 * 4. the fills of the cells to mark are read (fills.ts) and the change record is written to our
 *    custom XML part — before any mark;
 * 5. screen updating suspended (ExcelApi 1.9), marks by colour over address lists, notes or
 *    comments, our own sheets cleared and rewritten;
 * 6. print settings, in a sync of their own: where `pageLayout` fails they are skipped.
 */
import { parseCellAddress } from "../core/address";
import { emptyChangeRecord, type ChangeRecord, type MarkedCell } from "../core/changes";
import { EngineError } from "../core/errors";
import { HIGHLIGHT_FILLS, type EditPlan, type PlanSheet } from "../core/plan/types";
import { groupBy, type CellRef } from "./addresses";
import { toEngineError, type Step } from "./errors";
import { a1, cellKey, isOurMark, listSeparator, paintMark, paintOriginal, queueFill, readFills, toOriginalFill, type SheetCell } from "./fills";
import { RUN_OPTIONS, supports, type ExcelHost } from "./host";
import { MAX_MARKS } from "./limits";
import { locate, noteMode, noteText, queueFindNotes, queueRemoveOurNotes, type NoteMode } from "./notes";
import { Session, type SyncStats } from "./session";
import { queueOwnSheet, queuePrint, type OwnSheetTarget } from "./sheets";
import { queueSaveRecord, queueStateParts, queueStateXml, type StoredState } from "./state";
import { queueTextUndo, repairSheets } from "./repair";

/** What "Xóa đánh dấu" did. */
export interface ClearResult {
  /** Cells whose original fill was put back. */
  restored: number;
  /** Cells whose fill the user changed after we marked them: left as the user set them. */
  keptByUser: number;
  /** Recorded cells on sheets that no longer exist. */
  missing: number;
  /** Notes and comments of ours removed (the user's text above our marker kept). */
  notesRemoved: number;
  /** Who made the marks that were cleared. */
  by?: ChangeRecord["by"];
  /** Cells whose text we had rewritten (the pane's fixes, the CLI's `--fix-encoding`) given their original text back. */
  textsRestored: number;
  /** Rewritten cells the user changed since: the user's value kept. */
  textsKept: number;
  stats: SyncStats;
}

/** What a run of the plan did. */
export interface ApplyResult {
  /** Cells marked. */
  marked: number;
  /** Highlights left to the findings sheet only (past {@link MAX_MARKS}, or on a sheet not found). */
  notMarked: number;
  /** How finding texts went next to their cells. */
  noteMode: NoteMode;
  notesWritten: number;
  /** Cells that kept a comment of the user's, so ours was not added (threaded comments only). */
  notesSkipped: number;
  /** Our sheets, by the names used. */
  sheets: string[];
  /** False when `pageLayout` failed (print settings skipped). */
  printApplied: boolean;
  /** The clearing of an earlier run's marks, when there were any. */
  cleared?: ClearResult;
  stats: SyncStats;
}

interface Meta {
  sheets: Map<string, Excel.Worksheet>;
  /** Lower-case name → actual name. */
  byLowerName: Map<string, string>;
  protectedSheets: Set<string>;
  workbookProtected: boolean;
  tableNames: Set<string>;
}

/** Step 1: sheets, protection, tables, our part. Two syncs. */
async function loadMeta(session: Session, extra?: (meta: Meta) => Promise<void>): Promise<{ meta: Meta; state: StoredState }> {
  const { ctx } = session;
  const worksheets = ctx.workbook.worksheets;
  worksheets.load("items/name,items/protection/protected");
  const wbProtection = ctx.workbook.protection;
  wbProtection.load("protected");
  const tables = ctx.workbook.tables;
  tables.load("items/name");
  const parts = queueStateParts(ctx);
  await session.sync();
  const meta: Meta = { sheets: new Map(), byLowerName: new Map(), protectedSheets: new Set(), workbookProtected: wbProtection.protected, tableNames: new Set(tables.items.map((t) => t.name.toLowerCase())) };
  for (const ws of worksheets.items) {
    meta.sheets.set(ws.name, ws);
    meta.byLowerName.set(ws.name.toLowerCase(), ws.name);
    if (ws.protection.protected) meta.protectedSheets.add(ws.name);
  }
  const readState = queueStateXml(parts);
  if (extra) await extra(meta);
  await session.sync();
  return { meta, state: readState() };
}

function assertWritable(meta: Meta, sheets: Iterable<string>): void {
  for (const s of sheets) if (meta.protectedSheets.has(s)) throw new EngineError("excel.protectedSheet", { sheet: s });
}

function recordedCells(record: ChangeRecord, meta: Meta): { cells: (SheetCell & { marked: MarkedCell })[]; missing: number } {
  const cells: (SheetCell & { marked: MarkedCell })[] = [];
  let missing = 0;
  for (const m of record.cells) {
    const p = parseCellAddress(m.cell);
    if (!p || !meta.sheets.has(m.sheet)) missing++;
    else cells.push({ sheet: m.sheet, row: p.row, col: p.col, marked: m });
  }
  return { cells, missing };
}

/**
 * Step 3 (and "Xóa đánh dấu"): put recorded fills back, remove our notes, update the record.
 * With `texts` ("Xóa đánh dấu" only; a re-run keeps them and their record) the rewritten texts
 * go back too (repair.ts).
 */
async function clearInSession(session: Session, meta: Meta, state: StoredState, texts = false): Promise<ClearResult> {
  const record = state.record;
  const result: ClearResult = { restored: 0, keptByUser: 0, missing: 0, notesRemoved: 0, textsRestored: 0, textsKept: 0, stats: session.stats };
  const textSheets = texts ? repairSheets(record?.textRepairs) : [];
  if (!record || (record.cells.length === 0 && textSheets.length === 0)) return result;
  result.by = record.by;
  const { cells, missing } = recordedCells(record, meta);
  result.missing = missing;
  const sheetNames = new Set(cells.map((c) => c.sheet));
  assertWritable(meta, [...sheetNames, ...textSheets.filter((s) => meta.sheets.has(s))]);

  const found = await queueFindNotes(session, meta.sheets, sheetNames, { notes: supports(session.host, "notes"), comments: supports(session.host, "comments") });
  const undoTexts = textSheets.length > 0 ? await queueTextUndo(session, meta.sheets, record.textRepairs ?? []) : undefined;
  const fills = await readFills(session, meta.sheets, cells);
  await session.flush();
  const notes = found();
  const anySheet = meta.sheets.get(cells[0]?.sheet ?? "") ?? [...meta.sheets.values()][0];
  const separator = cells.length > 0 ? await listSeparator(session, anySheet) : ",";

  for (const [sheet, group] of groupBy(cells, (c) => c.sheet)) {
    const ws = meta.sheets.get(sheet)!;
    const ours = group.filter((c) => {
      const f = fills.get(cellKey(c.sheet, c.row, c.col));
      return f !== undefined && isOurMark(f, c.marked.markColor);
    });
    result.keptByUser += group.length - ours.length;
    for (const [, same] of groupBy(ours, (c) => JSON.stringify(c.marked.fill))) {
      await queueFill(session, ws, same, separator, paintOriginal(same[0].marked.fill));
      result.restored += same.length;
    }
  }
  result.notesRemoved = await queueRemoveOurNotes(session, notes);
  const undone = undoTexts ? await undoTexts() : undefined;
  if (undone) {
    result.textsRestored = undone.restored;
    result.textsKept = undone.kept;
    result.missing += undone.missing;
  }
  // The record keeps our sheets (so a re-run knows them) and the text repairs not undone here; the marks are gone.
  const next: ChangeRecord = { ...emptyChangeRecord("addin"), at: new Date().toISOString(), sheets: record.sheets };
  const repairsLeft = undone ? undone.remaining : record.textRepairs;
  if (repairsLeft?.length) next.textRepairs = repairsLeft;
  await queueSaveRecord(session, state, next);
  await session.flush();
  return result;
}

/**
 * "Xóa đánh dấu": restore every recorded fill exactly (no fill stays no fill, white stays white),
 * for marks made by the add-in or by the CLI's annotated copy, leaving alone a cell whose fill the
 * user changed since; remove our notes. Our sheets stay (deleting a sheet breaks undo).
 */
export async function clearMarks(host: ExcelHost): Promise<ClearResult> {
  return runStep(host, "clearing", async (session) => {
    const { meta, state } = await loadMeta(session);
    if (state.foreignRecord) throw new EngineError("excel.unknownRecord");
    return clearInSession(session, meta, state, true);
  });
}

async function runStep<T>(host: ExcelHost, step: Step, body: (session: Session) => Promise<T>): Promise<T> {
  try {
    return await host.run(RUN_OPTIONS, (ctx) => body(new Session(ctx, host)));
  } catch (e) {
    throw toEngineError(e, step);
  }
}

/** Own sheet names: the plan's, or "name (2)" when a sheet of the user's (not in our record) has it. */
function ownTargets(plan: EditPlan, meta: Meta, ours: Set<string>): OwnSheetTarget[] {
  const taken = new Set<string>();
  return plan.sheets.map((p) => {
    for (let i = 1; ; i++) {
      const name = i === 1 ? p.name : `${p.name} (${i})`;
      const lower = name.toLowerCase();
      if (taken.has(lower)) continue;
      const existing = meta.byLowerName.get(lower);
      if (existing !== undefined && !ours.has(existing)) continue;
      taken.add(lower);
      return existing !== undefined ? { plan: p, name: existing, existing: meta.sheets.get(existing)! } : { plan: p, name };
    }
  });
}

const SEVERITY_ORDER = { error: 0, warning: 1 } as const;

/**
 * Carry out the plan: clear stale marks, record, mark, annotate, write our sheets.
 * @example const result = await applyPlan(officeHost(), plan);
 */
export async function applyPlan(host: ExcelHost, plan: EditPlan): Promise<ApplyResult> {
  return runStep(host, "marking", (session) => applyInSession(session, plan));
}

/**
 * The workbook's metadata and our sheets to write: the candidate sheets' tables and charts are
 * loaded along the metadata's second sync, then attached to the targets that already exist (their
 * table names become free again, as they are rewritten).
 */
async function loadOwnTargets(session: Session, plan: EditPlan) {
  const candidates = new Map<string, { tables: Excel.TableCollection; charts: Excel.ChartCollection }>();
  const { meta, state } = await loadMeta(session, async (m) => {
    for (const [name, ws] of m.sheets) {
      if (!plan.sheets.some((p) => name === p.name || name.startsWith(`${p.name} (`))) continue;
      const tables = ws.tables;
      tables.load("items/name");
      const charts = ws.charts;
      charts.load("items/name");
      candidates.set(name, { tables, charts });
    }
  });
  const targets = ownTargets(plan, meta, new Set(state.record?.sheets ?? []));
  for (const t of targets) {
    const c = candidates.get(t.name);
    if (t.existing && c) {
      t.tables = c.tables;
      t.charts = c.charts;
      for (const table of c.tables.items) meta.tableNames.delete(table.name.toLowerCase());
    }
  }
  return { meta, state, targets };
}

/**
 * Write our sheets, then their print settings in a sync of their own (Excel versions without
 * `pageLayout` skip them). Returns whether the print settings were applied.
 */
async function writeOwnSheets(session: Session, targets: OwnSheetTarget[], separator: Parameters<typeof queueOwnSheet>[2], tableNames: Set<string>): Promise<boolean> {
  const written: { ws: Excel.Worksheet; target: OwnSheetTarget }[] = [];
  for (const target of targets) written.push({ ws: await queueOwnSheet(session, target, separator, tableNames), target });
  await session.flush();
  if (written.length === 0) return true;
  try {
    queuePrint(written.map(({ ws, target }) => ({ ws, plan: target.plan })));
    await session.sync();
    return true;
  } catch {
    return false;
  }
}

async function applyInSession(session: Session, plan: EditPlan): Promise<ApplyResult> {
  const { ctx } = session;
  if (!supports(session.host, "base")) throw new EngineError("excel.apiNotSupported", { api: "RangeAreas, getCellProperties", set: "ExcelApi 1.9" });

  // 1. Metadata; the candidate own sheets' tables and charts ride along the second sync.
  const { meta, state, targets } = await loadOwnTargets(session, plan);

  // 2. Nothing is written unless everything we would write to is writable, and unless the marks
  // already in the workbook are ones we can undo.
  if (state.foreignRecord) throw new EngineError("excel.unknownRecord");
  const highlights = plan.highlights.filter((h) => meta.sheets.has(h.sheet));
  let notMarked = plan.highlights.length - highlights.length;
  highlights.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  if (highlights.length > MAX_MARKS) {
    notMarked += highlights.length - MAX_MARKS;
    highlights.length = MAX_MARKS;
  }
  const markSheets = new Set(highlights.map((h) => h.sheet));
  const { cells: staleCells } = state.record ? recordedCells(state.record, meta) : { cells: [] };
  assertWritable(meta, [...markSheets, ...staleCells.map((c) => c.sheet), ...targets.filter((t) => t.existing).map((t) => t.name)]);
  if (meta.workbookProtected && targets.some((t) => !t.existing)) throw new EngineError("excel.protectedWorkbook");

  // 3. An earlier run's marks go first.
  const cleared = state.record && state.record.cells.length > 0 ? await clearInSession(session, meta, state) : undefined;

  // 4. The fills and notes of the cells to mark, then the record.
  const mode = noteMode(session);
  const found = await queueFindNotes(session, meta.sheets, markSheets, { notes: mode === "notes", comments: mode === "comments" });
  const fills = await readFills(session, meta.sheets, highlights);
  await session.flush();
  const existing = found();
  const userNotes = await locate(session, existing.notes.map(({ sheet, note }) => ({ sheet, item: note })));
  const userComments = await locate(session, existing.comments.map((item) => ({ item })));
  const separator = highlights.length > 0 || targets.length > 0 ? await listSeparator(session, meta.sheets.get(highlights[0]?.sheet ?? "") ?? [...meta.sheets.values()][0]) : ",";

  // A run that writes no sheets of ours (the pane's "marks only") keeps the record of the ones an earlier run wrote.
  const ownSheets = plan.sheets.length === 0 ? [...(state.record?.sheets ?? [])].filter((n) => meta.sheets.has(n)) : targets.map((t) => t.name);
  const record: ChangeRecord = { ...emptyChangeRecord("addin"), at: new Date().toISOString(), sheets: ownSheets };
  if (state.record?.textRepairs?.length) record.textRepairs = state.record.textRepairs;
  for (const h of highlights) {
    const f = fills.get(cellKey(h.sheet, h.row, h.col));
    const cell: MarkedCell = { sheet: h.sheet, cell: a1(h), markColor: HIGHLIGHT_FILLS[h.severity], fill: f ? toOriginalFill(f) : { kind: "none" } };
    const userNote = mode === "notes" ? userNotes.get(`${h.sheet}\u0000${cell.cell}`)?.content : undefined;
    if (userNote !== undefined) cell.userNote = userNote;
    record.cells.push(cell);
  }
  await queueSaveRecord(session, state, record);
  await session.flush();

  // 5. Marks, notes, our sheets — with the screen still.
  if (supports(session.host, "base")) ctx.application.suspendScreenUpdatingUntilNextSync();
  for (const [sheet, group] of groupBy(highlights, (h) => h.sheet)) {
    const ws = meta.sheets.get(sheet)!;
    for (const [color, same] of groupBy(group, (h) => HIGHLIGHT_FILLS[h.severity])) await queueFill(session, ws, same as CellRef[], separator, paintMark(color));
  }
  let notesWritten = 0;
  let notesSkipped = 0;
  for (const h of highlights) {
    const a = a1(h);
    const key = `${h.sheet}\u0000${a}`;
    const text = noteText(h.note);
    if (mode === "notes") {
      const ws = meta.sheets.get(h.sheet)!;
      const own = userNotes.get(key);
      await session.add(text.length * 2 + 200, () => {
        if (own) own.content = `${own.content}\n${text}`;
        else ws.notes.add(a, text);
      });
      notesWritten++;
    } else if (mode === "comments") {
      if (userComments.has(key)) {
        notesSkipped++;
        continue;
      }
      await session.add(text.length * 2 + 200, () => ctx.workbook.comments.add(`${quoteSheet(h.sheet)}!${a}`, text));
      notesWritten++;
    }
  }
  const printApplied = await writeOwnSheets(session, targets, separator, meta.tableNames);
  const result: ApplyResult = { marked: highlights.length, notMarked, noteMode: mode, notesWritten, notesSkipped, sheets: targets.map((t) => t.name), printApplied, stats: session.stats };
  if (cleared) result.cleared = cleared;
  return result;
}

/** What {@link writePlanSheets} did. */
export interface WriteSheetsResult {
  /** Our sheets written, by the names used ("name (2)" when a sheet of the user's had the name). */
  sheets: string[];
  /** False when `pageLayout` failed (print settings skipped). */
  printApplied: boolean;
  stats: SyncStats;
}

/**
 * Write plan sheets of ours (cleared and rewritten as a run does), touching no marks: the marks
 * of an earlier check stay, and stay recorded, so "Xóa đánh dấu" still undoes them. The sheets
 * join our record, so a later call rewrites them instead of adding "(2)". The pane's
 * consolidation (issue 11) writes its summary sheets into the open workbook this way.
 * @example await writePlanSheets(officeHost(), planForConsolidation(merged).sheets)
 */
export async function writePlanSheets(host: ExcelHost, sheets: readonly PlanSheet[]): Promise<WriteSheetsResult> {
  return runStep(host, "marking", async (session) => {
    const { ctx } = session;
    const plan: EditPlan = { highlights: [], sheets: [...sheets] };
    const { meta, state, targets } = await loadOwnTargets(session, plan);
    if (state.foreignRecord) throw new EngineError("excel.unknownRecord");
    assertWritable(meta, targets.filter((t) => t.existing).map((t) => t.name));
    if (meta.workbookProtected && targets.some((t) => !t.existing)) throw new EngineError("excel.protectedWorkbook");
    const separator = targets.length > 0 ? await listSeparator(session, [...meta.sheets.values()][0]) : ",";
    // The record keeps its marks (and who made them); only our sheets are added to it.
    const names = targets.map((t) => t.name);
    const record: ChangeRecord = state.record ? { ...state.record, sheets: [...new Set([...state.record.sheets, ...names])] } : { ...emptyChangeRecord("addin"), at: new Date().toISOString(), sheets: names };
    await queueSaveRecord(session, state, record);
    await session.flush();
    if (supports(session.host, "base")) ctx.application.suspendScreenUpdatingUntilNextSync();
    const printApplied = await writeOwnSheets(session, targets, separator, meta.tableNames);
    return { sheets: names, printApplied, stats: session.stats };
  });
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
