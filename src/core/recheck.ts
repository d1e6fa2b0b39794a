/**
 * Live re-check (issue 9 item 3): after a run, the user edits or pastes rows of a roster sheet;
 * only those rows are read again, and the workbook-level work that depends on every record
 * (units, staff counts, duplicates, quotas, concurrency, the checks and the report) is redone from
 * the records kept in memory. Nothing else of the sheet is read again.
 *
 * The rows' reading reuses the reader itself (`readRecords` with `rows`, from the sheet layout
 * the run kept in `reading.stage`): the changed rows, plus the section rows above them, so each
 * person row gets the unit, category and village its section gives. What cannot be patched row
 * by row is not guessed: a change to the title rows or the header band, to a section, total or
 * footer row, a row that stops or starts being such a row, inserted or deleted rows, or a change
 * on a sheet that is not a roster asks for a full run.
 *
 * The outcome is the new basis (grid, result, highlights) and the difference with the previous
 * one: findings added and removed, cell marks to add, remove and update.
 */
import { validateReading, type ValidateOptions, type ValidationResult } from "./engine";
import type { FindingDraft } from "./findings/finding";
import { cellFontName, cellStyle, styleInterner, type CellValue, type SheetGrid, type WorkbookGrid } from "./grid";
import { planHighlights } from "./plan/build";
import type { PlanHighlight } from "./plan/types";
import { resolveReading, textFindings, type PersonRecord, type RosterLayout, type SheetsReading } from "./reader";
import { SheetCells } from "./reader/cells";
import { readRecords } from "./reader/records";
import type { Finding, Severity } from "./report/types";

/** What the last run left: the grid it read, its result (with the reading's stage), what it asked, the marks it made. */
export interface RecheckBasis {
  grid: WorkbookGrid;
  result: ValidationResult;
  options: ValidateOptions;
  /** The highlights the marks stand for (the plan's). */
  highlights: PlanHighlight[];
}

/** The new content of one changed row, as the adapter loaded it. */
export interface ChangedRow {
  row: number;
  /** `values[c - 1]`: the row's cells from column 1 (shorter arrays: the rest is empty). */
  values: CellValue[];
  /** The number format of each cell ("General" or absent: none). */
  numberFormats?: (string | undefined)[];
  /** The font of each cell. */
  fonts?: (string | undefined)[];
}

/** The changes of one sheet. */
export interface SheetChange {
  sheet: string;
  rows: ChangedRow[];
  /** Rows or cells were inserted or deleted (Office.js `changeType` other than an edit): the row numbers moved. */
  structural?: boolean;
}

/** Why a change cannot be re-checked row by row. */
export type FullRunReason = "structure" | "header" | "section" | "notRoster" | "noLayout";

/** Findings gained and lost, by severity. */
export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export type RecheckOutcome =
  | { kind: "fullRun"; reason: FullRunReason; sheet: string; row?: number }
  | {
      kind: "rechecked";
      basis: RecheckBasis;
      /** Rows read again. */
      rows: number;
      added: Finding[];
      removed: Finding[];
      addedBy: SeverityCounts;
      removedBy: SeverityCounts;
      marks: { add: PlanHighlight[]; remove: PlanHighlight[]; update: PlanHighlight[] };
    };

const isEmpty = (v: CellValue): boolean => v === undefined || v === null || v === "";

function rowIsBlank(values: readonly (CellValue | undefined)[] | undefined): boolean {
  if (!values) return true;
  for (const v of values) if (!isEmpty(v)) return false;
  return true;
}

/**
 * A copy of the grid with the changed rows' cells replaced (the other rows shared, not copied).
 * @example patchGrid(grid, [{ sheet: "DS", rows: [{ row: 9, values: ["1", "Lê Văn A"] }] }])
 */
export function patchGrid(grid: WorkbookGrid, changes: readonly SheetChange[]): WorkbookGrid {
  const styles = [...grid.styles];
  const styleOf = styleInterner(styles);
  const bySheet = new Map(changes.map((c) => [c.sheet, c]));
  const sheets = grid.sheets.map((sheet): SheetGrid => {
    const change = bySheet.get(sheet.name);
    if (!change) return sheet;
    const values = [...sheet.values];
    const styleIds = [...(sheet.styleIds ?? [])];
    let rowCount = sheet.rowCount;
    let columnCount = sheet.columnCount;
    for (const r of change.rows) {
      let out: CellValue[] | undefined;
      let ids: (number | undefined)[] | undefined;
      r.values.forEach((v, i) => {
        if (isEmpty(v)) return;
        (out ??= [])[i] = v;
        const id = styleOf(r.numberFormats?.[i], r.fonts?.[i]);
        if (id !== 0) (ids ??= [])[i] = id;
        columnCount = Math.max(columnCount, i + 1);
      });
      values[r.row - 1] = out;
      styleIds[r.row - 1] = ids;
      if (out) rowCount = Math.max(rowCount, r.row);
    }
    const copy: SheetGrid = { ...sheet, values, styleIds, rowCount, columnCount };
    if (sheet.runFonts) {
      // A rewritten cell's text runs are gone (its font is in its style now).
      const rows = new Set(change.rows.map((r) => r.row));
      copy.runFonts = Object.fromEntries(Object.entries(sheet.runFonts).filter(([k]) => !rows.has(Number(k.split(",")[0]))));
    }
    return copy;
  });
  return { ...grid, sheets, styles };
}

const findingKey = (f: Finding): string => JSON.stringify(f);
const highlightKey = (h: { sheet: string; row: number; col: number }): string => `${h.sheet}\u0000${h.row}\u0000${h.col}`;

function counts(list: readonly Finding[]): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of list) c[f.severity as Severity]++;
  return c;
}

/** The findings of `b` not in `a`, as a multiset. */
function minus(b: readonly Finding[], a: readonly Finding[]): Finding[] {
  const seen = new Map<string, number>();
  for (const f of a) {
    const k = findingKey(f);
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const out: Finding[] = [];
  for (const f of b) {
    const k = findingKey(f);
    const n = seen.get(k) ?? 0;
    if (n > 0) seen.set(k, n - 1);
    else out.push(f);
  }
  return out;
}

/** Marks to add, remove and update to go from `before` to `after`. */
export function highlightDelta(before: readonly PlanHighlight[], after: readonly PlanHighlight[]): { add: PlanHighlight[]; remove: PlanHighlight[]; update: PlanHighlight[] } {
  const old = new Map(before.map((h) => [highlightKey(h), h]));
  const add: PlanHighlight[] = [];
  const update: PlanHighlight[] = [];
  const kept = new Set<string>();
  for (const h of after) {
    const k = highlightKey(h);
    const o = old.get(k);
    if (!o) add.push(h);
    else {
      kept.add(k);
      if (o.severity !== h.severity || o.note !== h.note) update.push(h);
    }
  }
  const remove = before.filter((h) => !kept.has(highlightKey(h)));
  return { add, remove, update };
}

/** The rows of one roster sheet read again: its new records and findings, or why it cannot be. */
function rereadSheet(
  stage: SheetsReading,
  layout: RosterLayout,
  before: SheetGrid,
  grid: WorkbookGrid,
  after: SheetGrid,
  changed: ReadonlySet<number>,
): { records: PersonRecord[]; findings: FindingDraft[]; legacyCells: SheetsReading["legacyCells"]; text: FindingDraft[] } | { fullRun: FullRunReason; row: number } {
  const { band } = layout;
  const start = (band.indexRow ?? band.bottom) + 1;
  const rows = [...changed].sort((a, b) => a - b);
  if (rows[0] < start) return { fullRun: "header", row: rows[0] };
  const recordRows = new Set<number>();
  for (const r of stage.records) if (r.sheet === layout.sheet) recordRows.add(r.row);
  // Visit the changed rows and every row above them that was neither a person nor blank: the
  // sections (and totals) whose labels the person rows below inherit.
  const last = rows[rows.length - 1];
  const visit = new Set<number>(rows);
  for (let r = start; r < last; r++) if (!changed.has(r) && !recordRows.has(r) && !rowIsBlank(before.values[r - 1])) visit.add(r);
  const cells = new SheetCells(grid, after);
  const read = readRecords(cells, band, layout.mapping, { ...layout.options, rows: visit });
  const newRows = new Set(read.records.map((r) => r.row));
  for (const r of rows) {
    const wasPerson = recordRows.has(r);
    const isPerson = newRows.has(r);
    // A row that is (or was) a section, a total, a footer or a stray note shapes the rows below it.
    if ((!wasPerson && !rowIsBlank(before.values[r - 1])) || (!isPerson && !rowIsBlank(after.values[r - 1]))) return { fullRun: "section", row: r };
  }
  // Rows visited for their section labels were not persons before; they are not now.
  const stray = read.records.find((r) => !changed.has(r.row));
  if (stray) return { fullRun: "section", row: stray.row };
  const legacyCells = cells.legacyCells.filter((c) => changed.has(c.row)).map((c) => ({ sheet: layout.sheet, ...c }));
  return { records: read.records, findings: read.findings, legacyCells, text: textFindings(layout.sheet, cells) };
}

/**
 * Re-check changed rows of roster sheets against the last run.
 * @example const out = recheckRows(basis, [{ sheet: "DS CBCC", rows: [{ row: 12, values }] }]);
 *          if (out.kind === "rechecked") apply(out.marks);
 */
export function recheckRows(basis: RecheckBasis, changes: readonly SheetChange[]): RecheckOutcome {
  const stage = basis.result.reading.stage;
  // A row pasted over with what it held (a block copied across a section row) has not changed.
  const real = changes
    .map((c) => {
      const sheet = basis.grid.sheets.find((s) => s.name === c.sheet);
      return sheet ? { ...c, rows: c.rows.filter((r) => !sameRow(basis.grid, sheet, r)) } : c;
    })
    .filter((c) => c.rows.length > 0 || c.structural);
  if (real.length === 0) {
    const zero: SeverityCounts = { error: 0, warning: 0, info: 0 };
    return { kind: "rechecked", basis, rows: 0, added: [], removed: [], addedBy: zero, removedBy: { ...zero }, marks: { add: [], remove: [], update: [] } };
  }
  for (const c of real) {
    if (c.structural) return { kind: "fullRun", reason: "structure", sheet: c.sheet };
    const rep = basis.result.reading.sheets.find((s) => s.name === c.sheet);
    if (!rep || rep.role !== "roster") return { kind: "fullRun", reason: "notRoster", sheet: c.sheet };
    if (!stage || !stage.layouts.some((l) => l.sheet === c.sheet)) return { kind: "fullRun", reason: "noLayout", sheet: c.sheet };
  }
  const grid = patchGrid(basis.grid, real);
  let records = stage ? stage.records : [];
  let findings = stage ? stage.findings : [];
  let legacyCells = stage ? stage.legacyCells : [];
  let sheets = stage ? stage.sheets : [];
  let rowsRead = 0;
  for (const c of real) {
    const layout = stage!.layouts.find((l) => l.sheet === c.sheet)!;
    const before = basis.grid.sheets.find((s) => s.name === c.sheet)!;
    const after = grid.sheets.find((s) => s.name === c.sheet)!;
    const changed = new Set(c.rows.map((r) => r.row));
    const got = rereadSheet(stage!, layout, before, grid, after, changed);
    if ("fullRun" in got) return { kind: "fullRun", reason: got.fullRun, sheet: c.sheet, row: got.row };
    rowsRead += changed.size;
    const onRow = (f: { sheet?: string; row?: number }) => f.sheet === c.sheet && f.row !== undefined && changed.has(f.row);
    // Records: the sheet's others kept in place, the changed rows' new ones in row order.
    const first = records.findIndex((r) => r.sheet === c.sheet);
    const mine = records.filter((r) => r.sheet === c.sheet && !changed.has(r.row)).concat(got.records).sort((a, b) => a.row - b.row);
    const at = first >= 0 ? first : insertionPoint(records, sheets, c.sheet);
    records = [...records.slice(0, at).filter((r) => r.sheet !== c.sheet), ...mine, ...records.slice(at).filter((r) => r.sheet !== c.sheet)];
    // Findings: the changed rows' cell findings replaced; a column told for the first time added.
    const columnSeen = new Set(findings.filter((f) => f.sheet === c.sheet && f.row === undefined && f.col !== undefined).map((f) => `${f.rule}\u0000${f.col}`));
    const newText = got.text.filter((f) => (f.row === undefined ? f.col !== undefined && !columnSeen.has(`${f.rule}\u0000${f.col}`) : changed.has(f.row)));
    findings = [...findings.filter((f) => !onRow(f)), ...got.findings, ...newText];
    legacyCells = [...legacyCells.filter((l) => !onRow(l)), ...got.legacyCells];
    sheets = sheets.map((s) => {
      if (s.name !== c.sheet) return s;
      const rep = { ...s, records: mine.length };
      delete rep.firstDataRow;
      delete rep.lastDataRow;
      if (mine.length > 0) {
        rep.firstDataRow = mine[0].row;
        rep.lastDataRow = mine[mine.length - 1].row;
      }
      return rep;
    });
  }
  const nextStage: SheetsReading = { ...stage!, sheets, records, findings, legacyCells };
  const reading = resolveReading(nextStage);
  const result = validateReading(grid, reading, basis.options);
  const highlights = planHighlights(result.report, result.reading);
  const added = minus(result.report.findings, basis.result.report.findings);
  const removed = minus(basis.result.report.findings, result.report.findings);
  return {
    kind: "rechecked",
    basis: { grid, result, options: basis.options, highlights },
    rows: rowsRead,
    added,
    removed,
    addedBy: counts(added),
    removedBy: counts(removed),
    marks: highlightDelta(basis.highlights, highlights),
  };
}

/** True when a loaded row holds what the grid has: the same values, number formats and fonts. */
function sameRow(grid: WorkbookGrid, sheet: SheetGrid, r: ChangedRow): boolean {
  const old = sheet.values[r.row - 1] ?? [];
  const width = Math.max(old.length, r.values.length);
  for (let c = 1; c <= width; c++) {
    const a = old[c - 1];
    const b = r.values[c - 1];
    if (isEmpty(a) && isEmpty(b)) continue;
    if (a !== b) return false;
    const style = cellStyle(grid, sheet, r.row, c);
    const nf = r.numberFormats?.[c - 1];
    if ((style.numberFormat ?? "General") !== (nf && nf !== "" ? nf : "General")) return false;
    if (r.fonts !== undefined && (cellFontName(grid, sheet, r.row, c) ?? "") !== (r.fonts[c - 1] ?? "")) return false;
  }
  return true;
}

/** Where a sheet's first record goes when it had none: after the records of the sheets before it. */
function insertionPoint(records: readonly PersonRecord[], sheets: readonly { name: string }[], sheet: string): number {
  const order = new Map(sheets.map((s, i) => [s.name, i]));
  const mine = order.get(sheet) ?? 0;
  const i = records.findIndex((r) => (order.get(r.sheet) ?? 0) > mine);
  return i < 0 ? records.length : i;
}
