/**
 * The record of what the tool changed in a workbook, kept in our custom XML part
 * (settings.ts, key {@link CHANGES_KEY}) so that "clear" can restore everything exactly —
 * from the CLI's annotated copy or from the add-in, whichever made the marks.
 *
 * A cell's original fill is recorded in terms both adapters understand: the file adapter
 * also keeps the cell's original style index (exact in the package), the Excel adapter the
 * fill as Office.js reports it (colour, pattern, tintAndShade — "no fill" and white both read
 * as #FFFFFF, and no fill is restored with `fill.clear()`).
 */

export const CHANGES_KEY = "hoso.changes";

/** A cell's fill as it was before we marked it. */
export type OriginalFill =
  | { kind: "none" }
  | { kind: "solid"; color: string }
  | { kind: "pattern"; pattern: string; color?: string; patternColor?: string; tintAndShade?: number };

export interface MarkedCell {
  sheet: string;
  /** A1 address. */
  cell: string;
  /** The fill we put (RRGGBB): a cell whose fill differs from it now was changed by the user and is left alone. */
  markColor: string;
  fill: OriginalFill;
  /** File adapter: the cell's original style index (`s`), or -1 when the cell element did not exist. */
  styleIndex?: number;
  /** The user's note text before ours was appended (absent: the cell had no note). */
  userNote?: string;
}

/**
 * A cell whose text we rewrote (the CLI's `--fix-encoding`, the pane's "Sửa thành …"). A repair
 * with `text` can be undone by either adapter: the cell gets `originalText ?? original` back (and
 * its font, when `fontName` is given) if it still holds `text`; the user's later edit is kept.
 */
export interface TextRepairRecord {
  sheet: string;
  cell: string;
  /** The text as it was (the add-in); the file adapter's record puts the original `<c>` element here. */
  original: string;
  styleIndex?: number;
  /** The text as it was, when `original` is not it (the file adapter's records). */
  originalText?: string;
  /** The text we wrote. */
  text?: string;
  /** The cell's font name before, when the repair changed the font. */
  fontName?: string;
  /** The font the repair gave. */
  newFontName?: string;
  /** What the repair was. */
  kind?: "suggestion" | "legacyEncoding";
}

/** The text a repair put back on undo; undefined for a record that cannot be undone by text (an old CLI record). */
export function repairOriginalText(r: TextRepairRecord): string | undefined {
  if (r.text === undefined) return undefined;
  return r.originalText ?? r.original;
}

export interface ChangeRecord {
  version: 1;
  /** Who made the marks: "cli" (the annotated copy) or "addin". */
  by: "cli" | "addin";
  /** ISO date-time of the run. */
  at?: string;
  cells: MarkedCell[];
  /** Our own sheets, by name (a suffix was added when a user's sheet had the name). */
  sheets: string[];
  textRepairs?: TextRepairRecord[];
}

/** An empty record. */
export function emptyChangeRecord(by: ChangeRecord["by"]): ChangeRecord {
  return { version: 1, by, cells: [], sheets: [] };
}

/**
 * Parse a stored record; undefined for anything that is not one (never throws).
 * @example parseChangeRecord(JSON.stringify(emptyChangeRecord("cli")))?.by // "cli"
 */
export function parseChangeRecord(json: string | undefined): ChangeRecord | undefined {
  if (!json) return undefined;
  try {
    const v = JSON.parse(json) as Partial<ChangeRecord>;
    if (v && v.version === 1 && Array.isArray(v.cells) && Array.isArray(v.sheets) && (v.by === "cli" || v.by === "addin")) return v as ChangeRecord;
  } catch {
    // not ours, or damaged: treated as no record
  }
  return undefined;
}
