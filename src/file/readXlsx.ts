/**
 * The file adapter's reader: workbook bytes (.xlsx / .xlsm) → the core's {@link WorkbookGrid}.
 * Works on bytes only, so the same code runs in the CLI and in the task pane; only `src/cli`
 * touches the file system. Reading never changes the input.
 */
import { unzipSync, strFromU8, type Unzipped } from "fflate";
import { EngineError } from "../core/errors";
import type { CellRange, CellStyle, CellValue, SheetGrid, SheetVisibility, WorkbookGrid } from "../core/grid";
import { columnNumber, parseCellAddress } from "../core/address";
import { assertReadableContainer } from "./sniff";
import { isSettingsXml, parseSettingsXml } from "../core/settings";
import { attr, decodeXmlText, textOfRuns } from "./xml";
import { entryData, readZip, type ZipCodec, type ZipEntry } from "./zip";
import { strictUtf8Text, type PartCache } from "./partCache";

/**
 * Built-in number formats (ECMA-376 Part 1, 18.8.30). Id 14 is the locale's short date: in a
 * Vietnamese Excel it shows as dd/mm/yyyy, so it is a date either way.
 */
export const BUILTIN_NUMBER_FORMATS: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "dd/mm/yyyy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
  22: "dd/mm/yyyy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

/** Options for {@link readXlsx}. */
export interface ReadXlsxOptions {
  /** The file's name, for error messages only. */
  fileName?: string;
  /** Inflate with this codec (the CLI passes Node's zlib); default: fflate. */
  codec?: ZipCodec;
  /**
   * With a codec: keep the text of the parts read here (all but the shared strings) for
   * `annotateWorkbook` of the same bytes, so it does not inflate and decode them again.
   */
  parts?: PartCache;
}

interface Relationship {
  id: string;
  target: string;
  type: string;
}

function resolveTarget(baseDir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = (baseDir + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

function readRelationships(xml: string | undefined): Relationship[] {
  if (!xml) return [];
  const rels: Relationship[] = [];
  const re = /<(?:\w+:)?Relationship\b([^>]*?)\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const id = attr(m[1], "Id");
    const target = attr(m[1], "Target");
    if (id && target) rels.push({ id, target, type: attr(m[1], "Type") ?? "" });
  }
  return rels;
}

/** Parts worth inflating: XML and relationships (media, printer settings and VBA stay compressed). */
function isXmlPart(name: string): boolean {
  const n = name.toLowerCase();
  return n.endsWith(".xml") || n.endsWith(".rels");
}

class Package {
  /** Part names are case-insensitive in OPC (ECMA-376 Part 2, 9.1.1.1); some writers mix cases. */
  private readonly byLowerName = new Map<string, Uint8Array>();
  /** The zip entry of each part (when read with a codec), for the part cache's checks. */
  private readonly entryOf = new Map<string, ZipEntry>();
  constructor(files: Unzipped, private readonly fileName: string, entries?: Map<string, ZipEntry>, private readonly cache?: { parts: PartCache; codec: ZipCodec }) {
    for (const [name, bytes] of Object.entries(files)) {
      const key = name.replace(/^\/+/, "").toLowerCase();
      if (!this.byLowerName.has(key)) {
        this.byLowerName.set(key, bytes);
        const e = entries?.get(name);
        if (e) this.entryOf.set(key, e);
      }
    }
  }
  private bytes(path: string): Uint8Array | undefined {
    return this.byLowerName.get(path.replace(/^\/+/, "").toLowerCase());
  }
  has(path: string): boolean {
    return this.bytes(path) !== undefined;
  }
  /** Every part name (lower case). */
  paths(): string[] {
    return [...this.byLowerName.keys()];
  }
  /** `keep`: also hand the text to the part cache (when there is one). */
  text(path: string, keep = true): string | undefined {
    const bytes = this.bytes(path);
    if (bytes === undefined) return undefined;
    if (keep && this.cache) {
      const key = path.replace(/^\/+/, "").toLowerCase();
      const e = this.entryOf.get(key);
      // Only text the annotator would read the same way: the size and CRC it checks, strict UTF-8
      // (then the same string the lenient decoding below gives).
      const text = e && bytes.length === e.size && this.cache.codec.crc32(bytes) === e.crc32 ? strictUtf8Text(bytes) : undefined;
      if (text !== undefined && e) {
        this.cache.parts.put(e.name, text);
        return text;
      }
    }
    try {
      return strFromU8(bytes);
    } catch {
      throw new EngineError("file.corruptPart", { file: this.fileName, part: path });
    }
  }
}

function unzip(bytes: Uint8Array, fileName: string, codec: ZipCodec | undefined, cache: PartCache | undefined): Package {
  let files: Unzipped;
  let entries: Map<string, ZipEntry> | undefined;
  try {
    if (codec) {
      const parts: Record<string, Uint8Array> = {};
      if (cache) entries = new Map();
      for (const e of readZip(bytes)) {
        if (!isXmlPart(e.name)) continue;
        parts[e.name] = entryData(e, codec);
        entries?.set(e.name, e);
      }
      files = parts as Unzipped;
    } else files = unzipSync(bytes, { filter: (f) => isXmlPart(f.name) });
  } catch {
    throw new EngineError("file.truncatedZip", { file: fileName });
  }
  return new Package(files, fileName, entries, codec && cache ? { parts: cache, codec } : undefined);
}

/** Shared strings, with the font of their rich-text runs where one is named. */
function readSharedStrings(xml: string | undefined): { strings: string[]; fonts: (string | undefined)[] } {
  const strings: string[] = [];
  const fonts: (string | undefined)[] = [];
  if (!xml) return { strings, fonts };
  const re = /<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const body = m[1] ?? "";
    strings.push(textOfRuns(body));
    let font: string | undefined;
    if (body.indexOf("rFont") >= 0) {
      // The first run that carries visible text decides (a leading space run in Arial means nothing);
      // a run without <rFont> is drawn in the cell's own font, so then there is no run font.
      const runRe = /<(?:\w+:)?r>([\s\S]*?)<\/(?:\w+:)?r>/g;
      let r: RegExpExecArray | null;
      while ((r = runRe.exec(body)) !== null) {
        if (textOfRuns(r[1]).trim() === "") continue;
        const f = /<(?:\w+:)?rFont\b([^>]*)\/?>/.exec(r[1]);
        font = f ? attr(f[1], "val") : undefined;
        break;
      }
    }
    fonts.push(font);
  }
  return { strings, fonts };
}

function sectionOf(xml: string, tag: string): string {
  const m = new RegExp(`<(?:\\w+:)?${tag}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:\\w+:)?${tag}>)`).exec(xml);
  return m?.[1] ?? "";
}

/** Number formats and font names per cell style (cellXfs), interned. */
function readStyles(xml: string | undefined): CellStyle[] {
  if (!xml) return [{}];
  const formats = new Map<number, string>();
  const numFmtRe = /<(?:\w+:)?numFmt\b([^>]*?)\/?>/g;
  let m: RegExpExecArray | null;
  const numFmtsXml = sectionOf(xml, "numFmts");
  while ((m = numFmtRe.exec(numFmtsXml)) !== null) {
    const id = Number(attr(m[1], "numFmtId"));
    const code = attr(m[1], "formatCode");
    if (Number.isFinite(id) && code !== undefined) formats.set(id, code);
  }
  const fontNames: (string | undefined)[] = [];
  const fontRe = /<(?:\w+:)?font\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?font>)/g;
  const fontsXml = sectionOf(xml, "fonts");
  while ((m = fontRe.exec(fontsXml)) !== null) {
    const name = m[1] ? /<(?:\w+:)?name\b([^>]*?)\/?>/.exec(m[1]) : null;
    fontNames.push(name ? attr(name[1], "val") : undefined);
  }
  const styles: CellStyle[] = [];
  const xfRe = /<(?:\w+:)?xf\b([^>]*?)(?:\/>|>)/g;
  const xfs = sectionOf(xml, "cellXfs");
  while ((m = xfRe.exec(xfs)) !== null) {
    const numFmtId = Number(attr(m[1], "numFmtId") ?? "0");
    const fontId = Number(attr(m[1], "fontId") ?? "0");
    const style: CellStyle = {};
    const code = formats.get(numFmtId) ?? BUILTIN_NUMBER_FORMATS[numFmtId];
    if (code !== undefined && code !== "General") style.numberFormat = code;
    const font = fontNames[fontId];
    if (font !== undefined) style.fontName = font;
    styles.push(style);
  }
  if (styles.length === 0) styles.push({});
  return styles;
}

function parseRange(ref: string): CellRange | undefined {
  const [a, b] = ref.split(":");
  const p = parseCellAddress(a);
  const q = b === undefined ? p : parseCellAddress(b);
  if (!p || !q) return undefined;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

function numberOrText(v: string): CellValue {
  const n = Number(v);
  return v.trim() !== "" && Number.isFinite(n) ? n : v;
}

interface SharedStrings {
  strings: string[];
  fonts: (string | undefined)[];
}

/** One worksheet part → a {@link SheetGrid}. */
function readSheet(xml: string, name: string, visibility: SheetVisibility | undefined, shared: SharedStrings): SheetGrid {
  const values: (CellValue[] | undefined)[] = [];
  const formulas: ((string | undefined)[] | undefined)[] = [];
  const styleIds: ((number | undefined)[] | undefined)[] = [];
  const runFonts: Record<string, string> = {};
  const hiddenRows: number[] = [];
  const hiddenColumns: number[] = [];
  const merges: CellRange[] = [];
  let rowCount = 0;
  let columnCount = 0;
  let anyFormula = false;
  let anyStyle = false;
  let anyRunFont = false;

  // <cols> comes before <sheetData> and <mergeCells> after it (CT_Worksheet sequence): search only there,
  // so a large sheet is not scanned three times.
  const dataStart = xml.search(/<(?:\w+:)?sheetData\b/);
  const closeAt = xml.lastIndexOf("sheetData>");
  const dataEnd = closeAt > dataStart && dataStart >= 0 ? xml.lastIndexOf("</", closeAt) : -1;
  const head = dataStart >= 0 ? xml.slice(0, dataStart) : xml;
  const tail = dataEnd >= 0 ? xml.slice(dataEnd) : dataStart >= 0 ? xml.slice(dataStart) : xml;
  const colsXml = sectionOf(head, "cols");
  const colRe = /<(?:\w+:)?col\b([^>]*?)\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = colRe.exec(colsXml)) !== null) {
    if (attr(m[1], "hidden") === "1" || attr(m[1], "hidden") === "true") {
      const min = Number(attr(m[1], "min"));
      const max = Number(attr(m[1], "max") ?? min);
      for (let c = min; c <= Math.min(max, 16384); c++) hiddenColumns.push(c);
    }
  }

  const data = dataStart >= 0 && dataEnd > dataStart ? xml.slice(dataStart, dataEnd) : "";
  const rowRe = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
  const cellRe = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
  let rowNumber = 0;
  while ((m = rowRe.exec(data)) !== null) {
    const rowAttrs = m[1];
    const r = attr(rowAttrs, "r");
    rowNumber = r !== undefined ? Number(r) : rowNumber + 1;
    const hidden = attr(rowAttrs, "hidden");
    if (hidden === "1" || hidden === "true") hiddenRows.push(rowNumber);
    const body = m[2];
    if (!body) continue;
    let colNumber = 0;
    let rowValues: CellValue[] | undefined;
    let rowStyles: (number | undefined)[] | undefined;
    let rowFormulas: (string | undefined)[] | undefined;
    cellRe.lastIndex = 0;
    let c: RegExpExecArray | null;
    while ((c = cellRe.exec(body)) !== null) {
      const cellAttrs = c[1];
      const ref = attr(cellAttrs, "r");
      if (ref !== undefined) {
        let i = 0;
        while (i < ref.length && ref.charCodeAt(i) > 57) i++;
        colNumber = columnNumber(ref.slice(0, i));
      } else colNumber++;
      if (colNumber < 1) continue;
      const s = attr(cellAttrs, "s");
      if (s !== undefined && s !== "0") {
        rowStyles ??= styleIds[rowNumber - 1] = [];
        rowStyles[colNumber - 1] = Number(s);
        anyStyle = true;
      }
      const inner = c[2];
      if (!inner) continue;
      const type = attr(cellAttrs, "t");
      let value: CellValue;
      // <v> usually has no attributes, but a string result may come as <v xml:space="preserve">.
      let vStart = inner.indexOf("<v>");
      if (vStart < 0) vStart = inner.search(/<(?:\w+:)?v[\s>]/);
      let raw: string | undefined;
      if (vStart >= 0) {
        const open = inner.indexOf(">", vStart) + 1;
        const close = inner.indexOf("</", open);
        if (inner[open - 2] !== "/") raw = close >= 0 ? inner.slice(open, close) : undefined;
      }
      if (type === "s") {
        const idx = raw === undefined ? -1 : Number(raw);
        value = shared.strings[idx];
        const font = shared.fonts[idx];
        if (font !== undefined) {
          runFonts[`${rowNumber},${colNumber}`] = font;
          anyRunFont = true;
        }
      } else if (type === "inlineStr") {
        value = textOfRuns(inner);
      } else if (type === "str" || type === "e") {
        value = raw === undefined ? undefined : decodeXmlText(raw);
      } else if (type === "b") {
        value = raw === "1" || raw === "true";
      } else if (type === "d") {
        value = raw; // ISO 8601 text; the date parser reads it
      } else {
        value = raw === undefined ? undefined : numberOrText(raw);
      }
      const fi = inner.indexOf("f") < 0 ? -1 : inner.search(/<(?:\w+:)?f\b/);
      if (fi >= 0) {
        const fm = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(inner.slice(fi));
        rowFormulas ??= formulas[rowNumber - 1] = [];
        rowFormulas[colNumber - 1] = fm?.[1] !== undefined ? decodeXmlText(fm[1]) : "";
        anyFormula = true;
      }
      if (value === undefined || value === "") continue;
      rowValues ??= values[rowNumber - 1] = [];
      rowValues[colNumber - 1] = value;
      if (colNumber > columnCount) columnCount = colNumber;
      if (rowNumber > rowCount) rowCount = rowNumber;
    }
  }

  const mergeRe = /<(?:\w+:)?mergeCell\b([^>]*?)\/?>/g;
  const mergeXml = sectionOf(tail, "mergeCells");
  while ((m = mergeRe.exec(mergeXml)) !== null) {
    const ref = attr(m[1], "ref");
    const range = ref ? parseRange(ref) : undefined;
    if (range) merges.push(range);
  }

  const sheet: SheetGrid = { name, rowCount, columnCount, values, merges, hiddenRows, hiddenColumns };
  if (visibility && visibility !== "visible") sheet.visibility = visibility;
  if (anyFormula) sheet.formulas = formulas;
  if (anyStyle) sheet.styleIds = styleIds;
  if (anyRunFont) sheet.runFonts = runFonts;
  return sheet;
}

/**
 * Read a workbook from its bytes. Throws an {@link EngineError} for anything that is not a
 * readable .xlsx/.xlsm (sniffed from the content, never from the name).
 * @example const grid = readXlsx(bytes, { fileName: "ds-cbcc.xlsx" });
 */
export function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions = {}): WorkbookGrid {
  const fileName = options.fileName ?? "";
  assertReadableContainer(bytes, fileName);
  // A cache is only filled for the very bytes it belongs to.
  const pkg = unzip(bytes, fileName, options.codec, options.parts?.source === bytes ? options.parts : undefined);
  const rootRels = readRelationships(pkg.text("_rels/.rels"));
  const officeDoc = rootRels.find((r) => r.type.endsWith("/officeDocument"));
  const workbookPath = officeDoc ? resolveTarget("", officeDoc.target) : "xl/workbook.xml";
  const workbookXml = pkg.text(workbookPath);
  if (workbookXml === undefined || !/<(?:\w+:)?workbook\b/.test(workbookXml)) throw new EngineError("file.notWorkbook", { file: fileName });
  const baseDir = workbookPath.includes("/") ? workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1) : "";
  const relsPath = `${baseDir}_rels/${workbookPath.slice(baseDir.length)}.rels`;
  const rels = readRelationships(pkg.text(relsPath));
  const relById = new Map(rels.map((r) => [r.id, r]));

  const pr = /<(?:\w+:)?workbookPr\b([^>]*?)\/?>/.exec(workbookXml);
  const d1904 = pr ? attr(pr[1], "date1904") : undefined;
  const date1904 = d1904 === "1" || d1904 === "true";

  const sharedRel = rels.find((r) => r.type.endsWith("/sharedStrings"));
  // The annotator never reads the shared strings: not kept.
  const shared = readSharedStrings(pkg.text(sharedRel ? resolveTarget(baseDir, sharedRel.target) : `${baseDir}sharedStrings.xml`, false));
  const stylesRel = rels.find((r) => r.type.endsWith("/styles"));
  const styles = readStyles(pkg.text(stylesRel ? resolveTarget(baseDir, stylesRel.target) : `${baseDir}styles.xml`));

  const sheets: SheetGrid[] = [];
  const sheetRe = /<(?:\w+:)?sheet\b([^>]*?)\/?>/g;
  const sheetsXml = sectionOf(workbookXml, "sheets");
  let m: RegExpExecArray | null;
  while ((m = sheetRe.exec(sheetsXml)) !== null) {
    const name = attr(m[1], "name") ?? `Sheet${sheets.length + 1}`;
    const rid = /\b[\w]+:id=["']([^"']*)["']/.exec(m[1])?.[1];
    const rel = rid ? relById.get(rid) : undefined;
    // A sheet the workbook lists but cannot locate would silently drop people: report the package as damaged.
    if (!rel) throw new EngineError("file.corruptPart", { file: fileName, part: relsPath });
    if (!rel.type.endsWith("/worksheet")) continue; // chart sheets and dialog sheets hold no cells
    const path = resolveTarget(baseDir, rel.target);
    const xml = pkg.text(path);
    if (xml === undefined) throw new EngineError("file.corruptPart", { file: fileName, part: path });
    const state = attr(m[1], "state") as SheetVisibility | undefined;
    sheets.push(readSheet(xml, name, state, shared));
  }
  const workbook: WorkbookGrid = { sheets, date1904, styles };
  // The add-in's own settings (the user's column mapping), kept in a custom XML part.
  for (const part of pkg.paths().filter((p) => /^customxml\/item\d+\.xml$/i.test(p))) {
    const xml = pkg.text(part);
    if (xml && isSettingsXml(xml)) workbook.savedSettings = { ...workbook.savedSettings, ...parseSettingsXml(xml) };
  }
  if (sheets.every((s) => s.rowCount === 0)) throw new EngineError("file.emptyWorkbook", { file: fileName });
  return workbook;
}
