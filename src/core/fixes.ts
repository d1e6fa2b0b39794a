/**
 * Fixes the tool can apply to a cell's text (issue 9 item 2): the suggestion of an unrecognized
 * value ("Đai học" → "Đại học") and the Unicode text of a TCVN3/VNI cell. Pure: the cells come
 * from the grid and the reading; the adapters write them (src/excel/repair.ts) and record every
 * original so that "Xóa đánh dấu" can put it back.
 *
 * A fix is offered only where writing it cannot lose anything the user wrote: the cell holds text
 * (not a formula, not a number), and a suggestion replaces the whole value only when it has as
 * many words as the value ("Cao đẳg sư phạm" is not turned into "Cao đẳng").
 */
import { cellAddress, columnNumber } from "./address";
import type { FindingDraft } from "./findings/finding";
import { cellValue, type WorkbookGrid } from "./grid";
import type { WorkbookReading } from "./reader";
import type { Finding, FindingFix } from "./report/types";
import { normalizeSpaces } from "./text/keys";

export type TextFixKind = FindingFix["kind"];

/** One cell a fix applies to. */
export interface TextFix {
  kind: TextFixKind;
  sheet: string;
  /** A1 address. */
  cell: string;
  row: number;
  col: number;
  /** The cell's value as stored (legacy text as written). */
  original: string;
  /** The text to write. */
  to: string;
  /** Legacy text: the Unicode font to give the cell (the legacy font's counterpart). */
  fontName?: string;
  /** Legacy text: the legacy font the cell's text was written in. */
  fromFont?: string;
}

/** Fields whose suggestion is a label of their vocabulary (gender's "Nam / Nữ" and the term's "1, 2, 3 …" are hints, not values). */
const SUGGESTION_FIELDS = new Set(["ethnicity", "professionalLevel", "politicalTheory", "stateManagement", "generalEducation"]);

/**
 * The Unicode font to give a cell converted from a legacy font: the face it imitated
 * (.VnTime / VNI-Times → Times New Roman; .VnArial / VNI-Helve → Arial). The same choice as
 * the CLI's `--fix-encoding` (plan/fromValidation.ts).
 */
function unicodeFont(legacyFont: string | undefined): string {
  const f = (legacyFont ?? "").toLowerCase();
  if (/arial|helve|swiss|univers/.test(f)) return "Arial";
  if (/courier|cour/.test(f)) return "Courier New";
  return "Times New Roman";
}

const words = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;

/** The stored text of a cell we may rewrite: a string value, no formula. */
function storedText(grid: WorkbookGrid, sheetName: string, row: number, col: number): string | undefined {
  const sheet = grid.sheets.find((s) => s.name === sheetName);
  if (!sheet) return undefined;
  if (sheet.formulas?.[row - 1]?.[col - 1] !== undefined) return undefined;
  const v = cellValue(sheet, row, col);
  return typeof v === "string" && v.trim() !== "" ? v : undefined;
}

const key = (sheet: string, row: number, col: number) => `${sheet}\u0000${row}\u0000${col}`;

/** Legacy cells by position (sheet, row, col) → decoded text and font; only the positions in `only` when given. */
function legacyIndex(reading: WorkbookReading, only?: ReadonlySet<string>): Map<string, WorkbookReading["legacyCells"][number]> {
  const m = new Map<string, WorkbookReading["legacyCells"][number]>();
  if (only && only.size === 0) return m;
  for (const c of reading.legacyCells) {
    const k = key(c.sheet, c.row, c.col);
    if ((!only || only.has(k)) && !m.has(k)) m.set(k, c);
  }
  return m;
}

/** The unrecognized values that may have a suggestion fix. */
function suggestionCandidates(reading: WorkbookReading): FindingDraft[] {
  return reading.findings.filter((d) => d.rule === "data.unrecognizedValue" && typeof d.params.suggestion === "string" && d.sheet !== undefined && d.row !== undefined && d.col !== undefined);
}

/** The suggestion fix of one `data.unrecognizedValue` finding, when it has one. */
function suggestionFix(grid: WorkbookGrid, d: FindingDraft, legacy: Map<string, WorkbookReading["legacyCells"][number]>): TextFix | undefined {
  if (d.rule !== "data.unrecognizedValue" || d.sheet === undefined || d.row === undefined || d.col === undefined) return undefined;
  const { field, value, suggestion } = d.params;
  if (typeof suggestion !== "string" || typeof value !== "string" || typeof field !== "string" || !SUGGESTION_FIELDS.has(field)) return undefined;
  if (suggestion === value || words(suggestion) !== words(value)) return undefined;
  const original = storedText(grid, d.sheet, d.row, d.col);
  if (original === undefined) return undefined;
  const fix: TextFix = { kind: "suggestion", sheet: d.sheet, cell: cellAddress(d.row, d.col), row: d.row, col: d.col, original, to: suggestion };
  const l = legacy.get(key(d.sheet, d.row, d.col));
  if (l) {
    // A misspelling written in TCVN3/VNI: the suggestion is Unicode, so the font changes too.
    fix.fontName = unicodeFont(l.fontName);
    if (l.fontName !== undefined) fix.fromFont = l.fontName;
  } else if (normalizeSpaces(original) !== value) return undefined;
  return fix;
}

/** The fix of one legacy-encoded cell, when its text can be rewritten. */
function legacyFix(grid: WorkbookGrid, c: WorkbookReading["legacyCells"][number]): TextFix | undefined {
  const original = storedText(grid, c.sheet, c.row, c.col);
  if (original === undefined || original === c.text) return undefined;
  const fix: TextFix = { kind: "legacyEncoding", sheet: c.sheet, cell: cellAddress(c.row, c.col), row: c.row, col: c.col, original, to: c.text, fontName: unicodeFont(c.fontName) };
  if (c.fontName !== undefined) fix.fromFont = c.fontName;
  return fix;
}

/**
 * Every cell a fix applies to: the suggestion of each unrecognized value that has one, and each
 * legacy-encoded cell the reader decoded. Sheet order of the reading, then row, column.
 * @example textFixesOf(grid, result.reading).filter((f) => f.kind === "suggestion")
 */
export function textFixesOf(grid: WorkbookGrid, reading: WorkbookReading): TextFix[] {
  const legacy = legacyIndex(reading);
  const out: TextFix[] = [];
  for (const d of suggestionCandidates(reading)) {
    const f = suggestionFix(grid, d, legacy);
    if (f) out.push(f);
  }
  for (const c of legacy.values()) {
    const f = legacyFix(grid, c);
    if (f) out.push(f);
  }
  const order = new Map(grid.sheets.map((s, i) => [s.name, i]));
  return out.sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.row - b.row || a.col - b.col || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

/**
 * Put the `fix` of each finding that has one into the report's findings (in place): an
 * unrecognized value's suggestion on its cell, and a legacy-encoding column finding's decoded
 * text of its first cell. Cheap: the legacy cells are walked once, suggestions are per finding.
 */
export function attachFixes(findings: Finding[], grid: WorkbookGrid, reading: WorkbookReading): void {
  const candidates = suggestionCandidates(reading);
  const legacy = legacyIndex(reading, new Set(candidates.map((d) => key(d.sheet!, d.row!, d.col!))));
  const suggestions = new Map<string, TextFix>();
  for (const d of candidates) {
    const f = suggestionFix(grid, d, legacy);
    if (f) suggestions.set(`${f.sheet}\u0000${f.cell}`, f);
  }
  const firstOfColumn = new Map<string, TextFix>();
  const wanted = new Set(findings.filter((f) => f.rule === "data.legacyEncoding" && f.sheet !== undefined && f.column !== undefined).map((f) => `${f.sheet}\u0000${columnNumber(f.column!)}`));
  if (wanted.size > 0) {
    for (const c of reading.legacyCells) {
      const k = `${c.sheet}\u0000${c.col}`;
      if (!wanted.has(k)) continue;
      const prev = firstOfColumn.get(k);
      if (prev && prev.row <= c.row) continue;
      const f = legacyFix(grid, c);
      if (f) firstOfColumn.set(k, f);
    }
  }
  for (const f of findings) {
    if (f.rule === "data.unrecognizedValue" && f.sheet !== undefined && f.cell !== undefined) {
      const s = suggestions.get(`${f.sheet}\u0000${f.cell}`);
      if (s) f.fix = { kind: "suggestion", to: s.to };
    } else if (f.rule === "data.legacyEncoding" && f.sheet !== undefined && f.column !== undefined) {
      const l = firstOfColumn.get(`${f.sheet}\u0000${columnNumber(f.column)}`);
      if (l) f.fix = { kind: "legacyEncoding", to: l.to };
    }
  }
}

/** The cells a finding's fix applies to: its own cell, and every such cell of its column. */
export interface FixTargets {
  /** "Sửa thành …": the finding's cell (for a legacy column finding, the column's first legacy cell). */
  cell: TextFix[];
  /**
   * "Sửa cả cột": for a suggestion, every cell of the column with the same value (the same
   * replacement); for legacy text, every legacy-encoded cell of the column.
   */
  column: TextFix[];
}

/**
 * The fixes of a chosen finding, for "this cell" and for "all such cells in this column".
 * @example fixTargets(fixes, finding).column.length // "Sửa cả cột (3 ô)"
 */
export function fixTargets(fixes: readonly TextFix[], finding: Pick<Finding, "rule" | "sheet" | "cell" | "column" | "fix">): FixTargets {
  const none: FixTargets = { cell: [], column: [] };
  if (!finding.fix || finding.sheet === undefined || finding.column === undefined) return none;
  const col = columnNumber(finding.column);
  const kind = finding.fix.kind;
  if (kind === "suggestion") {
    const own = fixes.find((f) => f.kind === "suggestion" && f.sheet === finding.sheet && f.cell === finding.cell);
    if (!own) return none;
    return { cell: [own], column: fixes.filter((f) => f.kind === "suggestion" && f.sheet === own.sheet && f.col === own.col && f.original === own.original && f.to === own.to) };
  }
  const column = fixes.filter((f) => f.kind === "legacyEncoding" && f.sheet === finding.sheet && f.col === col);
  return { cell: column.slice(0, 1), column };
}
