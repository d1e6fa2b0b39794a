/**
 * Shared machinery for the cell vocabularies (roster-formats.md §3): turning a
 * free-text cell into a known value while keeping the raw text.
 *
 * Matching works on tokens. The cell is split at spaces and punctuation, each
 * token gets its comparison key (keys.ts), and the keys are joined without
 * separators (with the i/y variance folded: "sỹ" = "sĩ"). So "ĐH", "Đ.H",
 * "đh" and "Đ H" all become "đh", "CK II",
 * "CK.II" and "CKII" all become "ckii", "H'Mông", "HMông" and "H Mông" all
 * become "hmông", whatever the case, NFC/NFD form or tone placement.
 *
 * Pure TypeScript: ES2022 only.
 */

import { comparisonKeyWith, foldAscii, normalizeSpaces } from "../keys";
import { nearest } from "../suggest";

/**
 * What a vocabulary parser returns. The raw text always comes back, so a
 * check can quote it and nothing is rewritten silently.
 *
 * @example
 * ```ts
 * const r: VocabResult<"yes"> = { raw: "x", value: "yes", recognized: true, empty: false };
 * ```
 */
export interface VocabResult<T extends string> {
  /** The input as given (non-strings are converted with `String()`). */
  raw: string;
  /** The recognized value. */
  value?: T;
  /** Canonical Vietnamese label of `value`. */
  label?: string;
  /** True when `value` was found. */
  recognized: boolean;
  /** True when the cell is blank (no letter or digit). */
  empty: boolean;
  /** Text after the level, e.g. the major ("ngành") in "ĐH Luật" → "Luật". As written, spaces normalized. */
  field?: string;
  /**
   * The nearest known value by edit distance, if one is close. Set on
   * unrecognized values, and on recognized ones whose whole text is a near
   * miss of another value ("Chuyên viên chín": specialist + field "chín",
   * suggestion principalSpecialist).
   */
  suggestion?: T;
  /** Label of `suggestion`, for messages ("Did you mean …?"). */
  suggestedLabel?: string;
  /** Matched only after removing diacritics ("Dai hoc" → Đại học). */
  folded?: boolean;
}

/**
 * One value of a vocabulary with its spellings.
 *
 * @example
 * ```ts
 * const e: VocabEntry<"college"> = { value: "college", label: "Cao đẳng", aliases: ["CĐ"] };
 * ```
 */
export interface VocabEntry<T extends string> {
  value: T;
  /** Canonical Vietnamese label; also matched. */
  label: string;
  /** Other spellings and abbreviations, written naturally ("Đ.H", "Thạc sỹ"). */
  aliases: readonly string[];
}

/**
 * A token of a cell: its comparison key and its position in the display text.
 *
 * @example
 * ```ts
 * tokenize("ĐH Luật")[1]; // { key: "luật", start: 3, end: 7 }
 * ```
 */
export interface Token {
  key: string;
  start: number;
  end: number;
}

/**
 * A vocabulary prepared for lookups by {@link compileVocab}.
 *
 * @example
 * ```ts
 * const v: CompiledVocab<"none"> = compileVocab([{ value: "none", label: "Không", aliases: [] }]);
 * ```
 */
export interface CompiledVocab<T extends string> {
  /** Joined alias key → value; `null` marks a spelling that belongs to another vocabulary. */
  exact: Map<string, T | null>;
  /** ASCII-folded alias key → value; `null` when two values fold to the same key. */
  folded: Map<string, T | null>;
  /** Alias keys in declaration order, for suggestions. */
  suggestKeys: string[];
  /** `suggestKeys` folded to ASCII, for text typed without accents. */
  foldedSuggestKeys: string[];
  /** Value of each entry of `suggestKeys`. */
  suggestValues: T[];
  /** Canonical label of every value. */
  labels: Map<T, string>;
}

const TOKEN = /[^\s\p{P}\p{S}]+/gu;
const I_Y = { unifyIY: true } as const;

/**
 * Converts any cell value to text without throwing.
 *
 * @param value - raw value
 * @returns the text ("" for null/undefined)
 *
 * @example
 * ```ts
 * toText(12) // "12"
 * toText(null) // ""
 * ```
 */
export function toText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  try {
    return String(value);
  } catch {
    return "";
  }
}

/**
 * Splits display text into tokens at whitespace, punctuation and symbols.
 *
 * @param display - text, ideally from `normalizeSpaces`
 * @returns tokens with comparison keys and positions
 *
 * @example
 * ```ts
 * tokenize("Đ.H Luật").map((t) => t.key) // ["đ", "h", "luật"]
 * ```
 */
export function tokenize(display: string): Token[] {
  const tokens: Token[] = [];
  for (const m of display.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    // i/y folded here: "Thạc sỹ"/"Thạc sĩ", "Kỹ sư"/"Kĩ sư" are the same value.
    tokens.push({ key: comparisonKeyWith(m[0], I_Y), start, end: start + m[0].length });
  }
  return tokens;
}

/**
 * The joined key of a text: its token keys concatenated ("Đ.H" → "đh").
 *
 * @param text - any text
 * @returns joined key, "" when there is no token
 *
 * @example
 * ```ts
 * joinedKey("Thạc sỹ") === joinedKey("THẠC SĨ"); // true, "thạcsĩ"
 * ```
 */
export function joinedKey(text: string): string {
  return tokenize(normalizeSpaces(text))
    .map((t) => t.key)
    .join("");
}

/**
 * Prepares a vocabulary: indexes every label and alias by joined key, plus an
 * ASCII-folded index where keys shared by two values are dropped.
 *
 * @param entries - the values with their spellings
 * @param foreign - spellings that look like this vocabulary but belong to another
 *   (e.g. "Trung học phổ thông" in a professional-level column); they match as
 *   unrecognized, without suggestion
 * @returns the compiled vocabulary
 *
 * @example
 * ```ts
 * const v = compileVocab([{ value: "yes", label: "Có", aliases: ["x"] }]);
 * matchWhole(v, "CÓ").value // "yes"
 * ```
 */
export function compileVocab<T extends string>(
  entries: readonly VocabEntry<T>[],
  foreign: readonly string[] = [],
): CompiledVocab<T> {
  const exact = new Map<string, T | null>();
  const folded = new Map<string, T | null>();
  const suggestKeys: string[] = [];
  const suggestValues: T[] = [];
  const labels = new Map<T, string>();
  for (const entry of entries) {
    labels.set(entry.value, entry.label);
    for (const spelling of [entry.label, ...entry.aliases]) {
      const key = joinedKey(spelling);
      if (key === "" || exact.has(key)) continue;
      exact.set(key, entry.value);
      suggestKeys.push(key);
      suggestValues.push(entry.value);
      const f = foldAscii(key);
      const previous = folded.get(f);
      if (previous === undefined) folded.set(f, entry.value);
      else if (previous !== entry.value) folded.set(f, null);
    }
  }
  for (const spelling of foreign) {
    const key = joinedKey(spelling);
    if (key === "") continue;
    exact.set(key, null);
    const f = foldAscii(key);
    if (!folded.has(f)) folded.set(f, null);
  }
  return { exact, folded, suggestKeys, foldedSuggestKeys: suggestKeys.map(foldAscii), suggestValues, labels };
}

function lookup<T extends string>(
  vocab: CompiledVocab<T>,
  key: string,
): { found: boolean; value: T | null; folded: boolean } {
  if (vocab.exact.has(key)) return { found: true, value: vocab.exact.get(key) ?? null, folded: false };
  const f = foldAscii(key);
  // Only fall back to folding when the text has no diacritics at all: "Dai hoc"
  // was typed without accents, whereas "Đại hoc" is a typo worth a suggestion.
  if (f === key && vocab.folded.has(f)) {
    const value = vocab.folded.get(f) ?? null;
    if (value !== null) return { found: true, value, folded: true };
  }
  return { found: false, value: null, folded: false };
}

function blank(raw: string): boolean {
  return !/[\p{L}\p{N}]/u.test(raw);
}

function baseResult<T extends string>(raw: string): VocabResult<T> {
  return { raw, recognized: false, empty: blank(raw) };
}

/** Suggestion candidates for a key: accent-free keys are compared with accent-free candidates. */
function candidatesFor<T extends string>(vocab: CompiledVocab<T>, key: string): readonly string[] {
  return foldAscii(key) === key ? vocab.foldedSuggestKeys : vocab.suggestKeys;
}

function suggest<T extends string>(vocab: CompiledVocab<T>, keys: readonly string[], result: VocabResult<T>): void {
  let bestDistance = Infinity;
  for (const key of keys) {
    const match = nearest(key, candidatesFor(vocab, key));
    if (match && match.distance < bestDistance) {
      bestDistance = match.distance;
      const value = vocab.suggestValues[match.index] as T;
      result.suggestion = value;
      const label = vocab.labels.get(value);
      if (label !== undefined) result.suggestedLabel = label;
    }
  }
}

function recognized<T extends string>(
  vocab: CompiledVocab<T>,
  result: VocabResult<T>,
  value: T,
  folded: boolean,
): VocabResult<T> {
  result.recognized = true;
  result.value = value;
  const label = vocab.labels.get(value);
  if (label !== undefined) result.label = label;
  if (folded) result.folded = true;
  return result;
}

/**
 * Options shared by {@link matchWhole} and {@link matchLeading}.
 *
 * @example
 * ```ts
 * matchWhole(vocab, "Dân tộc Tày", { leadIns: ["Dân tộc"] });
 * ```
 */
export interface MatchOptions {
  /**
   * Words that may precede the value and carry no information, written
   * naturally ("Dân tộc", "Người", "Ngạch"); dropped before matching.
   */
  leadIns?: readonly string[];
}

/** Joined keys of the option word lists, computed once per list (the lists are module constants). */
const KEY_LISTS = new WeakMap<readonly string[], readonly string[]>();

function keyList(words: readonly string[]): readonly string[] {
  let keys = KEY_LISTS.get(words);
  if (keys === undefined) {
    keys = words.map(joinedKey).filter((k) => k !== "");
    KEY_LISTS.set(words, keys);
  }
  return keys;
}

/**
 * Counts the leading tokens that are lead-ins (several may follow each other).
 */
function skipLeadIns(keys: readonly string[], leadIns: readonly string[]): number {
  if (leadIns.length === 0) return 0;
  const leadKeys = keyList(leadIns);
  let start = 0;
  for (let guard = 0; guard < 4 && start < keys.length; guard++) {
    let next = start;
    for (let m = keys.length; m > start; m--) {
      if (leadKeys.includes(keys.slice(start, m).join(""))) {
        next = m;
        break;
      }
    }
    if (next === start) break;
    start = next;
  }
  return start;
}

/**
 * Whether a joined key is made only of noise pieces ("vàtđ" + "qlnn").
 */
function isNoise(key: string, noise: readonly string[]): boolean {
  let rest = key;
  for (let guard = 0; guard < 8 && rest !== ""; guard++) {
    let best = "";
    for (const piece of noise) {
      if (piece.length > best.length && rest.startsWith(piece)) best = piece;
    }
    if (best === "") return false;
    rest = rest.slice(best.length);
  }
  return rest === "";
}

/**
 * Matches the whole cell against a vocabulary. Unrecognized, non-empty cells
 * get the nearest value as a suggestion.
 *
 * @param vocab - compiled vocabulary
 * @param rawValue - the cell value
 * @param options - lead-in words to ignore
 * @returns the match result
 *
 * @example
 * ```ts
 * const v = compileVocab([{ value: "none", label: "Không", aliases: [] }]);
 * matchWhole(v, " KHÔNG ").recognized // true
 * ```
 */
export function matchWhole<T extends string>(
  vocab: CompiledVocab<T>,
  rawValue: unknown,
  options: MatchOptions = {},
): VocabResult<T> {
  const raw = toText(rawValue);
  const result = baseResult<T>(raw);
  if (result.empty) return result;
  const keys = tokenize(normalizeSpaces(raw)).map((t) => t.key);
  const key = keys.join("");
  const candidates = [key];
  const start = skipLeadIns(keys, options.leadIns ?? []);
  if (start > 0 && start < keys.length) candidates.push(keys.slice(start).join(""));
  for (const candidate of candidates) {
    const hit = lookup(vocab, candidate);
    if (hit.found) return hit.value === null ? result : recognized(vocab, result, hit.value, hit.folded);
  }
  suggest(vocab, candidates, result);
  return result;
}

/**
 * Options for {@link matchLeading}.
 *
 * @example
 * ```ts
 * matchLeading(vocab, "CVC và TĐ", { noise: ["và tương đương", "và TĐ"] }); // no field
 * ```
 */
export interface MatchLeadingOptions extends MatchOptions {
  /**
   * Trailing text that carries no information, written naturally ("LLCT",
   * "và tương đương"); a remainder made only of these pieces is not a field.
   */
  noise?: readonly string[];
  /** Words that may precede the remainder and are dropped ("ngành"). */
  fieldLeadIns?: readonly string[];
}

/**
 * Matches the longest leading run of tokens against a vocabulary and returns
 * the rest of the cell as `field` ("ĐH Luật" → university + "Luật").
 *
 * @param vocab - compiled vocabulary
 * @param rawValue - the cell value
 * @param options - lead-ins, noise suffixes and field lead-ins
 * @returns the match result
 *
 * @example
 * ```ts
 * const v = compileVocab([{ value: "university", label: "Đại học", aliases: ["ĐH"] }]);
 * matchLeading(v, "Đ.H Luật") // { value: "university", field: "Luật", recognized: true, … }
 * ```
 */
export function matchLeading<T extends string>(
  vocab: CompiledVocab<T>,
  rawValue: unknown,
  options: MatchLeadingOptions = {},
): VocabResult<T> {
  const raw = toText(rawValue);
  const result = baseResult<T>(raw);
  if (result.empty) return result;
  const display = normalizeSpaces(raw);
  const tokens = tokenize(display);
  if (tokens.length === 0) return result;
  const keys = tokens.map((t) => t.key);
  const noise = keyList(options.noise ?? []);
  const fieldLeadIns = options.fieldLeadIns ?? [];
  const starts = [0];
  const skipped = skipLeadIns(keys, options.leadIns ?? []);
  if (skipped > 0 && skipped < keys.length) starts.push(skipped);
  for (const start of starts) {
    for (let n = tokens.length; n > start; n--) {
      const hit = lookup(vocab, keys.slice(start, n).join(""));
      if (!hit.found) continue;
      if (hit.value === null) return result;
      recognized(vocab, result, hit.value, hit.folded);
      if (n < tokens.length) {
        const rest = n + skipLeadIns(keys.slice(n), fieldLeadIns);
        if (rest < tokens.length && !isNoise(keys.slice(rest).join(""), noise)) {
          const field = cleanField(display.slice((tokens[rest] as Token).start));
          if (field !== "") {
            result.field = field;
            // "Chuyên viên chín" reads as "Chuyên viên" + "chín" but is a typo
            // of "Chuyên viên chính": keep the reading, offer the other value.
            const whole = keys.join("");
            const near = nearest(whole, candidatesFor(vocab, whole), { maxDistance: 2 });
            const nearValue = near === undefined ? undefined : vocab.suggestValues[near.index];
            if (near !== undefined && near.distance > 0 && nearValue !== undefined && nearValue !== hit.value) {
              result.suggestion = nearValue;
              const label = vocab.labels.get(nearValue);
              if (label !== undefined) result.suggestedLabel = label;
            }
          }
        }
      }
      return result;
    }
  }
  const candidates = [keys.join("")];
  for (let n = Math.min(tokens.length - 1, 4); n >= 1; n--) candidates.push(keys.slice(0, n).join(""));
  suggest(vocab, candidates, result);
  return result;
}

/**
 * Trims separators and unbalanced brackets around a remainder.
 *
 * @param text - remainder text
 * @returns cleaned text
 *
 * @example
 * ```ts
 * cleanField("- Luật)") // "Luật"
 * ```
 */
export function cleanField(text: string): string {
  let t = text.replace(/^[\s\-–—:,;./+]+|[\s\-–—:,;./+]+$/g, "");
  if (t.endsWith(")") && !t.includes("(")) t = t.slice(0, -1).trimEnd();
  if (t.startsWith("(") && !t.includes(")")) t = t.slice(1).trimStart();
  if (t.startsWith("(") && t.endsWith(")") && t.indexOf(")") === t.length - 1) t = t.slice(1, -1).trim();
  return t;
}
