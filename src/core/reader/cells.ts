/**
 * Cell access for the reader: decoded, NFC, space-normalized text per cell, merged areas
 * resolved to their top-left value, and a tally of every legacy-text decode per column
 * (so a whole TCVN3 sheet is reported once per column, not once per cell).
 */
import { cellFontName, cellStyle, cellValue, type CellRange, type CellValue, type SheetGrid, type WorkbookGrid } from "../grid";
import { decodeLegacyText, isLegacyFontName, type TextEncoding } from "../text/legacy";
import { normalizeSpaces } from "../text/keys";

/**
 * Whether a UTF-16 code unit is white space for `\s` in a regular expression (which includes NBSP
 * and the BOM). Text needs no space clean-up when it has none but single spaces between words: what
 * `/^(?:[^\s\u00a0]+(?: [^\s\u00a0]+)*)?$/` accepts, decided in the reader's one pass over a cell.
 */
function isRegExpSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * Characters that cannot occur in Unicode Vietnamese text but are TCVN3 or VNI letters when read
 * as Latin-1 (roster-formats.md §4, "Detection" step 2), and the soft hyphen (TCVN3 "ư").
 * Indexed by code unit (0–255).
 */
const LEGACY_MARKERS = new Uint8Array(256);
for (const ch of "µ¶·¸¹º»¼½¾¨©ª«¬®§¡¢£¤¥¦ÆÇËÎÏÐÑÖ×ØÜÞßäåæçëîïñö÷øûüþ\u00ad") LEGACY_MARKERS[ch.charCodeAt(0)] = 1;

/** One decoded text, as cached per (font, raw text). */
interface Decoded {
  text: string;
  raw: string;
  changed: boolean;
  encoding: TextEncoding;
  ambiguous: boolean;
}
/** Entries kept in a sheet's decode cache at most (per sheet: it lives as long as one reading). */
const DECODE_CACHE_LIMIT = 100000;
/** After this many plain-Unicode cells, a column is trusted to be Unicode. */
const TRUST_AFTER = 50;

/** What happened to the text of one column while reading. */
export interface ColumnDecodeTally {
  encoding: Exclude<TextEncoding, "unicode"> | "nfd";
  count: number;
  firstRow: number;
  sampleRaw: string;
  sampleText: string;
}

/** A cell whose legacy encoding could not be decided. */
export interface AmbiguousCell {
  row: number;
  col: number;
  raw: string;
}

/** Read-only, cached view of one sheet's cells. */
export class SheetCells {
  readonly sheet: SheetGrid;
  readonly workbook: WorkbookGrid;
  /** Top-left cell of the merged area each merged cell belongs to. Key: row * 20000 + col. */
  private readonly mergeOrigin = new Map<number, CellRange>();
  /**
   * Decoded text per font, then per raw text: rosters repeat values, and decoding is the costly
   * part. Two levels, so a lookup hashes the cell's own string (whose hash the engine keeps) and
   * builds no key.
   */
  private readonly decodeCache = new Map<string, Map<string, Decoded>>();
  private decodeCacheSize = 0;
  /** Cells already counted in `decodes` or `ambiguous` (text() may be asked for a cell twice). */
  private readonly counted = new Set<number>();
  private readonly hiddenCols: Set<number>;
  private readonly hiddenRowSet: Set<number>;
  readonly decodes = new Map<number, ColumnDecodeTally>();
  readonly ambiguous: AmbiguousCell[] = [];
  /** Cells decoded from TCVN3/VNI: their Unicode text (spacing as written) and font, for `--fix-encoding`. */
  readonly legacyCells: { row: number; col: number; text: string; fontName?: string }[] = [];
  /** Cells decoded with certainty, per legacy encoding: evidence for the sheet's ambiguous cells. */
  private readonly confident = { tcvn3: 0, vni: 0 };

  constructor(workbook: WorkbookGrid, sheet: SheetGrid) {
    this.workbook = workbook;
    this.sheet = sheet;
    for (const m of sheet.merges) {
      // Large merges (a title across 30 columns) are fine; guard against absurd ranges.
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 200000) continue;
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) this.mergeOrigin.set(r * 20000 + c, m);
    }
    this.hiddenCols = new Set(sheet.hiddenColumns);
    this.upperFontsInWorkbook = workbook.styles.some((st) => isLegacyFontName(st.fontName)?.upperCase === true) || Object.values(sheet.runFonts ?? {}).some((f) => isLegacyFontName(f)?.upperCase === true);
    this.hiddenRowSet = new Set(sheet.hiddenRows);
  }

  get rowCount(): number {
    return this.sheet.rowCount;
  }
  get columnCount(): number {
    return this.sheet.columnCount;
  }
  isHiddenColumn(col: number): boolean {
    return this.hiddenCols.has(col);
  }
  isHiddenRow(row: number): boolean {
    return this.hiddenRowSet.has(row);
  }

  /** The merged area a cell belongs to, when it is not the area's top-left cell. */
  mergeOf(row: number, col: number): CellRange | undefined {
    return this.mergeOrigin.get(row * 20000 + col);
  }

  /** The raw value (no merge resolution). */
  raw(row: number, col: number): CellValue {
    return cellValue(this.sheet, row, col);
  }

  /** The value, taking a merged cell's value from its area's top-left cell. */
  value(row: number, col: number): CellValue {
    const v = cellValue(this.sheet, row, col);
    if (v !== undefined && v !== null && v !== "") return v;
    const m = this.mergeOrigin.get(row * 20000 + col);
    return m ? cellValue(this.sheet, m.top, m.left) : v;
  }

  numberFormat(row: number, col: number): string | undefined {
    return cellStyle(this.workbook, this.sheet, row, col).numberFormat;
  }

  formula(row: number, col: number): string | undefined {
    return this.sheet.formulas?.[row - 1]?.[col - 1];
  }

  /**
   * The cell's text: legacy TCVN3/VNI decoded (font first, then content), NFC, spaces
   * collapsed. Numbers and booleans come back as their plain text. Merged cells resolve to
   * their area's top-left cell when `merged` is true.
   */
  text(row: number, col: number, merged = true): string {
    let r = row;
    let c = col;
    const values = this.sheet.values[row - 1];
    if (merged) {
      const v = values === undefined ? undefined : values[col - 1];
      if (v === undefined || v === null || v === "") {
        const m = this.mergeOrigin.get(row * 20000 + col);
        if (m) {
          r = m.top;
          c = m.left;
        }
      }
    }
    // The reader asks for the cells of one row several times: remember the current row's texts
    // (a slot is valid while its stamp is the current row's generation; nothing is allocated per row).
    if (r !== this.cachedRow) {
      this.cachedRow = r;
      this.generation++;
    }
    if (this.textStamp[c] === this.generation) return this.cachedTexts[c]!;
    const rowValues = r === row ? values : this.sheet.values[r - 1];
    const v = rowValues === undefined ? undefined : rowValues[c - 1];
    const out = v === undefined || v === null ? "" : typeof v === "string" ? this.decode(v, r, c) : String(v);
    this.textStamp[c] = this.generation;
    this.cachedTexts[c] = out;
    return out;
  }
  /** Per column: cells analyzed and found to be plain Unicode. */
  private readonly unicodeCells: number[] = [];
  /** Per column: whether `decodes` has a tally for it. */
  private readonly decodedColumn: boolean[] = [];
  private cachedRow = 0;
  private generation = 0;
  private readonly textStamp: number[] = [];
  private readonly cachedTexts: string[] = [];
  private readonly legacyFonts = new Map<string, boolean>();
  /** Whether any style or run uses a TCVN3 "H" (upper-case) font: only then do ASCII cells need a font lookup. */
  private readonly upperFontsInWorkbook: boolean;

  private isLegacyFont(fontName: string | undefined): boolean {
    if (fontName === undefined) return false;
    // Most cells of a sheet share one font: the last answer first, then the map.
    if (fontName === this.lastFont) return this.lastFontLegacy;
    let v = this.legacyFonts.get(fontName);
    if (v === undefined) this.legacyFonts.set(fontName, (v = isLegacyFontName(fontName) !== undefined));
    this.lastFont = fontName;
    this.lastFontLegacy = v;
    return v;
  }
  private lastFont: string | undefined;
  private lastFontLegacy = false;
  private lastFontKey: string | undefined;
  private lastByText: Map<string, Decoded> | undefined;

  private decode(s: string, row: number, col: number): string {
    // One pass: plain ASCII (the common case for numbers, codes, dates as text) with its spacing,
    // then, from the first other character, the check of Unicode text in a Unicode font.
    let afterSpace = true;
    let simple = true;
    let i = 0;
    for (; i < s.length; i++) {
      const code = s.charCodeAt(i);
      if (code >= 0x80) break;
      if (code === 0x20) {
        if (afterSpace) simple = false;
        afterSpace = true;
      } else {
        if (code >= 0x09 && code <= 0x0d) simple = false;
        afterSpace = false;
      }
    }
    if (i === s.length) {
      const plain = simple && (!afterSpace || s.length === 0) ? s : normalizeSpaces(s);
      // An "H" font (.VnTimeH) draws every letter as a capital, accents or not ("tt" shows as "TT").
      if (this.upperFontsInWorkbook && isLegacyFontName(cellFontName(this.workbook, this.sheet, row, col))?.upperCase) return plain.toUpperCase();
      return plain;
    }
    const fontName = cellFontName(this.workbook, this.sheet, row, col);
    // Precomposed Unicode Vietnamese in a Unicode font (the common case): no Latin-1 range
    // characters, no combining marks, so nothing to decode or normalize.
    if (!this.isLegacyFont(fontName)) {
      // In a column already seen to hold Unicode, only a character impossible in Unicode
      // Vietnamese (a TCVN3/VNI marker) or a combining mark calls for the full analysis.
      const trusted = (this.unicodeCells[col] ?? 0) >= TRUST_AFTER && this.decodedColumn[col] !== true;
      let suspicious = false;
      for (; i < s.length; i++) {
        const code = s.charCodeAt(i);
        if (code === 0x20) {
          if (afterSpace) simple = false;
          afterSpace = true;
          continue;
        }
        afterSpace = false;
        if (code < 0x80) {
          if (code >= 0x09 && code <= 0x0d) simple = false;
        } else if (code <= 0xff) {
          if (!trusted || LEGACY_MARKERS[code] === 1) {
            suspicious = true;
            break;
          }
          if (code === 0xa0) simple = false;
        } else if (code >= 0x300 && code <= 0x36f) {
          suspicious = true;
          break;
        } else if (isRegExpSpace(code)) simple = false;
      }
      if (!suspicious) return simple && !afterSpace ? s : normalizeSpaces(s);
    }
    const fontKey = fontName ?? "";
    let byText = fontKey === this.lastFontKey ? this.lastByText : this.decodeCache.get(fontKey);
    if (byText === undefined) this.decodeCache.set(fontKey, (byText = new Map()));
    this.lastFontKey = fontKey;
    this.lastByText = byText;
    let result = byText.get(s);
    if (result === undefined) {
      let r = decodeLegacyText(s, fontName === undefined ? {} : { fontName });
      if (r.ambiguous) {
        // "Ghi chó" is both valid Unicode and TCVN3 for "Ghi chú". When the cell's font is a legacy
        // font and the same sheet already holds text that is certainly in that encoding, the font wins.
        const font = isLegacyFontName(fontName);
        if (font && this.confident[font.encoding] >= 2) r = decodeLegacyText(s, { fontName: fontName!, encoding: font.encoding });
      } else if (r.encoding !== "unicode") this.confident[r.encoding]++;
      result = { text: normalizeSpaces(r.text), raw: r.text, changed: r.changed, encoding: r.encoding, ambiguous: r.ambiguous === true };
      if (!r.changed && !r.ambiguous) this.unicodeCells[col] = (this.unicodeCells[col] ?? 0) + 1;
      if (this.decodeCacheSize < DECODE_CACHE_LIMIT) {
        byText.set(s, result);
        this.decodeCacheSize++;
      }
    }
    if (result.changed || result.ambiguous) {
      const cell = row * 20000 + col;
      if (!this.counted.has(cell)) {
        this.counted.add(cell);
        if (result.ambiguous) this.ambiguous.push({ row, col, raw: s });
        else {
          if (result.encoding !== "unicode") this.legacyCells.push({ row, col, text: result.raw, ...(fontName !== undefined ? { fontName } : {}) });
          const encoding = result.encoding === "unicode" ? "nfd" : result.encoding;
          const t = this.decodes.get(col);
          if (t === undefined) {
            this.decodes.set(col, { encoding, count: 1, firstRow: row, sampleRaw: s, sampleText: result.text });
            this.decodedColumn[col] = true;
          } else t.count++;
        }
      }
    }
    return result.text;
  }
}
