/**
 * HTML tables saved with an Excel name → the core's {@link WorkbookGrid}. Two real sources
 * (roster-formats.md §1): the JavaScript `tableToExcel(…, 'x.xls')` export (a bare `<table>` in
 * UTF-8), and Excel's own "Save as Web page" (CSS classes with `font-family:"\.VnTimeH"` and
 * `mso-number-format`, `x:num` values, `x:fmla` formulas, Windows-1252 text).
 *
 * What is read: every top-level `<table>` as a sheet (named from the page's `<x:Name>` list or
 * its `<title>`), rows and cells with `rowspan`/`colspan` placed as a browser does (→ merged
 * areas), cell text with `<br>` as a line break, numbers where Excel marked them (`x:num`;
 * everything else stays text as written, so "001085012345" keeps its zeros), number formats and
 * fonts from inline styles, classes (with `mso-style-parent`) and `<font face>` / `font-family`
 * runs, hidden rows and columns (`display:none`), the charset (BOM, `<meta>`, else UTF-8 or
 * Windows-1252).
 *
 * Not read: MHTML ("single file web page") archives, frames of multi-sheet web pages (each sheet
 * is a separate file there), images, comments. Pages without a table, and pages cut short, get a
 * one-line message.
 */
import { EngineError } from "../core/errors";
import type { CellStyle, CellValue, SheetGrid, WorkbookGrid } from "../core/grid";
import { SheetGridBuilder } from "./sheetGridBuilder";
import { decodeDocument, decodeEntities } from "./textDecoding";

export interface ReadHtmlOptions {
  fileName?: string;
}

type Declarations = Map<string, string>;

/** CSS rules by selector: ".xl24", "td", "td.xl24", ".style0"… (the last declaration wins). */
function parseCss(css: string): Map<string, Declarations> {
  const rules = new Map<string, Declarations>();
  // A workbook's style sheet is a few kilobytes; a huge one is not read past 256 KB.
  const text = cutBlocks(css.slice(0, 256 * 1024), "/*", "*/").replace(/<!--|-->/g, "");
  const re = /([^{}@]+)\{([^{}]*)\}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const decls = parseDeclarations(m[2]);
    for (const sel of m[1].split(",")) {
      const key = sel.trim().toLowerCase();
      if (key === "") continue;
      const existing = rules.get(key);
      if (existing) for (const [k, v] of decls) existing.set(k, v);
      else rules.set(key, new Map(decls));
    }
  }
  return rules;
}

/** `a:b; c:"d;e"` → map (quoted values may hold semicolons). */
function parseDeclarations(s: string): Declarations {
  const out: Declarations = new Map();
  const re = /([\w-]+)\s*:\s*((?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^;"'])*)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) out.set(m[1].toLowerCase(), m[2].trim());
  return out;
}

/** A CSS value without its quotes and backslash escapes: `"\.VnTimeH", sans-serif` → first family ".VnTimeH". */
function cssString(v: string): string {
  const t = v.trim();
  const q = /^"((?:[^"\\]|\\.)*)"|^'((?:[^'\\]|\\.)*)'/.exec(t);
  const raw = q ? q[1] ?? q[2] : t.split(",")[0].trim();
  return raw.replace(/\\(.)/g, "$1");
}

const NAMED_FORMATS: Record<string, string> = {
  "short date": "dd/mm/yyyy",
  "medium date": "dd-mmm-yy",
  "long date": "dd mmmm yyyy",
  "general date": "dd/mm/yyyy h:mm",
  "short time": "h:mm",
  "medium time": "h:mm AM/PM",
  "long time": "h:mm:ss",
  percent: "0.00%",
  fixed: "0.00",
  standard: "#,##0.00",
};

function numberFormatOf(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const f = cssString(v);
  if (f === "" || /^general$/i.test(f)) return undefined;
  return NAMED_FORMATS[f.toLowerCase()] ?? f;
}

interface Attrs {
  [name: string]: string;
}

function parseAttrs(s: string): Attrs {
  const out: Attrs = {};
  const re = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) out[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  return out;
}

/** Style lookups for one page: class rules with `mso-style-parent`, element rules, inline styles. */
class PageStyles {
  private readonly interned = new Map<string, number>();
  readonly styles: CellStyle[] = [{}];
  constructor(private readonly rules: Map<string, Declarations>) {}

  private classRule(cls: string, prop: string, element: string, depth = 0): string | undefined {
    const c = cls.toLowerCase();
    const rule = this.rules.get(`${element}.${c}`) ?? this.rules.get(`.${c}`);
    if (!rule) return undefined;
    const v = rule.get(prop);
    if (v !== undefined) return v;
    const parent = rule.get("mso-style-parent");
    return parent && depth < 5 ? this.classRule(parent.trim(), prop, element, depth + 1) : undefined;
  }

  /** A property of an element: inline style, then its classes, then the element's own rule. */
  lookup(element: string, attrs: Attrs, prop: string): string | undefined {
    if (attrs.style) {
      const v = parseDeclarations(attrs.style).get(prop);
      if (v !== undefined) return v;
    }
    for (const cls of (attrs.class ?? "").split(/\s+/).filter((x) => x !== "")) {
      const v = this.classRule(cls, prop, element);
      if (v !== undefined) return v;
    }
    return this.rules.get(element)?.get(prop);
  }

  hidden(element: string, attrs: Attrs): boolean {
    return /^none\b/i.test(this.lookup(element, attrs, "display") ?? "");
  }

  intern(style: CellStyle): number {
    if (style.fontName === undefined && style.numberFormat === undefined) return 0;
    const key = `${style.numberFormat ?? ""}\u0000${style.fontName ?? ""}`;
    let id = this.interned.get(key);
    if (id === undefined) {
      id = this.styles.length;
      this.styles.push(style);
      this.interned.set(key, id);
    }
    return id;
  }
}

interface CellDraft {
  attrs: Attrs;
  text: string;
  /** Font of the first visible text, when an inner element (`<font face>`, `font-family`) sets one. */
  runFont?: string;
  fontDecided?: boolean;
  fontStack: (string | undefined)[];
}

interface SheetDraft {
  rows: { attrs: Attrs; cells: CellDraft[] }[];
  cols: { attrs: Attrs; span: number }[];
  tableAttrs: Attrs;
  closed: boolean;
}

/** A line break inside a cell (`<br>`, a block element), kept apart from the page's own white space. */
const BREAK = "\uE000";

const BLOCK_TAGS = new Set(["p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6"]);

/**
 * The text without its `open … close` blocks (case-insensitive; an unclosed block runs to the end),
 * each block given to `keep`. A scan with indexOf: linear whatever the input, unlike a lazy regex.
 */
function cutBlocks(s: string, open: string, close: string, keep?: (block: string) => void): string {
  const lower = s.toLowerCase();
  let out = "";
  let i = 0;
  for (;;) {
    const a = lower.indexOf(open, i);
    if (a < 0) return out + s.slice(i);
    out += s.slice(i, a);
    const b = lower.indexOf(close, a + open.length);
    const end = b < 0 ? s.length : b + close.length;
    if (b >= 0) keep?.(s.slice(a, end));
    i = end;
  }
}

/** Walk the page's tags and text, collecting the top-level tables. */
function collectTables(html: string): SheetDraft[] {
  const tables: SheetDraft[] = [];
  let depth = 0;
  let current: SheetDraft | undefined;
  let row: SheetDraft["rows"][number] | undefined;
  let cell: CellDraft | undefined;
  const closeCell = () => {
    cell = undefined;
  };
  const closeRow = () => {
    closeCell();
    row = undefined;
  };
  // Linear on any input: a tag's text never runs past the next "<", even with a quote left open.
  const re = /<(\/?)([a-zA-Z][\w:-]*)((?:"[^"<]*"|'[^'<]*'|[^'"<>])*)>|([^<]+)|</g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html)) !== null) {
    if (m[4] !== undefined || (m[2] === undefined && m[0] === "<")) {
      if (cell) appendText(cell, m[4] ?? "<");
      continue;
    }
    const closing = m[1] === "/";
    const tag = m[2].toLowerCase();
    if (tag === "table") {
      if (!closing) {
        depth++;
        if (depth === 1) {
          current = { rows: [], cols: [], tableAttrs: parseAttrs(m[3]), closed: false };
          tables.push(current);
          row = undefined;
          cell = undefined;
        }
      } else if (depth > 0) {
        depth--;
        if (depth === 0 && current) {
          closeRow();
          current.closed = true;
          current = undefined;
        }
      }
      continue;
    }
    if (depth === 0 || !current) continue;
    if (depth > 1) {
      // A table inside a cell: its text belongs to the outer cell.
      if (cell && !closing && (tag === "td" || tag === "th" || tag === "br" || tag === "tr")) appendText(cell, tag === "td" || tag === "th" ? " " : BREAK);
      continue;
    }
    switch (tag) {
      case "tr":
        if (closing) closeRow();
        else {
          closeRow();
          row = { attrs: parseAttrs(m[3]), cells: [] };
          current.rows.push(row);
        }
        break;
      case "td":
      case "th":
        if (closing) closeCell();
        else {
          if (!row) {
            row = { attrs: {}, cells: [] };
            current.rows.push(row);
          }
          cell = { attrs: parseAttrs(m[3]), text: "", fontStack: [] };
          row.cells.push(cell);
        }
        break;
      case "col":
        if (!closing) {
          const attrs = parseAttrs(m[3]);
          current.cols.push({ attrs, span: Math.max(1, Math.min(16384, Number(attrs.span) || 1)) });
        }
        break;
      case "br":
        if (cell) appendText(cell, BREAK);
        break;
      case "font":
      case "span":
        if (cell) {
          if (closing) cell.fontStack.pop();
          else {
            const attrs = parseAttrs(m[3]);
            const family = attrs.face !== undefined ? cssString(attrs.face) : attrs.style !== undefined ? fontOfStyle(attrs.style) : undefined;
            cell.fontStack.push(family ?? cell.fontStack[cell.fontStack.length - 1]);
          }
        }
        break;
      default:
        // A paragraph inside a cell starts a new line (once: "</p><p>" is one break).
        if (cell && BLOCK_TAGS.has(tag) && cell.text.trim() !== "" && !/\uE000\s*$/.test(cell.text)) appendText(cell, BREAK);
        break;
    }
  }
  return tables;
}

function fontOfStyle(style: string): string | undefined {
  const v = parseDeclarations(style).get("font-family");
  return v === undefined ? undefined : cssString(v);
}

function appendText(cell: CellDraft, raw: string): void {
  // The element around the first visible character decides (text outside any is in the cell's font).
  if (!cell.fontDecided && /[^\s\uE000]/.test(raw)) {
    cell.fontDecided = true;
    const font = cell.fontStack[cell.fontStack.length - 1];
    if (font !== undefined) cell.runFont = font;
  }
  cell.text += raw;
}

/** Cell text as a browser shows it: white space collapsed, entities decoded, `<br>` as a line break. */
function cellText(raw: string): string {
  return decodeEntities(raw.replace(/[ \t\r\n\f]+/g, " "))
    .split(BREAK)
    .map((line) => line.replace(/^[ \t\r\n\f]+|[ \t\r\n\f]+$/g, ""))
    .join("\n")
    .replace(/^\n+|\n+$/g, "");
}

function numberOf(s: string): number | undefined {
  const t = s.trim();
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\ and unique in the workbook. */
function sheetName(wanted: string | undefined, index: number, taken: Set<string>): string {
  let base = (wanted ?? "").replace(/[[\]:*?/\\]/g, " ").trim().slice(0, 31);
  if (base === "") base = `Sheet${index + 1}`;
  let name = base;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base.slice(0, 27)} (${k})`;
  taken.add(name.toLowerCase());
  return name;
}

function buildSheet(draft: SheetDraft, name: string, styles: PageStyles): SheetGrid {
  const b = new SheetGridBuilder();
  // Columns: hidden ones, and their class (a cell without a font of its own takes its column's).
  const colAttrs: Attrs[] = [];
  let col = 1;
  for (const c of draft.cols) {
    const hidden = styles.hidden("col", c.attrs);
    for (let k = 0; k < c.span; k++, col++) {
      colAttrs[col] = c.attrs;
      if (hidden) b.hiddenColumns.push(col);
    }
  }
  /** Cells taken by a rowspan from a row above: key row * 65536 + col. */
  const taken = new Set<number>();
  draft.rows.forEach((tr, i) => {
    const r = i + 1;
    if (styles.hidden("tr", tr.attrs)) b.hiddenRows.push(r);
    let c = 1;
    for (const td of tr.cells) {
      while (taken.has(r * 65536 + c)) c++;
      const colspan = Math.max(1, Math.min(1000, Math.floor(Number(td.attrs.colspan)) || 1));
      const rowspan = Math.max(1, Math.min(10000, Math.floor(Number(td.attrs.rowspan)) || 1));
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) if (dr > 0 || dc > 0) taken.add((r + dr) * 65536 + c + dc);
      if (colspan > 1 || rowspan > 1) b.merges.push({ top: r, left: c, bottom: r + rowspan - 1, right: c + colspan - 1 });
      // Style: the cell's own, else its row's, else its column's, else the td rule.
      const pick = (prop: string): string | undefined => styles.lookup("td", td.attrs, prop) ?? styles.lookup("tr", tr.attrs, prop) ?? (colAttrs[c] ? styles.lookup("col", colAttrs[c], prop) : undefined) ?? styles.lookup("table", draft.tableAttrs, prop);
      const family = pick("font-family");
      const style: CellStyle = {};
      if (family !== undefined) style.fontName = cssString(family);
      const fmt = numberFormatOf(pick("mso-number-format"));
      if (fmt !== undefined) style.numberFormat = fmt;
      b.style(r, c, styles.intern(style));
      const text = cellText(td.text);
      let value: CellValue = text;
      if (td.attrs["x:num"] !== undefined) value = numberOf(td.attrs["x:num"]) ?? numberOf(text) ?? text;
      else if (td.attrs["x:bool"] !== undefined) value = /^true$/i.test(td.attrs["x:bool"] || text);
      else if (td.attrs["x:str"] !== undefined && td.attrs["x:str"] !== "") value = td.attrs["x:str"];
      if (td.attrs["x:fmla"] !== undefined) b.formula(r, c, td.attrs["x:fmla"].replace(/^=/, ""));
      if (td.runFont !== undefined && td.runFont !== style.fontName) b.runFont(r, c, td.runFont);
      if (value !== "") b.value(r, c, value);
      c += colspan;
    }
  });
  return b.build(name);
}

/**
 * Read the tables of an HTML page saved as an Excel file.
 * @example const grid = readHtmlTable(bytes, { fileName: "Thongkecanbochongchucpx.xls" });
 */
export function readHtmlTable(bytes: Uint8Array, options: ReadHtmlOptions = {}): WorkbookGrid {
  const fileName = options.fileName ?? "";
  const html = decodeDocument(bytes);
  // Sheet names from Excel's workbook block (inside a conditional comment), and the page title.
  const names = [...html.matchAll(/<x:Name>([^<]*)<\/x:Name>/gi)].map((m) => decodeEntities(m[1]).trim());
  const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1];
  const css: string[] = [];
  let body = cutBlocks(html, "<style", "</style>", (block) => css.push(block.slice(block.indexOf(">") + 1, block.length - "</style>".length)));
  const styles = new PageStyles(parseCss(css.join("\n")));
  for (const [open, close] of [["<!--", "-->"], ["<script", "</script>"], ["<xml", "</xml>"]]) body = cutBlocks(body, open, close);
  body = body.replace(/<![^>]*>|<\?[^>]*>/g, "");
  const drafts = collectTables(body);
  if (drafts.length === 0) throw new EngineError("file.noTable", { file: fileName });
  if (drafts.some((d) => !d.closed)) throw new EngineError("file.truncatedText", { file: fileName, format: "HTML", missing: "</table>" });
  const taken = new Set<string>();
  const sheets = drafts.map((d, i) => buildSheet(d, sheetName(names[i] ?? (drafts.length === 1 ? title && decodeEntities(title).trim() : undefined), i, taken), styles));
  if (sheets.every((s) => s.rowCount === 0)) throw new EngineError("file.emptyWorkbook", { file: fileName });
  return { sheets, date1904: false, styles: styles.styles };
}
