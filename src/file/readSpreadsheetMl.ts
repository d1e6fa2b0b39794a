/**
 * Excel 2003 XML (SpreadsheetML, `urn:schemas-microsoft-com:office:spreadsheet`) saved as .xls →
 * the core's {@link WorkbookGrid}. Public PHP exporters write it (roster-formats.md §1), and
 * Excel 2003–2019 save it as "XML Spreadsheet 2003".
 *
 * What is read: `Worksheet` (name, visibility from `WorksheetOptions`), `Table` / `Row` / `Cell`
 * with `ss:Index` (skipped rows and cells), `ss:MergeAcross` / `ss:MergeDown` (→ merged areas),
 * `Data ss:Type` String / Number / DateTime (→ a date serial with a date format) / Boolean /
 * Error, rich `ss:Data` (its HTML markup stripped, the first visible run's `html:Face` kept as a
 * run font), `ss:Formula` (marked), styles with `ss:Parent` (`Font ss:FontName` so .VnTime text
 * is decoded, `NumberFormat ss:Format`), row and column default styles, hidden rows and columns,
 * the 1904 date system. Element prefixes (`ss:Row`) are accepted.
 *
 * Not read: comments, named ranges, conditional formats, pivot caches. A file cut short (no
 * closing `</Workbook>`) is refused rather than read in part.
 */
import { EngineError } from "../core/errors";
import type { CellStyle, CellValue, SheetGrid, SheetVisibility, WorkbookGrid } from "../core/grid";
import { SheetGridBuilder } from "./sheetGridBuilder";
import { isDateNumberFormat } from "../core/text/dates";
import { decodeDocument } from "./textDecoding";
import { decodeXmlAttr } from "./xml";

export interface ReadSpreadsheetMlOptions {
  fileName?: string;
}

const ATTR_RES = new Map<string, RegExp>();

/** An attribute in any namespace prefix (`ss:Index`, `Index`), entities decoded. */
function ssAttr(attrs: string, name: string): string | undefined {
  if (attrs.indexOf(name) < 0) return undefined;
  let re = ATTR_RES.get(name);
  if (!re) ATTR_RES.set(name, (re = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  return m ? decodeXmlAttr(m[1] ?? m[2]) : undefined;
}

function intAttr(attrs: string, name: string): number | undefined {
  const v = ssAttr(attrs, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

const truthy = (v: string | undefined): boolean => v === "1" || v?.toLowerCase() === "true";

const NAMED_FORMATS: Record<string, string> = {
  "general date": "dd/mm/yyyy h:mm",
  "short date": "dd/mm/yyyy",
  "medium date": "dd-mmm-yy",
  "long date": "dd mmmm yyyy",
  "short time": "h:mm",
  "medium time": "h:mm AM/PM",
  "long time": "h:mm:ss",
  fixed: "0.00",
  standard: "#,##0.00",
  percent: "0.00%",
  scientific: "0.00E+00",
  "general number": "General",
};

interface RawStyle {
  parent?: string;
  font?: string;
  format?: string;
}

/** Styles by ss:ID, their parents resolved, interned into the grid's style list. */
class StyleTable {
  readonly styles: CellStyle[] = [{}];
  private readonly interned = new Map<string, number>();
  private readonly resolved = new Map<string, CellStyle>();
  constructor(private readonly raw: Map<string, RawStyle>) {}

  private resolve(id: string, depth = 0): CellStyle {
    const known = this.resolved.get(id);
    if (known) return known;
    const r = this.raw.get(id);
    const base = r?.parent && depth < 10 ? this.resolve(r.parent, depth + 1) : id !== "Default" && this.raw.has("Default") && depth < 10 ? this.resolve("Default", depth + 1) : {};
    const style: CellStyle = { ...base };
    if (r?.font !== undefined) style.fontName = r.font;
    if (r?.format !== undefined) {
      const f = NAMED_FORMATS[r.format.toLowerCase()] ?? r.format;
      if (f === "General") delete style.numberFormat;
      else style.numberFormat = f;
    }
    this.resolved.set(id, style);
    return style;
  }

  intern(style: CellStyle): number {
    if (style.fontName === undefined && style.numberFormat === undefined) return 0;
    const key = `${style.numberFormat ?? ""}\u0000${style.fontName ?? ""}`;
    let n = this.interned.get(key);
    if (n === undefined) {
      n = this.styles.length;
      this.styles.push(style);
      this.interned.set(key, n);
    }
    return n;
  }

  /** The style of a cell: its own, else its row's, else its column's, else Default. */
  styleOf(id: string | undefined): CellStyle {
    return this.resolve(id ?? "Default");
  }
}

function readStyles(xml: string): StyleTable {
  const raw = new Map<string, RawStyle>();
  const re = /<(?:\w+:)?Style\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?Style>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const id = ssAttr(m[1], "ID");
    if (id === undefined) continue;
    const body = m[2] ?? "";
    const style: RawStyle = {};
    const parent = ssAttr(m[1], "Parent");
    if (parent !== undefined) style.parent = parent;
    const font = /<(?:\w+:)?Font\b([^>]*)/.exec(body);
    const fontName = font ? ssAttr(font[1], "FontName") : undefined;
    if (fontName !== undefined) style.font = fontName;
    const fmt = /<(?:\w+:)?NumberFormat\b([^>]*)/.exec(body);
    if (fmt) style.format = ssAttr(fmt[1], "Format") ?? "General";
    raw.set(id, style);
  }
  return new StyleTable(raw);
}

/** "1985-08-15T00:00:00.000" → an Excel serial. */
function dateSerial(iso: string, date1904: boolean): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(iso.trim());
  if (!m) return undefined;
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (!Number.isFinite(day)) return undefined;
  let serial = (day - Date.UTC(1899, 11, 30)) / 86400000;
  if (date1904) serial -= 1462;
  else if (serial < 61) serial -= 1; // Excel's 1900 leap-year bug: serials before 1 March 1900 are one lower
  const time = (Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0)) / 86400;
  return serial + time;
}

/** Text of an `ss:Data` element: markup stripped (rich data is HTML), entities decoded; and its first run's font. */
function dataText(inner: string): { text: string; runFont?: string } {
  if (inner.indexOf("<") < 0) return { text: decodeXmlAttr(inner) };
  let runFont: string | undefined;
  let decided = false;
  const fonts: (string | undefined)[] = [];
  let text = "";
  const re = /<(\/?)(?:[\w.-]+:)?(\w+)([^>]*?)\/?>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(inner)) !== null) {
    if (m[4] !== undefined) {
      // The run of the first visible character decides (text outside any Font is in the cell's font).
      if (!decided && /\S/.test(m[4])) {
        decided = true;
        runFont = fonts[fonts.length - 1];
      }
      text += m[4];
    } else if (m[2].toLowerCase() === "font") {
      if (m[1] === "/") fonts.pop();
      else if (!m[0].endsWith("/>")) fonts.push(ssAttr(m[3], "Face") ?? fonts[fonts.length - 1]);
    }
  }
  return runFont === undefined ? { text: decodeXmlAttr(text) } : { text: decodeXmlAttr(text), runFont };
}

function readWorksheet(attrs: string, body: string, index: number, styles: StyleTable, date1904: boolean): SheetGrid {
  const name = ssAttr(attrs, "Name") ?? `Sheet${index + 1}`;
  const b = new SheetGridBuilder();
  const visibleText = /<(?:\w+:)?Visible>\s*(\w+)\s*</.exec(body)?.[1];
  const visibility: SheetVisibility = visibleText === "SheetHidden" ? "hidden" : visibleText === "SheetVeryHidden" ? "veryHidden" : "visible";
  const tableMatch = /<(?:\w+:)?Table\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?Table>)/.exec(body);
  const table = tableMatch?.[2] ?? "";
  const columnStyle: (string | undefined)[] = [];
  const tokenRe = /<(?:\w+:)?(Column|Row)\b([^>]*?)(\/)?>/g;
  const rowClose = /<\/(?:\w+:)?Row\s*>/g;
  const cellRe = /<(?:\w+:)?Cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?Cell>)/g;
  let col = 0;
  let row = 0;
  let m: RegExpExecArray | null;
  while ((m = tokenRe.exec(table)) !== null) {
    const [, kind, a, selfClosing] = m;
    if (kind === "Column") {
      col = intAttr(a, "Index") ?? col + 1;
      const span = Math.min(intAttr(a, "Span") ?? 0, 16384);
      const hidden = truthy(ssAttr(a, "Hidden"));
      const styleId = ssAttr(a, "StyleID");
      for (let c = col; c <= col + span; c++) {
        if (hidden) b.hiddenColumns.push(c);
        if (styleId !== undefined) columnStyle[c] = styleId;
      }
      col += span;
      continue;
    }
    row = intAttr(a, "Index") ?? row + 1;
    if (truthy(ssAttr(a, "Hidden"))) b.hiddenRows.push(row);
    const rowStyle = ssAttr(a, "StyleID");
    let inner = "";
    if (!selfClosing) {
      rowClose.lastIndex = tokenRe.lastIndex;
      const close = rowClose.exec(table);
      const end = close ? close.index : table.length;
      inner = table.slice(tokenRe.lastIndex, end);
      tokenRe.lastIndex = close ? close.index + close[0].length : table.length;
    }
    let c = 0;
    cellRe.lastIndex = 0;
    let cm: RegExpExecArray | null;
    while ((cm = cellRe.exec(inner)) !== null) {
      const ca = cm[1];
      c = intAttr(ca, "Index") ?? c + 1;
      const across = intAttr(ca, "MergeAcross") ?? 0;
      const down = intAttr(ca, "MergeDown") ?? 0;
      if (across > 0 || down > 0) b.merges.push({ top: row, left: c, bottom: row + down, right: c + across });
      const style = styles.styleOf(ssAttr(ca, "StyleID") ?? rowStyle ?? columnStyle[c]);
      const formula = ssAttr(ca, "Formula");
      if (formula !== undefined) {
        b.formula(row, c, formula.replace(/^=/, ""));
      }
      const cellBody = (cm[2] ?? "").replace(/<(?:\w+:)?Comment\b[\s\S]*?<\/(?:\w+:)?Comment>/g, "");
      const data = /<(?:\w+:)?Data\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?Data>)/.exec(cellBody);
      let value: CellValue;
      let cellStyle = style;
      if (data) {
        const type = ssAttr(data[1], "Type") ?? "String";
        const { text, runFont } = dataText(data[2] ?? "");
        if (type === "Number") {
          const n = Number(text.trim());
          value = text.trim() !== "" && Number.isFinite(n) ? n : text;
        } else if (type === "DateTime") {
          const serial = dateSerial(text, date1904);
          value = serial ?? text;
          if (serial !== undefined && !isDateNumberFormat(style.numberFormat)) cellStyle = { ...style, numberFormat: "dd/mm/yyyy" };
        } else if (type === "Boolean") value = text.trim() === "1" || text.trim().toLowerCase() === "true";
        else value = text;
        if (runFont !== undefined && runFont !== style.fontName) b.runFont(row, c, runFont);
      }
      b.style(row, c, styles.intern(cellStyle));
      if (value !== undefined && value !== "") b.value(row, c, value);
      c += across;
    }
  }
  return b.build(name, visibility);
}

/**
 * Read an Excel 2003 XML workbook from its bytes.
 * @example const grid = readSpreadsheetMl(bytes, { fileName: "VPP.xls" });
 */
export function readSpreadsheetMl(bytes: Uint8Array, options: ReadSpreadsheetMlOptions = {}): WorkbookGrid {
  const fileName = options.fileName ?? "";
  const xml = decodeDocument(bytes);
  if (!/<(?:\w+:)?Workbook\b/.test(xml)) throw new EngineError("file.badXml2003", { file: fileName, detail: "no Workbook element" });
  if (!/<\/(?:\w+:)?Workbook\s*>\s*$/.test(xml.replace(/\0+$/, ""))) throw new EngineError("file.truncatedText", { file: fileName, format: "XML 2003", missing: "</Workbook>" });
  const date1904 = /<(?:\w+:)?Date1904\s*\/?>/.test(xml);
  const stylesXml = /<(?:\w+:)?Styles\b[^>]*>([\s\S]*?)<\/(?:\w+:)?Styles>/.exec(xml)?.[1] ?? "";
  const styles = readStyles(stylesXml);
  const sheets: SheetGrid[] = [];
  const re = /<(?:\w+:)?Worksheet\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?Worksheet>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) sheets.push(readWorksheet(m[1], m[2] ?? "", sheets.length, styles, date1904));
  if (sheets.length === 0) throw new EngineError("file.badXml2003", { file: fileName, detail: "no Worksheet element" });
  if (sheets.every((s) => s.rowCount === 0)) throw new EngineError("file.emptyWorkbook", { file: fileName });
  return { sheets, date1904, styles: styles.styles };
}
