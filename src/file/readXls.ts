/**
 * Excel 97-2003 workbooks (.xls, BIFF8 in a compound file) → the core's {@link WorkbookGrid}.
 *
 * What is read ([MS-XLS]): sheets and their visibility (BOUNDSHEET), cell values (LABELSST,
 * LABEL, NUMBER, RK, MULRK, BOOLERR, FORMULA with its cached result and STRING), the shared
 * strings (SST with its CONTINUE records, rich-text runs), fonts per cell through XF → FONT (so
 * text in .VnTime / VNI-Times is decoded by the core like in an .xlsx), run fonts of rich text,
 * number formats (FORMAT + built-in ids, so date serials are dates), the 1904 date system
 * (DATEMODE), merged areas (MERGEDCELLS), hidden rows (ROW) and columns (COLINFO).
 *
 * Not read: formula text (a formula cell is marked, its cached value is used), comments, charts,
 * pictures, defined names. Refused with a one-line message: password-protected files (FILEPASS),
 * Excel 5.0/95 (BIFF5) workbooks, damaged or truncated files.
 *
 * Written for this project on bytes only (no dependency; see README "Input formats").
 */
import { EngineError } from "../core/errors";
import type { CellStyle, CellValue, SheetGrid, SheetVisibility, WorkbookGrid } from "../core/grid";
import { SheetGridBuilder } from "./sheetGridBuilder";
import { CfbError, CompoundFile } from "./cfb";
import { BUILTIN_NUMBER_FORMATS } from "./readXlsx";

export interface ReadXlsOptions {
  /** The file's name, for error messages only. */
  fileName?: string;
}

// Record types ([MS-XLS] 2.3).
const R = {
  BOF: 0x0809,
  EOF: 0x000a,
  CONTINUE: 0x003c,
  FILEPASS: 0x002f,
  DATEMODE: 0x0022,
  FONT: 0x0031,
  FORMAT: 0x041e,
  XF: 0x00e0,
  SST: 0x00fc,
  BOUNDSHEET: 0x0085,
  ROW: 0x0208,
  COLINFO: 0x007d,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  BLANK: 0x0201,
  MULBLANK: 0x00be,
  BOOLERR: 0x0205,
  FORMULA: 0x0006,
  STRING: 0x0207,
  MERGEDCELLS: 0x00e5,
} as const;

const BIFF8 = 0x0600;
const BIFF5 = 0x0500;
const ERROR_TEXT: Record<number, string> = { 0x00: "#NULL!", 0x07: "#DIV/0!", 0x0f: "#VALUE!", 0x17: "#REF!", 0x1d: "#NAME?", 0x24: "#NUM!", 0x2a: "#N/A" };

/** Damage inside the BIFF stream (turned into `file.corruptXls`). */
class BiffError extends Error {}

interface BiffRecord {
  type: number;
  /** Offset of the record header in the stream. */
  at: number;
  data: Uint8Array;
}

/** The records of a stream from `start`: each one's type and body (CONTINUE records are separate). */
class RecordReader {
  pos: number;
  constructor(private readonly stream: Uint8Array, start: number) {
    this.pos = start;
  }
  next(): BiffRecord | undefined {
    const s = this.stream;
    if (this.pos + 4 > s.length) return undefined;
    const type = s[this.pos] | (s[this.pos + 1] << 8);
    const size = s[this.pos + 2] | (s[this.pos + 3] << 8);
    const at = this.pos;
    if (this.pos + 4 + size > s.length) throw new BiffError(`record 0x${type.toString(16)} at ${at} runs past the end of the stream (truncated)`);
    this.pos += 4 + size;
    return { type, at, data: s.subarray(at + 4, at + 4 + size) };
  }
  /** The CONTINUE records right after the current one. */
  continues(): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (;;) {
      const save = this.pos;
      const r = this.next();
      if (!r || r.type !== R.CONTINUE) {
        this.pos = save;
        return out;
      }
      out.push(r.data);
    }
  }
}

/**
 * Reads across a record and its CONTINUE records. Character data split across records restarts
 * with a one-byte option flag in the next record (fHighByte); other data just continues.
 */
class FragmentReader {
  private fi = 0;
  private pos = 0;
  constructor(private readonly frags: Uint8Array[], start = 0) {
    this.pos = start;
  }
  private frag(): Uint8Array {
    while (this.fi < this.frags.length && this.pos >= this.frags[this.fi].length) {
      this.fi++;
      this.pos = 0;
    }
    if (this.fi >= this.frags.length) throw new BiffError("string data runs past its record");
    return this.frags[this.fi];
  }
  get done(): boolean {
    while (this.fi < this.frags.length && this.pos >= this.frags[this.fi].length) {
      this.fi++;
      this.pos = 0;
    }
    return this.fi >= this.frags.length;
  }
  u8(): number {
    const f = this.frag();
    return f[this.pos++];
  }
  u16(): number {
    return this.u8() | (this.u8() << 8);
  }
  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }
  skip(n: number): void {
    let left = n;
    while (left > 0) {
      const f = this.frag();
      const k = Math.min(left, f.length - this.pos);
      this.pos += k;
      left -= k;
    }
  }
  /** `count` characters, compressed (one byte each: Latin-1) or UTF-16LE, switching at record boundaries. */
  chars(count: number, highByte: boolean): string {
    let out = "";
    let left = count;
    let high = highByte;
    let first = true;
    while (left > 0) {
      if (!first && this.pos >= (this.frags[this.fi]?.length ?? 0)) {
        // A new CONTINUE record: its first byte says how the rest of the characters are stored.
        this.fi++;
        this.pos = 0;
        if (this.fi >= this.frags.length) throw new BiffError("string characters run past their record");
        high = (this.frags[this.fi][this.pos++] & 1) === 1;
      }
      first = false;
      const f = this.frags[this.fi];
      if (f === undefined) throw new BiffError("string characters run past their record");
      const avail = f.length - this.pos;
      if (avail <= 0) continue;
      const n = Math.min(left, high ? Math.floor(avail / 2) : avail);
      if (n <= 0) throw new BiffError("string characters split inside a character");
      const parts: number[] = [];
      for (let i = 0; i < n; i++) parts.push(high ? f[this.pos + 2 * i] | (f[this.pos + 2 * i + 1] << 8) : f[this.pos + i]);
      out += String.fromCharCode(...parts);
      this.pos += high ? 2 * n : n;
      left -= n;
    }
    return out;
  }
}

const u16 = (d: Uint8Array, o: number): number => {
  if (o + 2 > d.length) throw new BiffError("record too short");
  return d[o] | (d[o + 1] << 8);
};
const u32 = (d: Uint8Array, o: number): number => {
  if (o + 4 > d.length) throw new BiffError("record too short");
  return (d[o] | (d[o + 1] << 8) | (d[o + 2] << 16) | (d[o + 3] << 24)) >>> 0;
};
function f64(d: Uint8Array, o: number): number {
  if (o + 8 > d.length) throw new BiffError("record too short");
  return new DataView(d.buffer, d.byteOffset + o, 8).getFloat64(0, true);
}

/** An RK number: a 30-bit integer or the top 30 bits of a double, optionally ×100. */
function rkValue(rk: number): number {
  let v: number;
  if (rk & 2) v = rk >> 2;
  else {
    const buf = new DataView(new ArrayBuffer(8));
    buf.setUint32(4, rk & 0xfffffffc, true);
    v = buf.getFloat64(0, true);
  }
  return rk & 1 ? v / 100 : v;
}

/** A short string (8-bit length, option byte, characters) at `o`; returns the text and the bytes used. */
function shortString(d: Uint8Array, o: number): { text: string; size: number } {
  const cch = d[o];
  const high = (d[o + 1] & 1) === 1;
  const r = new FragmentReader([d], o + 2);
  return { text: r.chars(cch, high), size: 2 + cch * (high ? 2 : 1) };
}

/** An XLUnicodeString (16-bit length, option byte, characters) from a record and its CONTINUEs. */
function unicodeString(frags: Uint8Array[], start: number): string {
  const r = new FragmentReader(frags, start);
  const cch = r.u16();
  const flags = r.u8();
  return r.chars(cch, (flags & 1) === 1);
}

interface SharedStrings {
  strings: string[];
  /** The font index of the first run that carries visible text, when the string is rich text. */
  runFont: (number | undefined)[];
}

/** The SST: XLUnicodeRichExtendedString × cstUnique, across CONTINUE records. */
function readSst(frags: Uint8Array[]): SharedStrings {
  const r = new FragmentReader(frags);
  r.u32(); // total references
  const unique = r.u32();
  const strings: string[] = [];
  const runFont: (number | undefined)[] = [];
  for (let i = 0; i < unique && !r.done; i++) {
    const cch = r.u16();
    const flags = r.u8();
    const rich = (flags & 0x08) !== 0;
    const ext = (flags & 0x04) !== 0;
    const runs = rich ? r.u16() : 0;
    const extSize = ext ? r.u32() : 0;
    const text = r.chars(cch, (flags & 1) === 1);
    let font: number | undefined;
    if (runs > 0) {
      const list: [number, number][] = [];
      for (let k = 0; k < runs; k++) list.push([r.u16(), r.u16()]);
      font = firstVisibleRunFont(text, list);
    }
    if (extSize > 0) r.skip(extSize);
    strings.push(text);
    runFont.push(font);
  }
  return { strings, runFont };
}

/** The font of the run where the first visible character sits; undefined when it is before every run (the cell's font). */
function firstVisibleRunFont(text: string, runs: [number, number][]): number | undefined {
  const i = text.search(/\S/);
  if (i < 0) return undefined;
  let font: number | undefined;
  for (const [ich, ifnt] of runs) {
    if (ich <= i) font = ifnt;
    else break;
  }
  return font;
}

interface Globals {
  date1904: boolean;
  fonts: string[];
  formats: Map<number, string>;
  /** Per XF record: its font index and number format id. */
  xfs: { font: number; format: number }[];
  sst: SharedStrings;
  sheets: { name: string; offset: number; visibility: SheetVisibility; type: number }[];
}

function readGlobals(stream: Uint8Array, fileName: string): Globals {
  const rr = new RecordReader(stream, 0);
  const bof = rr.next();
  if (!bof || bof.type !== R.BOF) throw new BiffError("no BOF record at the start of the Workbook stream");
  const version = u16(bof.data, 0);
  if (version === BIFF5) throw new EngineError("file.biff5", { file: fileName });
  if (version !== BIFF8) throw new BiffError(`BIFF version 0x${version.toString(16)}`);
  const g: Globals = { date1904: false, fonts: [], formats: new Map(), xfs: [], sst: { strings: [], runFont: [] }, sheets: [] };
  for (;;) {
    const rec = rr.next();
    if (!rec) throw new BiffError("the workbook globals have no EOF record (truncated)");
    const d = rec.data;
    switch (rec.type) {
      case R.EOF:
        return g;
      case R.FILEPASS:
        throw new EngineError("file.encrypted", { file: fileName });
      case R.DATEMODE:
        g.date1904 = u16(d, 0) === 1;
        break;
      case R.FONT:
        g.fonts.push(shortString(d, 14).text);
        break;
      case R.FORMAT:
        g.formats.set(u16(d, 0), unicodeString([d, ...rr.continues()], 2));
        break;
      case R.XF:
        g.xfs.push({ font: u16(d, 0), format: u16(d, 2) });
        break;
      case R.SST:
        g.sst = readSst([d, ...rr.continues()]);
        break;
      case R.BOUNDSHEET: {
        const state = d[4] & 3;
        g.sheets.push({ offset: u32(d, 0), visibility: state === 1 ? "hidden" : state === 2 ? "veryHidden" : "visible", type: d[5], name: shortString(d, 6).text });
        break;
      }
      default:
        break;
    }
  }
}

/** Interned cell styles: index 0 is XF 0 (the Normal style). */
class StyleTable {
  readonly styles: CellStyle[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly byXf: number[] = [];
  readonly fontOfXf: (string | undefined)[] = [];
  constructor(private readonly g: Globals) {
    g.xfs.forEach((_xf, i) => this.byXf.push(this.intern(i)));
    if (this.styles.length === 0) this.styles.push({});
  }
  /** FONT records skip index 4 (BIFF keeps it reserved). */
  fontName(index: number): string | undefined {
    return this.g.fonts[index >= 4 ? index - 1 : index];
  }
  private intern(xfIndex: number): number {
    const xf = this.g.xfs[xfIndex];
    const style: CellStyle = {};
    const code = this.g.formats.get(xf.format) ?? BUILTIN_NUMBER_FORMATS[xf.format];
    if (code !== undefined && code !== "General") style.numberFormat = code;
    const font = this.fontName(xf.font);
    this.fontOfXf[xfIndex] = font;
    if (font !== undefined) style.fontName = font;
    const key = `${style.numberFormat ?? ""}\u0000${style.fontName ?? ""}`;
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.styles.length;
      this.styles.push(style);
      this.byKey.set(key, id);
    }
    return id;
  }
  /** The interned style id of an XF index (0 for unknown indexes). */
  idOf(xf: number): number {
    return this.byXf[xf] ?? 0;
  }
}

function readSheet(stream: Uint8Array, info: Globals["sheets"][number], g: Globals, table: StyleTable): SheetGrid {
  const b = new SheetGridBuilder();

  const style = (r: number, c: number, xf: number) => {
    b.style(r, c, table.idOf(xf));
  };
  const put = (r: number, c: number, v: CellValue) => {
    if (v === undefined || v === null || v === "") return;
    b.value(r, c, v);
  };

  const rr = new RecordReader(stream, info.offset);
  const bof = rr.next();
  if (!bof || bof.type !== R.BOF) throw new BiffError(`sheet "${info.name}" does not start with a BOF record`);
  let depth = 1;
  /** The FORMULA cell waiting for its STRING record. */
  let pendingString: { r: number; c: number } | undefined;
  while (depth > 0) {
    const rec = rr.next();
    if (!rec) throw new BiffError(`sheet "${info.name}" has no EOF record (truncated)`);
    const d = rec.data;
    if (rec.type === R.BOF) {
      depth++; // an embedded chart's substream
      continue;
    }
    if (rec.type === R.EOF) {
      depth--;
      continue;
    }
    if (depth > 1) continue;
    switch (rec.type) {
      case R.LABELSST: {
        const r = u16(d, 0) + 1;
        const c = u16(d, 2) + 1;
        const xf = u16(d, 4);
        const isst = u32(d, 6);
        style(r, c, xf);
        const text = g.sst.strings[isst];
        if (text === undefined) throw new BiffError(`shared string ${isst} does not exist`);
        put(r, c, text);
        const runFont = g.sst.runFont[isst];
        if (runFont !== undefined) {
          const name = table.fontName(runFont);
          if (name !== undefined && name !== table.fontOfXf[xf]) b.runFont(r, c, name);
        }
        break;
      }
      case R.LABEL: {
        const r = u16(d, 0) + 1;
        const c = u16(d, 2) + 1;
        style(r, c, u16(d, 4));
        put(r, c, unicodeString([d, ...rr.continues()], 6));
        break;
      }
      case R.NUMBER: {
        const r = u16(d, 0) + 1;
        const c = u16(d, 2) + 1;
        style(r, c, u16(d, 4));
        put(r, c, f64(d, 6));
        break;
      }
      case R.RK: {
        const r = u16(d, 0) + 1;
        const c = u16(d, 2) + 1;
        style(r, c, u16(d, 4));
        put(r, c, rkValue(u32(d, 6)));
        break;
      }
      case R.MULRK: {
        const r = u16(d, 0) + 1;
        const first = u16(d, 2) + 1;
        const n = Math.floor((d.length - 6) / 6);
        for (let i = 0; i < n; i++) {
          style(r, first + i, u16(d, 4 + 6 * i));
          put(r, first + i, rkValue(u32(d, 6 + 6 * i)));
        }
        break;
      }
      case R.BLANK:
        style(u16(d, 0) + 1, u16(d, 2) + 1, u16(d, 4));
        break;
      case R.MULBLANK: {
        const r = u16(d, 0) + 1;
        const first = u16(d, 2) + 1;
        const n = Math.floor((d.length - 6) / 2);
        for (let i = 0; i < n; i++) style(r, first + i, u16(d, 4 + 2 * i));
        break;
      }
      case R.BOOLERR: {
        const r = u16(d, 0) + 1;
        const c = u16(d, 2) + 1;
        style(r, c, u16(d, 4));
        put(r, c, d[7] === 1 ? ERROR_TEXT[d[6]] ?? "#N/A" : d[6] === 1);
        break;
      }
      case R.FORMULA: {
        const r = u16(d, 0) + 1;
        const c = u16(d, 2) + 1;
        style(r, c, u16(d, 4));
        b.formula(r, c, ""); // a formula; its text is not decompiled
        if (u16(d, 12) === 0xffff) {
          const kind = d[6];
          if (kind === 0) pendingString = { r, c };
          else if (kind === 1) put(r, c, d[8] === 1);
          else if (kind === 2) put(r, c, ERROR_TEXT[d[8]] ?? "#N/A");
        } else put(r, c, f64(d, 6));
        break;
      }
      case R.STRING:
        if (pendingString) {
          put(pendingString.r, pendingString.c, unicodeString([d, ...rr.continues()], 0));
          pendingString = undefined;
        }
        break;
      case R.MERGEDCELLS: {
        const n = u16(d, 0);
        for (let i = 0; i < n; i++) {
          const o = 2 + 8 * i;
          const top = u16(d, o) + 1;
          const bottom = u16(d, o + 2) + 1;
          const left = u16(d, o + 4) + 1;
          const right = u16(d, o + 6) + 1;
          if (bottom >= top && right >= left) b.merges.push({ top, left, bottom, right });
        }
        break;
      }
      case R.ROW:
        if (u16(d, 12) & 0x20) b.hiddenRows.push(u16(d, 0) + 1);
        break;
      case R.COLINFO:
        if (u16(d, 8) & 1) {
          const first = u16(d, 0) + 1;
          const last = Math.min(u16(d, 2) + 1, 256);
          for (let c = first; c <= last; c++) b.hiddenColumns.push(c);
        }
        break;
      default:
        break;
    }
    // SHRFMLA, ARRAY and TABLE may sit between a FORMULA and its STRING.
    if (rec.type !== R.FORMULA && rec.type !== R.STRING && rec.type !== R.CONTINUE && rec.type !== 0x04bc && rec.type !== 0x0221 && rec.type !== 0x0236) pendingString = undefined;
  }
  return b.build(info.name, info.visibility);
}

/**
 * Read an Excel 97-2003 workbook from its bytes (an OLE2 compound file holding a BIFF8 "Workbook" stream).
 * @example const grid = readXls(bytes, { fileName: "ds-cbcc.xls" });
 */
export function readXls(bytes: Uint8Array, options: ReadXlsOptions = {}): WorkbookGrid {
  const fileName = options.fileName ?? "";
  try {
    const cfb = new CompoundFile(bytes);
    if (cfb.rootStream("EncryptionInfo") || cfb.rootStream("EncryptedPackage")) throw new EngineError("file.encrypted", { file: fileName });
    const entry = cfb.rootStream("Workbook");
    if (!entry) {
      if (cfb.rootStream("Book")) throw new EngineError("file.biff5", { file: fileName });
      if (cfb.rootStream("WordDocument") || cfb.rootStream("PowerPoint Document")) throw new EngineError("file.unknownFormat", { file: fileName });
      throw new BiffError("no Workbook stream");
    }
    const stream = cfb.read(entry);
    if (stream.length === 0) throw new BiffError("empty Workbook stream");
    const globals = readGlobals(stream, fileName);
    const table = new StyleTable(globals);
    const sheets: SheetGrid[] = [];
    for (const info of globals.sheets) {
      if (info.type !== 0) continue; // chart sheets, macro sheets and VB modules hold no cells
      if (info.offset >= stream.length) throw new BiffError(`sheet "${info.name}" starts past the end of the stream (truncated)`);
      sheets.push(readSheet(stream, info, globals, table));
    }
    if (sheets.length === 0 || sheets.every((s) => s.rowCount === 0)) throw new EngineError("file.emptyWorkbook", { file: fileName });
    return { sheets, date1904: globals.date1904, styles: table.styles };
  } catch (e) {
    if (e instanceof EngineError) throw e;
    if (e instanceof CfbError || e instanceof BiffError) throw new EngineError("file.corruptXls", { file: fileName, detail: e.message });
    // Anything else (a RangeError from a lying length) is damage too: one line, never a stack trace.
    throw new EngineError("file.corruptXls", { file: fileName, detail: e instanceof Error ? e.message : String(e) });
  }
}
