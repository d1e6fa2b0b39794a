/**
 * The annotated copy (`--out`) and its exact undo (`clear`), by editing the OOXML package in place.
 *
 * A read-and-rewrite round trip through an xlsx object model drops what the model does not know
 * (charts, pivot caches, VBA, threaded comments, extensions…). Here the zip is opened with
 * `zip.ts`, which keeps every entry we do not touch byte for byte (its compressed bytes, name,
 * time and attributes), and only the parts that must change are edited as text, by small
 * splices at well-defined places:
 *
 * - worksheet parts of highlighted cells: the `s` attribute of each highlighted `<c>`, new `<c>`
 *   (and `<row>`) elements for cells that had none, a `<legacyDrawing>` element when the sheet had
 *   no notes; text repairs replace the repaired `<c>` element;
 * - `xl/styles.xml`: fonts, fills, borders, number formats and cell formats appended at the end of
 *   their lists (existing indices keep their meaning);
 * - comments and VML parts: our notes appended (a user's note keeps its text, ours follows
 *   {@link NOTE_MARKER});
 * - `xl/workbook.xml`, its relationships and `[Content_Types].xml`: our sheets, defined names,
 *   parts and the custom XML part appended.
 *
 * Every splice is recorded in the change record (JSON under the key {@link CHANGES_KEY} of our
 * custom XML part, `urn:hoso-cbcc:settings:1`), and {@link clearWorkbook} reverses them: on a copy
 * this module wrote, every edited part comes back to its original text exactly; after the copy
 * was saved again by Excel, restoration goes by the record (a cell whose style is still ours gets
 * its own back, a note is cut at our marker) and leaves alone whatever the user changed since.
 *
 * Refusals are one-line {@link EngineError}s: hostile zips (a bomb, a lying size), missing parts,
 * Strict OOXML, ZIP64, encrypted entries, and a part that must be edited but cannot be parsed safely.
 */
import { columnLetter, parseCellAddress, sheetReference } from "../core/address";
import { EngineError } from "../core/errors";
import { HIGHLIGHT_FILLS, NOTE_MARKER, type EditPlan, type HighlightSeverity, type OwnSheetKind, type PlanCell, type PlanSheet, type PlanStyle } from "../core/plan/types";
import { isSettingsXml, parseSettingsXml, SETTINGS_NAMESPACE, settingsXml } from "../core/settings";
import { CHANGES_KEY as SHARED_KEY, type ChangeRecord as SharedChangeRecord, type OriginalFill } from "../core/changes";
import { assertReadableContainer } from "./sniff";
import { attr, decodeXmlAttr, decodeXmlText } from "./xml";
import { Utf8Writer } from "./utf8Writer";
import type { PartCache } from "./partCache";
import { crc32, entryData, JS_CODEC, newEntry, readZip, writeZip, ZipError, type ZipCodec, type ZipEntry } from "./zip";

// =============================================================================================
// Public API

/** The key of the change record in our custom XML part. */
/**
 * The file adapter's own, byte-exact record of its splices (restores the package exactly). The
 * record both adapters share (core/changes.ts: original fills and mark colours, so the add-in can
 * also clear the CLI's marks) is written beside it under {@link SHARED_CHANGES_KEY}.
 */
export const CHANGES_KEY = "hoso.changes.file";
export const SHARED_CHANGES_KEY = SHARED_KEY;

/** OOXML pattern types (ECMA-376 18.18.55 ST_PatternType) → Office.js `Excel.FillPattern` names. */
const OFFICE_PATTERN: Record<string, string> = {
  mediumGray: "Gray50", darkGray: "Gray75", lightGray: "Gray25", gray125: "Gray16", gray0625: "Gray8",
  darkHorizontal: "Horizontal", darkVertical: "Vertical", darkDown: "Down", darkUp: "Up", darkGrid: "Checker", darkTrellis: "SemiGray75",
  lightHorizontal: "LightHorizontal", lightVertical: "LightVertical", lightDown: "LightDown", lightUp: "LightUp", lightGrid: "Grid", lightTrellis: "CrissCross",
};

/** Series colours of our charts, explicit so every viewer draws the bars (no theme needed). */
const SERIES_COLORS = ["4472C4", "ED7D31", "A5A5A5", "70AD47", "5B9BD5", "FFC000"];

/** The hidden, sheet-local defined name that marks a sheet as ours (its value names the kind). */
export const OWN_SHEET_NAME = "HosoCbcc.OwnSheet";

/** Options of {@link annotateWorkbook}. */
export interface AnnotateOptions {
  /** The file's name, for error messages only. */
  fileName?: string;
  /** Cap on the bytes inflated from the parts we read (default 1 GiB). */
  maxInflatedBytes?: number;
  /** Deflate, inflate and CRC-32 (default: fflate, pure JavaScript; the CLI passes Node's zlib). */
  codec?: ZipCodec;
  /** Plan sheets laid out once for this copy and the summary workbook of the same plan. */
  rendered?: RenderedSheets;
  /** Parts the reader already inflated and decoded from these very bytes (taken, not inflated again). */
  parts?: PartCache;
}

/** What {@link annotateWorkbookDetailed} did beyond the bytes. */
export interface AnnotateResult {
  bytes: Uint8Array;
  /** Plan sheet name → the name written (a user's sheet of the same name makes ours "Name (2)"). */
  sheetNames: Record<string, string>;
  /** Notes not written, with why (the cell holds a threaded comment, which we never touch). */
  skippedNotes: { sheet: string; cell: string; reason: "threadedComment" }[];
  /** Text repairs not done (the cell holds a formula, or has no element). */
  skippedRepairs: { sheet: string; cell: string; reason: "formula" | "noCell" }[];
}

/** What {@link clearWorkbookDetailed} did beyond the bytes. */
export interface ClearResult {
  bytes: Uint8Array;
  /** True when the workbook held a change record or sheets marked as ours. */
  hadMarks: boolean;
  /** Marks left in place because the user changed them since (sheet!cell). */
  keptChanged: string[];
}

/**
 * The annotated copy: `plan` applied to the workbook `bytes` (highlights, notes, own sheets,
 * text repairs), with every untouched zip entry kept byte for byte. A workbook that already
 * holds our marks is first restored, then marked again (one set).
 * @example const out = annotateWorkbook(bytes, plan, { fileName: "ds.xlsx" });
 */
export function annotateWorkbook(bytes: Uint8Array, plan: EditPlan, options: AnnotateOptions = {}): Uint8Array {
  return annotateWorkbookDetailed(bytes, plan, options).bytes;
}

/** {@link annotateWorkbook} with what was written and skipped. */
export function annotateWorkbookDetailed(bytes: Uint8Array, plan: EditPlan, options: AnnotateOptions = {}): AnnotateResult {
  const pkg = openPackage(bytes, options);
  const book = loadWorkbook(pkg);
  const previous = readRecord(pkg, book);
  if (previous.record || previous.markedSheets.length > 0) restore(pkg, book, previous, []);
  const fresh = loadWorkbook(pkg);
  const result = applyPlan(pkg, fresh, plan, options.rendered);
  return { ...result, bytes: pkg.toBytes() };
}

/**
 * Undo {@link annotateWorkbook}: every original style index, note and cell text back, our sheets,
 * parts, names and record removed. A workbook without our marks comes back unchanged.
 */
export function clearWorkbook(bytes: Uint8Array, options: AnnotateOptions = {}): Uint8Array {
  return clearWorkbookDetailed(bytes, options).bytes;
}

/** {@link clearWorkbook} with what was found and kept. */
export function clearWorkbookDetailed(bytes: Uint8Array, options: AnnotateOptions = {}): ClearResult {
  const pkg = openPackage(bytes, options);
  const book = loadWorkbook(pkg);
  const found = readRecord(pkg, book);
  if (!found.record && found.markedSheets.length === 0) return { bytes, hadMarks: false, keptChanged: [] };
  const kept: string[] = [];
  restore(pkg, book, found, kept);
  return { bytes: pkg.toBytes(), hadMarks: true, keptChanged: kept };
}

/** The change record of an annotated copy, or undefined. */
export function readChangeRecord(bytes: Uint8Array, options: AnnotateOptions = {}): ChangeRecord | undefined {
  const pkg = openPackage(bytes, options);
  return readRecord(pkg, loadWorkbook(pkg)).record;
}

// =============================================================================================
// The change record

/**
 * What the annotated copy changed, stored as JSON under {@link CHANGES_KEY} in our custom XML
 * part. Part names are package paths without a leading slash.
 */
export interface ChangeRecord {
  version: 1;
  /** Parts we added (removed on clear, with their content-type overrides). */
  parts: string[];
  /** Content-type defaults we added, by extension. */
  defaults: string[];
  /** Our sheets: the name written, the worksheet part, the workbook relationship id, the kind. */
  sheets: { name: string; part: string; rid: string; kind: OwnSheetKind }[];
  /** True when we created the workbook's `<definedNames>` element. */
  definedNamesCreated?: boolean;
  /** Edits of the user's worksheet parts. */
  sheetParts: SheetPartChange[];
  /** Edits of the styles part. */
  styles?: StylesChange;
  /** True when the custom XML part holding this record was created by us. */
  settingsPartCreated: boolean;
  /** Every cell we changed (highlights and text repairs). */
  cells: CellChange[];
  /** Every note we wrote. */
  notes: NoteChange[];
}

/** One changed cell. */
export interface CellChange {
  sheet: string;
  part: string;
  /** A1 reference. */
  ref: string;
  /** The original `s` attribute (null: the element had none), or "none" when the cell had no element. */
  s: number | null | "none";
  /** The style index we wrote. */
  to: number;
  /** For a cell without element: the style it showed (from its row or column). */
  eff?: number;
  /** "created": we added the row; "selfClosing": the row was `<row …/>` (its start tag in `rowTag`). */
  row?: "created" | "selfClosing";
  rowTag?: string;
  /** Text repair: the original `<c>` element and the element we wrote. */
  xml?: string;
  wrote?: string;
  /** Text repair, for the shared record (the add-in undoes it by text): the text before and after, the fonts. */
  repair?: { from?: string; to: string; fromFont?: string; toFont: string };
  /** Highlight: the fill we put (RRGGBB) and the cell's fill before (for the shared record). */
  mark?: string;
  fill?: OriginalFill;
}

/** One note we wrote: a new one, or ours appended below a user's note. */
export interface NoteChange {
  sheet: string;
  part: string;
  ref: string;
  kind: "created" | "appended";
  /** The VML shape we added for a new note. */
  shape?: string;
}

/** Structural edits of one user worksheet part. */
export interface SheetPartChange {
  sheet: string;
  part: string;
  /** The comments part our notes are in; `commentsRid` (its relationship) when we created it. */
  comments?: string;
  commentsRid?: string;
  /** We added our author to an existing comments part. */
  authorAdded?: boolean;
  /** The VML part our note shapes are in; `legacyDrawing` (its relationship id) when we created it and the element. */
  vml?: string;
  legacyDrawing?: string;
  /** We added the note shape type to an existing VML part. */
  shapeTypeAdded?: boolean;
  /** We created the sheet's relationships part. */
  relsCreated?: boolean;
  /** `<sheetData/>` was self-closing. */
  dataSelfClosing?: boolean;
}

/** Edits of the styles part: per list, its original start tag (null: we created the list) and item count. */
export interface StylesChange {
  part: string;
  crc: number;
  length: number;
  lists: Record<string, { open: string | null; count: number; selfClosing: boolean }>;
  /** True when we created the styles part itself. */
  created?: boolean;
  /** True when the part's root element was self-closing. */
  rootSelfClosing?: boolean;
}

// =============================================================================================
// Namespaces, relationship and content types

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";

const REL = {
  worksheet: `${NS_R}/worksheet`,
  styles: `${NS_R}/styles`,
  comments: `${NS_R}/comments`,
  vml: `${NS_R}/vmlDrawing`,
  table: `${NS_R}/table`,
  drawing: `${NS_R}/drawing`,
  chart: `${NS_R}/chart`,
  customXml: `${NS_R}/customXml`,
  customXmlProps: `${NS_R}/customXmlProps`,
  officeDocument: `${NS_R}/officeDocument`,
  threadedComment: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
};

const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  customXmlProps: "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
  xml: "application/xml",
};

/** The author of our notes. */
const NOTE_AUTHOR = "Kiểm tra hồ sơ CBCC";
/** The font of our own sheets. */
const SHEET_FONT = "Times New Roman";

const DEFAULT_MAX_INFLATED = 1024 * 1024 * 1024;
/** A part over this size whose compression ratio is above {@link MAX_RATIO} is treated as a bomb. */
const RATIO_FLOOR = 16 * 1024 * 1024;
const MAX_RATIO = 400;

// =============================================================================================
// Text of parts: encodings

type Encoding = "utf8" | "utf8bom" | "utf16le" | "utf16be";

const utf8Fatal = new TextDecoder("utf-8", { fatal: true });
const utf8Encoder = new TextEncoder();

function decodePart(bytes: Uint8Array): { text: string; enc: Encoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le", { fatal: true }).decode(bytes.subarray(2)), enc: "utf16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be", { fatal: true }).decode(bytes.subarray(2)), enc: "utf16be" };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: utf8Fatal.decode(bytes.subarray(3)), enc: "utf8bom" };
  return { text: utf8Fatal.decode(bytes), enc: "utf8" };
}

function encodePart(text: string, enc: Encoding): Uint8Array {
  if (enc === "utf8") return utf8Encoder.encode(text);
  if (enc === "utf8bom") {
    const body = utf8Encoder.encode(text);
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  }
  const out = new Uint8Array(2 + text.length * 2);
  const le = enc === "utf16le";
  out[0] = le ? 0xff : 0xfe;
  out[1] = le ? 0xfe : 0xff;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = le ? c & 0xff : c >> 8;
    out[3 + 2 * i] = le ? c >> 8 : c & 0xff;
  }
  return out;
}

// =============================================================================================
// The package: zip entries, kept raw unless changed

class Package {
  private entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly texts = new Map<string, { text: string; enc: Encoding }>();
  /** Parts written as UTF-8 bytes (large generated sheets), instead of text. */
  private readonly written = new Map<string, Uint8Array>();
  private readonly dirty = new Set<string>();
  private inflated = 0;
  /** Time stamp for new and rewritten entries without one: the workbook part's. */
  stamp: Pick<ZipEntry, "time" | "date"> | undefined;

  constructor(entries: ZipEntry[], readonly fileName: string, private readonly maxInflated: number, private readonly codec: ZipCodec = JS_CODEC, private readonly cache?: PartCache) {
    this.entries = entries;
    for (const e of entries) {
      const key = keyOf(e.name);
      // Two entries whose names differ only in case are one part twice (OPC names are case-insensitive).
      if (this.byName.has(key)) throw new EngineError("file.corruptPart", { file: fileName, part: e.name });
      this.byName.set(key, e);
    }
  }

  has(path: string): boolean {
    return this.byName.has(keyOf(path));
  }

  /** The DOS time and date of an entry (new entries take the workbook part's, so output is deterministic). */
  stampOf(path: string): Pick<ZipEntry, "time" | "date"> | undefined {
    const e = this.byName.get(keyOf(path));
    return e ? { time: e.time, date: e.date } : undefined;
  }

  /** The stored (uncompressed) size of a part, or undefined when absent. */
  sizeOf(path: string): number | undefined {
    return this.byName.get(keyOf(path))?.size;
  }

  /** The part names, as stored. */
  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  /** The stored name of a part (its case as in the zip). */
  storedName(path: string): string | undefined {
    return this.byName.get(keyOf(path))?.name;
  }

  /** The text of a part (inflated under the bomb guard, CRC checked), or undefined when absent. */
  text(path: string): string | undefined {
    const key = keyOf(path);
    const cached = this.texts.get(key);
    if (cached) return cached.text;
    const e = this.byName.get(key);
    if (!e) return undefined;
    const bytes = this.written.get(key);
    if (bytes) {
      const text = utf8Fatal.decode(bytes);
      this.written.delete(key);
      this.texts.set(key, { text, enc: "utf8" });
      return text;
    }
    if (e.size > this.maxInflated - this.inflated || (e.size > RATIO_FLOOR && e.size / Math.max(1, e.compressedSize) > MAX_RATIO)) {
      throw new EngineError("file.tooLarge", { file: this.fileName, part: e.name, limit: `${Math.round(this.maxInflated / (1024 * 1024))} MB` });
    }
    this.inflated += e.size;
    // Read already (size and CRC checked, strict UTF-8 without a byte-order mark): the same text.
    const known = this.cache?.take(e.name);
    if (known !== undefined) {
      this.texts.set(key, { text: known, enc: "utf8" });
      return known;
    }
    let data: Uint8Array;
    try {
      data = entryData(e, this.codec);
    } catch (err) {
      throw zipFailure(err, this.fileName, e.name);
    }
    // A size that lies (smaller than the data) truncates the inflation; the CRC tells.
    if (data.length !== e.size || this.codec.crc32(data) !== e.crc32) throw new EngineError("file.corruptPart", { file: this.fileName, part: e.name });
    let decoded: { text: string; enc: Encoding };
    try {
      decoded = decodePart(data);
    } catch {
      throw new EngineError("file.corruptPart", { file: this.fileName, part: e.name });
    }
    this.texts.set(key, decoded);
    return decoded.text;
  }

  /** The text of a part that must exist. */
  need(path: string): string {
    const t = this.text(path);
    if (t === undefined) throw new EngineError("file.missingPart", { file: this.fileName, part: path });
    return t;
  }

  /** Replace or add a part. New parts go to the end of the zip. */
  put(path: string, text: string): void {
    const key = keyOf(path);
    const e = this.byName.get(key);
    if (!e) {
      const entry = { ...newEntry(path, new Uint8Array(0), this.stamp), name: path };
      this.entries.push(entry);
      this.byName.set(key, entry);
      this.texts.set(key, { text, enc: "utf8" });
    } else {
      const prev = this.texts.get(key) ?? { text: "", enc: "utf8" as Encoding };
      this.texts.set(key, { text, enc: prev.enc });
    }
    this.written.delete(key);
    this.dirty.add(key);
  }

  /** Add a new part, or replace one of ours, from its UTF-8 bytes. */
  putBytes(path: string, bytes: Uint8Array): void {
    const key = keyOf(path);
    const enc = this.texts.get(key)?.enc;
    // A part read in another encoding keeps it (written from text).
    if (enc !== undefined && enc !== "utf8") return this.put(path, utf8Fatal.decode(bytes));
    this.put(path, "");
    this.texts.delete(key);
    this.written.set(key, bytes);
  }

  remove(path: string): void {
    const key = keyOf(path);
    if (!this.byName.has(key)) return;
    this.byName.delete(key);
    this.texts.delete(key);
    this.written.delete(key);
    this.dirty.delete(key);
    this.entries = this.entries.filter((e) => keyOf(e.name) !== key);
  }

  /** The package as zip bytes: untouched entries raw, changed ones deflated anew. */
  toBytes(): Uint8Array {
    const out = this.entries.map((e) => {
      const key = keyOf(e.name);
      if (!this.dirty.has(key)) return e;
      const bytes = this.written.get(key);
      const t = this.texts.get(key)!;
      const fresh = newEntry(e.name, bytes ?? encodePart(t.text, t.enc), e, this.codec);
      return { ...fresh, flags: e.flags & 0x800, externalAttributes: e.externalAttributes, extra: e.extra };
    });
    return writeZip(out);
  }
}

function keyOf(path: string): string {
  return path.replace(/^\/+/, "").toLowerCase();
}

function zipFailure(err: unknown, fileName: string, part?: string): EngineError {
  if (err instanceof ZipError) {
    if (err.reason === "truncated") return new EngineError("file.truncatedZip", { file: fileName });
    if (err.reason === "unsupported") {
      const kind = /zip64/i.test(err.message) ? "zip64" : /encrypt/i.test(err.message) ? "encrypted" : /method/i.test(err.message) ? "compression" : "other";
      return new EngineError("output.unsupportedPackage", { file: fileName, kind });
    }
    return new EngineError("file.corruptPart", { file: fileName, part: part ?? "zip" });
  }
  if (err instanceof EngineError) return err;
  return new EngineError("file.truncatedZip", { file: fileName });
}

function openPackage(bytes: Uint8Array, options: AnnotateOptions): Package {
  const fileName = options.fileName ?? "";
  assertReadableContainer(bytes, fileName);
  let entries: ZipEntry[];
  try {
    entries = readZip(bytes);
  } catch (err) {
    throw zipFailure(err, fileName);
  }
  const cache = options.parts?.source === bytes ? options.parts : undefined;
  return new Package(entries, fileName, options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED, options.codec, cache);
}

// =============================================================================================
// XML scanning: tags, children, attributes (the parts are machine-written; no DOM needed)

/** A tag, a comment, a processing instruction or CDATA. Attribute values may hold ">". */
const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<(\/?)([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;

interface Element {
  /** Qualified name as written ("x:row"). */
  qname: string;
  /** Local name ("row"). */
  name: string;
  /** Offset of "<". */
  start: number;
  /** Offset after the start tag's ">". */
  openEnd: number;
  /** Offset of the end tag's "<" (== openEnd for a self-closing element). */
  closeStart: number;
  /** Offset after the element. */
  end: number;
  selfClosing: boolean;
  /** For mc:AlternateContent: the local name of the first element of its first choice. */
  effective: string;
}

function localName(qname: string): string {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
}

/** The prefix (with colon) of a qualified name, or "". */
function prefixOf(qname: string): string {
  const i = qname.indexOf(":");
  return i < 0 ? "" : qname.slice(0, i + 1);
}

/**
 * The child elements of the region `[from, to)` (the content of one element). `skip` names
 * children whose content is not scanned (found by their end tag, as `sheetData`). Undefined when
 * the region is not well balanced.
 */
function childElements(xml: string, from: number, to: number, skip: ReadonlySet<string> = new Set()): Element[] | undefined {
  const out: Element[] = [];
  const re = new RegExp(TOKEN.source, "g");
  re.lastIndex = from;
  const stack: { qname: string; start: number; openEnd: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null && m.index < to) {
    if (m[2] === undefined) continue; // comment, PI, CDATA
    const qname = m[2];
    const closing = m[1] === "/";
    const selfClosing = m[4] === "/";
    const end = m.index + m[0].length;
    if (closing) {
      const top = stack.pop();
      if (!top || top.qname !== qname) return undefined;
      if (stack.length === 0) out.push(makeElement(xml, top.qname, top.start, top.openEnd, m.index, end, false));
      continue;
    }
    if (selfClosing) {
      if (stack.length === 0) out.push(makeElement(xml, qname, m.index, end, end, end, true));
      continue;
    }
    if (stack.length === 0 && skip.has(localName(qname))) {
      const close = xml.indexOf(`</${qname}>`, end);
      if (close < 0 || close >= to) return undefined;
      out.push(makeElement(xml, qname, m.index, end, close, close + qname.length + 3, false));
      re.lastIndex = close + qname.length + 3;
      continue;
    }
    stack.push({ qname, start: m.index, openEnd: end });
  }
  if (stack.length > 0) return undefined;
  return out;
}

function makeElement(xml: string, qname: string, start: number, openEnd: number, closeStart: number, end: number, selfClosing: boolean): Element {
  const name = localName(qname);
  let effective = name;
  if (name === "AlternateContent" && !selfClosing) {
    const inner = /<(?:[\w.-]+:)?Choice\b[^>]*>\s*<([^\s/>!?]+)/.exec(xml.slice(openEnd, closeStart));
    effective = inner ? localName(inner[1]) : name;
  }
  return { qname, name, start, openEnd, closeStart, end, selfClosing, effective };
}

/** The root element of a part (after the declaration and comments). */
function rootElement(xml: string): Element | undefined {
  const re = new RegExp(TOKEN.source, "g");
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    if (m[2] === undefined) continue;
    if (m[1] === "/") return undefined;
    const end = m.index + m[0].length;
    if (m[4] === "/") return makeElement(xml, m[2], m.index, end, end, end, true);
    const close = xml.lastIndexOf(`</${m[2]}>`);
    if (close < end) return undefined;
    return makeElement(xml, m[2], m.index, end, close, close + m[2].length + 3, false);
  }
  return undefined;
}

/** The first child named `name` (local), or undefined. */
function childNamed(children: Element[], name: string): Element | undefined {
  return children.find((c) => c.name === name);
}

/**
 * Where a new child `name` goes in a parent whose children follow `order`: before the first
 * child that comes later in the order (unknown children do not move the point), else at the end.
 */
function insertionPoint(children: Element[], order: readonly string[], name: string, parentCloseStart: number): number {
  const rank = order.indexOf(name);
  for (const c of children) {
    const r = order.indexOf(c.effective);
    if (r > rank) return c.start;
  }
  return parentCloseStart;
}

// eslint-disable-next-line no-control-regex -- the characters escapeText rewrites
const NEEDS_TEXT_ESCAPE = /_x[0-9A-Fa-f]{4}_|[&<>\u0000-\u0008\u000b-\u001f\ufffe\uffff]/;

/** Escape element text the way Excel does: XML entities, control characters and literal `_xHHHH_`. */
export function escapeText(s: string): string {
  // Most text needs none of it: one scan instead of five replacements.
  if (!NEEDS_TEXT_ESCAPE.test(s)) return s;
  return s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    // Characters XML cannot hold, and CR (a parser would turn it into LF).
    // eslint-disable-next-line no-control-regex -- exactly those characters
    .replace(/[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`);
}

/** Escape an attribute value (no control characters survive in attributes). */
export function escapeAttr(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\r\n|\r|\n/g, "&#10;")
    .replace(/\t/g, "&#9;")
    // eslint-disable-next-line no-control-regex -- characters XML cannot hold
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
}

const ATTR_PATTERNS = new Map<string, RegExp>();

function attrPattern(name: string): RegExp {
  let re = ATTR_PATTERNS.get(name);
  if (!re) ATTR_PATTERNS.set(name, (re = new RegExp(`(\\s)${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  return re;
}

/** The start tag with attribute `name` set to `value` (quote style kept; added after the tag name when absent). */
function setAttr(tag: string, name: string, value: string): string {
  const re = attrPattern(name);
  const m = re.exec(tag);
  if (m) {
    const q = m[2][0];
    return tag.slice(0, m.index) + `${m[1]}${name}=${q}${escapeAttr(value)}${q}` + tag.slice(m.index + m[0].length);
  }
  const nameEnd = /^<[^\s/>]+/.exec(tag)![0].length;
  return `${tag.slice(0, nameEnd)} ${name}="${escapeAttr(value)}"${tag.slice(nameEnd)}`;
}

/** The start tag without attribute `name` (and the whitespace before it). */
function removeAttr(tag: string, name: string): string {
  const m = attrPattern(name).exec(tag);
  return m ? tag.slice(0, m.index) + tag.slice(m.index + m[0].length) : tag;
}

/** Attribute of a start tag (decoded), or undefined. */
function tagAttr(tag: string, name: string): string | undefined {
  const m = attrPattern(name).exec(tag);
  return m ? decodeXmlAttr(m[3] ?? m[4] ?? "") : undefined;
}

/** The prefix (with colon) bound to namespace `ns` on the root start tag, "" for the default, undefined when not declared. */
function nsPrefix(rootTag: string, ns: string): string | undefined {
  const re = /\sxmlns(?::([\w.-]+))?\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(rootTag)) !== null) if ((m[3] ?? m[4]) === ns) return m[1] ? `${m[1]}:` : "";
  return undefined;
}

/** An `r:id` attribute text for a new element, declaring the namespace locally when the root does not. */
function relIdAttr(rootTag: string, id: string): string {
  const p = nsPrefix(rootTag, NS_R);
  if (p) return `${p}id="${escapeAttr(id)}"`;
  return `xmlns:hr="${NS_R}" hr:id="${escapeAttr(id)}"`;
}

/** Value of an `r:id`-like attribute (any prefix bound to the relationships namespace; "id" local name). */
function relIdOf(tag: string): string | undefined {
  return /\s[\w.-]+:id\s*=\s*["']([^"']*)["']/.exec(tag)?.[1];
}

/** Text edits on one string, applied from the end so offsets stay valid. */
class Splices {
  private readonly list: { start: number; end: number; text: string; order: number }[] = [];
  add(start: number, end: number, text: string): void {
    this.list.push({ start, end, text, order: this.list.length });
  }
  get size(): number {
    return this.list.length;
  }
  /** Hand these edits to another set. */
  moveTo(other: Splices): void {
    for (const e of this.list) other.add(e.start, e.end, e.text);
    this.list.length = 0;
  }
  /**
   * The edits in the order they apply: by position; at one position an insertion (nothing replaced,
   * e.g. a new cell before the next existing one) before a replacement starting there; otherwise in
   * the order they were added.
   */
  private sorted(): { start: number; end: number; text: string; order: number }[] {
    return [...this.list].sort((a, b) => a.start - b.start || Number(a.end > a.start) - Number(b.end > b.start) || a.order - b.order);
  }

  /** The edited string, built in one pass. */
  apply(s: string): string {
    const sorted = this.sorted();
    const out: string[] = [];
    let pos = 0;
    for (const e of sorted) {
      if (e.start < pos) throw new Error("overlapping edits");
      out.push(s.slice(pos, e.start), e.text);
      pos = e.end;
    }
    out.push(s.slice(pos));
    return out.join("");
  }

  /** {@link apply} as UTF-8 bytes, written piece by piece (a marked 100,000-row sheet is never joined into one string). */
  applyBytes(s: string, sizeHint?: number): Uint8Array {
    const sorted = this.sorted();
    // Room for all of it at once when the size of the text is known (no chunks to join at the end).
    let inserted = 0;
    for (const e of sorted) inserted += e.text.length;
    const out = new Utf8Writer(sizeHint !== undefined ? sizeHint + 3 * inserted + 64 : 1 << 20);
    let pos = 0;
    for (const e of sorted) {
      if (e.start < pos) throw new Error("overlapping edits");
      if (e.start > pos) out.write(s.slice(pos, e.start));
      out.write(e.text);
      pos = e.end;
    }
    if (pos < s.length) out.write(s.slice(pos));
    return out.bytes();
  }

}

// =============================================================================================
// Relationships and content types

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
  start: number;
  end: number;
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

function dirOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i + 1);
}

function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = (dirOf(source) + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

/** The relative target from `source`'s folder to `target`. */
function relativeTarget(source: string, target: string): string {
  const from = dirOf(source).split("/").filter(Boolean);
  const to = target.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

function parseRels(xml: string | undefined): Rel[] {
  if (!xml) return [];
  const rels: Rel[] = [];
  const re = /<(?:[\w.-]+:)?Relationship\b((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?Relationship>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const id = attr(m[1], "Id");
    const target = attr(m[1], "Target");
    if (id === undefined || target === undefined) continue;
    rels.push({ id, type: attr(m[1], "Type") ?? "", target, external: attr(m[1], "TargetMode") === "External", start: m.index, end: m.index + m[0].length });
  }
  return rels;
}

/** Relationships of a part (resolved targets). */
function relsOf(pkg: Package, part: string): (Rel & { path: string })[] {
  return parseRels(pkg.text(relsPathOf(part))).map((r) => ({ ...r, path: r.external ? r.target : resolveTarget(part, r.target) }));
}

/** A relationship id not used in the rels part nor as an id-like attribute value in `alsoAvoid`. */
function freeRelId(pkg: Package, part: string, alsoAvoid = ""): string {
  let max = 0;
  const consider = (id: string) => {
    const m = /^rId(\d+)$/i.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  };
  for (const r of parseRels(pkg.text(relsPathOf(part)))) consider(r.id);
  const re = /["'](rId\d+)["']/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(alsoAvoid)) !== null) consider(m[1]);
  return `rId${max + 1}`;
}

/** Add a relationship from `source` to `targetPart`; returns whether the rels part was created. */
function addRel(pkg: Package, source: string, id: string, type: string, targetPart: string): boolean {
  const relsPath = relsPathOf(source);
  const xml = pkg.text(relsPath);
  const el = `<Relationship Id="${escapeAttr(id)}" Type="${type}" Target="${escapeAttr(relativeTarget(source, targetPart))}"/>`;
  if (xml === undefined) {
    pkg.put(relsPath, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}">${el}</Relationships>`);
    return true;
  }
  const root = rootElement(xml);
  if (!root || localName(root.qname) !== "Relationships") throw new EngineError("output.cannotKeepPart", { file: pkg.fileName, part: relsPath });
  const p = prefixOf(root.qname);
  const tagged = p ? el.replace("<Relationship ", `<${p}Relationship `) : el;
  pkg.put(relsPath, root.selfClosing ? xml.slice(0, root.start) + `${xml.slice(root.start, root.openEnd - 2)}>${tagged}</${root.qname}>` + xml.slice(root.end) : xml.slice(0, root.closeStart) + tagged + xml.slice(root.closeStart));
  return false;
}

/** Remove relationship `id` from `source`'s rels part; removes the rels part when `dropIfEmpty` and nothing is left. */
function removeRel(pkg: Package, source: string, id: string, dropIfEmpty: boolean): void {
  const relsPath = relsPathOf(source);
  const xml = pkg.text(relsPath);
  if (xml === undefined) return;
  const rels = parseRels(xml);
  const rel = rels.find((r) => r.id === id);
  if (!rel) return;
  if (dropIfEmpty && rels.length === 1) {
    pkg.remove(relsPath);
    return;
  }
  pkg.put(relsPath, xml.slice(0, rel.start) + xml.slice(rel.end));
}

const CT_PATH = "[Content_Types].xml";

function addOverride(pkg: Package, part: string, type: string): void {
  const xml = pkg.need(CT_PATH);
  const root = rootElement(xml);
  if (!root || root.selfClosing) throw new EngineError("output.cannotKeepPart", { file: pkg.fileName, part: CT_PATH });
  const p = prefixOf(root.qname);
  pkg.put(CT_PATH, xml.slice(0, root.closeStart) + `<${p}Override PartName="/${escapeAttr(part)}" ContentType="${type}"/>` + xml.slice(root.closeStart));
}

function removeOverride(pkg: Package, part: string): void {
  const xml = pkg.text(CT_PATH);
  if (xml === undefined) return;
  const re = /<(?:[\w.-]+:)?Override\b((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/>/g;
  let m: RegExpExecArray | null;
  const key = keyOf(part);
  while ((m = re.exec(xml)) !== null) {
    if (keyOf(attr(m[1], "PartName") ?? "") === key) {
      pkg.put(CT_PATH, xml.slice(0, m.index) + xml.slice(m.index + m[0].length));
      return;
    }
  }
}

function hasDefault(xml: string, ext: string): boolean {
  const re = /<(?:[\w.-]+:)?Default\b((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) if ((attr(m[1], "Extension") ?? "").toLowerCase() === ext) return true;
  return false;
}

/** Add a content-type default for an extension (at the start, where defaults go); false when one exists. */
function ensureDefault(pkg: Package, ext: string, type: string): boolean {
  const xml = pkg.need(CT_PATH);
  if (hasDefault(xml, ext)) return false;
  const root = rootElement(xml);
  if (!root || root.selfClosing) throw new EngineError("output.cannotKeepPart", { file: pkg.fileName, part: CT_PATH });
  pkg.put(CT_PATH, xml.slice(0, root.openEnd) + `<${prefixOf(root.qname)}Default Extension="${ext}" ContentType="${type}"/>` + xml.slice(root.openEnd));
  return true;
}

function removeDefault(pkg: Package, ext: string): void {
  const xml = pkg.text(CT_PATH);
  if (xml === undefined) return;
  const re = /<(?:[\w.-]+:)?Default\b((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    if ((attr(m[1], "Extension") ?? "").toLowerCase() === ext) {
      pkg.put(CT_PATH, xml.slice(0, m.index) + xml.slice(m.index + m[0].length));
      return;
    }
  }
}

/** A part name `prefix{n}suffix` not in the package (n from 1). */
function freePartName(pkg: Package, prefix: string, suffix: string, taken: Set<string> = new Set()): string {
  for (let n = 1; ; n++) {
    const name = `${prefix}${n}${suffix}`;
    if (!pkg.has(name) && !taken.has(keyOf(name))) return name;
  }
}

// =============================================================================================
// The workbook part

interface BookSheet {
  name: string;
  sheetId: number;
  rid: string;
  /** Resolved part path ("xl/worksheets/sheet1.xml"); undefined for a relationship that is not internal. */
  part: string | undefined;
  type: string;
  /** Position in `<sheets>` (0-based), what `localSheetId` counts. */
  index: number;
  start: number;
  end: number;
}

interface Book {
  path: string;
  relsPath: string;
  sheets: BookSheet[];
  rels: (Rel & { path: string })[];
}

function loadWorkbook(pkg: Package): Book {
  const rootRels = relsOf(pkg, "");
  const office = rootRels.find((r) => r.type === REL.officeDocument || r.type.endsWith("/officeDocument"));
  const path = office ? office.path : "xl/workbook.xml";
  const xml = pkg.text(path);
  if (xml === undefined || !/<(?:[\w.-]+:)?workbook\b/.test(xml)) throw new EngineError("file.notWorkbook", { file: pkg.fileName });
  const root = rootElement(xml);
  if (!root || root.name !== "workbook" || root.selfClosing) throw new EngineError("file.corruptPart", { file: pkg.fileName, part: path });
  const rootTag = xml.slice(root.start, root.openEnd);
  if (nsPrefix(rootTag, NS_STRICT) !== undefined && nsPrefix(rootTag, NS_MAIN) === undefined) throw new EngineError("output.unsupportedPackage", { file: pkg.fileName, kind: "strict" });
  if (!pkg.has(CT_PATH)) throw new EngineError("file.missingPart", { file: pkg.fileName, part: CT_PATH });
  pkg.stamp ??= pkg.stampOf(path);
  const rels = relsOf(pkg, path);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const children = childElements(xml, root.openEnd, root.closeStart);
  if (!children) throw new EngineError("file.corruptPart", { file: pkg.fileName, part: path });
  const sheetsEl = childNamed(children, "sheets");
  const sheets: BookSheet[] = [];
  if (sheetsEl && !sheetsEl.selfClosing) {
    const list = childElements(xml, sheetsEl.openEnd, sheetsEl.closeStart) ?? [];
    for (const el of list) {
      if (el.name !== "sheet") continue;
      const tag = xml.slice(el.start, el.openEnd);
      const rid = relIdOf(tag) ?? "";
      const rel = relById.get(rid);
      if (!rel) throw new EngineError("file.missingPart", { file: pkg.fileName, part: `${relsPathOf(path)}#${rid}` });
      if (!rel.external && !pkg.has(rel.path)) throw new EngineError("file.missingPart", { file: pkg.fileName, part: rel.path });
      sheets.push({ name: tagAttr(tag, "name") ?? "", sheetId: Number(tagAttr(tag, "sheetId") ?? 0), rid, part: rel.external ? undefined : rel.path, type: rel.type, index: sheets.length, start: el.start, end: el.end });
    }
  }
  return { path, relsPath: relsPathOf(path), sheets, rels };
}

/** Workbook children in schema order (CT_Workbook). */
const WORKBOOK_ORDER = ["fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];

interface DefinedName {
  name: string;
  localSheetId: number | undefined;
  value: string;
  start: number;
  end: number;
  tag: string;
}

function definedNames(xml: string): { el: Element | undefined; names: DefinedName[]; prefix: string } {
  const root = rootElement(xml)!;
  const children = childElements(xml, root.openEnd, root.closeStart) ?? [];
  const el = childNamed(children, "definedNames");
  const names: DefinedName[] = [];
  if (el && !el.selfClosing) {
    for (const c of childElements(xml, el.openEnd, el.closeStart) ?? []) {
      if (c.name !== "definedName") continue;
      const tag = xml.slice(c.start, c.openEnd);
      const lsi = tagAttr(tag, "localSheetId");
      names.push({ name: tagAttr(tag, "name") ?? "", localSheetId: lsi === undefined ? undefined : Number(lsi), value: c.selfClosing ? "" : decodeXmlText(xml.slice(c.openEnd, c.closeStart)), start: c.start, end: c.end, tag });
    }
  }
  return { el, names, prefix: prefixOf(root.qname) };
}

// =============================================================================================
// Styles: lists appended at their ends, so existing indices keep their meaning

type ListName = "numFmts" | "fonts" | "fills" | "borders" | "cellXfs";
const LIST_ITEM: Record<ListName, string> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellXfs: "xf" };
const LISTS: ListName[] = ["numFmts", "fonts", "fills", "borders", "cellXfs"];
const STYLES_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
/** Built-in number formats we use (ECMA-376 Part 1, 18.8.30). */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };

/** What a {@link PlanStyle} looks like. */
interface StyleSpec {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size: number;
  color?: string;
  fill?: string;
  border: boolean;
  numFmt?: string;
  h?: "center" | "left" | "right";
  v?: "center" | "top";
  wrap?: boolean;
}

const PLAN_STYLES: Record<PlanStyle, StyleSpec> = {
  title: { bold: true, size: 14, border: false, h: "center", v: "center", wrap: true },
  subtitle: { bold: true, size: 12, border: false, h: "center", v: "center" },
  italic: { italic: true, size: 12, border: false, h: "center", v: "center" },
  header: { bold: true, size: 11, border: true, fill: "D9D9D9", h: "center", v: "center", wrap: true },
  text: { size: 11, border: true, v: "center" },
  textWrap: { size: 11, border: true, v: "center", wrap: true },
  integer: { size: 11, border: true, numFmt: "#,##0", v: "center" },
  percent: { size: 11, border: true, numFmt: "0.0%", v: "center" },
  date: { size: 11, border: true, numFmt: "dd/mm/yyyy", h: "center", v: "center" },
  totalText: { bold: true, size: 11, border: true, v: "center" },
  totalInteger: { bold: true, size: 11, border: true, numFmt: "#,##0", v: "center" },
  totalPercent: { bold: true, size: 11, border: true, numFmt: "0.0%", v: "center" },
  shortage: { size: 11, border: true, numFmt: "#,##0", color: "C65911", v: "center" },
  excess: { size: 11, border: true, numFmt: "#,##0", color: "C00000", v: "center" },
  severityError: { size: 11, border: true, fill: HIGHLIGHT_FILLS.error, color: "9C0006", v: "center" },
  severityWarning: { size: 11, border: true, fill: HIGHLIGHT_FILLS.warning, color: "9C5700", v: "center" },
  severityInfo: { size: 11, border: true, fill: "DDEBF7", color: "1F4E78", v: "center" },
  link: { size: 11, border: true, color: "0563C1", underline: true, v: "center" },
  signatureTitle: { bold: true, size: 12, border: false, h: "center", v: "center" },
  signatureNote: { italic: true, size: 12, border: false, h: "center", v: "center" },
  plain: { size: 11, border: false, v: "center" },
};

const DEFAULT_ITEMS: Record<ListName, (p: string) => string[]> = {
  numFmts: () => [],
  fonts: (p) => [`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/><${p}family val="2"/></${p}font>`],
  fills: (p) => [`<${p}fill><${p}patternFill patternType="none"/></${p}fill>`, `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`],
  borders: (p) => [`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`],
  cellXfs: (p) => [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`],
};

class StylesEditor {
  private readonly p: string;
  private readonly root: Element;
  private readonly children: Element[];
  private readonly lists = {} as Record<ListName, { el: Element | undefined; items: string[]; added: string[]; created: boolean }>;
  private readonly cache = new Map<string, number>();
  /** True once a cell format was asked for. */
  used = false;

  constructor(private readonly xml: string, readonly part: string, fileName: string) {
    const root = rootElement(xml);
    const children = root && root.name === "styleSheet" && !root.selfClosing ? childElements(xml, root.openEnd, root.closeStart) : root?.selfClosing ? [] : undefined;
    if (!root || !children) throw new EngineError("output.cannotKeepPart", { file: fileName, part });
    this.root = root;
    this.children = children;
    this.p = prefixOf(root.qname);
    for (const name of LISTS) {
      const el = childNamed(children, name);
      let items: string[] = [];
      if (el && !el.selfClosing) {
        const kids = childElements(xml, el.openEnd, el.closeStart);
        if (!kids) throw new EngineError("output.cannotKeepPart", { file: fileName, part });
        items = kids.filter((k) => k.name === LIST_ITEM[name]).map((k) => xml.slice(k.start, k.end));
      }
      // A list Excel needs but the part lacks: created with the defaults at its head, so index 0 keeps meaning "default".
      const created = el === undefined;
      this.lists[name] = { el, items: created ? [] : items, added: created ? DEFAULT_ITEMS[name](this.p) : [], created };
    }
    // Fills 0 and 1 are reserved (none, gray125): pad a short list so ours never land there.
    const fills = this.lists.fills;
    const pad = DEFAULT_ITEMS.fills(this.p);
    while (fills.items.length + fills.added.length < 2) fills.added.push(pad[fills.items.length + fills.added.length]);
  }

  private count(name: ListName): number {
    return this.lists[name].items.length + this.lists[name].added.length;
  }

  private item(name: ListName, index: number): string | undefined {
    const l = this.lists[name];
    return index < l.items.length ? l.items[index] : l.added[index - l.items.length];
  }

  /** Append (or find among ours) an item; returns its index. */
  private add(name: ListName, xml: string): number {
    const key = `${name}\u0000${xml}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const index = this.count(name);
    this.lists[name].added.push(xml);
    this.cache.set(key, index);
    return index;
  }

  private solidFill(rgb: string): number {
    const p = this.p;
    return this.add("fills", `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
  }

  private numFmt(code: string): number {
    if (BUILTIN_FORMATS[code] !== undefined) return BUILTIN_FORMATS[code];
    let max = 163;
    for (const it of [...this.lists.numFmts.items, ...this.lists.numFmts.added]) {
      const id = Number(tagAttr(it, "numFmtId"));
      if (tagAttr(it, "formatCode") === code && Number.isFinite(id)) return id;
      if (Number.isFinite(id)) max = Math.max(max, id);
    }
    const id = max + 1;
    this.lists.numFmts.added.push(`<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /**
   * The fill a cell with xf `index` shows, in the terms Office.js uses: none, a solid RGB colour,
   * or another pattern (theme and indexed colours are recorded without an RGB value).
   */
  originalFill(index: number): OriginalFill {
    const fillId = Number(tagAttr(/^<[^>]*>/.exec(this.xf(index))?.[0] ?? "", "fillId") ?? "0");
    const fill = this.item("fills", fillId) ?? "";
    const pattern = /patternType="([^"]*)"/.exec(fill)?.[1];
    if (!pattern || pattern === "none") return { kind: "none" };
    const fg = /<(?:[\w.-]+:)?fgColor\b[^>]*?\brgb="(?:[0-9A-Fa-f]{2})?([0-9A-Fa-f]{6})"/.exec(fill)?.[1]?.toUpperCase();
    if (pattern === "solid") return fg ? { kind: "solid", color: fg } : { kind: "pattern", pattern: "Solid" };
    // For a pattern, OOXML's bgColor is the background (Office.js `color`) and fgColor the
    // pattern's colour (`patternColor`); pattern names are given as Office.js names.
    const bg = /<(?:[\w.-]+:)?bgColor\b[^>]*?\brgb="(?:[0-9A-Fa-f]{2})?([0-9A-Fa-f]{6})"/.exec(fill)?.[1]?.toUpperCase();
    return { kind: "pattern", pattern: OFFICE_PATTERN[pattern] ?? pattern, ...(bg ? { color: bg } : {}), ...(fg ? { patternColor: fg } : {}) };
  }

  /** The xf at `index` (the default one for an index out of range). */
  private xf(index: number): string {
    return this.item("cellXfs", index) ?? this.item("cellXfs", 0) ?? DEFAULT_ITEMS.cellXfs(this.p)[0];
  }

  /** A copy of xf `from` with the highlight fill of `severity` and/or font `fontName`. */
  markedXf(from: number, severity: HighlightSeverity | undefined, fontName: string | undefined): number {
    this.used = true;
    const key = `marked\u0000${from}\u0000${severity ?? ""}\u0000${fontName ?? ""}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const xf = this.xf(from);
    const tagEnd = /^<[^>]*?(\/?)>/.exec(xf)!;
    let tag = tagEnd[0];
    const selfClosing = tagEnd[1] === "/";
    if (severity) tag = setAttr(setAttr(tag, "fillId", String(this.solidFill(HIGHLIGHT_FILLS[severity]))), "applyFill", "1");
    if (fontName) {
      const fontId = Number(tagAttr(tag, "fontId") ?? "0");
      tag = setAttr(setAttr(tag, "fontId", String(this.renamedFont(fontId, fontName))), "applyFont", "1");
    }
    const index = this.add("cellXfs", selfClosing ? tag : tag + xf.slice(tagEnd[0].length));
    this.cache.set(key, index);
    return index;
  }

  /** A copy of font `from` named `fontName` (no charset, no theme scheme: the name must win). */
  private renamedFont(from: number, fontName: string): number {
    const p = this.p;
    const font = this.item("fonts", from) ?? this.item("fonts", 0) ?? DEFAULT_ITEMS.fonts(p)[0];
    const name = `<${p}name val="${escapeAttr(fontName)}"/>`;
    let out = font.replace(/<(?:[\w.-]+:)?(?:charset|scheme)\b[^>]*?\/>/g, "");
    if (/<(?:[\w.-]+:)?name\b[^>]*?\/>/.test(out)) out = out.replace(/<(?:[\w.-]+:)?name\b[^>]*?\/>/, name);
    else if (/\/>$/.test(out) && !out.includes("</")) out = out.replace(/\s*\/>$/, `>${name}</${p}font>`);
    else out = out.replace(/<\/(?:[\w.-]+:)?font>$/, `${name}$&`);
    return this.add("fonts", out);
  }

  /** The xf of a {@link PlanStyle}. */
  planXf(style: PlanStyle): number {
    this.used = true;
    const key = `plan\u0000${style}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const s = PLAN_STYLES[style];
    const p = this.p;
    const font = this.add(
      "fonts",
      `<${p}font>${s.bold ? `<${p}b/>` : ""}${s.italic ? `<${p}i/>` : ""}${s.underline ? `<${p}u/>` : ""}<${p}sz val="${s.size}"/>${s.color ? `<${p}color rgb="FF${s.color}"/>` : ""}<${p}name val="${SHEET_FONT}"/><${p}family val="1"/><${p}charset val="163"/></${p}font>`,
    );
    const fill = s.fill ? this.solidFill(s.fill) : 0;
    const thin = `<${p}left style="thin"><${p}color auto="1"/></${p}left><${p}right style="thin"><${p}color auto="1"/></${p}right><${p}top style="thin"><${p}color auto="1"/></${p}top><${p}bottom style="thin"><${p}color auto="1"/></${p}bottom><${p}diagonal/>`;
    const border = s.border ? this.add("borders", `<${p}border>${thin}</${p}border>`) : this.add("borders", `<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`);
    const fmt = s.numFmt ? this.numFmt(s.numFmt) : 0;
    const align = s.h || s.v || s.wrap ? `<${p}alignment${s.h ? ` horizontal="${s.h}"` : ""}${s.v ? ` vertical="${s.v}"` : ""}${s.wrap ? ' wrapText="1"' : ""}/>` : "";
    const xf = `<${p}xf numFmtId="${fmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0" applyNumberFormat="${fmt ? 1 : 0}" applyFont="1" applyFill="${fill ? 1 : 0}" applyBorder="1" applyAlignment="${align ? 1 : 0}"${align ? `>${align}</${p}xf>` : "/>"}`;
    const index = this.add("cellXfs", xf);
    this.cache.set(key, index);
    return index;
  }

  /** The edited part and the record of what was appended. */
  finish(): { xml: string; change: StylesChange } {
    const sp = new Splices();
    const change: StylesChange = { part: this.part, crc: textCrc(this.xml), length: this.xml.length, lists: {} };
    const p = this.p;
    for (const name of LISTS) {
      const l = this.lists[name];
      if (l.added.length === 0) continue;
      const total = l.items.length + l.added.length;
      const added = l.added.join("");
      if (!l.el) {
        change.lists[name] = { open: null, count: 0, selfClosing: false };
        const at = this.root.selfClosing ? -1 : insertionPoint(this.children, STYLES_ORDER, name, this.root.closeStart);
        if (at < 0) continue; // handled below for a self-closing root
        sp.add(at, at, `<${p}${name} count="${total}">${added}</${p}${name}>`);
        continue;
      }
      const open = this.xml.slice(l.el.start, l.el.openEnd);
      change.lists[name] = { open, count: l.items.length, selfClosing: l.el.selfClosing };
      const hasCount = tagAttr(open, "count") !== undefined;
      let newOpen = hasCount ? setAttr(open, "count", String(total)) : open;
      if (l.el.selfClosing) {
        newOpen = newOpen.replace(/\s*\/>$/, ">");
        sp.add(l.el.start, l.el.end, `${newOpen}${added}</${l.el.qname}>`);
      } else {
        sp.add(l.el.start, l.el.openEnd, newOpen);
        sp.add(l.el.closeStart, l.el.closeStart, added);
      }
    }
    let xml = sp.apply(this.xml);
    if (this.root.selfClosing) {
      const created = LISTS.filter((n) => this.lists[n].added.length > 0 && !this.lists[n].el)
        .map((n) => `<${p}${n} count="${this.count(n)}">${this.lists[n].added.join("")}</${p}${n}>`)
        .join("");
      const tag = xml.slice(this.root.start, this.root.end).replace(/\s*\/>$/, ">");
      xml = xml.slice(0, this.root.start) + tag + created + `</${this.root.qname}>` + xml.slice(this.root.end);
      change.rootSelfClosing = true;
    }
    return { xml, change };
  }
}

function textCrc(text: string): number {
  return crc32(utf8Encoder.encode(text));
}

/** The styles part as it was before {@link StylesEditor.finish}, or undefined when it cannot be told exactly. */
function unappendStyles(xml: string, change: StylesChange): string | undefined {
  const root = rootElement(xml);
  if (!root || root.selfClosing) return undefined;
  const children = childElements(xml, root.openEnd, root.closeStart);
  if (!children) return undefined;
  const sp = new Splices();
  for (const name of LISTS) {
    const rec = change.lists[name];
    if (!rec) continue;
    const el = childNamed(children, name);
    if (!el) return undefined;
    if (rec.open === null) {
      sp.add(el.start, el.end, "");
      continue;
    }
    const items = el.selfClosing ? [] : (childElements(xml, el.openEnd, el.closeStart) ?? []).filter((k) => k.name === LIST_ITEM[name as ListName]);
    if (items.length < rec.count) return undefined;
    const content = el.selfClosing ? "" : xml.slice(el.openEnd, items.length > rec.count ? items[rec.count].start : el.closeStart);
    sp.add(el.start, el.end, rec.selfClosing ? rec.open : `${rec.open}${content}</${el.qname}>`);
  }
  let out = sp.apply(xml);
  if (change.rootSelfClosing) {
    const r = rootElement(out);
    if (!r || r.selfClosing || r.closeStart !== r.openEnd) return undefined;
    out = out.slice(0, r.start) + out.slice(r.start, r.openEnd).replace(/>$/, "/>") + out.slice(r.end);
  }
  return out.length === change.length && textCrc(out) === change.crc ? out : undefined;
}

// =============================================================================================
// Worksheet parts: rows and cells located by scanning, edited by splices

/** Worksheet children in schema order (CT_Worksheet). */
const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState",
  "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
  "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF",
  "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

const ATTRS = `((?:\\s+[^\\s=/>]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(\\/?)>`;

interface RowLoc {
  num: number;
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
  tag: string;
}

interface CellLoc {
  col: number;
  start: number;
  openEnd: number;
  end: number;
  selfClosing: boolean;
  tag: string;
}

class SheetXml {
  readonly p: string;
  readonly root: Element;
  readonly rootTag: string;
  readonly children: Element[];
  readonly data: Element;
  // The rows in document order, as numbers only (a 100,000-row sheet would otherwise make
  // 100,000 objects that live as long as the sheet): number, start of `<row`, end of the start
  // tag, start of `</row>` and end of the element (a self-closing row ends where its tag does).
  private readonly rowNum: number[] = [];
  private readonly rowStart: number[] = [];
  private readonly rowOpenEnd: number[] = [];
  private readonly rowCloseStart: number[] = [];
  private readonly rowEnd: number[] = [];
  /** Row number → index of its first row element. */
  private readonly byNum = new Map<number, number>();

  constructor(readonly xml: string, part: string, fileName: string) {
    const root = rootElement(xml);
    const children = root && root.name === "worksheet" && !root.selfClosing ? childElements(xml, root.openEnd, root.closeStart, new Set(["sheetData"])) : undefined;
    const data = children ? childNamed(children, "sheetData") : undefined;
    if (!root || !children || !data) throw new EngineError("output.cannotKeepPart", { file: fileName, part });
    this.root = root;
    this.rootTag = xml.slice(root.start, root.openEnd);
    this.children = children;
    this.data = data;
    this.p = prefixOf(root.qname);
    if (data.selfClosing) return;
    const rowRe = new RegExp(`<${escapeRe(this.p)}row\\b${ATTRS}`, "g");
    rowRe.lastIndex = data.openEnd;
    const close = `</${this.p}row>`;
    let m: RegExpExecArray | null;
    let num = 0;
    while ((m = rowRe.exec(xml)) !== null && m.index < data.closeStart) {
      const r = attr(m[1], "r");
      num = r !== undefined ? Number(r) : num + 1;
      const openEnd = m.index + m[0].length;
      const selfClosing = m[2] === "/";
      const closeStart = selfClosing ? openEnd : xml.indexOf(close, openEnd);
      if (closeStart < 0 || closeStart > data.closeStart || !Number.isInteger(num) || num < 1) throw new EngineError("output.cannotKeepPart", { file: fileName, part });
      const end = selfClosing ? openEnd : closeStart + close.length;
      if (!this.byNum.has(num)) this.byNum.set(num, this.rowNum.length);
      this.rowNum.push(num);
      this.rowStart.push(m.index);
      this.rowOpenEnd.push(openEnd);
      this.rowCloseStart.push(closeStart);
      this.rowEnd.push(end);
      rowRe.lastIndex = end;
    }
  }

  /** How many row elements the sheet has. */
  get rowCount(): number {
    return this.rowNum.length;
  }

  row(num: number): RowLoc | undefined {
    const i = this.byNum.get(num);
    if (i === undefined) return undefined;
    const start = this.rowStart[i];
    const openEnd = this.rowOpenEnd[i];
    const end = this.rowEnd[i];
    return { num, start, openEnd, closeStart: this.rowCloseStart[i], end, selfClosing: end === openEnd, tag: this.xml.slice(start, openEnd) };
  }

  /** The cells of a row, with their columns (explicit or implied). */
  cells(row: RowLoc): CellLoc[] {
    if (row.selfClosing) return [];
    const out: CellLoc[] = [];
    const re = new RegExp(`<${escapeRe(this.p)}c\\b${ATTRS}`, "g");
    re.lastIndex = row.openEnd;
    const close = `</${this.p}c>`;
    let m: RegExpExecArray | null;
    let col = 0;
    while ((m = re.exec(this.xml)) !== null && m.index < row.closeStart) {
      const ref = attr(m[1], "r");
      const parsed = ref !== undefined ? parseCellAddress(ref) : undefined;
      col = parsed ? parsed.col : col + 1;
      const openEnd = m.index + m[0].length;
      const selfClosing = m[2] === "/";
      const end = selfClosing ? openEnd : this.xml.indexOf(close, openEnd) + close.length;
      if (end < openEnd || end > row.closeStart) throw new Error("cell without end");
      out.push({ col, start: m.index, openEnd, end, selfClosing, tag: m[0] });
      re.lastIndex = end;
    }
    return out;
  }

  /** Where a new row `num` goes: before the first row after it (rows are in order; binary search). */
  rowInsertionPoint(num: number): number {
    let lo = 0;
    let hi = this.rowNum.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rowNum[mid] > num) hi = mid;
      else lo = mid + 1;
    }
    return lo < this.rowNum.length ? this.rowStart[lo] : this.data.closeStart;
  }

  /** The style a cell without element shows: its row's (customFormat) or its column's. */
  impliedStyle(row: RowLoc | undefined, col: number): number {
    if (row && /^(1|true)$/.test(tagAttr(row.tag, "customFormat") ?? "")) return Number(tagAttr(row.tag, "s") ?? "0") || 0;
    const cols = childNamed(this.children, "cols");
    if (cols && !cols.selfClosing) {
      const re = new RegExp(`<${escapeRe(this.p)}col\\b${ATTRS}`, "g");
      re.lastIndex = cols.openEnd;
      let m: RegExpExecArray | null;
      while ((m = re.exec(this.xml)) !== null && m.index < cols.closeStart) {
        const min = Number(attr(m[1], "min"));
        const max = Number(attr(m[1], "max") ?? min);
        if (col >= min && col <= max) return Number(attr(m[1], "style") ?? "0") || 0;
      }
    }
    return 0;
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\:]/g, "\\$&");
}

/** What to do to one cell of a user's sheet. */
interface CellTarget {
  row: number;
  col: number;
  severity?: HighlightSeverity;
  repair?: { text: string; fontName: string; original?: string; fromFont?: string };
}

/** Mark cells (fills, text repairs) on one sheet: splices on its XML, and the record. */
function markCells(
  sx: SheetXml,
  sp: Splices,
  targets: CellTarget[],
  styles: StylesEditor,
  sheet: string,
  part: string,
  out: { cells: CellChange[]; skippedRepairs: AnnotateResult["skippedRepairs"] },
): { dataSelfClosing: boolean } {
  const p = sx.p;
  const byRow = new Map<number, CellTarget[]>();
  for (const t of targets) {
    const list = byRow.get(t.row) ?? [];
    list.push(t);
    byRow.set(t.row, list);
  }
  const newRows: { num: number; xml: string }[] = [];
  for (const num of [...byRow.keys()].sort((a, b) => a - b)) {
    const list = byRow.get(num)!.sort((a, b) => a.col - b.col);
    const row = sx.row(num);
    const cells = row ? sx.cells(row) : [];
    const created: { col: number; xml: string }[] = [];
    const createdChanges: CellChange[] = [];
    for (const t of list) {
      const ref = `${columnLetter(t.col)}${t.row}`;
      const cell = cells.find((c) => c.col === t.col);
      if (cell) {
        const sAttr = tagAttr(cell.tag, "s");
        const from = sAttr === undefined ? 0 : Number(sAttr) || 0;
        const elementXml = sx.xml.slice(cell.start, cell.end);
        let repair = t.repair;
        if (repair && /<(?:[\w.-]+:)?f[\s>/]/.test(elementXml.slice(cell.tag.length))) {
          out.skippedRepairs.push({ sheet, cell: ref, reason: "formula" });
          repair = undefined;
        }
        if (!t.severity && !repair) continue;
        const to = styles.markedXf(from, t.severity, repair?.fontName);
        const change: CellChange = { sheet, part, ref, s: sAttr === undefined ? null : from, to };
        if (t.severity) {
          change.mark = HIGHLIGHT_FILLS[t.severity];
          change.fill = styles.originalFill(from);
        }
        if (repair) {
          let tag = setAttr(setAttr(cell.tag, "s", String(to)), "t", "inlineStr");
          tag = tag.replace(/\s*\/>$/, ">");
          const wrote = `${tag}<${p}is><${p}t xml:space="preserve">${escapeText(repair.text)}</${p}t></${p}is></${p}c>`;
          sp.add(cell.start, cell.end, wrote);
          change.xml = elementXml;
          change.wrote = wrote;
          change.repair = { to: repair.text, toFont: repair.fontName, ...(repair.original !== undefined ? { from: repair.original } : {}), ...(repair.fromFont !== undefined ? { fromFont: repair.fromFont } : {}) };
        } else {
          sp.add(cell.start, cell.openEnd, setAttr(cell.tag, "s", String(to)));
        }
        out.cells.push(change);
        continue;
      }
      if (t.repair) out.skippedRepairs.push({ sheet, cell: ref, reason: "noCell" });
      if (!t.severity) continue;
      const eff = sx.impliedStyle(row, t.col);
      const to = styles.markedXf(eff, t.severity, undefined);
      created.push({ col: t.col, xml: `<${p}c r="${ref}" s="${to}"/>` });
      const change: CellChange = { sheet, part, ref, s: "none", to, mark: HIGHLIGHT_FILLS[t.severity], fill: styles.originalFill(eff) };
      if (eff !== 0) change.eff = eff;
      createdChanges.push(change);
    }
    if (created.length === 0) continue;
    if (!row) {
      for (const c of createdChanges) c.row = "created";
      newRows.push({ num, xml: `<${p}row r="${num}">${created.map((c) => c.xml).join("")}</${p}row>` });
    } else if (row.selfClosing) {
      for (const c of createdChanges) {
        c.row = "selfClosing";
        c.rowTag = row.tag;
      }
      sp.add(row.start, row.end, `${row.tag.replace(/\s*\/>$/, ">")}${created.map((c) => c.xml).join("")}</${p}row>`);
    } else {
      for (const c of created) {
        const next = cells.find((x) => x.col > c.col);
        const at = next ? next.start : row.closeStart;
        sp.add(at, at, c.xml);
      }
    }
    out.cells.push(...createdChanges);
  }
  let dataSelfClosing = false;
  if (newRows.length > 0) {
    if (sx.data.selfClosing) {
      dataSelfClosing = true;
      const tag = sx.xml.slice(sx.data.start, sx.data.end).replace(/\s*\/>$/, ">");
      sp.add(sx.data.start, sx.data.end, `${tag}${newRows.map((r) => r.xml).join("")}</${sx.data.qname}>`);
    } else {
      for (const r of newRows) {
        const at = sx.rowInsertionPoint(r.num);
        sp.add(at, at, r.xml);
      }
    }
  }
  return { dataSelfClosing };
}

/** Undo {@link markCells} for the recorded changes of one sheet. */
function unmarkCells(sx: SheetXml, sp: Splices, changes: CellChange[], kept: string[], dataSelfClosing: boolean): void {
  const byRow = new Map<number, CellChange[]>();
  for (const c of changes) {
    const at = parseCellAddress(c.ref);
    if (!at) continue;
    const list = byRow.get(at.row) ?? [];
    list.push(c);
    byRow.set(at.row, list);
  }
  const local = new Splices();
  let removedRows = 0;
  for (const [num, list] of byRow) {
    const row = sx.row(num);
    if (!row) {
      kept.push(...list.map((c) => `${c.sheet}!${c.ref}`));
      continue;
    }
    const cells = sx.cells(row);
    const removals: CellLoc[] = [];
    const edits: { start: number; end: number; text: string }[] = [];
    for (const c of list) {
      const col = parseCellAddress(c.ref)!.col;
      const cell = cells.find((x) => x.col === col);
      if (!cell) {
        kept.push(`${c.sheet}!${c.ref}`);
        continue;
      }
      if (c.xml !== undefined && c.wrote !== undefined) {
        if (sx.xml.slice(cell.start, cell.end) === c.wrote) edits.push({ start: cell.start, end: cell.end, text: c.xml });
        else kept.push(`${c.sheet}!${c.ref}`);
        continue;
      }
      if (Number(tagAttr(cell.tag, "s") ?? "0") !== c.to) {
        kept.push(`${c.sheet}!${c.ref}`);
        continue;
      }
      if (c.s === "none") {
        if (cell.selfClosing || sx.xml.slice(cell.openEnd, cell.end) === `</${sx.p}c>`) removals.push(cell);
        else edits.push({ start: cell.start, end: cell.openEnd, text: c.eff ? setAttr(cell.tag, "s", String(c.eff)) : removeAttr(cell.tag, "s") });
        continue;
      }
      edits.push({ start: cell.start, end: cell.openEnd, text: c.s === null ? removeAttr(cell.tag, "s") : setAttr(cell.tag, "s", String(c.s)) });
    }
    const marked = list.find((c) => c.row);
    const emptied = removals.length > 0 && removals.length === cells.length && edits.length === 0;
    if (emptied && marked?.row === "created" && row.tag === `<${sx.p}row r="${num}">`) {
      local.add(row.start, row.end, "");
      removedRows++;
      continue;
    }
    if (emptied && marked?.row === "selfClosing") {
      local.add(row.start, row.end, marked.rowTag ?? row.tag.replace(/>$/, "/>"));
      continue;
    }
    for (const r of removals) local.add(r.start, r.end, "");
    for (const e of edits) local.add(e.start, e.end, e.text);
  }
  if (dataSelfClosing && removedRows > 0 && removedRows === sx.rowCount) {
    // Every row was ours: back to `<sheetData/>`.
    sp.add(sx.data.start, sx.data.end, sx.xml.slice(sx.data.start, sx.data.openEnd).replace(/>$/, "/>"));
    return;
  }
  local.moveTo(sp);
}

// =============================================================================================
// Notes: legacy comments (commentsN.xml) and their VML shapes

interface NoteTarget {
  row: number;
  col: number;
  text: string;
}

const VML_SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function runProps(p: string, bold: boolean): string {
  return `<${p}rPr>${bold ? `<${p}b/>` : ""}<${p}sz val="9"/><${p}color indexed="81"/><${p}rFont val="Tahoma"/><${p}family val="2"/><${p}charset val="163"/></${p}rPr>`;
}

/** Our part of a note: the marker line (bold) and the text. */
function noteRuns(p: string, text: string, appended: boolean): string {
  const marker = `${appended ? "\n" : ""}${NOTE_MARKER}\n`;
  return `<${p}r>${runProps(p, true)}<${p}t xml:space="preserve">${escapeText(marker)}</${p}t></${p}r><${p}r>${runProps(p, false)}<${p}t xml:space="preserve">${escapeText(text)}</${p}t></${p}r>`;
}

function vmlShape(id: string, row: number, col: number, text: string): string {
  const lines = text.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil(l.length / 48)), 1);
  const rowsTall = Math.min(30, Math.max(4, Math.ceil((lines * 12 + 8) / 15)));
  return (
    `<v:shape id="${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:270pt;height:${rowsTall * 15}pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col}, 15, ${Math.max(0, row - 2)}, 10, ${col + 5}, 15, ${Math.max(0, row - 2) + rowsTall}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>${col - 1}</x:Column></x:ClientData></v:shape>`
  );
}

interface CommentLoc {
  ref: string;
  el: Element;
  authorId: number;
}

interface CommentsXml {
  xml: string;
  p: string;
  root: Element;
  authors: Element | undefined;
  authorNames: { name: string; el: Element }[];
  list: Element | undefined;
  comments: CommentLoc[];
}

function parseComments(xml: string, part: string, fileName: string): CommentsXml {
  const root = rootElement(xml);
  const children = root && root.name === "comments" && !root.selfClosing ? childElements(xml, root.openEnd, root.closeStart) : undefined;
  if (!root || !children) throw new EngineError("output.cannotKeepPart", { file: fileName, part });
  const authors = childNamed(children, "authors");
  const list = childNamed(children, "commentList");
  const authorNames = authors && !authors.selfClosing ? (childElements(xml, authors.openEnd, authors.closeStart) ?? []).filter((a) => a.name === "author").map((el) => ({ name: decodeXmlText(xml.slice(el.openEnd, el.closeStart)), el })) : [];
  const comments: CommentLoc[] = [];
  if (list && !list.selfClosing) {
    const kids = childElements(xml, list.openEnd, list.closeStart);
    if (!kids) throw new EngineError("output.cannotKeepPart", { file: fileName, part });
    for (const el of kids) {
      if (el.name !== "comment") continue;
      const tag = xml.slice(el.start, el.openEnd);
      comments.push({ ref: (tagAttr(tag, "ref") ?? "").toUpperCase(), el, authorId: Number(tagAttr(tag, "authorId") ?? "0") });
    }
  }
  return { xml, p: prefixOf(root.qname), root, authors, authorNames, list, comments };
}

/** The `<text>` element of a comment and where runs may be appended in it (before phonetic runs). */
function commentText(xml: string, c: CommentLoc): { text: Element; appendAt: number } | undefined {
  const kids = childElements(xml, c.el.openEnd, c.el.closeStart);
  const text = kids && childNamed(kids, "text");
  if (!text || text.selfClosing) return undefined;
  const inner = childElements(xml, text.openEnd, text.closeStart) ?? [];
  const phonetic = inner.find((k) => k.name === "rPh" || k.name === "phoneticPr");
  return { text, appendAt: phonetic ? phonetic.start : text.closeStart };
}

/** Numbers of the VML shape blocks (`o:idmap data`) in use, and the highest shape number. */
function vmlBlocksInUse(pkg: Package): number {
  let max = 0;
  for (const name of pkg.names()) {
    if (!/\.vml$/i.test(name)) continue;
    const xml = pkg.text(name) ?? "";
    const idmap = /idmap\b[^>]*\bdata\s*=\s*["']([^"']*)["']/.exec(xml);
    for (const n of (idmap?.[1] ?? "").split(/[\s,]+/)) if (/^\d+$/.test(n)) max = Math.max(max, Number(n));
    const re = /_x0000_s(\d+)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(xml)) !== null) max = Math.max(max, Math.floor(Number(m[1]) / 1024));
  }
  return max;
}

/** Write notes on one sheet: into its comments part (created when absent) and VML drawing. */
function writeNotes(
  pkg: Package,
  sx: SheetXml,
  sp: Splices,
  sheet: string,
  part: string,
  notes: NoteTarget[],
  change: SheetPartChange,
  record: ChangeRecord,
  result: AnnotateResult,
  vmlBlock: { next: number },
): void {
  const rels = relsOf(pkg, part);
  const threaded = new Set<string>();
  for (const r of rels) {
    if (r.external || r.type !== REL.threadedComment) continue;
    const xml = pkg.text(r.path) ?? "";
    const re = /<(?:[\w.-]+:)?threadedComment\b((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(xml)) !== null) threaded.add((attr(m[1], "ref") ?? "").toUpperCase());
  }
  const todo = notes.filter((n) => {
    const ref = `${columnLetter(n.col)}${n.row}`;
    if (!threaded.has(ref)) return true;
    result.skippedNotes.push({ sheet, cell: ref, reason: "threadedComment" });
    return false;
  });
  if (todo.length === 0) return;

  // The VML drawing: the sheet's own (notes or form controls), or a new one.
  const legacy = childNamed(sx.children, "legacyDrawing");
  let vmlPath: string;
  let vmlXml: string | undefined;
  let nextShape: number;
  if (legacy) {
    const rid = relIdOf(sx.xml.slice(legacy.start, legacy.openEnd));
    const rel = rels.find((r) => r.id === rid);
    if (!rel || rel.external || !pkg.has(rel.path)) throw new EngineError("file.missingPart", { file: pkg.fileName, part: rel?.path ?? `${relsPathOf(part)}#${rid}` });
    vmlPath = rel.path;
    vmlXml = pkg.need(vmlPath);
    let max = 0;
    const re = /_x0000_s(\d+)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(vmlXml)) !== null) max = Math.max(max, Number(m[1]));
    const idmap = /idmap\b[^>]*\bdata\s*=\s*["'](\d+)/.exec(vmlXml);
    nextShape = max > 0 ? max + 1 : idmap ? Number(idmap[1]) * 1024 + 1 : vmlBlock.next++ * 1024 + 1;
  } else {
    vmlPath = freePartName(pkg, "xl/drawings/vmlDrawing", ".vml");
    nextShape = vmlBlock.next * 1024 + 1;
  }
  const block = legacy ? undefined : vmlBlock.next++;

  // The comments part.
  const commentsRel = rels.find((r) => !r.external && r.type === REL.comments);
  let commentsPath: string;
  let cx: CommentsXml | undefined;
  if (commentsRel) {
    commentsPath = commentsRel.path;
    cx = parseComments(pkg.need(commentsPath), commentsPath, pkg.fileName);
  } else {
    commentsPath = freePartName(pkg, "xl/comments", ".xml");
  }
  const p = cx?.p ?? "";
  let authorId = cx ? cx.authorNames.findIndex((a) => a.name === NOTE_AUTHOR) : 0;
  const csp = new Splices();
  if (cx && authorId < 0) {
    authorId = cx.authorNames.length;
    change.authorAdded = true;
    const el = `<${p}author>${escapeText(NOTE_AUTHOR)}</${p}author>`;
    if (!cx.authors) {
      const kids = childElements(cx.xml, cx.root.openEnd, cx.root.closeStart) ?? [];
      const at = kids.length > 0 ? kids[0].start : cx.root.closeStart;
      csp.add(at, at, `<${p}authors>${el}</${p}authors>`);
    } else if (cx.authors.selfClosing) csp.add(cx.authors.start, cx.authors.end, `<${cx.authors.qname}>${el}</${cx.authors.qname}>`);
    else csp.add(cx.authors.closeStart, cx.authors.closeStart, el);
  }
  // Thousands of notes make megabytes of XML: written as bytes, a new part whole (head, notes, end).
  const commentsOut = new Utf8Writer(1 << 16);
  const shapesOut = new Utf8Writer(1 << 16);
  if (!cx) commentsOut.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS_MAIN}"><authors><author>${escapeText(NOTE_AUTHOR)}</author></authors><commentList>`);
  if (vmlXml === undefined) {
    shapesOut.write(`<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${VML_SHAPETYPE}`);
  }
  let created = 0;
  const byRef = new Map((cx?.comments ?? []).map((c) => [c.ref, c]));
  for (const n of todo.sort((a, b) => a.row - b.row || a.col - b.col)) {
    const ref = `${columnLetter(n.col)}${n.row}`;
    const existing = byRef.get(ref);
    if (existing && cx) {
      const t = commentText(cx.xml, existing);
      if (!t) throw new EngineError("output.cannotKeepPart", { file: pkg.fileName, part: commentsPath });
      csp.add(t.appendAt, t.appendAt, noteRuns(p, n.text, true));
      record.notes.push({ sheet, part, ref, kind: "appended" });
      continue;
    }
    const shapeId = `_x0000_s${nextShape++}`;
    commentsOut.write(`<${p}comment ref="${ref}" authorId="${authorId}" shapeId="0"><${p}text>${noteRuns(p, n.text, false)}</${p}text></${p}comment>`);
    shapesOut.write(vmlShape(shapeId, n.row, n.col, n.text));
    created++;
    record.notes.push({ sheet, part, ref, kind: "created", shape: shapeId });
  }

  let relsCreated = false;
  if (cx) {
    if (created > 0) {
      const newComments = utf8Fatal.decode(commentsOut.bytes());
      if (!cx.list) {
        const at = cx.root.closeStart;
        csp.add(at, at, `<${p}commentList>${newComments}</${p}commentList>`);
      } else if (cx.list.selfClosing) csp.add(cx.list.start, cx.list.end, `<${cx.list.qname}>${newComments}</${cx.list.qname}>`);
      else csp.add(cx.list.closeStart, cx.list.closeStart, newComments);
    }
    if (csp.size > 0) pkg.put(commentsPath, csp.apply(cx.xml));
    change.comments = commentsPath;
  } else {
    commentsOut.write("</commentList></comments>");
    pkg.putBytes(commentsPath, commentsOut.bytes());
    addOverride(pkg, commentsPath, CT.comments);
    const rid = freeRelId(pkg, part, sx.xml);
    relsCreated = addRel(pkg, part, rid, REL.comments, commentsPath) || relsCreated;
    change.comments = commentsPath;
    change.commentsRid = rid;
  }

  if (created === 0) return finishRels();
  if (vmlXml !== undefined) {
    const close = vmlXml.lastIndexOf("</xml>");
    if (close < 0) throw new EngineError("output.cannotKeepPart", { file: pkg.fileName, part: vmlPath });
    let insert = utf8Fatal.decode(shapesOut.bytes());
    if (!/id\s*=\s*["']_x0000_t202["']/.test(vmlXml)) {
      insert = VML_SHAPETYPE + insert;
      change.shapeTypeAdded = true;
    }
    pkg.put(vmlPath, vmlXml.slice(0, close) + insert + vmlXml.slice(close));
    change.vml = vmlPath;
  } else {
    shapesOut.write("</xml>");
    pkg.putBytes(vmlPath, shapesOut.bytes());
    if (ensureDefault(pkg, "vml", CT.vml) && !record.defaults.includes("vml")) record.defaults.push("vml");
    const rid = freeRelId(pkg, part, sx.xml);
    relsCreated = addRel(pkg, part, rid, REL.vml, vmlPath) || relsCreated;
    const at = insertionPoint(sx.children, WORKSHEET_ORDER, "legacyDrawing", sx.root.closeStart);
    sp.add(at, at, `<${sx.p}legacyDrawing ${relIdAttr(sx.rootTag, rid)}/>`);
    change.vml = vmlPath;
    change.legacyDrawing = rid;
  }
  return finishRels();

  function finishRels(): void {
    if (relsCreated) change.relsCreated = true;
  }
}

/** Undo {@link writeNotes} on one sheet; `sp` receives the removal of our `<legacyDrawing>`. */
function unwriteNotes(pkg: Package, sx: SheetXml, sp: Splices, part: string, change: SheetPartChange, notes: NoteChange[], kept: string[]): void {
  const rels = relsOf(pkg, part);
  const commentsRel = rels.find((r) => !r.external && r.type === REL.comments);
  const dropRels = change.relsCreated === true;
  /** Shapes of the notes removed (a note the user rewrote keeps its shape). */
  const removedShapes = new Set<string>();
  if (commentsRel && pkg.has(commentsRel.path)) {
    const cx = parseComments(pkg.need(commentsRel.path), commentsRel.path, pkg.fileName);
    const csp = new Splices();
    const removed = new Set<CommentLoc>();
    const byRef = new Map(cx.comments.map((c) => [c.ref, c]));
    for (const n of notes) {
      const c = byRef.get(n.ref.toUpperCase());
      const body = c ? cx.xml.slice(c.el.start, c.el.end) : "";
      if (!c || !body.includes(NOTE_MARKER)) {
        kept.push(`${n.sheet}!${n.ref}`);
        continue;
      }
      if (n.kind === "created") {
        csp.add(c.el.start, c.el.end, "");
        removed.add(c);
        if (n.shape) removedShapes.add(n.shape);
        continue;
      }
      const t = commentText(cx.xml, c);
      const runs = t ? (childElements(cx.xml, t.text.openEnd, t.text.closeStart) ?? []).filter((k) => k.name === "r") : [];
      const first = runs.findIndex((r) => cx.xml.slice(r.start, r.end).includes(NOTE_MARKER));
      if (first < 0) {
        kept.push(`${n.sheet}!${n.ref}`);
        continue;
      }
      csp.add(runs[first].start, runs[runs.length - 1].end, "");
    }
    const left = cx.comments.filter((c) => !removed.has(c));
    if (change.authorAdded && cx.authorNames.length > 0) {
      const last = cx.authorNames.length - 1;
      if (cx.authorNames[last].name === NOTE_AUTHOR && !left.some((c) => c.authorId === last)) csp.add(cx.authorNames[last].el.start, cx.authorNames[last].el.end, "");
    }
    if (change.commentsRid && left.length === 0 && change.commentsRid === commentsRel.id) {
      pkg.remove(commentsRel.path);
      removeOverride(pkg, commentsRel.path);
      removeRel(pkg, part, commentsRel.id, dropRels);
    } else if (csp.size > 0) pkg.put(commentsRel.path, csp.apply(cx.xml));
  }
  const legacy = childNamed(sx.children, "legacyDrawing");
  const rid = legacy ? relIdOf(sx.xml.slice(legacy.start, legacy.openEnd)) : undefined;
  const vmlRel = rels.find((r) => r.id === rid && !r.external);
  if (!vmlRel || !pkg.has(vmlRel.path)) return;
  // One pass over the shapes: drop ours (those of the notes removed).
  let vml = pkg.need(vmlRel.path);
  if (removedShapes.size > 0) {
    const vsp = new Splices();
    const re = /<((?:[\w.-]+:)?)shape\b((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*>[\s\S]*?<\/\1shape>/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(vml)) !== null) if (removedShapes.has(attr(m[2], "id") ?? "")) vsp.add(m.index, m.index + m[0].length, "");
    vml = vsp.apply(vml);
  }
  if (change.shapeTypeAdded && !/type\s*=\s*["']#_x0000_t202["']/.test(vml)) vml = vml.replace(VML_SHAPETYPE, "");
  const vmlChanged = vml !== pkg.need(vmlRel.path);
  if (change.legacyDrawing && change.legacyDrawing === rid && !/<(?:[\w.-]+:)?shape\b/.test(vml)) {
    pkg.remove(vmlRel.path);
    removeOverride(pkg, vmlRel.path);
    removeRel(pkg, part, vmlRel.id, dropRels);
    sp.add(legacy!.start, legacy!.end, "");
  } else if (vmlChanged) pkg.put(vmlRel.path, vml);
}

// =============================================================================================
// Our own sheets (shared by the annotated copy and the summary workbook)

const SHEET_NAME_MAX = 31;

/** A sheet name Excel accepts, unique (case-insensitively) among `taken`: "Name", "Name (2)", … */
function uniqueSheetName(preferred: string, taken: Set<string>): string {
  // eslint-disable-next-line no-control-regex -- control characters have no place in a tab name
  let base = preferred.replace(/[\u0000-\u001f\u007f\ufffe\uffff]/g, "").replace(/[[\]:*?/\\]/g, "-").replace(/^'+|'+$/g, "").trim();
  base = clip(base, SHEET_NAME_MAX).replace(/'+$/, "").trim();
  if (base === "") base = "Trang";
  let name = base;
  for (let n = 2; taken.has(name.toUpperCase()); n++) {
    const suffix = ` (${n})`;
    name = clip(base, SHEET_NAME_MAX - suffix.length).trimEnd() + suffix;
  }
  taken.add(name.toUpperCase());
  return name;
}

/** A table or defined name Excel accepts, unique among `taken` (upper case). */
function uniqueTableName(preferred: string, taken: Set<string>): string {
  let base = preferred.replace(/[^\p{L}\p{N}_.]/gu, "_");
  if (!/^[\p{L}_]/u.test(base)) base = `_${base}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(base) || /^[RrCc]\d*$/.test(base) || /^R\d*C\d*$/i.test(base)) base = `T_${base}`;
  base = base.slice(0, 250);
  let name = base;
  for (let n = 2; taken.has(name.toUpperCase()); n++) name = `${base}_${n}`;
  taken.add(name.toUpperCase());
  return name;
}

/** OOXML "ST_Xstring" in an attribute: as element text, and line breaks and tabs as `_xHHHH_` too. */
function xstringAttr(s: string): string {
  return escapeText(s)
    .replace(/"/g, "&quot;")
    .replace(/[\n\t]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`);
}

/** The longest start of `s` within `max` UTF-16 units, never splitting a character. */
function clip(s: string, max: number): string {
  let out = "";
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

function absRange(top: number, left: number, bottom: number, right: number): string {
  return `$${columnLetter(left)}$${top}:$${columnLetter(right)}$${bottom}`;
}

function planValueAt(ps: PlanSheet, row: number, col: number): PlanCell | undefined {
  return ps.rows[row - 1]?.[col - 1];
}

/** Names of a table's columns (the header cells' text, unique, never empty). */
function tableColumnNames(ps: PlanSheet): Map<number, string> {
  const t = ps.table!;
  const names = new Map<number, string>();
  const seen = new Set<string>();
  for (let c = t.firstColumn; c <= t.lastColumn; c++) {
    const v = planValueAt(ps, t.headerRow, c)?.value;
    let base = v === null || v === undefined || String(v).trim() === "" ? `Cột ${c - t.firstColumn + 1}` : String(v);
    base = base.slice(0, 255);
    let name = base;
    for (let n = 2; seen.has(name.toUpperCase()); n++) name = `${base} ${n}`;
    seen.add(name.toUpperCase());
    names.set(c, name);
  }
  return names;
}

/** A height for rows whose wrapped text needs more than one line (Excel does not grow rows on open). */
function rowHeight(ps: PlanSheet, r: number, cells: (PlanCell | undefined)[]): number | undefined {
  let lines = 1;
  let size = 11;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (!cell || typeof cell.value !== "string" || cell.value === "") continue;
    const c = i + 1;
    const spec = PLAN_STYLES[cell.style ?? "plain"];
    size = Math.max(size, spec.size);
    const merge = ps.merges.length === 0 ? undefined : ps.merges.find((m) => m.top <= r && m.bottom >= r && m.left <= c && m.right >= c);
    if (merge && (merge.top !== r || merge.left !== c)) continue;
    if (merge && merge.bottom > merge.top) continue; // a tall merge has room
    const text = cell.value;
    const oneLine = text.indexOf("\n") < 0;
    if (!spec.wrap && oneLine) continue; // one line, whatever its width
    let width = 0;
    for (let k = merge ? merge.left : c; k <= (merge ? merge.right : c); k++) width += ps.columnWidths[k - 1] ?? 8.43;
    const perLine = Math.max(1, Math.floor((width * 11) / spec.size / (spec.bold ? 1.1 : 1)));
    const n = oneLine
      ? Math.max(1, Math.ceil(text.length / perLine))
      : spec.wrap
        ? text.split("\n").reduce((t, l) => t + Math.max(1, Math.ceil(l.length / perLine)), 0)
        : text.split("\n").length;
    lines = Math.max(lines, n);
  }
  const height = Math.ceil(lines * size * 1.3 + 3);
  return lines > 1 || size > 12 ? height : undefined;
}

function cellXml(p: string, ref: string, cell: PlanCell | undefined, s: number | string, text?: string): string {
  const v = text ?? cell?.value;
  if (typeof v === "number" && Number.isFinite(v)) return `<${p}c r="${ref}" s="${s}"><${p}v>${v}</${p}v></${p}c>`;
  // Text is always text (inline string): "=SUM(A1)" is written, never evaluated.
  if (typeof v === "string" && v !== "") return `<${p}c r="${ref}" s="${s}" t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeText(v)}</${p}t></${p}is></${p}c>`;
  return `<${p}c r="${ref}" s="${s}"/>`;
}

/** A style slot in {@link SheetBody.rows}: a byte the generated XML never holds otherwise (control characters are escaped or dropped). */
const SLOT = "\u0001";
const SLOT_BYTE = 1;

/** The rows and hyperlinks of a plan sheet as UTF-8, with the cells' style numbers left as slots. */
interface SheetBody {
  /** The `<row>` elements, in chunks (as written). */
  rows: Uint8Array[];
  /** Per chunk, the offsets of its slot bytes, in order. */
  slots: number[][];
  /** The style of each slot. */
  slotStyles: PlanStyle[];
  /** The `<hyperlink>` elements. */
  links: Uint8Array;
}

/**
 * Plan sheets already laid out as XML, to share between the annotated copy and the summary
 * workbook of one run (the two hold the same sheets; only the style numbers differ). Valid only
 * while the plan's sheets are not changed.
 */
export class RenderedSheets {
  /** @internal */
  readonly bodies = new WeakMap<PlanSheet, SheetBody>();
}

function sheetBody(ps: PlanSheet, header: Map<number, string> | undefined, maxRow: number): SheetBody {
  const rows = new Utf8Writer();
  const links = new Utf8Writer(1 << 12);
  const slotStyles: PlanStyle[] = [];
  // Per sheet, once: column letters (a 20,000-row findings sheet has 180,000 cells).
  const letters: string[] = [];
  for (let r = 1; r <= maxRow; r++) {
    const row = ps.rows[r - 1] ?? [];
    let cells = "";
    const headerRow = header !== undefined && r === ps.table!.headerRow;
    const width = Math.max(row.length, headerRow ? ps.table!.lastColumn : 0);
    for (let c = 1; c <= width; c++) {
      const cell = row[c - 1];
      const headerText = headerRow ? header.get(c) : undefined;
      if (!cell && headerText === undefined) continue;
      const ref = (letters[c] ??= columnLetter(c)) + r;
      slotStyles.push(cell?.style ?? (headerText !== undefined ? "header" : "plain"));
      cells += cellXml("", ref, cell, SLOT, headerText);
      if (cell?.link) links.write(`<hyperlink ref="${ref}" location="${escapeAttr(sheetReference(cell.link.sheet, cell.link.cell))}" display="${escapeAttr(`${cell.link.sheet}!${cell.link.cell}`)}"/>`);
    }
    if (cells === "") continue;
    const ht = rowHeight(ps, r, row);
    rows.write(`<row r="${r}"${ht ? ` ht="${ht}" customHeight="1"` : ""}>${cells}</row>`);
  }
  const chunks = rows.chunks();
  let count = 0;
  const slots = chunks.map((chunk) => {
    const at: number[] = [];
    for (let i = chunk.indexOf(SLOT_BYTE); i >= 0; i = chunk.indexOf(SLOT_BYTE, i + 1)) at.push(i);
    count += at.length;
    return at;
  });
  if (count !== slotStyles.length) throw new Error("plan sheet: a style slot in the text");
  return { rows: chunks, slots, slotStyles, links: links.bytes() };
}

/**
 * The worksheet part: `head`, the rows of `body` with the number `values[i]` written at slot i,
 * then `tail`, in one array of the exact size.
 */
function fillSlots(body: SheetBody, values: number[], head: Uint8Array, tail: Uint8Array[]): Uint8Array {
  const digits = values.map((v) => String(v));
  let size = head.length;
  for (const c of body.rows) size += c.length;
  for (const t of tail) size += t.length;
  for (const d of digits) size += d.length - 1;
  const out = new Uint8Array(size);
  out.set(head, 0);
  let o = head.length;
  let slot = 0;
  body.rows.forEach((chunk, k) => {
    let from = 0;
    for (const at of body.slots[k]) {
      out.set(chunk.subarray(from, at), o);
      o += at - from;
      const d = digits[slot++];
      for (let i = 0; i < d.length; i++) out[o++] = d.charCodeAt(i);
      from = at + 1;
    }
    out.set(chunk.subarray(from), o);
    o += chunk.length - from;
  });
  for (const t of tail) {
    out.set(t, o);
    o += t.length;
  }
  return out;
}

function ownSheetXml(ps: PlanSheet, name: string, styles: StylesEditor, links: { drawing?: string; table?: string }, selected: boolean, cache: RenderedSheets | undefined): Uint8Array {
  const header = ps.table ? tableColumnNames(ps) : undefined;
  let maxRow = ps.rows.length;
  let maxCol = 0;
  ps.rows.forEach((r) => (maxCol = Math.max(maxCol, r?.length ?? 0)));
  for (const m of ps.merges) {
    maxRow = Math.max(maxRow, m.bottom);
    maxCol = Math.max(maxCol, m.right);
  }
  if (ps.table) {
    maxRow = Math.max(maxRow, ps.table.lastRow, ps.table.headerRow + 1);
    maxCol = Math.max(maxCol, ps.table.lastColumn);
  }
  const out = new Utf8Writer(1 << 16);
  out.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">`);
  const sheetPr = `${ps.tabColor && /^[0-9A-Fa-f]{6}$/.test(ps.tabColor) ? `<tabColor rgb="FF${ps.tabColor.toUpperCase()}"/>` : ""}${ps.print.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : ""}`;
  if (sheetPr) out.write(`<sheetPr>${sheetPr}</sheetPr>`);
  out.write(`<dimension ref="${maxRow > 0 && maxCol > 0 ? `A1:${columnLetter(maxCol)}${maxRow}` : "A1"}"/>`);
  let view = `<sheetView${selected ? ' tabSelected="1"' : ""} workbookViewId="0"`;
  const fr = ps.freeze;
  if (fr && (fr.rows > 0 || fr.columns > 0)) {
    const pane = fr.rows > 0 && fr.columns > 0 ? "bottomRight" : fr.rows > 0 ? "bottomLeft" : "topRight";
    const topLeft = `${columnLetter(fr.columns + 1)}${fr.rows + 1}`;
    view += `><pane${fr.columns > 0 ? ` xSplit="${fr.columns}"` : ""}${fr.rows > 0 ? ` ySplit="${fr.rows}"` : ""} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView>`;
  } else view += "/>";
  out.write(`<sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>`);
  const cols = ps.columnWidths.map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${Math.min(255, w)}" customWidth="1"/>` : "")).join("");
  if (cols) out.write(`<cols>${cols}</cols>`);
  out.write("<sheetData>");
  let body = cache?.bodies.get(ps);
  if (!body) {
    body = sheetBody(ps, header, maxRow);
    cache?.bodies.set(ps, body);
  }
  const xfOf = new Map<PlanStyle, number>();
  const xf = (style: PlanStyle): number => {
    let n = xfOf.get(style);
    if (n === undefined) xfOf.set(style, (n = styles.planXf(style)));
    return n;
  };
  // The rows, with each cell's style number put in at its slot (styles are numbered in order of first use).
  const values = body.slotStyles.map(xf);
  // After the rows: up to the hyperlinks, then the rest.
  const mid = new Utf8Writer(1 << 12);
  mid.write("</sheetData>");
  if (ps.merges.length > 0) mid.write(`<mergeCells count="${ps.merges.length}">${ps.merges.map((m) => `<mergeCell ref="${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}"/>`).join("")}</mergeCells>`);
  if (body.links.length > 0) mid.write("<hyperlinks>");
  const end = new Utf8Writer(1 << 12);
  if (body.links.length > 0) end.write("</hyperlinks>");
  end.write('<printOptions horizontalCentered="1"/><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
  end.write(`<pageSetup paperSize="9" orientation="${ps.print.orientation}"${ps.print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`);
  end.write(`<headerFooter><oddFooter>${escapeText(`&C${escapeHeaderText(name)} - Trang &P/&N`)}</oddFooter></headerFooter>`);
  const breaks = (ps.pageBreaksBefore ?? []).filter((r) => r > 1).sort((x, y) => x - y);
  if (breaks.length > 0) end.write(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join("")}</rowBreaks>`);
  if (links.drawing) end.write(`<drawing r:id="${links.drawing}"/>`);
  if (links.table) end.write(`<tableParts count="1"><tablePart r:id="${links.table}"/></tableParts>`);
  end.write("</worksheet>");
  return fillSlots(body, values, out.bytes(), [mid.bytes(), body.links, end.bytes()]);
}

/** Text in a header/footer: "&" is a code there, written "&&". */
function escapeHeaderText(s: string): string {
  return s.replace(/&/g, "&&");
}

function tableXml(ps: PlanSheet, id: number, name: string): string {
  const t = ps.table!;
  const names = tableColumnNames(ps);
  const ref = `${columnLetter(t.firstColumn)}${t.headerRow}:${columnLetter(t.lastColumn)}${Math.max(t.lastRow, t.headerRow + 1)}`;
  const cols = [...names.values()].map((n, i) => `<tableColumn id="${i + 1}" name="${xstringAttr(n)}"/>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${NS_MAIN}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${names.size}">${cols}</tableColumns>` +
    '<tableStyleInfo name="TableStyleLight1" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}

function drawingXml(ch: NonNullable<PlanSheet["chart"]>, chartRid: string): string {
  const a = ch.anchor;
  const pos = (col: number, row: number) => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">` +
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${pos(a.col - 1, a.row - 1)}</xdr:from><xdr:to>${pos(a.col - 1 + a.widthCols, a.row - 1 + a.heightRows)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeAttr(ch.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${chartRid}"/></a:graphicData></a:graphic>` +
    "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>"
  );
}

function chartXml(ps: PlanSheet, sheetName: string): string {
  const ch = ps.chart!;
  const ref = (top: number, left: number, bottom: number, right: number) => escapeText(sheetReference(sheetName, absRange(top, left, bottom, right)));
  const count = Math.max(0, ch.lastRow - ch.firstRow + 1);
  let cats = "";
  for (let r = ch.firstRow; r <= ch.lastRow; r++) {
    const v = planValueAt(ps, r, ch.categoryColumn)?.value;
    if (v !== null && v !== undefined && v !== "") cats += `<c:pt idx="${r - ch.firstRow}"><c:v>${escapeText(String(v))}</c:v></c:pt>`;
  }
  const series = ch.series
    .map((s, i) => {
      let vals = "";
      for (let r = ch.firstRow; r <= ch.lastRow; r++) {
        const v = planValueAt(ps, r, s.column)?.value;
        if (typeof v === "number" && Number.isFinite(v)) vals += `<c:pt idx="${r - ch.firstRow}"><c:v>${v}</c:v></c:pt>`;
      }
      const headRow = ch.firstRow - 1;
      const head = headRow >= 1 ? planValueAt(ps, headRow, s.column)?.value : undefined;
      const tx =
        head === s.name
          ? `<c:tx><c:strRef><c:f>${ref(headRow, s.column, headRow, s.column)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeText(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>`
          : `<c:tx><c:v>${escapeText(s.name)}</c:v></c:tx>`;
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${tx}<c:spPr><a:solidFill><a:srgbClr val="${SERIES_COLORS[i % SERIES_COLORS.length]}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${ref(ch.firstRow, ch.categoryColumn, ch.lastRow, ch.categoryColumn)}</c:f><c:strCache><c:ptCount val="${count}"/>${cats}</c:strCache></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${ref(ch.firstRow, s.column, ch.lastRow, s.column)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${count}"/>${vals}</c:numCache></c:numRef></c:val></c:ser>`
      );
    })
    .join("");
  const text = (t: string, size: number, bold: boolean) =>
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="${size}" b="${bold ? 1 : 0}"><a:latin typeface="${SHEET_FONT}"/></a:rPr><a:t>${escapeText(t)}</a:t></a:r></a:p></c:rich></c:tx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:lang val="vi-VN"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${text(ch.title, 1300, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    '<c:dLbls><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>' +
    '<c:gapWidth val="80"/><c:axId val="510001"/><c:axId val="510002"/></c:barChart>' +
    '<c:catAx><c:axId val="510001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="510002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="510002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="510001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>' +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup orientation="landscape"/></c:printSettings></c:chartSpace>'
  );
}

/** Check what Excel would repair: merges inside the table, ranges out of order. */
function checkPlanSheet(ps: PlanSheet): void {
  const t = ps.table;
  if (t) {
    if (t.firstColumn < 1 || t.lastColumn < t.firstColumn || t.headerRow < 1 || t.lastRow < t.headerRow) throw new Error(`edit plan: table ${t.name} of "${ps.name}" has a bad range`);
    for (const m of ps.merges) {
      if (m.top <= Math.max(t.lastRow, t.headerRow + 1) && m.bottom >= t.headerRow && m.left <= t.lastColumn && m.right >= t.firstColumn) {
        throw new Error(`edit plan: merge ${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom} of "${ps.name}" overlaps table ${t.name}`);
      }
    }
  }
  for (const m of ps.merges) if (m.top < 1 || m.left < 1 || m.bottom < m.top || m.right < m.left) throw new Error(`edit plan: bad merge on "${ps.name}"`);
}

interface WrittenSheet {
  name: string;
  part: string;
  rid: string;
  kind: OwnSheetKind;
}

/**
 * Add the plan's sheets to the workbook: worksheet parts, tables, charts, relationships,
 * content types, `<sheet>` entries and defined names (print titles; our marker when `mark`).
 */
function addOwnSheets(pkg: Package, book: Book, sheets: PlanSheet[], styles: StylesEditor, options: { mark: boolean; selectFirst: boolean; rendered?: RenderedSheets }, record: ChangeRecord | undefined): WrittenSheet[] {
  if (sheets.length === 0) return [];
  sheets.forEach(checkPlanSheet);
  const wbXml = pkg.need(book.path);
  const root = rootElement(wbXml)!;
  const rootTag = wbXml.slice(root.start, root.openEnd);
  const p = prefixOf(root.qname);
  const children = childElements(wbXml, root.openEnd, root.closeStart);
  if (!children) throw new EngineError("output.cannotKeepPart", { file: pkg.fileName, part: book.path });
  const sheetsEl = childNamed(children, "sheets");
  const names = definedNames(wbXml);
  const takenSheets = new Set(book.sheets.map((s) => s.name.toUpperCase()));
  const takenNames = new Set(names.names.map((n) => n.name.toUpperCase()));
  let tableId = 0;
  for (const part of pkg.names()) {
    if (!/(^|\/)tables\/[^/]+\.xml$/i.test(part)) continue;
    const m = /<(?:[\w.-]+:)?table\b((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)/.exec(pkg.text(part) ?? "");
    if (!m) continue;
    tableId = Math.max(tableId, Number(attr(m[1], "id") ?? 0) || 0);
    for (const k of ["name", "displayName"]) {
      const v = attr(m[1], k);
      if (v) takenNames.add(v.toUpperCase());
    }
  }
  let sheetId = book.sheets.reduce((m, s) => Math.max(m, s.sheetId || 0), 0);
  const written: WrittenSheet[] = [];
  let sheetEls = "";
  let nameEls = "";
  sheets.forEach((ps, i) => {
    const name = uniqueSheetName(ps.name, takenSheets);
    const part = freePartName(pkg, "xl/worksheets/sheet", ".xml");
    const index = book.sheets.length + i;
    const links: { drawing?: string; table?: string } = {};
    const added: string[] = [part];
    // Reserve the part name before the table and drawing parts pick theirs.
    pkg.put(part, "");
    if (ps.table) {
      const tablePart = freePartName(pkg, "xl/tables/table", ".xml");
      const tableName = uniqueTableName(ps.table.name, takenNames);
      pkg.put(tablePart, tableXml(ps, ++tableId, tableName));
      addOverride(pkg, tablePart, CT.table);
      links.table = freeRelId(pkg, part);
      addRel(pkg, part, links.table, REL.table, tablePart);
      added.push(tablePart);
    }
    if (ps.chart) {
      const drawingPart = freePartName(pkg, "xl/drawings/drawing", ".xml");
      const chartPart = freePartName(pkg, "xl/charts/chart", ".xml");
      pkg.put(chartPart, chartXml(ps, name));
      addOverride(pkg, chartPart, CT.chart);
      pkg.put(drawingPart, drawingXml(ps.chart, "rId1"));
      addOverride(pkg, drawingPart, CT.drawing);
      addRel(pkg, drawingPart, "rId1", REL.chart, chartPart);
      links.drawing = freeRelId(pkg, part);
      addRel(pkg, part, links.drawing, REL.drawing, drawingPart);
      added.push(drawingPart, relsPathOf(drawingPart), chartPart);
    }
    if (links.table || links.drawing) added.push(relsPathOf(part));
    pkg.putBytes(part, ownSheetXml(ps, name, styles, links, options.selectFirst && i === 0, options.rendered));
    addOverride(pkg, part, CT.worksheet);
    const rid = freeRelId(pkg, book.path);
    addRel(pkg, book.path, rid, REL.worksheet, part);
    sheetEls += `<${p}sheet name="${escapeAttr(name)}" sheetId="${++sheetId}" ${relIdAttr(rootTag, rid)}/>`;
    const rr = ps.print.repeatRows;
    if (rr && rr.from >= 1 && rr.to >= rr.from) nameEls += `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeText(sheetReference(name, `$${rr.from}:$${rr.to}`))}</${p}definedName>`;
    if (options.mark) nameEls += `<${p}definedName name="${OWN_SHEET_NAME}" localSheetId="${index}" hidden="1">"${ps.kind}"</${p}definedName>`;
    written.push({ name, part, rid, kind: ps.kind });
    record?.parts.push(...added);
  });
  const sp = new Splices();
  if (!sheetsEl) {
    const at = insertionPoint(children, WORKBOOK_ORDER, "sheets", root.closeStart);
    sp.add(at, at, `<${p}sheets>${sheetEls}</${p}sheets>`);
  } else if (sheetsEl.selfClosing) sp.add(sheetsEl.start, sheetsEl.end, `<${sheetsEl.qname}>${sheetEls}</${sheetsEl.qname}>`);
  else sp.add(sheetsEl.closeStart, sheetsEl.closeStart, sheetEls);
  if (nameEls) {
    if (names.el && !names.el.selfClosing) sp.add(names.el.closeStart, names.el.closeStart, nameEls);
    else if (names.el) sp.add(names.el.start, names.el.end, `<${names.el.qname}>${nameEls}</${names.el.qname}>`);
    else {
      const at = insertionPoint(children, WORKBOOK_ORDER, "definedNames", root.closeStart);
      sp.add(at, at, `<${p}definedNames>${nameEls}</${p}definedNames>`);
      if (record) record.definedNamesCreated = true;
    }
  }
  pkg.put(book.path, sp.apply(wbXml));
  return written;
}

// =============================================================================================
// Removing parts and sheets

/** Every internal relationship in the package: target part → the parts that point to it. */
function referrers(pkg: Package): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const name of pkg.names()) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(name);
    if (!m) continue;
    const source = `${m[1]}${m[2]}`;
    for (const r of parseRels(pkg.text(name))) {
      if (r.external) continue;
      const target = keyOf(resolveTarget(source, r.target));
      const set = map.get(target) ?? new Set<string>();
      set.add(keyOf(source));
      map.set(target, set);
    }
  }
  return map;
}

/** Remove a part and what only it (and its own parts) refer to, with their rels and content types. */
function removeTree(pkg: Package, part: string): void {
  const refs = referrers(pkg);
  const tree = new Set<string>([keyOf(part)]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of [...tree]) {
      for (const r of relsOf(pkg, p)) {
        if (r.external) continue;
        const k = keyOf(r.path);
        if (tree.has(k) || !pkg.has(r.path)) continue;
        const from = refs.get(k) ?? new Set<string>();
        if ([...from].every((f) => tree.has(f))) {
          tree.add(k);
          grew = true;
        }
      }
    }
  }
  for (const k of tree) {
    const stored = pkg.storedName(k) ?? k;
    pkg.remove(stored);
    removeOverride(pkg, stored);
    pkg.remove(relsPathOf(stored));
  }
}

/** Remove sheets from the workbook: entries, parts, local defined names; later local names and views shift. */
function removeSheets(pkg: Package, book: Book, sheets: BookSheet[], definedNamesCreated: boolean): void {
  if (sheets.length === 0) return;
  const xml = pkg.need(book.path);
  const root = rootElement(xml)!;
  const children = childElements(xml, root.openEnd, root.closeStart) ?? [];
  const removed = new Set(sheets.map((s) => s.index));
  const shift = (i: number) => i - [...removed].filter((r) => r < i).length;
  const sp = new Splices();
  for (const s of sheets) sp.add(s.start, s.end, "");
  const names = definedNames(xml);
  const left = names.names.filter((n) => n.localSheetId === undefined || !removed.has(n.localSheetId));
  if (names.el && definedNamesCreated && left.length === 0) sp.add(names.el.start, names.el.end, "");
  else {
    for (const n of names.names) {
      if (n.localSheetId === undefined) continue;
      if (removed.has(n.localSheetId)) sp.add(n.start, n.end, "");
      else if (shift(n.localSheetId) !== n.localSheetId) sp.add(n.start, n.start + n.tag.length, setAttr(n.tag, "localSheetId", String(shift(n.localSheetId))));
    }
  }
  const views = childNamed(children, "bookViews");
  if (views && !views.selfClosing) {
    for (const v of childElements(xml, views.openEnd, views.closeStart) ?? []) {
      if (v.name !== "workbookView") continue;
      const tag = xml.slice(v.start, v.openEnd);
      let next = tag;
      for (const a of ["activeTab", "firstSheet"]) {
        const value = tagAttr(tag, a);
        if (value === undefined) continue;
        const i = Number(value);
        const to = removed.has(i) ? 0 : shift(i);
        if (to !== i) next = setAttr(next, a, String(to));
      }
      if (next !== tag) sp.add(v.start, v.openEnd, next);
    }
  }
  pkg.put(book.path, sp.apply(xml));
  for (const s of sheets) {
    removeRel(pkg, book.path, s.rid, false);
    if (s.part) removeTree(pkg, s.part);
  }
}

// =============================================================================================
// The record in our custom XML part

interface Found {
  record?: ChangeRecord;
  /** Sheets carrying our marker name. */
  markedSheets: BookSheet[];
}

/** Our settings parts (customXml/itemN.xml in our namespace). */
function settingsParts(pkg: Package): string[] {
  return pkg.names().filter((n) => /^customxml\/item\d+\.xml$/i.test(n) && isSettingsXml(pkg.text(n) ?? ""));
}

function readRecord(pkg: Package, book: Book): Found {
  let record: ChangeRecord | undefined;
  for (const part of settingsParts(pkg)) {
    const raw = parseSettingsXml(pkg.text(part) ?? "")[CHANGES_KEY];
    if (raw === undefined) continue;
    try {
      const r = JSON.parse(raw) as ChangeRecord;
      if (r && r.version === 1 && Array.isArray(r.cells) && Array.isArray(r.sheets) && Array.isArray(r.parts)) record = r;
    } catch {
      // A damaged record is no record: the marker names still find our sheets.
    }
  }
  const names = definedNames(pkg.need(book.path)).names;
  const markedSheets = names
    .filter((n) => n.name.toUpperCase() === OWN_SHEET_NAME.toUpperCase() && n.localSheetId !== undefined)
    .map((n) => book.sheets[n.localSheetId!])
    .filter((s): s is BookSheet => s !== undefined);
  return { record, markedSheets };
}

/** A GUID-shaped id derived from text (deterministic output for the same input). */
function guidFrom(text: string): string {
  const h = [crc32(utf8Encoder.encode(text)), crc32(utf8Encoder.encode(`a${text}`)), crc32(utf8Encoder.encode(`b${text}`)), crc32(utf8Encoder.encode(`c${text}`))].map((n) => n.toString(16).toUpperCase().padStart(8, "0")).join("");
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}}`;
}

/** The record both adapters read (core/changes.ts), derived from the file record. */
function sharedRecord(record: ChangeRecord): SharedChangeRecord {
  const shared: SharedChangeRecord = {
    version: 1,
    by: "cli",
    cells: record.cells
      .filter((c) => c.mark !== undefined)
      .map((c) => ({ sheet: c.sheet, cell: c.ref, markColor: c.mark!, fill: c.fill ?? { kind: "none" }, styleIndex: typeof c.s === "number" ? c.s : c.s === null ? 0 : -1 })),
    sheets: record.sheets.map((s) => s.name),
  };
  const repairs = record.cells.filter((c) => c.xml !== undefined);
  if (repairs.length > 0)
    shared.textRepairs = repairs.map((c) => ({
      sheet: c.sheet,
      cell: c.ref,
      original: c.xml!,
      ...(typeof c.s === "number" ? { styleIndex: c.s } : {}),
      // With the texts and fonts the add-in can undo the repair too ("Xóa đánh dấu").
      ...(c.repair?.from !== undefined ? { originalText: c.repair.from, text: c.repair.to, newFontName: c.repair.toFont, kind: "legacyEncoding" as const, ...(c.repair.fromFont !== undefined ? { fontName: c.repair.fromFont } : {}) } : {}),
    }));
  return shared;
}

/** Element text and attribute values of the settings part, escaped as `settingsXml` (core/settings.ts) does. */
function escapeSettingsText(s: string): string {
  // JSON text is full of quotes and seldom holds the other three: one scan for those first.
  if (!/[&<>]/.test(s)) return s.indexOf('"') >= 0 ? s.replace(/"/g, "&quot;") : s;
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * `JSON.stringify(value)` written escaped into `out`, the arrays of the top-level object item by
 * item: the same text, without building a string of megabytes (thousands of cells and notes).
 */
const JSON_BATCH = 256;
function writeJsonEscaped(out: Utf8Writer, value: object): void {
  out.write("{");
  let first = true;
  for (const [k, v] of Object.entries(value) as [string, unknown][]) {
    if (v === undefined || typeof v === "function" || typeof v === "symbol") continue;
    out.write(`${first ? "" : ","}${escapeSettingsText(JSON.stringify(k))}:`);
    first = false;
    if (Array.isArray(v)) {
      // A few hundred items at a time: an array's JSON is its items' JSON joined by commas, and the
      // escaping goes character by character, so the text is the same with far fewer calls.
      out.write("[");
      for (let i = 0; i < v.length; i += JSON_BATCH) {
        const items = JSON.stringify(v.slice(i, i + JSON_BATCH));
        out.write(`${i > 0 ? "," : ""}${escapeSettingsText(items.slice(1, -1))}`);
      }
      out.write("]");
    } else out.write(escapeSettingsText(JSON.stringify(v)));
  }
  out.write("}");
}

/**
 * The settings part as `settingsXml` (core/settings.ts) writes it, with `records` given as
 * objects (written as JSON) beside the string settings: the same bytes, built in pieces.
 */
function settingsPartBytes(strings: Record<string, string>, records: Record<string, object>): Uint8Array {
  const out = new Utf8Writer();
  out.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><settings xmlns="${SETTINGS_NAMESPACE}">`);
  const keys = [...new Set([...Object.keys(strings), ...Object.keys(records)])].sort();
  for (const k of keys) {
    out.write(`<entry key="${escapeSettingsText(k)}">`);
    const record = records[k];
    if (record !== undefined) writeJsonEscaped(out, record);
    else out.write(escapeSettingsText(strings[k]));
    out.write("</entry>");
  }
  out.write("</settings>");
  return out.bytes();
}

function writeRecord(pkg: Package, book: Book, record: ChangeRecord): void {
  const existing = settingsParts(pkg)[0];
  if (existing) {
    const settings = parseSettingsXml(pkg.need(existing));
    record.settingsPartCreated = false;
    delete settings[CHANGES_KEY];
    delete settings[SHARED_KEY];
    pkg.putBytes(existing, settingsPartBytes(settings, { [CHANGES_KEY]: record, [SHARED_KEY]: sharedRecord(record) }));
    return;
  }
  record.settingsPartCreated = true;
  let n = 1;
  while (pkg.has(`customXml/item${n}.xml`) || pkg.has(`customXml/itemProps${n}.xml`)) n++;
  const item = `customXml/item${n}.xml`;
  const props = `customXml/itemProps${n}.xml`;
  pkg.putBytes(item, settingsPartBytes({}, { [CHANGES_KEY]: record, [SHARED_KEY]: sharedRecord(record) }));
  pkg.put(
    props,
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${guidFrom(pkg.need(book.path) + item)}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${SETTINGS_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  addRel(pkg, item, "rId1", REL.customXmlProps, props);
  addOverride(pkg, props, CT.customXmlProps);
  if (!hasDefault(pkg.need(CT_PATH), "xml")) addOverride(pkg, item, CT.xml);
  addRel(pkg, book.path, freeRelId(pkg, book.path), REL.customXml, item);
}

function removeRecord(pkg: Package, book: Book, createdByUs: boolean): void {
  for (const part of settingsParts(pkg)) {
    const settings = parseSettingsXml(pkg.need(part));
    if (!(CHANGES_KEY in settings)) continue;
    delete settings[CHANGES_KEY];
    // The shared record describes the same marks: gone with them (unless the add-in made newer ones).
    if (settings[SHARED_KEY] !== undefined && !settings[SHARED_KEY].includes('"by":"addin"')) delete settings[SHARED_KEY];
    if (Object.keys(settings).length > 0 || !createdByUs) {
      pkg.put(part, settingsXml(settings));
      continue;
    }
    for (const r of relsOf(pkg, part)) {
      if (r.external) continue;
      pkg.remove(r.path);
      removeOverride(pkg, r.path);
    }
    pkg.remove(relsPathOf(part));
    pkg.remove(part);
    removeOverride(pkg, part);
    const rel = relsOf(pkg, book.path).find((r) => !r.external && keyOf(r.path) === keyOf(part));
    if (rel) removeRel(pkg, book.path, rel.id, false);
  }
}

// =============================================================================================
// Restore (clear, and the first step of a re-run)

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k) ?? [];
    list.push(it);
    m.set(k, list);
  }
  return m;
}

function restore(pkg: Package, book: Book, found: Found, kept: string[]): void {
  const rec = found.record;
  // Our sheets: by the record (relationship and part), and by the marker name.
  const own = new Set<BookSheet>(found.markedSheets);
  for (const s of rec?.sheets ?? []) {
    const hit = book.sheets.find((b) => b.rid === s.rid && b.part !== undefined && keyOf(b.part) === keyOf(s.part));
    if (hit) own.add(hit);
  }
  removeSheets(pkg, book, [...own], rec?.definedNamesCreated === true);
  if (!rec) return;

  // The user's sheets: cells, notes, elements we added.
  const cells = groupBy(rec.cells, (c) => c.sheet);
  const notes = groupBy(rec.notes, (n) => n.sheet);
  const structural = new Map((rec.sheetParts ?? []).map((s) => [s.sheet, s]));
  const names = new Set([...cells.keys(), ...notes.keys(), ...structural.keys()]);
  const current = loadWorkbook(pkg);
  for (const name of names) {
    const change = structural.get(name) ?? { sheet: name, part: (cells.get(name) ?? notes.get(name))![0].part };
    const part = current.sheets.find((s) => s.name === name)?.part ?? (pkg.has(change.part) ? change.part : undefined);
    if (!part || !pkg.has(part)) {
      kept.push(...(cells.get(name) ?? []).map((c) => `${name}!${c.ref}`), ...(notes.get(name) ?? []).map((n) => `${name}!${n.ref}`));
      continue;
    }
    const xml = pkg.need(part);
    const sx = new SheetXml(xml, part, pkg.fileName);
    const sp = new Splices();
    if (notes.has(name) || change.comments || change.vml) unwriteNotes(pkg, sx, sp, part, change, notes.get(name) ?? [], kept);
    unmarkCells(sx, sp, cells.get(name) ?? [], kept, change.dataSelfClosing === true);
    if (sp.size > 0) pkg.putBytes(part, sp.applyBytes(xml, pkg.sizeOf(part)));
  }

  // Styles: the lists cut back to their original length, when that gives the original part exactly.
  if (rec.styles) {
    const path = rec.styles.part;
    if (rec.styles.created) {
      const rel = relsOf(pkg, current.path).find((r) => !r.external && keyOf(r.path) === keyOf(path));
      pkg.remove(path);
      removeOverride(pkg, path);
      if (rel) removeRel(pkg, current.path, rel.id, false);
    } else {
      const xml = pkg.text(path);
      const before = xml === undefined ? undefined : unappendStyles(xml, rec.styles);
      if (before !== undefined) pkg.put(path, before);
    }
  }
  for (const part of rec.parts) {
    if (!pkg.has(part)) continue;
    pkg.remove(part);
    removeOverride(pkg, part);
  }
  for (const ext of rec.defaults ?? []) {
    if (!pkg.names().some((n) => n.toLowerCase().endsWith(`.${ext}`))) removeDefault(pkg, ext);
  }
  removeRecord(pkg, current, rec.settingsPartCreated);
}

// =============================================================================================
// Apply a plan

function applyPlan(pkg: Package, book: Book, plan: EditPlan, rendered: RenderedSheets | undefined): Omit<AnnotateResult, "bytes"> {
  const record: ChangeRecord = { version: 1, parts: [], defaults: [], sheets: [], sheetParts: [], settingsPartCreated: false, cells: [], notes: [] };
  const result: Omit<AnnotateResult, "bytes"> = { sheetNames: {}, skippedNotes: [], skippedRepairs: [] };

  const stylesRel = book.rels.find((r) => !r.external && r.type === REL.styles);
  if (stylesRel && !pkg.has(stylesRel.path)) throw new EngineError("file.missingPart", { file: pkg.fileName, part: stylesRel.path });
  const stylesPath = stylesRel ? stylesRel.path : pkg.has(`${dirOf(book.path)}styles.xml`) ? freePartName(pkg, `${dirOf(book.path)}styles`, ".xml") : `${dirOf(book.path)}styles.xml`;
  const styles = new StylesEditor(stylesRel ? pkg.need(stylesPath) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}"></styleSheet>`, stylesPath, pkg.fileName);

  // What to do on each user sheet, cell by cell (one target per cell: the worst severity, the notes joined).
  const bySheet = new Map<BookSheet, Map<string, CellTarget & { note?: string }>>();
  const sheetFor = (name: string): BookSheet => {
    const s = book.sheets.find((x) => x.name === name) ?? book.sheets.find((x) => x.name.toUpperCase() === name.toUpperCase());
    if (!s || !s.part) throw new Error(`edit plan: the workbook has no sheet "${name}"`);
    if (s.type !== REL.worksheet && !s.type.endsWith("/worksheet")) throw new Error(`edit plan: "${name}" is not a worksheet`);
    return s;
  };
  const target = (sheet: string, row: number, col: number) => {
    if (!(Number.isInteger(row) && row >= 1 && row <= 1048576 && Number.isInteger(col) && col >= 1 && col <= 16384)) throw new Error(`edit plan: bad cell ${row},${col} on "${sheet}"`);
    const s = sheetFor(sheet);
    const map = bySheet.get(s) ?? new Map<string, CellTarget & { note?: string }>();
    bySheet.set(s, map);
    const key = `${row},${col}`;
    const t = map.get(key) ?? { row, col };
    map.set(key, t);
    return t;
  };
  for (const h of plan.highlights) {
    const t = target(h.sheet, h.row, h.col);
    t.severity = t.severity === "error" || h.severity === "error" ? "error" : "warning";
    if (h.note.trim() !== "") t.note = t.note ? `${t.note}\n\n${h.note}` : h.note;
  }
  for (const r of plan.textRepairs ?? []) target(r.sheet, r.row, r.col).repair = { text: r.text, fontName: r.fontName, ...(r.original !== undefined ? { original: r.original } : {}), ...(r.fromFont !== undefined ? { fromFont: r.fromFont } : {}) };

  let vmlBlock: { next: number } | undefined;
  for (const [sheet, targets] of [...bySheet].sort((a, b) => a[0].index - b[0].index)) {
    const part = sheet.part!;
    const xml = pkg.need(part);
    const sx = new SheetXml(xml, part, pkg.fileName);
    const sp = new Splices();
    const change: SheetPartChange = { sheet: sheet.name, part };
    const list = [...targets.values()];
    const { dataSelfClosing } = markCells(sx, sp, list, styles, sheet.name, part, { cells: record.cells, skippedRepairs: result.skippedRepairs });
    if (dataSelfClosing) change.dataSelfClosing = true;
    const notes = list.filter((t) => t.note).map((t) => ({ row: t.row, col: t.col, text: t.note! }));
    if (notes.length > 0) {
      vmlBlock ??= { next: vmlBlocksInUse(pkg) + 1 };
      writeNotes(pkg, sx, sp, sheet.name, part, notes, change, record, result as AnnotateResult, vmlBlock);
    }
    if (sp.size > 0) pkg.putBytes(part, sp.applyBytes(xml, pkg.sizeOf(part)));
    if (Object.keys(change).length > 2) record.sheetParts.push(change);
  }

  const written = addOwnSheets(pkg, book, plan.sheets, styles, { mark: true, selectFirst: false, ...(rendered ? { rendered } : {}) }, record);
  written.forEach((w, i) => (result.sheetNames[plan.sheets[i].name] = w.name));
  record.sheets = written;

  if (styles.used) {
    const { xml, change } = styles.finish();
    if (!stylesRel) {
      change.created = true;
      addOverride(pkg, stylesPath, CT.styles);
      addRel(pkg, book.path, freeRelId(pkg, book.path), REL.styles, stylesPath);
    }
    pkg.put(stylesPath, xml);
    record.styles = change;
  }
  if (record.cells.length > 0 || record.notes.length > 0 || record.sheets.length > 0) writeRecord(pkg, book, record);
  return result;
}

// =============================================================================================
// For the summary workbook: the same sheet writer on a package generated in code

/**
 * Add `sheets` to the workbook `bytes` without marks or record (the summary workbook is ours
 * whole). The first sheet is selected.
 * @internal Used by `summaryWorkbook.ts`.
 */
export function addPlanSheets(bytes: Uint8Array, sheets: PlanSheet[], options: { codec?: ZipCodec; rendered?: RenderedSheets } = {}): Uint8Array {
  const pkg = openPackage(bytes, options.codec ? { codec: options.codec } : {});
  const book = loadWorkbook(pkg);
  const stylesRel = book.rels.find((r) => !r.external && r.type === REL.styles);
  if (!stylesRel) throw new Error("base package without styles");
  const styles = new StylesEditor(pkg.need(stylesRel.path), stylesRel.path, "");
  addOwnSheets(pkg, book, sheets, styles, { mark: false, selectFirst: true, ...(options.rendered ? { rendered: options.rendered } : {}) }, undefined);
  if (styles.used) pkg.put(stylesRel.path, styles.finish().xml);
  return pkg.toBytes();
}
