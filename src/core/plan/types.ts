/**
 * The edit plan: what to write into a workbook, as plain data. The core builds it; the file
 * adapter (annotated copy, summary workbook) and the Excel adapter carry it out. Neither
 * adapter decides anything about rules or wording: everything they write is in the plan.
 *
 * Rows and columns are 1-based, as Excel shows them.
 */

/** Semantic styles; each adapter maps them to fonts, fills, borders and number formats. */
export type PlanStyle =
  | "title" // bold, larger, centred across the table
  | "subtitle" // bold, centred
  | "italic" // italic, centred (dates, notes under titles)
  | "header" // bold, wrapped, centred, bordered, light grey fill
  | "text" // bordered text
  | "textWrap" // bordered, wrapped text
  | "integer" // bordered, "#,##0"
  | "percent" // bordered, "0.0%"
  | "date" // bordered, "dd/mm/yyyy"
  | "totalText" // bold, bordered
  | "totalInteger"
  | "totalPercent"
  | "shortage" // bordered integer, amber text: below the assigned figure
  | "excess" // bordered integer, red text: above the assigned figure
  | "severityError" // bordered text on the error fill
  | "severityWarning"
  | "severityInfo"
  | "link" // bordered, blue underlined (hyperlinks)
  | "signatureTitle" // bold, centred, no border
  | "signatureNote" // italic, centred, no border
  | "plain"; // no border

/** A value written to a cell. Text is always written as text: never as a formula. */
export type PlanValue = string | number | null;

export interface PlanCell {
  value: PlanValue;
  style?: PlanStyle;
  /** A link to a cell of the workbook ("'DS CBCC'!C12" form is built by the adapter from these). */
  link?: { sheet: string; cell: string };
}

export interface PlanMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** An Excel table with filter buttons over a range of the sheet. */
export interface PlanTable {
  /** Table name (letters, digits, underscores; unique in the workbook). */
  name: string;
  headerRow: number;
  firstColumn: number;
  lastColumn: number;
  lastRow: number;
}

/** A clustered column chart of assigned against actual, per unit. */
export interface PlanChart {
  title: string;
  /** Category labels: rows `firstRow..lastRow` of `categoryColumn`. */
  categoryColumn: number;
  firstRow: number;
  lastRow: number;
  /** One series per column: the header cell gives its name. */
  series: { column: number; name: string }[];
  /** Where the chart sits (top-left cell, size in columns and rows). */
  anchor: { row: number; col: number; widthCols: number; heightRows: number };
}

export interface PlanPrint {
  orientation: "landscape" | "portrait";
  paper: "A4";
  fitToWidth: boolean;
  /** Rows repeated at the top of each printed page. */
  repeatRows?: { from: number; to: number };
}

/** Kinds of sheets the add-in owns. */
export type OwnSheetKind = "findings" | "staffing" | "quality" | "people" | "files" | "training" | "changes" | "starter";
// "starter": a sheet the task pane's first-run screen creates for the user to fill in ("Định biên",
// "Quy định", src/core/plan/starterSheets.ts). It is the user's from then on: never rewritten by a
// run, never removed by "Xóa đánh dấu", and never recorded as ours.

/** A sheet the add-in writes (and owns: a re-run replaces it, clear removes it). */
export interface PlanSheet {
  kind: OwnSheetKind;
  /** Preferred name; when a sheet of the user's has it, the adapter adds a suffix " (2)". */
  name: string;
  /** Column widths in characters, from column 1. */
  columnWidths: number[];
  /** Rows from row 1; `undefined` rows stay empty. Cells from column 1; `undefined` cells stay empty. */
  rows: ((PlanCell | undefined)[] | undefined)[];
  merges: PlanMerge[];
  table?: PlanTable;
  chart?: PlanChart;
  print: PlanPrint;
  /** Rows and columns to freeze (the header). */
  freeze?: { rows: number; columns: number };
  /** Tab colour, as RRGGBB. */
  tabColor?: string;
  /** Printed page breaks before these rows (e.g. so a chart starts on its own page). */
  pageBreaksBefore?: number[];
}

export type HighlightSeverity = "error" | "warning";

/** A mark on a cell of the user's sheet: a light fill and a note. */
export interface PlanHighlight {
  sheet: string;
  row: number;
  col: number;
  severity: HighlightSeverity;
  /** The note, Vietnamese, every finding of the cell. */
  note: string;
}

/** The fills of the highlights, as RRGGBB; light enough to read the text through. */
export const HIGHLIGHT_FILLS: Record<HighlightSeverity, string> = { error: "FFC7CE", warning: "FFEB9C" };

/** The marker that opens our part of a cell note (a user's note above it is kept). */
export const NOTE_MARKER = "— Kiểm tra hồ sơ —";

/** A legacy-encoded (TCVN3/VNI) cell to rewrite as Unicode, with a Unicode font (`--fix-encoding`). */
export interface PlanTextRepair {
  sheet: string;
  row: number;
  col: number;
  /** The Unicode text to write. */
  text: string;
  /** The Unicode font to give the cell (the legacy font's counterpart). */
  fontName: string;
  /** The cell's text as stored (legacy), so that the shared change record lets the add-in undo the repair too. */
  original?: string;
  /** The legacy font the text was written in. */
  fromFont?: string;
}

export interface EditPlan {
  highlights: PlanHighlight[];
  /** Only with `--fix-encoding`. */
  textRepairs?: PlanTextRepair[];
  /** Own sheets, in the order they are added after the user's sheets. */
  sheets: PlanSheet[];
}
