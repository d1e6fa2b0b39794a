/**
 * Writers for the .xls forms offices receive, for tests and the benchmark (test-only code): a
 * workbook grid (from any `workbooks.ts` layout read with `readXlsx`) written out again as
 *
 * - a real Excel 97-2003 workbook: BIFF8 records ([MS-XLS]: BOF, CODEPAGE, DATEMODE, FONT, FORMAT,
 *   XF, STYLE, BOUNDSHEET, SST with CONTINUE records that split strings the way Excel does,
 *   DIMENSIONS, COLINFO, ROW, LABELSST, NUMBER, RK, MULRK, BOOLERR, FORMULA + STRING,
 *   MERGEDCELLS, WINDOW2, EOF) in a Compound File ([MS-CFB] version 3: FAT, DIFAT when the FAT
 *   outgrows the header, a directory tree, the mini stream for small streams);
 * - an HTML page: Excel's "Save as Web page" (Windows-1252 with character references, CSS
 *   classes with `font-family:"\.VnTime"` and `mso-number-format`, `x:num`, `x:fmla`,
 *   colspan/rowspan, hidden rows and columns) or a `tableToExcel` export (UTF-8 text as shown);
 * - Excel 2003 XML (SpreadsheetML: styles with fonts and number formats, `ss:Index`,
 *   `ss:MergeAcross`/`ss:MergeDown`, DateTime cells, rich `ss:Data` runs, hidden rows/columns/sheets).
 */
import { strToU8 } from "fflate";
import type { CellStyle, CellValue, SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { BUILTIN_NUMBER_FORMATS } from "../../src/file/readXlsx";

// ---------------------------------------------------------------------------------------------
// Bytes

class ByteWriter {
  private buf = new Uint8Array(1024);
  length = 0;
  private ensure(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  u8(v: number): this {
    this.ensure(1);
    this.buf[this.length++] = v & 0xff;
    return this;
  }
  u16(v: number): this {
    return this.u8(v).u8(v >>> 8);
  }
  u32(v: number): this {
    return this.u16(v & 0xffff).u16(v >>> 16);
  }
  f64(v: number): this {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, true);
    return this.bytes(b);
  }
  bytes(b: Uint8Array): this {
    this.ensure(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
    return this;
  }
  at(offset: number): { u32: (v: number) => void } {
    return { u32: (v) => new DataView(this.buf.buffer).setUint32(offset, v, true) };
  }
  done(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

// ---------------------------------------------------------------------------------------------
// Compound File (OLE2) writer

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const FATSECT = 0xfffffffd;
const DIFSECT = 0xfffffffc;
const NOSTREAM = 0xffffffff;

export interface CfbStream {
  name: string;
  data: Uint8Array;
}

/** CFB names compare by length first, then by upper-case code units ([MS-CFB] 2.6.4). */
function cfbCompare(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  const ua = a.toUpperCase();
  const ub = b.toUpperCase();
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

/**
 * A version 3 compound file (512-byte sectors) holding `streams` in its root storage. Streams under
 * 4096 bytes go to the mini stream, as the format requires.
 */
export function writeCompoundFile(streams: CfbStream[]): Uint8Array {
  const SECTOR = 512;
  const MINI = 64;
  const CUTOFF = 4096;
  const perSector = SECTOR / 4;
  const sectorsFor = (n: number) => Math.ceil(n / SECTOR);
  // Mini stream: small streams back to back in 64-byte sectors.
  const miniChains: { start: number; count: number }[] = [];
  let miniSectors = 0;
  for (const s of streams) {
    if (s.data.length > 0 && s.data.length < CUTOFF) {
      const count = Math.ceil(s.data.length / MINI);
      miniChains.push({ start: miniSectors, count });
      miniSectors += count;
    } else miniChains.push({ start: -1, count: 0 });
  }
  const miniStreamBytes = miniSectors * MINI;
  const miniFatSectors = miniSectors === 0 ? 0 : Math.ceil(miniSectors / perSector);
  const dirEntries = streams.length + 1;
  const dirSectors = Math.ceil(dirEntries / 4);
  const bigSectors = streams.reduce((n, s) => n + (s.data.length >= CUTOFF ? sectorsFor(s.data.length) : 0), 0);
  const payload = dirSectors + miniFatSectors + sectorsFor(miniStreamBytes) + bigSectors;
  // FAT and DIFAT sectors cover themselves too: iterate to a fixed point.
  let fatSectors = 1;
  let difatSectors = 0;
  for (;;) {
    const total = payload + fatSectors + difatSectors;
    const needFat = Math.ceil(total / perSector);
    const needDifat = needFat > 109 ? Math.ceil((needFat - 109) / (perSector - 1)) : 0;
    if (needFat === fatSectors && needDifat === difatSectors) break;
    fatSectors = needFat;
    difatSectors = needDifat;
  }
  const total = payload + fatSectors + difatSectors;
  const fat = new Uint32Array(fatSectors * perSector).fill(FREESECT);
  let next = 0;
  const fatIds: number[] = [];
  for (let i = 0; i < fatSectors; i++) {
    fatIds.push(next);
    fat[next++] = FATSECT;
  }
  const difatIds: number[] = [];
  for (let i = 0; i < difatSectors; i++) {
    difatIds.push(next);
    fat[next++] = DIFSECT;
  }
  const chain = (count: number): number => {
    if (count === 0) return ENDOFCHAIN;
    const start = next;
    for (let i = 0; i < count; i++, next++) fat[next] = i === count - 1 ? ENDOFCHAIN : next + 1;
    return start;
  };
  const dirStart = chain(dirSectors);
  const miniFatStart = chain(miniFatSectors);
  const miniStreamStart = chain(sectorsFor(miniStreamBytes));
  const bigStarts = streams.map((s) => (s.data.length >= CUTOFF ? chain(sectorsFor(s.data.length)) : ENDOFCHAIN));
  if (next !== total) throw new Error(`CFB layout: ${next} sectors placed, ${total} planned`);

  const out = new Uint8Array(SECTOR * (total + 1));
  const dv = new DataView(out.buffer);
  const sectorAt = (s: number) => SECTOR * (s + 1);
  // Header.
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  dv.setUint16(24, 0x003e, true);
  dv.setUint16(26, 3, true);
  dv.setUint16(28, 0xfffe, true);
  dv.setUint16(30, 9, true);
  dv.setUint16(32, 6, true);
  dv.setUint32(44, fatSectors, true);
  dv.setUint32(48, dirStart, true);
  dv.setUint32(56, CUTOFF, true);
  dv.setUint32(60, miniFatSectors ? miniFatStart : ENDOFCHAIN, true);
  dv.setUint32(64, miniFatSectors, true);
  dv.setUint32(68, difatSectors ? difatIds[0] : ENDOFCHAIN, true);
  dv.setUint32(72, difatSectors, true);
  for (let i = 0; i < 109; i++) dv.setUint32(76 + 4 * i, i < fatIds.length ? fatIds[i] : FREESECT, true);
  // DIFAT sectors: the FAT sector ids after the first 109, then the next DIFAT sector.
  difatIds.forEach((d, k) => {
    const base = sectorAt(d);
    for (let i = 0; i < perSector - 1; i++) {
      const idx = 109 + k * (perSector - 1) + i;
      dv.setUint32(base + 4 * i, idx < fatIds.length ? fatIds[idx] : FREESECT, true);
    }
    dv.setUint32(base + 4 * (perSector - 1), k + 1 < difatIds.length ? difatIds[k + 1] : ENDOFCHAIN, true);
  });
  // FAT.
  fatIds.forEach((f, k) => {
    for (let i = 0; i < perSector; i++) dv.setUint32(sectorAt(f) + 4 * i, fat[k * perSector + i], true);
  });
  // Mini FAT and mini stream.
  if (miniFatSectors) {
    const miniFat = new Uint32Array(miniFatSectors * perSector).fill(FREESECT);
    for (const c of miniChains) for (let i = 0; i < c.count; i++) miniFat[c.start + i] = i === c.count - 1 ? ENDOFCHAIN : c.start + i + 1;
    for (let i = 0; i < miniFat.length; i++) dv.setUint32(sectorAt(miniFatStart + Math.floor(i / perSector)) + 4 * (i % perSector), miniFat[i], true);
    streams.forEach((s, i) => {
      const c = miniChains[i];
      if (c.count === 0) return;
      const off = c.start * MINI;
      // The mini stream's sectors are consecutive in the file, so its bytes are contiguous there.
      out.set(s.data, sectorAt(miniStreamStart) + off);
    });
  }
  streams.forEach((s, i) => {
    if (s.data.length >= CUTOFF) out.set(s.data, sectorAt(bigStarts[i]));
  });
  // Directory: the root, then the streams as a balanced binary search tree under it.
  const order = streams.map((_, i) => i).sort((a, b) => cfbCompare(streams[a].name, streams[b].name));
  const links = new Map<number, { left: number; right: number }>();
  const build = (lo: number, hi: number): number => {
    if (lo > hi) return NOSTREAM;
    const mid = (lo + hi) >> 1;
    const id = order[mid] + 1;
    links.set(id, { left: build(lo, mid - 1), right: build(mid + 1, hi) });
    return id;
  };
  const rootChild = build(0, order.length - 1);
  const entry = (id: number, name: string, type: number, child: number, left: number, right: number, start: number, size: number) => {
    const base = sectorAt(dirStart) + 128 * id;
    for (let k = 0; k < name.length; k++) dv.setUint16(base + 2 * k, name.charCodeAt(k), true);
    dv.setUint16(base + 64, (name.length + 1) * 2, true);
    out[base + 66] = type;
    out[base + 67] = 1; // black
    dv.setUint32(base + 68, left, true);
    dv.setUint32(base + 72, right, true);
    dv.setUint32(base + 76, child, true);
    dv.setUint32(base + 116, start, true);
    dv.setUint32(base + 120, size, true);
  };
  entry(0, "Root Entry", 5, rootChild, NOSTREAM, NOSTREAM, miniStreamBytes ? miniStreamStart : ENDOFCHAIN, miniStreamBytes);
  streams.forEach((s, i) => {
    const l = links.get(i + 1)!;
    const c = miniChains[i];
    entry(i + 1, s.name, 2, NOSTREAM, l.left, l.right, s.data.length === 0 ? ENDOFCHAIN : c.count > 0 ? c.start : bigStarts[i], s.data.length);
  });
  for (let id = dirEntries; id < dirSectors * 4; id++) {
    const base = sectorAt(dirStart) + 128 * id;
    dv.setUint32(base + 68, NOSTREAM, true);
    dv.setUint32(base + 72, NOSTREAM, true);
    dv.setUint32(base + 76, NOSTREAM, true);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// BIFF8 writer

const MAX_RECORD = 8224;

function record(w: ByteWriter, type: number, body: Uint8Array): void {
  if (body.length > MAX_RECORD) throw new Error(`BIFF record 0x${type.toString(16)} too long (${body.length})`);
  w.u16(type).u16(body.length).bytes(body);
}

function body(fill: (b: ByteWriter) => void): Uint8Array {
  const b = new ByteWriter();
  fill(b);
  return b.done();
}

const fitsLatin1 = (s: string) => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return false;
  return true;
};

function chars(b: ByteWriter, s: string, high: boolean): void {
  for (let i = 0; i < s.length; i++) {
    if (high) b.u16(s.charCodeAt(i));
    else b.u8(s.charCodeAt(i));
  }
}

/** ShortXLUnicodeString (8-bit length). */
function shortString(b: ByteWriter, s: string): void {
  const high = !fitsLatin1(s);
  b.u8(s.length).u8(high ? 1 : 0);
  chars(b, s, high);
}

/** XLUnicodeString (16-bit length). */
function unicodeString(b: ByteWriter, s: string): void {
  const high = !fitsLatin1(s);
  b.u16(s.length).u8(high ? 1 : 0);
  chars(b, s, high);
}

interface SstString {
  text: string;
  /** Rich-text runs: [first character, BIFF font index]. */
  runs?: [number, number][];
}

/**
 * The SST and its CONTINUE records. A string's header never splits; its characters may, and the
 * CONTINUE record then starts with the option byte of the rest, which is compressed again when
 * the rest fits Latin-1 (as Excel does); runs split between whole runs. `limit` makes records
 * smaller than Excel's 8224 bytes, to split often.
 */
function writeSst(w: ByteWriter, strings: SstString[], total: number, limit = MAX_RECORD): void {
  const records: ByteWriter[] = [new ByteWriter()];
  let cur = records[0];
  cur.u32(total).u32(strings.length);
  const room = () => limit - cur.length;
  const fresh = () => {
    cur = new ByteWriter();
    records.push(cur);
  };
  for (const s of strings) {
    const high = !fitsLatin1(s.text);
    const unit = high ? 2 : 1;
    const runs = s.runs ?? [];
    const headerSize = 3 + (runs.length > 0 ? 2 : 0);
    if (room() < headerSize + (s.text.length > 0 ? unit : 0)) fresh();
    cur.u16(s.text.length).u8((high ? 1 : 0) | (runs.length > 0 ? 8 : 0));
    if (runs.length > 0) cur.u16(runs.length);
    let i = 0;
    let chunkHigh = high;
    while (i < s.text.length) {
      if (room() < (chunkHigh ? 2 : 1)) {
        fresh();
        chunkHigh = !fitsLatin1(s.text.slice(i));
        cur.u8(chunkHigh ? 1 : 0);
      }
      const n = Math.min(s.text.length - i, Math.floor(room() / (chunkHigh ? 2 : 1)));
      chars(cur, s.text.slice(i, i + n), chunkHigh);
      i += n;
    }
    for (const [ich, font] of runs) {
      if (room() < 4) fresh();
      cur.u16(ich).u16(font);
    }
  }
  records.forEach((r, k) => record(w, k === 0 ? 0x00fc : 0x003c, r.done()));
}

function rk(v: number): number | undefined {
  if (Number.isInteger(v) && v >= -(2 ** 29) && v < 2 ** 29) return ((v << 2) | 2) >>> 0;
  const x100 = Math.round(v * 100);
  if (Math.abs(v * 100 - x100) < 1e-9 && x100 >= -(2 ** 29) && x100 < 2 ** 29 && x100 / 100 === v) return ((x100 << 2) | 3) >>> 0;
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, v, true);
  if (dv.getUint32(0, true) === 0 && (dv.getUint32(4, true) & 3) === 0) return dv.getUint32(4, true) >>> 0;
  return undefined;
}

export interface XlsOptions {
  /** Extra root streams (e.g. a large one to make the FAT need DIFAT sectors). */
  extraStreams?: CfbStream[];
  /** Write the globals' BOF as BIFF5 (an Excel 5.0/95 workbook inside a "Workbook" stream). */
  biff5?: boolean;
  /** Add a FILEPASS record (a password-protected .xls). */
  filePass?: boolean;
  /** Cells as LABEL records instead of the SST (some exporters do this). */
  inlineLabels?: boolean;
  /** The SST's record size (default 8224, Excel's), smaller to split strings across CONTINUE records often. */
  sstRecordSize?: number;
  /** An embedded chart's substream (BOF … EOF, with a NUMBER record of its own) inside the first sheet. */
  embeddedChart?: boolean;
  /** A chart sheet after the worksheets (BOUNDSHEET type 2). */
  chartSheet?: boolean;
}

/** Excel number format id of a code: the built-in one when there is one, else a custom id from 164. */
function formatIds(styles: CellStyle[]): Map<string, number> {
  // Ids 14–22 are the locale's date and time formats: a Vietnamese "dd/mm/yyyy" is written as a format of its own, as Excel does.
  const builtin = new Map(Object.entries(BUILTIN_NUMBER_FORMATS).filter(([id]) => Number(id) < 14 || Number(id) > 22).map(([id, code]) => [code, Number(id)]));
  const ids = new Map<string, number>();
  let custom = 164;
  for (const s of styles) {
    const code = s.numberFormat;
    if (code === undefined || ids.has(code)) continue;
    ids.set(code, builtin.get(code) ?? custom++);
  }
  return ids;
}

/**
 * A grid as a real BIFF8 .xls: every value, style (font name and number format per XF), run font,
 * merge, hidden row and column, sheet visibility and the 1904 flag of the grid.
 */
export function gridToXls(grid: WorkbookGrid, o: XlsOptions = {}): Uint8Array {
  const styles = grid.styles.length > 0 ? grid.styles : [{}];
  const defaultFont = styles[0].fontName ?? "Arial";
  // Fonts: 0–3 are the default font, index 4 does not exist, then one per name.
  const fontNames: string[] = [defaultFont, defaultFont, defaultFont, defaultFont];
  const fontIndex = new Map<string, number>([[defaultFont, 0]]);
  const fontOf = (name: string | undefined): number => {
    const n = name ?? defaultFont;
    let i = fontIndex.get(n);
    if (i === undefined) {
      fontNames.push(n);
      i = fontNames.length; // written position p ≥ 4 has index p + 1
      fontIndex.set(n, i);
    }
    return i;
  };
  for (const s of styles) fontOf(s.fontName);
  for (const sh of grid.sheets) for (const f of Object.values(sh.runFonts ?? {})) fontOf(f);
  const fmtIds = formatIds(styles);
  // XF 0–14: style XFs, XF 15: the default cell XF, then one cell XF per grid style.
  const xfOf = (styleId: number) => (styleId === 0 ? 15 : 15 + styleId);

  // Shared strings.
  const sst: SstString[] = [];
  const sstIndex = new Map<string, number>();
  let sstTotal = 0;
  const stringId = (text: string, runFont?: string): number => {
    sstTotal++;
    const key = runFont === undefined ? text : `${text}\u0000${runFont}`;
    let i = sstIndex.get(key);
    if (i === undefined) {
      i = sst.length;
      const lead = text.search(/\S/);
      sst.push(runFont === undefined ? { text } : { text, runs: lead > 0 ? [[0, 0], [lead, fontOf(runFont)]] : [[0, fontOf(runFont)]] });
      sstIndex.set(key, i);
    }
    return i;
  };
  // Sheet bodies first (they fill the SST), the globals after, then the offsets.
  const sheetBodies = grid.sheets.map((sheet, i) => sheetRecords(sheet, xfOf, stringId, { ...o, embeddedChart: o.embeddedChart && i === 0 }));
  const boundSheets: { name: string; visibility?: string; type: number }[] = grid.sheets.map((s) => ({ name: s.name, ...(s.visibility ? { visibility: s.visibility } : {}), type: 0 }));
  if (o.chartSheet) {
    boundSheets.push({ name: "Biểu đồ", type: 2 });
    sheetBodies.push(chartSubstream());
  }

  const g = new ByteWriter();
  record(g, 0x0809, body((b) => b.u16(o.biff5 ? 0x0500 : 0x0600).u16(0x0005).u16(0x0dbb).u16(0x07cc).u32(0x000100c1).u32(0x00000206)));
  if (o.filePass) record(g, 0x002f, body((b) => b.u16(1).u16(1).bytes(new Uint8Array(52))));
  record(g, 0x0042, body((b) => b.u16(1200)));
  record(g, 0x003d, body((b) => b.u16(0).u16(0).u16(0x4000).u16(0x2000).u16(0x0038).u16(0).u16(0).u16(1).u16(0x0258)));
  record(g, 0x0022, body((b) => b.u16(grid.date1904 ? 1 : 0)));
  for (const name of fontNames) record(g, 0x0031, body((b) => {
    b.u16(240).u16(0).u16(0x7fff).u16(400).u16(0).u8(0).u8(0).u8(0).u8(0);
    shortString(b, name);
  }));
  for (const [code, id] of fmtIds) if (id >= 164) record(g, 0x041e, body((b) => {
    b.u16(id);
    unicodeString(b, code);
  }));
  const xf = (font: number, fmt: number, style: boolean) => body((b) => b.u16(font).u16(fmt).u16(style ? 0xfff5 : 0x0001).u16(0x0020).u16(0).u32(0).u32(0).u16(0x20c0));
  const defaultFmt = styles[0].numberFormat !== undefined ? fmtIds.get(styles[0].numberFormat)! : 0;
  for (let i = 0; i < 15; i++) record(g, 0x00e0, xf(0, i === 0 ? defaultFmt : 0, true));
  record(g, 0x00e0, xf(0, defaultFmt, false));
  for (let i = 1; i < styles.length; i++) record(g, 0x00e0, xf(fontOf(styles[i].fontName), styles[i].numberFormat !== undefined ? fmtIds.get(styles[i].numberFormat!)! : 0, false));
  record(g, 0x0293, body((b) => b.u16(0x8000).u8(0).u8(0xff)));
  const boundAt: number[] = [];
  boundSheets.forEach((sheet) => {
    boundAt.push(g.length + 4);
    record(g, 0x0085, body((b) => {
      b.u32(0).u8(sheet.visibility === "hidden" ? 1 : sheet.visibility === "veryHidden" ? 2 : 0).u8(sheet.type);
      shortString(b, sheet.name);
    }));
  });
  if (!o.inlineLabels || sst.length > 0) writeSst(g, sst, sstTotal, o.sstRecordSize);
  record(g, 0x000a, new Uint8Array(0));
  // The sheets follow the globals; BOUNDSHEET gets each one's offset.
  let offset = g.length;
  boundAt.forEach((at, i) => {
    g.at(at).u32(offset);
    offset += sheetBodies[i].length;
  });
  const stream = new ByteWriter().bytes(g.done());
  for (const s of sheetBodies) stream.bytes(s);
  return writeCompoundFile([{ name: "Workbook", data: stream.done() }, ...(o.extraStreams ?? [])]);
}

function sheetRecords(sheet: SheetGrid, xfOf: (s: number) => number, stringId: (t: string, runFont?: string) => number, o: XlsOptions): Uint8Array {
  const w = new ByteWriter();
  record(w, 0x0809, body((b) => b.u16(0x0600).u16(0x0010).u16(0x0dbb).u16(0x07cc).u32(0x000100c1).u32(0x00000206)));
  let lastRow = 0;
  let lastCol = 0;
  const rowsWithContent: number[] = [];
  const rowLimit = Math.max(sheet.values.length, sheet.styleIds?.length ?? 0, sheet.formulas?.length ?? 0);
  for (let r = 1; r <= rowLimit; r++) {
    const width = Math.max(sheet.values[r - 1]?.length ?? 0, sheet.styleIds?.[r - 1]?.length ?? 0);
    if (width > 0) {
      rowsWithContent.push(r);
      lastRow = r;
      lastCol = Math.max(lastCol, width);
    }
  }
  for (const r of sheet.hiddenRows) if (!rowsWithContent.includes(r)) rowsWithContent.push(r);
  rowsWithContent.sort((a, b) => a - b);
  record(w, 0x0200, body((b) => b.u32(0).u32(lastRow).u16(0).u16(lastCol).u16(0)));
  // Hidden columns, in runs.
  const hidden = [...new Set(sheet.hiddenColumns)].sort((a, b) => a - b);
  for (let i = 0; i < hidden.length; ) {
    let j = i;
    while (j + 1 < hidden.length && hidden[j + 1] === hidden[j] + 1) j++;
    const [first, last] = [hidden[i] - 1, hidden[j] - 1];
    record(w, 0x007d, body((b) => b.u16(first).u16(last).u16(0).u16(15).u16(1).u16(0)));
    i = j + 1;
  }
  const hiddenRows = new Set(sheet.hiddenRows);
  for (const r of rowsWithContent) {
    const width = Math.max(sheet.values[r - 1]?.length ?? 0, sheet.styleIds?.[r - 1]?.length ?? 0);
    record(w, 0x0208, body((b) => b.u16(r - 1).u16(0).u16(width).u16(300).u16(0).u16(0).u16(0x0100 | (hiddenRows.has(r) ? 0x20 : 0)).u16(15)));
  }
  for (const r of rowsWithContent) {
    const vals = sheet.values[r - 1] ?? [];
    const sty = sheet.styleIds?.[r - 1] ?? [];
    const fml = sheet.formulas?.[r - 1] ?? [];
    const width = Math.max(vals.length, sty.length);
    let c = 1;
    while (c <= width) {
      const v: CellValue = vals[c - 1];
      const xf = xfOf(sty[c - 1] ?? 0);
      const formula = fml[c - 1];
      // Runs of numbers that fit an RK become one MULRK record.
      if (typeof v === "number" && formula === undefined && rk(v) !== undefined) {
        let end = c;
        while (end + 1 <= width && typeof vals[end] === "number" && fml[end] === undefined && rk(vals[end] as number) !== undefined) end++;
        if (end > c) {
          const first = c;
          record(w, 0x00bd, body((b) => {
            b.u16(r - 1).u16(first - 1);
            for (let k = first; k <= end; k++) b.u16(xfOf(sty[k - 1] ?? 0)).u32(rk(vals[k - 1] as number)!);
            b.u16(end - 1);
          }));
          c = end + 1;
          continue;
        }
      }
      const head = (b: ByteWriter) => b.u16(r - 1).u16(c - 1).u16(xf);
      if (formula !== undefined && v !== undefined && v !== null && v !== "") {
        // The parsed formula is a constant giving the cached value (ptgNum / ptgStr / ptgBool), so a
        // program that recalculates on opening gets the same value; the formula's text is not what is tested.
        const rgce = body((b) => {
          if (typeof v === "number") b.u8(0x1f).f64(v);
          else if (typeof v === "boolean") b.u8(0x1d).u8(v ? 1 : 0);
          else {
            b.u8(0x17);
            shortString(b, String(v).slice(0, 255));
          }
        });
        record(w, 0x0006, body((b) => {
          head(b);
          if (typeof v === "number") b.f64(v);
          else if (typeof v === "boolean") b.u8(1).u8(0).u8(v ? 1 : 0).u8(0).u16(0).u16(0xffff);
          else b.u8(0).u8(0).u8(0).u8(0).u16(0).u16(0xffff);
          b.u16(0).u32(0).u16(rgce.length).bytes(rgce);
        }));
        if (typeof v === "string") record(w, 0x0207, body((b) => unicodeString(b, v)));
      } else if (typeof v === "string" && v !== "") {
        const runFont = sheet.runFonts?.[`${r},${c}`];
        if (o.inlineLabels && runFont === undefined) record(w, 0x0204, body((b) => {
          head(b);
          unicodeString(b, v);
        }));
        else record(w, 0x00fd, body((b) => head(b).u32(stringId(v, runFont))));
      } else if (typeof v === "number") {
        const k = rk(v);
        if (k !== undefined) record(w, 0x027e, body((b) => head(b).u32(k)));
        else record(w, 0x0203, body((b) => head(b).f64(v)));
      } else if (typeof v === "boolean") {
        record(w, 0x0205, body((b) => head(b).u8(v ? 1 : 0).u8(0)));
      } else if (sty[c - 1] !== undefined) {
        record(w, 0x0201, body((b) => head(b)));
      }
      c++;
    }
  }
  // Merged areas, at most 1026 per record.
  for (let i = 0; i < sheet.merges.length; i += 1026) {
    const part = sheet.merges.slice(i, i + 1026);
    record(w, 0x00e5, body((b) => {
      b.u16(part.length);
      for (const m of part) b.u16(m.top - 1).u16(m.bottom - 1).u16(m.left - 1).u16(m.right - 1);
    }));
  }
  if (o.embeddedChart) w.bytes(chartSubstream());
  record(w, 0x023e, body((b) => b.u16(0x06b6).u16(0).u16(0).u32(0x40).u16(0).u16(0).u32(0)));
  record(w, 0x000a, new Uint8Array(0));
  return w.done();
}

/** A chart's substream: BOF (chart), a NUMBER record of its own data (not a cell of any sheet), EOF. */
function chartSubstream(): Uint8Array {
  const w = new ByteWriter();
  record(w, 0x0809, body((b) => b.u16(0x0600).u16(0x0020).u16(0x0dbb).u16(0x07cc).u32(0x000100c1).u32(0x00000206)));
  record(w, 0x0203, body((b) => b.u16(0).u16(0).u16(15).f64(999999)));
  record(w, 0x000a, new Uint8Array(0));
  return w.done();
}

// ---------------------------------------------------------------------------------------------
// Shared: showing a value as Excel would

const DAY = 86400000;

/** Whether a number format shows a date. */
export function isDateCode(code: string | undefined): boolean {
  if (!code) return false;
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dy]/i.test(bare);
}

/** The date of a serial (1900 or 1904 system), as a UTC Date. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY));
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The text a cell shows: dates as dd/mm/yyyy, other values as they are. */
export function shownText(v: CellValue, style: CellStyle | undefined, date1904: boolean): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "number" && isDateCode(style?.numberFormat)) {
    const d = serialToDate(v, date1904);
    return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function styleOf(sheet: SheetGrid, r: number, c: number): number {
  return sheet.styleIds?.[r - 1]?.[c - 1] ?? 0;
}

/** Cells covered by a merge (not its top-left cell). */
function coveredCells(sheet: SheetGrid): Set<string> {
  const covered = new Set<string>();
  for (const m of sheet.merges) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  return covered;
}

// ---------------------------------------------------------------------------------------------
// HTML writers

const htmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Windows-1252 bytes with every character outside Latin-1's printable range as a character reference (what Excel writes). */
function cp1252Bytes(text: string): Uint8Array {
  let s = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    s += code < 0x80 || (code >= 0xa0 && code <= 0xff) ? ch : `&#${code};`;
  }
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function cssEscapeFont(name: string): string {
  return `"${name.replace(/([.\\"])/g, "\\$1")}"`;
}

function cssNumberFormat(code: string): string {
  return `"${code.replace(/([\\/"@#,])/g, "\\$1")}"`;
}

export interface HtmlOptions {
  /** "webPage": Excel's Save as Web page; "tableToExcel": the JavaScript export of a page's table. */
  variant: "webPage" | "tableToExcel";
  /** Only the first sheet (a web page saved from one sheet). Default: every sheet as a table. */
  firstSheetOnly?: boolean;
}

/** A grid as an HTML page saved with an .xls name. */
export function gridToHtml(grid: WorkbookGrid, o: HtmlOptions): Uint8Array {
  const sheets = o.firstSheetOnly ? grid.sheets.slice(0, 1) : grid.sheets;
  const web = o.variant === "webPage";
  const classOf = (id: number) => `xl${65 + id}`;
  let css = "";
  if (web) {
    css += `<style>\n<!--table\n\t{mso-displayed-decimal-separator:"\\.";\n\tmso-displayed-thousand-separator:"\\,";}\n.style0\n\t{mso-number-format:General;\n\tfont-family:${cssEscapeFont(grid.styles[0]?.fontName ?? "Arial")};\n\tmso-style-name:Normal;}\ntd\n\t{mso-style-parent:style0;\n\tfont-family:${cssEscapeFont(grid.styles[0]?.fontName ?? "Arial")};}\n`;
    grid.styles.forEach((s, id) => {
      if (id === 0) return;
      css += `.${classOf(id)}\n\t{mso-style-parent:style0;${s.fontName ? `\n\tfont-family:${cssEscapeFont(s.fontName)}, serif;` : ""}${s.numberFormat ? `\n\tmso-number-format:${cssNumberFormat(s.numberFormat)};` : ""}}\n`;
    });
    css += "-->\n</style>\n";
  }
  const names = sheets.map((s) => `<x:ExcelWorksheet><x:Name>${htmlEscape(s.name)}</x:Name><x:WorksheetOptions><x:Selected/></x:WorksheetOptions></x:ExcelWorksheet>`).join("");
  const head = web
    ? `<html xmlns:v="urn:schemas-microsoft-com:vml"\r\nxmlns:o="urn:schemas-microsoft-com:office:office"\r\nxmlns:x="urn:schemas-microsoft-com:office:excel"\r\nxmlns="http://www.w3.org/TR/REC-html40">\r\n<head>\r\n<meta http-equiv=Content-Type content="text/html; charset=windows-1252">\r\n<meta name=ProgId content=Excel.Sheet>\r\n<meta name=Generator content="Microsoft Excel 15">\r\n${css}<!--[if gte mso 9]><xml>\r\n <x:ExcelWorkbook>\r\n  <x:ExcelWorksheets>${names}</x:ExcelWorksheets>\r\n </x:ExcelWorkbook>\r\n</xml><![endif]-->\r\n</head>\r\n<body link=blue vlink=purple>\r\n`
    : `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40"><head><meta charset="UTF-8"><!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets>${names}</x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]--></head><body>`;
  let html = head;
  for (const sheet of sheets) {
    const covered = coveredCells(sheet);
    const mergeAt = new Map(sheet.merges.map((m) => [`${m.top},${m.left}`, m]));
    const width = Math.max(sheet.columnCount, ...sheet.merges.map((m) => m.right));
    const height = Math.max(sheet.rowCount, ...sheet.merges.map((m) => m.bottom), ...sheet.hiddenRows);
    html += web ? `\r\n<table border=0 cellpadding=0 cellspacing=0 style='border-collapse:collapse;table-layout:fixed'>\r\n` : "<table>";
    if (web) {
      const hiddenCols = new Set(sheet.hiddenColumns);
      for (let c = 1; c <= width; c++) html += hiddenCols.has(c) ? ` <col width=0 style='display:none;mso-width-source:userset'>\r\n` : ` <col width=64 style='width:48pt'>\r\n`;
    }
    const hiddenRows = new Set(sheet.hiddenRows);
    for (let r = 1; r <= height; r++) {
      html += web ? ` <tr height=20${hiddenRows.has(r) ? " style='display:none'" : ""}>\r\n` : "<tr>";
      for (let c = 1; c <= width; c++) {
        if (covered.has(`${r},${c}`)) continue;
        const v = sheet.values[r - 1]?.[c - 1];
        const sid = styleOf(sheet, r, c);
        const style = grid.styles[sid];
        const m = mergeAt.get(`${r},${c}`);
        const span = m ? `${m.right > m.left ? ` colspan=${m.right - m.left + 1}` : ""}${m.bottom > m.top ? ` rowspan=${m.bottom - m.top + 1}` : ""}` : "";
        const text = shownText(v, style, grid.date1904);
        const shown = htmlEscape(text).replace(/\n/g, web ? "<br style='mso-data-placement:same-cell'>" : "<br>");
        if (!web) {
          html += `<td${span}>${shown}</td>`;
          continue;
        }
        const cls = sid !== 0 ? ` class=${classOf(sid)}` : "";
        const num = typeof v === "number" ? ` x:num="${v}"` : "";
        const fmla = sheet.formulas?.[r - 1]?.[c - 1];
        const f = fmla ? ` x:fmla="=${htmlEscape(fmla).replace(/"/g, "&quot;")}"` : "";
        const runFont = sheet.runFonts?.[`${r},${c}`];
        const content = runFont ? `<font face=${cssEscapeFont(runFont).replace(/\\/g, "")}>${shown}</font>` : shown;
        html += `  <td${span}${cls}${num}${f}${typeof v === "string" ? " x:str" : ""}>${content}</td>\r\n`;
      }
      html += web ? " </tr>\r\n" : "</tr>";
    }
    html += "</table>";
  }
  html += web ? "\r\n</body>\r\n</html>\r\n" : "</body></html>";
  return web ? cp1252Bytes(html) : strToU8(html);
}

// ---------------------------------------------------------------------------------------------
// SpreadsheetML 2003 writer

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/\n/g, "&#10;");

function isoOf(serial: number, date1904: boolean): string {
  const d = serialToDate(serial, date1904);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.000`;
}

/** A grid as Excel 2003 XML (SpreadsheetML). */
export function gridToSpreadsheetMl(grid: WorkbookGrid): Uint8Array {
  const sid = (id: number) => (id === 0 ? "Default" : `s${61 + id}`);
  let xml = `<?xml version="1.0"?>\r\n<?mso-application progid="Excel.Sheet"?>\r\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"\r\n xmlns:o="urn:schemas-microsoft-com:office:office"\r\n xmlns:x="urn:schemas-microsoft-com:office:excel"\r\n xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"\r\n xmlns:html="http://www.w3.org/TR/REC-html40">\r\n`;
  xml += ` <ExcelWorkbook xmlns="urn:schemas-microsoft-com:office:excel">\r\n  <ProtectStructure>False</ProtectStructure>\r\n${grid.date1904 ? "  <Date1904/>\r\n" : ""} </ExcelWorkbook>\r\n <Styles>\r\n`;
  grid.styles.forEach((s, id) => {
    const font = s.fontName ? `<Font ss:FontName="${xmlEscape(s.fontName)}" ss:Size="12"/>` : "";
    const fmt = s.numberFormat ? `<NumberFormat ss:Format="${xmlEscape(s.numberFormat)}"/>` : "";
    xml += id === 0 ? `  <Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Bottom"/>${font}${fmt}</Style>\r\n` : `  <Style ss:ID="${sid(id)}" ss:Parent="Default">${font}${fmt}</Style>\r\n`;
  });
  xml += " </Styles>\r\n";
  for (const sheet of grid.sheets) {
    const covered = coveredCells(sheet);
    const mergeAt = new Map(sheet.merges.map((m) => [`${m.top},${m.left}`, m]));
    xml += ` <Worksheet ss:Name="${xmlEscape(sheet.name)}">\r\n  <Table>\r\n`;
    for (const c of [...new Set(sheet.hiddenColumns)].sort((a, b) => a - b)) xml += `   <Column ss:Index="${c}" ss:Hidden="1" ss:AutoFitWidth="0"/>\r\n`;
    const hiddenRows = new Set(sheet.hiddenRows);
    const height = Math.max(sheet.values.length, sheet.styleIds?.length ?? 0, ...sheet.hiddenRows);
    let lastRow = 0;
    for (let r = 1; r <= height; r++) {
      const vals = sheet.values[r - 1] ?? [];
      const sty = sheet.styleIds?.[r - 1] ?? [];
      const width = Math.max(vals.length, sty.length);
      if (width === 0 && !hiddenRows.has(r)) continue;
      xml += `   <Row${r !== lastRow + 1 ? ` ss:Index="${r}"` : ""}${hiddenRows.has(r) ? ' ss:Hidden="1"' : ""}>\r\n`;
      lastRow = r;
      let lastCol = 0;
      for (let c = 1; c <= width; c++) {
        if (covered.has(`${r},${c}`)) continue;
        const v = vals[c - 1];
        const s = sty[c - 1] ?? 0;
        const m = mergeAt.get(`${r},${c}`);
        if ((v === undefined || v === null || v === "") && s === 0 && !m) continue;
        const attrs = `${c !== lastCol + 1 ? ` ss:Index="${c}"` : ""}${m && m.right > m.left ? ` ss:MergeAcross="${m.right - m.left}"` : ""}${m && m.bottom > m.top ? ` ss:MergeDown="${m.bottom - m.top}"` : ""}${s !== 0 ? ` ss:StyleID="${sid(s)}"` : ""}`;
        const fmla = sheet.formulas?.[r - 1]?.[c - 1];
        const f = fmla ? ` ss:Formula="=${xmlEscape(fmla)}"` : "";
        let data = "";
        if (typeof v === "number") data = isDateCode(grid.styles[s]?.numberFormat) ? `<Data ss:Type="DateTime">${isoOf(v, grid.date1904)}</Data>` : `<Data ss:Type="Number">${v}</Data>`;
        else if (typeof v === "boolean") data = `<Data ss:Type="Boolean">${v ? 1 : 0}</Data>`;
        else if (typeof v === "string" && v !== "") {
          const runFont = sheet.runFonts?.[`${r},${c}`];
          data = runFont
            ? `<ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><Font html:Face="${xmlEscape(runFont)}">${xmlEscape(v)}</Font></ss:Data>`
            : `<Data ss:Type="String">${xmlEscape(v)}</Data>`;
        }
        xml += `    <Cell${attrs}${f}>${data}</Cell>\r\n`;
        lastCol = m ? m.right : c;
      }
      xml += "   </Row>\r\n";
    }
    xml += "  </Table>\r\n";
    const visible = sheet.visibility === "hidden" ? "SheetHidden" : sheet.visibility === "veryHidden" ? "SheetVeryHidden" : undefined;
    xml += `  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">${visible ? `<Visible>${visible}</Visible>` : ""}<ProtectObjects>False</ProtectObjects></WorksheetOptions>\r\n </Worksheet>\r\n`;
  }
  xml += "</Workbook>\r\n";
  return strToU8(xml);
}
