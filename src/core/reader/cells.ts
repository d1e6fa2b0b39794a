/**
 * Cell access for the reader: decoded, NFC, space-normalized text per cell, merged areas
 * resolved to their top-left value, and a tally of every legacy-text decode per column
 * (so a whole TCVN3 sheet is reported once per column, not once per cell).
 */
import { cellFontName, cellStyle, cellValue, type CellRange, type CellValue, type SheetGrid, type WorkbookGrid } from "../grid";
import { decodeLegacyText, isLegacyFontName, type TextEncoding } from "../text/legacy";
import { normalizeSpaces } from "../text/keys";

/** Text that needs no space clean-up: no leading/trailing or doubled spaces, no tabs, breaks or NBSP. */
const SIMPLE_SPACING = /^(?:[^\s\u00a0]+(?: [^\s\u00a0]+)*)?$/;

/**
 * Characters that cannot occur in Unicode Vietnamese text but are TCVN3 or VNI letters when read
 * as Latin-1 (roster-formats.md §4, "Detection" step 2), and the soft hyphen (TCVN3 "ư").
 */
const LEGACY_MARKERS = new Set(Array.from("µ¶·¸¹º»¼½¾¨©ª«¬®§¡¢£¤¥¦ÆÇËÎÏÐÑÖ×ØÜÞßäåæçëîïñö÷øûüþ\u00ad", (c) => c.charCodeAt(0)));
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
  /** Decoded text per (font, raw text): rosters repeat values, and decoding is the costly part. */
  private readonly decodeCache = new Map<string, { text: string; raw: string; changed: boolean; encoding: TextEncoding; ambiguous: boolean }>();
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
    if (merged) {
      const v = cellValue(this.sheet, row, col);
      if (v === undefined || v === null || v === "") {
        const m = this.mergeOrigin.get(row * 20000 + col);
        if (m) {
          r = m.top;
          c = m.left;
        }
      }
    }
    // The reader asks for the cells of one row several times: remember the current row's texts.
    if (r !== this.cachedRow) {
      this.cachedRow = r;
      this.cachedTexts = [];
    }
    const cached = this.cachedTexts[c];
    if (cached !== undefined) return cached;
    const v = cellValue(this.sheet, r, c);
    const out = v === undefined || v === null ? "" : typeof v === "string" ? this.decode(v, r, c) : String(v);
    this.cachedTexts[c] = out;
    return out;
  }
  /** Per column: cells analyzed and found to be plain Unicode. */
  private readonly unicodeCells = new Map<number, number>();
  private cachedRow = 0;
  private cachedTexts: string[] = [];
  private readonly legacyFonts = new Map<string, boolean>();
  /** Whether any style or run uses a TCVN3 "H" (upper-case) font: only then do ASCII cells need a font lookup. */
  private readonly upperFontsInWorkbook: boolean;

  private isLegacyFont(fontName: string | undefined): boolean {
    if (fontName === undefined) return false;
    let v = this.legacyFonts.get(fontName);
    if (v === undefined) this.legacyFonts.set(fontName, (v = isLegacyFontName(fontName) !== undefined));
    return v;
  }

  private decode(s: string, row: number, col: number): string {
    let needs = false;
    for (let i = 0; i < s.length; i++) {
      const code = s.charCodeAt(i);
      if (code >= 0x80) {
        needs = true;
        break;
      }
    }
    if (!needs) {
      const plain = SIMPLE_SPACING.test(s) ? s : normalizeSpaces(s);
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
      const trusted = (this.unicodeCells.get(col) ?? 0) >= TRUST_AFTER && !this.decodes.has(col);
      let suspicious = false;
      for (let i = 0; i < s.length; i++) {
        const code = s.charCodeAt(i);
        if ((code >= 0x300 && code <= 0x36f) || (code >= 0x80 && code <= 0xff && (!trusted || LEGACY_MARKERS.has(code)))) {
          suspicious = true;
          break;
        }
      }
      if (!suspicious) return SIMPLE_SPACING.test(s) ? s : normalizeSpaces(s);
    }
    const cacheKey = `${fontName ?? ""}\u0000${s}`;
    let result = this.decodeCache.get(cacheKey);
    if (result === undefined) {
      let r = decodeLegacyText(s, fontName === undefined ? {} : { fontName });
      if (r.ambiguous) {
        // "Ghi chó" is both valid Unicode and TCVN3 for "Ghi chú". When the cell's font is a legacy
        // font and the same sheet already holds text that is certainly in that encoding, the font wins.
        const font = isLegacyFontName(fontName);
        if (font && this.confident[font.encoding] >= 2) r = decodeLegacyText(s, { fontName: fontName!, encoding: font.encoding });
      } else if (r.encoding !== "unicode") this.confident[r.encoding]++;
      result = { text: normalizeSpaces(r.text), raw: r.text, changed: r.changed, encoding: r.encoding, ambiguous: r.ambiguous === true };
      if (!r.changed && !r.ambiguous) this.unicodeCells.set(col, (this.unicodeCells.get(col) ?? 0) + 1);
      if (this.decodeCache.size < 100000) this.decodeCache.set(cacheKey, result);
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
          if (t === undefined) this.decodes.set(col, { encoding, count: 1, firstRow: row, sampleRaw: s, sampleText: result.text });
          else t.count++;
        }
      }
    }
    return result.text;
  }
}
