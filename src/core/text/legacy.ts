/**
 * Legacy Vietnamese encodings in Excel cells: detection and decoding of
 * TCVN3 (ABC; fonts .VnTime, .VnArial, … and the upper-case "H" fonts
 * .VnTimeH, .VnArialH, …) and VNI-Windows (fonts VNI-Times, VNI-Helve, …)
 * to NFC Unicode, plus the reverse encoders used by tests and fixture
 * generators. Source: shared/reference/roster-formats.md §4.
 *
 * What arrives: Excel stores text typed in a legacy font as the Latin-1 code
 * points of the font's bytes (TCVN3 byte 0xB5 is U+00B5 "µ"). So decoding is
 * a per-code-point table lookup (TCVN3) or a pair lookup (VNI: vowel + mark
 * byte, longest match first). Tables: legacyTables.ts.
 *
 * Detection per cell (roster-formats.md §4 "Detection"):
 * 1. Letters that only Unicode has (ă đ ơ ư ạ…ỹ, combining marks) prove the
 *    cell is Unicode: legacy bytes read as Latin-1 never produce them. Text
 *    without any code point in U+00A1–U+00FF has nothing to decode. Both are
 *    the fast path.
 * 2. Otherwise the cell is read three ways (as is, as TCVN3, as VNI), each
 *    reading is scored by the syllable checker (syllable.ts), and a legacy
 *    reading must beat the text as it is by a margin. The font name is a
 *    hint that lowers the margin and breaks TCVN3/VNI ties; it never forces a
 *    conversion, because fonts lie (text is pasted between fonts).
 * 3. A close call is left unchanged and flagged `ambiguous`.
 *
 * Never throws: every function accepts any string, including lone surrogates
 * and control characters.
 *
 * Pure TypeScript: ES2022 only.
 */

import { countSyllables } from "./syllable";
import {
  LEGACY_MARKER,
  TCVN3_DECODE,
  TCVN3_ENCODE,
  TCVN3_IS_VN1,
  VNI_DECODE_PAIR,
  VNI_DECODE_SINGLE,
  VNI_ENCODE,
  vniPairIsOddCase,
} from "./legacyTables";

/**
 * The encoding a cell's text is in.
 * @example const e: TextEncoding = "tcvn3";
 */
export type TextEncoding = "unicode" | "tcvn3" | "vni";

/**
 * A legacy (pre-Unicode) encoding.
 * @example const e: LegacyEncoding = "vni";
 */
export type LegacyEncoding = Exclude<TextEncoding, "unicode">;

/**
 * What a font name says about the encoding of the text drawn with it.
 * @example isLegacyFontName(".VnTimeH") // { encoding: "tcvn3", upperCase: true }
 */
export interface LegacyFontInfo {
  /** The legacy encoding the font was made for. */
  encoding: LegacyEncoding;
  /**
   * True for TCVN3 "H" fonts (name ending in H: .VnTimeH, .VnArialH), which
   * draw every letter, including the lower-case codes, as a capital.
   */
  upperCase: boolean;
}

/**
 * Options for {@link decodeLegacyText}.
 * @example decodeLegacyText("§¹i häc", { fontName: ".VnTime" })
 */
export interface LegacyDecodeOptions {
  /** The cell's (or rich-text run's) font name, e.g. ".VnTime", "VNI-Times", "Arial". */
  fontName?: string;
  /**
   * Skip detection and decode with this encoding (for callers that decided
   * per sheet or per column). "unicode" only normalizes to NFC.
   */
  encoding?: TextEncoding;
}

/**
 * The result of {@link decodeLegacyText}.
 * @example decodeLegacyText("NguyÔn") // { text: "Nguyễn", encoding: "tcvn3", changed: true }
 */
export interface LegacyDecodeResult {
  /** The text in NFC Unicode (decoded when `encoding` is legacy, else the input in NFC). */
  text: string;
  /** The encoding the input was taken to be in. */
  encoding: TextEncoding;
  /** Whether `text` differs from the input (legacy decoding or NFC normalization). */
  changed: boolean;
  /**
   * True when a legacy reading was about as plausible as the text as it is
   * (or TCVN3 and VNI tied): the text was left unchanged and should be shown
   * to a person.
   */
  ambiguous?: boolean;
  /** True when the font is a TCVN3 upper-case ("H") font. TCVN3 text is then upper-cased. */
  upperCaseFont?: boolean;
}

/**
 * The result of {@link detectLegacyEncoding}.
 * @example detectLegacyEncoding("Cöû nhaân") // { encoding: "vni", confidence: 0.98… }
 */
export interface LegacyDetection {
  /** The encoding judged most likely; "unicode" when unsure. */
  encoding: TextEncoding;
  /** 0–1: how clearly the chosen reading won (1 for proof, 0.5 for a tie). */
  confidence: number;
  /** See {@link LegacyDecodeResult.ambiguous}. */
  ambiguous?: boolean;
  /** See {@link LegacyDecodeResult.upperCaseFont}. */
  upperCaseFont?: boolean;
}

// ---------------------------------------------------------------------------
// Font names

/** `^\.Vn` = TCVN3 (ABC) font family (roster-formats.md §4 "Detection" 1). Compiled once. */
const TCVN3_FONT = /^\.vn/i;
/** `^VNI[- ]` = VNI-Windows font family ("VNI-Times", "VNI Helve"). */
const VNI_FONT = /^vni[- ]/i;
/** Quotes and a CSS escape backslash around names from HTML ("font-family:"\.VnTimeH""). */
const FONT_NAME_NOISE = /^["'\\\s]+|["'\s]+$/g;

/**
 * Tells whether a font name belongs to a legacy Vietnamese font family, and
 * whether it is a TCVN3 upper-case ("H") font. Tolerates surrounding quotes,
 * spaces and the CSS escape backslash of Excel's HTML export.
 * @example isLegacyFontName(".VnTime") // { encoding: "tcvn3", upperCase: false }
 * @example isLegacyFontName(".VnArialH") // { encoding: "tcvn3", upperCase: true }
 * @example isLegacyFontName("VNI-Times") // { encoding: "vni", upperCase: false }
 * @example isLegacyFontName("Times New Roman") // undefined
 */
export function isLegacyFontName(fontName: string | null | undefined): LegacyFontInfo | undefined {
  if (typeof fontName !== "string" || fontName.length === 0 || fontName.length > 200) return undefined;
  const name = fontName.replace(FONT_NAME_NOISE, "");
  if (TCVN3_FONT.test(name)) {
    const last = name[name.length - 1];
    return { encoding: "tcvn3", upperCase: last === "H" || last === "h" };
  }
  if (VNI_FONT.test(name)) return { encoding: "vni", upperCase: false };
  return undefined;
}

// ---------------------------------------------------------------------------
// Decoders

/** Coerces anything to a string without throwing (the API takes strings, but callers pass cell values). */
function asString(s: unknown): string {
  if (typeof s === "string") return s;
  if (s === null || s === undefined) return "";
  try {
    return String(s);
  } catch {
    return "";
  }
}

/** TCVN3 decoding with the count of VN1-only capitals used (a detector penalty). */
function tcvn3Decode(text: string): { text: string; vn1: number } {
  let out = "";
  let vn1 = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xa1 || c > 0xff) continue;
    const d = TCVN3_DECODE[c];
    if (d === undefined) continue;
    if (TCVN3_IS_VN1[c]) vn1++;
    out += text.slice(start, i) + d;
    start = i + 1;
  }
  return { text: start === 0 ? text : out + text.slice(start), vn1 };
}

/** VNI decoding with the count of mixed-case pairs used (a detector penalty). */
function vniDecode(text: string): { text: string; oddCase: number } {
  let out = "";
  let oddCase = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) continue;
    // Longest match first: base letter + mark byte.
    if (i + 1 < text.length) {
      const m = text.charCodeAt(i + 1);
      if (m >= 0xc0 && m <= 0xff) {
        const key = c * 256 + m;
        const pair = VNI_DECODE_PAIR.get(key);
        if (pair !== undefined) {
          if (vniPairIsOddCase(key)) oddCase++;
          out += text.slice(start, i) + pair;
          i++;
          start = i + 1;
          continue;
        }
      }
    }
    if (c < 0xc0) continue;
    const single = VNI_DECODE_SINGLE[c];
    if (single === undefined) continue;
    out += text.slice(start, i) + single;
    start = i + 1;
  }
  return { text: start === 0 ? text : out + text.slice(start), oddCase };
}

/**
 * Decodes TCVN3 (ABC) text, as Excel shows it (Latin-1 code points), to NFC
 * Unicode, unconditionally. Code points that are not TCVN3 letters are kept.
 * With `upperCase` (text in an H font such as .VnTimeH) the result is
 * upper-cased, because ABC has no toned capitals and H fonts draw the
 * lower-case codes as capitals.
 * @example decodeTcvn3("NguyÔn ThÞ H\u00ADêng") // "Nguyễn Thị Hường"
 * @example decodeTcvn3("VI\u00D6T NAM", { upperCase: true }) // "VIỆT NAM"
 */
export function decodeTcvn3(text: string, options: { upperCase?: boolean } = {}): string {
  const s = asString(text);
  const d = tcvn3Decode(s).text;
  return (options?.upperCase === true ? d.toUpperCase() : d).normalize("NFC");
}

/**
 * Decodes VNI-Windows text, as Excel shows it (Latin-1 code points), to NFC
 * Unicode, unconditionally: greedy, longest match first (vowel + mark byte,
 * then the single-byte letters ñ ô ö æ ó ò î and capitals). A mark byte after
 * a letter that cannot carry it is kept as it is.
 * @example decodeVni("Nguyeãn Thò Höôøng") // "Nguyễn Thị Hường"
 * @example decodeVni("Ñaïi hoïc Luaät") // "Đại học Luật"
 */
export function decodeVni(text: string): string {
  return vniDecode(asString(text)).text.normalize("NFC");
}

// ---------------------------------------------------------------------------
// Encoders

/**
 * Encodes Unicode text as TCVN3 (ABC), returning the Latin-1 string Excel
 * would show in a .VnTime cell. The input is NFC-normalized first.
 * Toned capitals have no ABC code and are written with the lower-case code
 * (Unikey's convention; the text reads right only in an H font, where
 * decoding upper-cases it again). Characters outside the Vietnamese
 * repertoire are copied unchanged.
 *
 * Inverse: `decodeTcvn3(encodeTcvn3(x)) === x` for Vietnamese text without
 * toned capitals, and `decodeTcvn3(encodeTcvn3(x), { upperCase: true }) ===
 * x.toUpperCase()` for any Vietnamese text.
 * @example encodeTcvn3("Nguyễn Thị Hường") // "NguyÔn ThÞ H\u00ADêng"
 * @example encodeTcvn3("VIỆT NAM") // "VI\u00D6T NAM"
 */
export function encodeTcvn3(unicode: string): string {
  return mapChars(asString(unicode).normalize("NFC"), TCVN3_ENCODE);
}

/**
 * Encodes Unicode text as VNI-Windows, returning the Latin-1 string Excel
 * would show in a VNI-Times cell. The input is NFC-normalized first; every
 * one of the 134 Vietnamese letters has a VNI form, so
 * `decodeVni(encodeVni(x)) === x` for Vietnamese text. Other characters are
 * copied unchanged.
 * @example encodeVni("Nguyễn Văn Đức") // "Nguyeãn Vaên Ñöùc"
 */
export function encodeVni(unicode: string): string {
  return mapChars(asString(unicode).normalize("NFC"), VNI_ENCODE);
}

function mapChars(s: string, table: ReadonlyMap<string, string>): string {
  let out = "";
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) < 0x80) continue;
    const e = table.get(s[i]!);
    if (e === undefined) continue;
    out += s.slice(start, i) + e;
    start = i + 1;
  }
  return start === 0 ? s : out + s.slice(start);
}

// ---------------------------------------------------------------------------
// Detection

/** Whether a code point proves Unicode Vietnamese: a letter beyond Latin-1 or a combining mark. */
function isUnicodeEvidence(c: number): boolean {
  if (c < 0x100) return false;
  return (
    c === 0x102 || c === 0x103 || // Ă ă
    c === 0x110 || c === 0x111 || // Đ đ
    c === 0x128 || c === 0x129 || // Ĩ ĩ
    c === 0x168 || c === 0x169 || // Ũ ũ
    c === 0x1a0 || c === 0x1a1 || // Ơ ơ
    c === 0x1af || c === 0x1b0 || // Ư ư
    (c >= 0x1ea0 && c <= 0x1ef9) || // Ạ … ỹ
    (c >= 0x300 && c <= 0x36f) // combining marks (NFD "tổ hợp", cp1258)
  );
}

/** Penalty per VN1-only TCVN3 capital or mixed-case VNI pair: rare in real files. */
const RARE_FORM_PENALTY = 0.5;

interface Reading {
  text: string;
  score: number;
  /** Plausible syllables plus vowel-less words with Vietnamese letters ("ĐH"). */
  support: number;
}

function scoreReading(text: string, penalty: number): Reading {
  const c = countSyllables(text);
  let markers = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xa1 && code <= 0xff && LEGACY_MARKER[code]) markers++;
  }
  return { text, score: c.plausible - c.implausible - markers - penalty, support: c.plausible + c.neutral };
}

interface Analysis extends LegacyDetection {
  text: string;
}

/** Confidence from a score margin: 0.5 for a tie, approaching 1 as it grows. */
function confidenceFor(margin: number): number {
  if (!(margin > 0)) return 0.5;
  return Math.round((1 - 0.5 * Math.pow(0.5, margin)) * 1000) / 1000;
}

function analyze(input: string, fontName: string | undefined): Analysis {
  const font = isLegacyFontName(fontName);
  const upperCaseFont = font?.upperCase === true ? true : undefined;
  const base = (a: Omit<Analysis, "upperCaseFont">): Analysis => (upperCaseFont ? { ...a, upperCaseFont } : a);

  // Fast path: scan once for proof of Unicode and for anything decodable.
  let decodable = false;
  let markers = false;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c < 0xa1) continue;
    if (c <= 0xff) {
      decodable = true;
      if (LEGACY_MARKER[c]) markers = true;
    } else if (isUnicodeEvidence(c)) {
      return base({ text: input, encoding: "unicode", confidence: 1 });
    }
  }
  if (!decodable) return base({ text: input, encoding: "unicode", confidence: 1 });

  const u = scoreReading(input, 0);
  const t0 = tcvn3Decode(input);
  const tText = font?.encoding === "tcvn3" && font.upperCase ? t0.text.toUpperCase() : t0.text;
  const t = scoreReading(tText, t0.vn1 * RARE_FORM_PENALTY);
  const v0 = vniDecode(input);
  const v = scoreReading(v0.text, v0.oddCase * RARE_FORM_PENALTY);

  // TCVN3 vs VNI: a clear winner, or the font's family on a near tie.
  let best: LegacyEncoding | undefined;
  if (t.score >= v.score + 1) best = "tcvn3";
  else if (v.score >= t.score + 1) best = "vni";
  else if (font !== undefined) best = font.encoding;
  else if (t.text === v.text) best = "tcvn3";
  const hinted = font !== undefined;

  if (best !== undefined) {
    const r = best === "tcvn3" ? t : v;
    const margin = r.score - u.score;
    // Without a font hint and without impossible characters (VNI "Leâ Vaên"
    // has none), demand more before rewriting someone's text.
    const needed = markers || hinted ? 1 : 2;
    if (r.support > 0 && r.text !== input && margin >= needed) {
      const bonus = font?.encoding === best ? 1 : 0;
      return base({ text: r.text, encoding: best, confidence: confidenceFor(margin + bonus) });
    }
  }

  // Unicode stays. A legacy reading is a contender when it changes the text
  // and yields Vietnamese; it makes the cell ambiguous when it scores at least
  // as well as the text as it is and something backs it: impossible
  // characters, or a font of that family (a .VnTime font does not make a VNI
  // reading of "Tô Hoài" a contender).
  let contenderBest = Number.NEGATIVE_INFINITY;
  let ambiguous = false;
  for (const [enc, r] of [["tcvn3", t], ["vni", v]] as const) {
    if (r.text === input || r.support === 0) continue;
    contenderBest = Math.max(contenderBest, r.score);
    const backed = markers || font?.encoding === enc || (!hinted && r.score > u.score);
    if (backed && r.score >= u.score) ambiguous = true;
  }
  const confidence = ambiguous ? 0.5 : contenderBest === Number.NEGATIVE_INFINITY ? 1 : confidenceFor(u.score - contenderBest);
  const result: Analysis = { text: input, encoding: "unicode", confidence };
  if (ambiguous) result.ambiguous = true;
  return base(result);
}

/**
 * Detects the encoding of one cell's text, using the font name as a hint
 * (see the module comment for the procedure). Unicode text, including NFD
 * text and text in a font that claims to be legacy, is detected as "unicode".
 * @example detectLegacyEncoding("§¹i häc LuËt") // { encoding: "tcvn3", confidence: … }
 * @example detectLegacyEncoding("Nguyễn Văn Đức", ".VnTime") // { encoding: "unicode", confidence: 1 }
 * @example detectLegacyEncoding("12/12") // { encoding: "unicode", confidence: 1 }
 */
export function detectLegacyEncoding(text: string, fontName?: string): LegacyDetection {
  const a = analyze(asString(text), typeof fontName === "string" ? fontName : undefined);
  const out: LegacyDetection = { encoding: a.encoding, confidence: a.confidence };
  if (a.ambiguous) out.ambiguous = true;
  if (a.upperCaseFont) out.upperCaseFont = true;
  return out;
}

/**
 * Detects the encoding of one cell's text and decodes it to NFC Unicode.
 * Must run before any whitespace or invisible-character clean-up, because
 * TCVN3 "ư" is U+00AD (soft hyphen).
 * @example decodeLegacyText("NguyÔn ThÞ H\u00ADêng").text // "Nguyễn Thị Hường"
 * @example decodeLegacyText("Nguyeãn Thò Höôøng").text // "Nguyễn Thị Hường"
 * @example decodeLegacyText("VI\u00D6T NAM", { fontName: ".VnTimeH" }).text // "VIỆT NAM"
 * @example decodeLegacyText("Trường", { fontName: ".VnTime" }) // { text: "Trường", encoding: "unicode", changed: false }
 */
export function decodeLegacyText(text: string, options: LegacyDecodeOptions = {}): LegacyDecodeResult {
  const input = asString(text);
  const opts = typeof options === "object" && options !== null ? options : {};
  const fontName = typeof opts.fontName === "string" ? opts.fontName : undefined;
  let a: Analysis;
  if (opts.encoding === "tcvn3" || opts.encoding === "vni" || opts.encoding === "unicode") {
    const font = isLegacyFontName(fontName);
    const upper = opts.encoding === "tcvn3" && font?.encoding === "tcvn3" && font.upperCase;
    const decoded = opts.encoding === "tcvn3" ? tcvn3Decode(input).text : opts.encoding === "vni" ? vniDecode(input).text : input;
    a = { text: upper ? decoded.toUpperCase() : decoded, encoding: opts.encoding, confidence: 1 };
    if (font?.upperCase) a.upperCaseFont = true;
  } else {
    a = analyze(input, fontName);
  }
  const out = a.text.normalize("NFC");
  const result: LegacyDecodeResult = { text: out, encoding: a.encoding, changed: out !== input };
  if (a.ambiguous) result.ambiguous = true;
  if (a.upperCaseFont) result.upperCaseFont = true;
  return result;
}
