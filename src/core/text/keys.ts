/**
 * Text keys for matching Vietnamese roster text.
 *
 * Keys are for comparison only and are never written back to a workbook: the
 * reference asks to "normalize to one style for comparison keys only, never in
 * the output" (shared/reference/roster-formats.md §4 "Unicode forms").
 *
 * What a key must absorb, all from roster-formats.md §2 and §4:
 * - composed (NFC, "dựng sẵn") vs decomposed (NFD, "tổ hợp", cp1258) text;
 * - upper vs lower case;
 * - NBSP, double spaces and line breaks (headers wrap inside cells);
 * - zero-width characters pasted from web pages;
 * - look-alike letters U+00D0 "Ð" / U+00F0 "ð" typed instead of "Đ"/"đ";
 * - tone placement: "hoà/hòa", "thuỷ/thủy", "khoá/khóa", and typos such as
 *   "Qúy" for "Quý";
 * - optionally (see {@link ComparisonKeyOptions.unifyIY}) the i/y spelling
 *   variance "lý/lí", "kỹ/kĩ", "sỹ/sĩ", "quy/qui", a second orthographic
 *   variance of the same kind ("Thạc sĩ" / "Thạc sỹ"). Off in
 *   {@link comparisonKey} so keys keep the letters callers match literally
 *   ("ký", "lý luận"); the vocabularies switch it on.
 *
 * Pure TypeScript: ES2022 only.
 */

/**
 * Options for {@link comparisonKeyWith}.
 *
 * @example
 * ```ts
 * comparisonKeyWith("Kỹ sư", { unifyIY: true }) // "kĩ sư"
 * ```
 */
export interface ComparisonKeyOptions {
  /**
   * Fold the i/y spelling variance in single-vowel syllables: "lý"→"lí",
   * "kỹ"→"kĩ", "sỹ"→"sĩ", "mỹ"→"mĩ", "hy"→"hi", "ty"→"ti", and "qui"→"quy".
   * Only the onsets h, k, l, m, s, t (and qu) are folded, because that is where
   * both spellings are in use; "vy/vi", "ny/ni", "thy/thi" stay distinct.
   * Default `false`.
   */
  unifyIY?: boolean;
}

/**
 * Zero-width and invisible format characters that survive copy and paste:
 * ZWSP, ZWNJ, ZWJ, word joiner, BOM/ZWNBSP, Mongolian vowel separator.
 *
 * U+00AD (soft hyphen) is deliberately NOT stripped: in TCVN3 text read as
 * Latin-1 it is the letter "ư" (roster-formats.md §4 "TCVN3 pitfalls"), so
 * legacy decoding must run first and the key must not hide undecoded text.
 */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u180E]/g;

/** Every Unicode space and line break; `\s` already covers NBSP, U+2000–U+200A, U+2028/9, U+202F, U+205F, U+3000; NEL is added. */
const WHITESPACE_RUN = /[\s\u0085]+/g;

/** A run of letters with their combining marks: one candidate syllable. */
const WORD = /[\p{L}\p{M}]+/gu;

/** Combining tone marks: huyền, sắc, ngã, hỏi, nặng. */
const TONE_MARKS = new Set(["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]);

/** Vietnamese vowel letters after tone removal (lower case, NFC). */
const VOWELS = new Set(["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]);

/** Vowels carrying a shape mark (circumflex, breve, horn): the tone always goes on one of these. */
const SHAPED_VOWELS = new Set(["ă", "â", "ê", "ô", "ơ", "ư"]);

/** Consonant letters allowed around the vowel cluster (ASCII letters plus đ). */
const CONSONANT = /^[a-zđ]$/;

function toText(s: unknown): string {
  if (typeof s === "string") return s;
  if (s === null || s === undefined) return "";
  try {
    return String(s);
  } catch {
    // Objects with a throwing toString or Symbol.toPrimitive: treat as empty.
    return "";
  }
}

/**
 * Normalizes one lower-case NFC word to a single tone-placement style.
 *
 * Style chosen: the "old" placement ("hòa", "thủy", "khóa"), i.e. in an open
 * syllable with two plain vowels the tone goes on the first one. Either style
 * would do for keys; this one is what most administrative text uses
 * ("Thanh Hóa", "ủy ban"). Rules, applied to the vowel cluster after removing
 * the "qu"/"gi" onsets:
 * 1. a vowel with a shape mark (ă â ê ô ơ ư) takes the tone; with two (ươ), the last;
 * 2. otherwise, in a closed syllable (a consonant follows), the last vowel;
 * 3. otherwise one vowel → it; two → the first; three → the middle one.
 * Words that are not one Vietnamese syllable (several vowel groups, several
 * tone marks, foreign letters) are returned unchanged.
 */
function normalizeWord(word: string, unifyIY: boolean): string {
  const decomposed = word.normalize("NFD");
  let tone = "";
  let toneCount = 0;
  let baseDecomposed = "";
  for (const ch of decomposed) {
    if (TONE_MARKS.has(ch)) {
      tone = ch;
      toneCount++;
    } else {
      baseDecomposed += ch;
    }
  }
  if (toneCount > 1) return word;
  let base = baseDecomposed.normalize("NFC");

  const chars = Array.from(base);
  let clusterStart = -1;
  let clusterEnd = -1;
  let clusters = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (VOWELS.has(c)) {
      if (i === 0 || !VOWELS.has(chars[i - 1] as string)) {
        clusters++;
        clusterStart = i;
      }
      clusterEnd = i;
    } else if (!CONSONANT.test(c)) {
      // A letter that Vietnamese does not use (é without tone meaning, ç, ß…).
      return word;
    }
  }
  if (clusters !== 1) return word;

  if (unifyIY) {
    // i/y variance: only whole syllables onset + i|y (see ComparisonKeyOptions).
    if (/^[hklmst][iy]$/.test(base)) {
      base = base.slice(0, 1) + "i";
      chars[1] = "i";
    } else if (base === "qui" || base === "quy") {
      base = "quy";
      chars[2] = "y";
    }
  }
  if (toneCount === 0) return chars.join("");

  let vowelStart = clusterStart;
  const first = chars[vowelStart - 1];
  const here = chars[vowelStart];
  if (clusterEnd > vowelStart && ((first === "q" && here === "u") || (first === "g" && here === "i"))) {
    // "qu" and "gi" are onsets: "quý" (not "qúy"), "già" (not "gìa").
    vowelStart++;
  }
  const closed = clusterEnd < chars.length - 1;
  let position = -1;
  for (let i = vowelStart; i <= clusterEnd; i++) {
    if (SHAPED_VOWELS.has(chars[i] as string)) position = i;
  }
  if (position < 0) {
    const length = clusterEnd - vowelStart + 1;
    if (closed) position = clusterEnd;
    else if (length === 3) position = vowelStart + 1;
    else position = vowelStart;
  }
  chars[position] = ((chars[position] as string) + tone).normalize("NFC");
  return chars.join("");
}

/**
 * Builds the comparison key of a text: NFC, lower case, look-alikes folded,
 * zero-width characters removed, whitespace collapsed, tone placement unified.
 * The i/y variance is kept (see {@link comparisonKeyWith}).
 *
 * Use it to decide whether two cells, names or labels are "the same", never
 * to display or store a value. Never throws; non-string input is converted
 * with `String()` (null/undefined → ""). Takes one argument so it can be
 * passed to `Array.prototype.map`; see {@link comparisonKeyWith} for options.
 *
 * @param s - any text (cell value, header, name)
 * @returns the key; "" for blank input
 *
 * @example
 * ```ts
 * comparisonKey("Thanh Hoá") === comparisonKey("THANH HÓA"); // true, both "thanh hóa"
 * comparisonKey("Thuỷ\u00A0 sản\n") // "thủy sản"
 * comparisonKey("Ðặng Văn Qúy")     // "đặng văn quý"
 * comparisonKey("Thạc sỹ") === comparisonKey("Thạc sĩ"); // false: use comparisonKeyWith(s, { unifyIY: true })
 * ```
 */
export function comparisonKey(s: string): string {
  if (typeof s !== "string") return comparisonKeyWith(s);
  // ASCII text (numbers, codes, dates written as text) needs no cache: its key is cheap to make.
  const ascii = asciiComparisonKey(s);
  if (ascii !== undefined) return ascii;
  let k = KEY_CACHE.get(s);
  if (k === undefined) {
    k = comparisonKeyWith(s);
    remember(KEY_CACHE, s, k);
  }
  return k;
}

/**
 * Rosters repeat the same few hundred texts (posts, levels, units, "Nam"/"Nữ") down tens of
 * thousands of rows, so keys are memoized. The cache is bounded: when full it is emptied,
 * which keeps memory flat on pathological input at the cost of recomputing.
 */
const KEY_CACHE = new Map<string, string>();
const ASCII_CACHE = new Map<string, string>();
const KEY_CACHE_LIMIT = 20000;

/**
 * The key of an ASCII text, or undefined when the text is not ASCII: lower case, white space
 * collapsed and trimmed. ASCII words need no tone normalization (without the i/y folding), so
 * this is what {@link comparisonKeyWith} gives them, without a regular expression.
 */
function asciiComparisonKey(s: string): string | undefined {
  let plain = true;
  let afterSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return undefined;
    if (c >= 0x41 && c <= 0x5a) plain = false;
    else if (c === 0x20) {
      if (afterSpace) plain = false;
      afterSpace = true;
      continue;
    } else if (c >= 0x09 && c <= 0x0d) plain = false;
    afterSpace = false;
  }
  if (plain && (!afterSpace || s.length === 0)) return s;
  return s.toLowerCase().replace(WHITESPACE_RUN, " ").trim();
}

/** Normalized words (a roster's names are made of a few thousand syllables), bounded like the key cache. */
const WORD_CACHE = new Map<string, string>();
const WORD_CACHE_IY = new Map<string, string>();

function normalizeWordCached(word: string, unifyIY: boolean): string {
  const cache = unifyIY ? WORD_CACHE_IY : WORD_CACHE;
  let w = cache.get(word);
  if (w === undefined) {
    w = normalizeWord(word, unifyIY);
    remember(cache, word, w);
  }
  return w;
}

function remember(cache: Map<string, string>, s: string, k: string): void {
  if (s.length > 200) return;
  if (cache.size >= KEY_CACHE_LIMIT) cache.clear();
  cache.set(s, k);
}

/**
 * {@link comparisonKey} with options.
 *
 * @param s - any text
 * @param options - see {@link ComparisonKeyOptions}
 * @returns the key
 *
 * @example
 * ```ts
 * comparisonKeyWith("Lý", { unifyIY: true }) // "lí"
 * comparisonKeyWith("Lý")                    // "lý"
 * ```
 */
export function comparisonKeyWith(s: string, options: ComparisonKeyOptions = {}): string {
  const unifyIY = options?.unifyIY === true;
  let t = toText(s).replace(ZERO_WIDTH, "").normalize("NFC");
  // Lower-casing can produce decomposed sequences (e.g. "İ"), hence NFC again.
  // toLowerCase rather than toLocaleLowerCase('vi'): Vietnamese has no
  // locale-specific case rules and the result must not depend on the host.
  t = t.toLowerCase().normalize("NFC");
  t = t.replace(/ð/g, "đ");
  const fast = latinWordsKey(t, unifyIY);
  if (fast !== undefined) return fast;
  t = t.replace(WORD, (w) => normalizeWordCached(w, unifyIY));
  return t.replace(WHITESPACE_RUN, " ").trim();
}

/**
 * Whether a code unit of Latin text is a letter or a combining mark (what `[\p{L}\p{M}]` matches):
 * 1, 0 for a space (one `[\s\u0085]`), -1 for other punctuation and symbols, undefined outside
 * the ranges Vietnamese text uses (Basic Latin, Latin-1, Latin Extended-A/B and Additional, the
 * combining diacritics), where the caller takes the regular expressions.
 */
function latinClass(c: number): number | undefined {
  if (c < 0x80) {
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return 1;
    return c === 0x20 || (c >= 0x09 && c <= 0x0d) ? 0 : -1;
  }
  if (c < 0x100) {
    if (c === 0x85 || c === 0xa0) return 0;
    if (c === 0xaa || c === 0xb5 || c === 0xba) return 1;
    return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 ? 1 : -1;
  }
  if (c < 0x250 || (c >= 0x300 && c <= 0x36f) || (c >= 0x1e00 && c <= 0x1eff)) return 1;
  return undefined;
}

/**
 * The last steps of {@link comparisonKeyWith} in one pass over text of Latin letters: each word's
 * tone placement normalized, white space collapsed and trimmed. Undefined when the text has a
 * character outside those ranges (the regular expressions then do it).
 */
function latinWordsKey(t: string, unifyIY: boolean): string | undefined {
  let out = "";
  let wordStart = -1;
  let pendingSpace = false;
  for (let i = 0; i <= t.length; i++) {
    const k = i < t.length ? latinClass(t.charCodeAt(i)) : 0;
    if (k === undefined) return undefined;
    if (k === 1) {
      if (wordStart < 0) wordStart = i;
      continue;
    }
    if (wordStart >= 0) {
      if (pendingSpace && out !== "") out += " ";
      pendingSpace = false;
      out += normalizeWordCached(t.slice(wordStart, i), unifyIY);
      wordStart = -1;
    }
    if (k === 0) pendingSpace = true;
    else if (i < t.length) {
      if (pendingSpace && out !== "") out += " ";
      pendingSpace = false;
      out += t[i];
    }
  }
  return out;
}

/**
 * Removes all diacritics and maps đ/Đ (and the look-alikes ð/Ð) to d/D.
 * Keeps case and spacing. Meant for matching text that was typed without
 * accents, such as sheet names ("Xa Quang Lam" for "Xã Quảng Lâm").
 *
 * Never throws.
 *
 * @param s - any text
 * @returns the ASCII-folded text (non-Latin scripts pass through unchanged)
 *
 * @example
 * ```ts
 * foldAscii("Xã Quảng Lâm") // "Xa Quang Lam"
 * foldAscii("Đặng Thị Hường") // "Dang Thi Huong"
 * ```
 */
export function foldAscii(s: string): string {
  return toText(s)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đð]/g, "d")
    .replace(/[ĐÐ]/g, "D")
    .normalize("NFC");
}

/**
 * The comparison key folded to ASCII: `foldAscii(comparisonKey(s))`.
 * Use it as a second, looser matching stage after an exact key match failed.
 *
 * @param s - any text
 * @returns lower-case ASCII key
 *
 * @example
 * ```ts
 * asciiKey("Xã  Quảng Lâm") === asciiKey("XA QUANG LAM"); // true, "xa quang lam"
 * ```
 */
export function asciiKey(s: string): string {
  if (typeof s !== "string") return foldAscii(comparisonKey(s));
  let k = ASCII_CACHE.get(s);
  if (k === undefined) {
    k = foldAscii(comparisonKey(s));
    remember(ASCII_CACHE, s, k);
  }
  return k;
}

/**
 * Key for matching header cells: {@link comparisonKey} plus punctuation and
 * symbols turned into spaces, so "Tr.độ" → "tr độ", "Ngày, tháng, năm sinh"
 * → "ngày tháng năm sinh", "Chức vụ (chức danh)" → "chức vụ chức danh".
 * Roster-formats.md §2: "Match headers after NFC, casefolding, collapsing
 * whitespace and newlines (headers wrap), and removing dots ("Tr.độ")".
 *
 * It does not expand abbreviations ("Tr.độ" does not become "trình độ").
 *
 * @param s - header cell text
 * @returns normalized header key
 *
 * @example
 * ```ts
 * headerKey("Tr.độ\nchuyên môn") // "tr độ chuyên môn"
 * headerKey("HỌ VÀ TÊN")         // "họ và tên"
 * ```
 */
export function headerKey(s: string): string {
  return comparisonKey(s)
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(WHITESPACE_RUN, " ")
    .trim();
}

/**
 * Cleans text for display: NFC, zero-width characters removed, every
 * whitespace run (NBSP, tabs, line breaks) collapsed to one space, trimmed.
 * Keeps case and tone placement exactly as written.
 *
 * @param s - any text
 * @returns display text
 *
 * @example
 * ```ts
 * normalizeSpaces("  Nguyễn\u00A0Văn\nAn ") // "Nguyễn Văn An"
 * normalizeSpaces("Hoà") // "Hoà" (tone placement kept)
 * ```
 */
export function normalizeSpaces(s: string): string {
  return toText(s).replace(ZERO_WIDTH, "").normalize("NFC").replace(WHITESPACE_RUN, " ").trim();
}
