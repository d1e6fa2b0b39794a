/**
 * "Did you mean …?" suggestions by Levenshtein edit distance.
 *
 * Used by the vocabularies (src/core/text/vocab) to propose the nearest known
 * label for an unrecognized cell. Inputs should already be comparison keys
 * (see keys.ts) so that case, NFD and tone placement do not count as edits.
 *
 * Pure TypeScript: ES2022 only.
 */

/**
 * Longest input, in code points, that the distance looks at. Cells are short;
 * the cap keeps the O(n·m) table small when a whole paragraph lands in a cell.
 *
 * @example
 * ```ts
 * levenshtein("a".repeat(1000), "") === MAX_SUGGEST_LENGTH; // true
 * ```
 */
export const MAX_SUGGEST_LENGTH = 256;

/**
 * Options for {@link nearest}.
 *
 * @example
 * ```ts
 * nearest("abcdefghij", ["abcdefghzz"], { maxDistance: 1 }); // undefined
 * ```
 */
export interface NearestOptions {
  /** Absolute cap on the edit distance. Default: no absolute cap. */
  maxDistance?: number;
  /**
   * Cap relative to the longer of the two strings: a candidate is accepted when
   * `distance <= floor(maxRatio * longerLength)`. Default 0.4: one typo in a
   * 3–4 letter word, two in a 5–7 letter word; strings of one or two letters
   * (abbreviations such as "TC", "CV") only match exactly, because one edit
   * there turns any abbreviation into another.
   */
  maxRatio?: number;
}

/**
 * The best candidate found by {@link nearest}.
 *
 * @example
 * ```ts
 * const m: NearestMatch | undefined = nearest("tiến sỉ", ["tiến sĩ"]); // { candidate: "tiến sĩ", index: 0, distance: 1 }
 * ```
 */
export interface NearestMatch {
  /** The candidate string, as given. */
  candidate: string;
  /** Its index in the candidate list. */
  index: number;
  /** Edit distance in code points. */
  distance: number;
}

function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * Levenshtein distance (insertions, deletions, substitutions) counted in code
 * points, so "đ" and "ư" are one unit each. Inputs longer than
 * {@link MAX_SUGGEST_LENGTH} code points are truncated.
 *
 * @param a - first string
 * @param b - second string
 * @returns the edit distance
 *
 * @example
 * ```ts
 * levenshtein("đại học", "đại hoc") // 1
 * levenshtein("", "ts")            // 2
 * ```
 */
export function levenshtein(a: string, b: string): number {
  return boundedLevenshtein(codePoints(typeof a === "string" ? a : ""), codePoints(typeof b === "string" ? b : ""), Infinity);
}

/**
 * Levenshtein distance that gives up once every path exceeds `limit`
 * (returning `limit + 1`): most candidates are far from the key, and the
 * minimum of a row never decreases, so their rows can stop early.
 */
function boundedLevenshtein(s: readonly number[], t: readonly number[], limit: number): number {
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  // Two rolling rows are enough: only the distance is needed, not the path.
  let previous = new Int32Array(t.length + 1);
  let current = new Int32Array(t.length + 1);
  for (let j = 0; j <= t.length; j++) previous[j] = j;
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    let rowMin = i;
    const si = s[i - 1];
    for (let j = 1; j <= t.length; j++) {
      const cost = si === t[j - 1] ? 0 : 1;
      const v = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      current[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[t.length] as number;
}

/** Code points of a string, at most MAX_SUGGEST_LENGTH; a fast path for text without surrogates. */
function codePoints(s: string): number[] {
  const out: number[] = [];
  if (!/[\uD800-\uDFFF]/.test(s)) {
    const n = Math.min(s.length, MAX_SUGGEST_LENGTH);
    for (let i = 0; i < n; i++) out.push(s.charCodeAt(i));
    return out;
  }
  for (const ch of s) {
    if (out.length >= MAX_SUGGEST_LENGTH) break;
    out.push(ch.codePointAt(0) as number);
  }
  return out;
}

/**
 * Finds the candidate closest to `key` by {@link levenshtein}, within the
 * limits of {@link NearestOptions}. Ties go to the earlier candidate, so list
 * the preferred spelling first. Exact matches (distance 0) are returned too.
 *
 * @param key - the unrecognized value, as a comparison key
 * @param candidates - known values, as comparison keys
 * @param options - distance limits
 * @returns the best match, or `undefined` when none is close enough or `key` is empty
 *
 * @example
 * ```ts
 * nearest("thạc sỉ", ["tiến sĩ", "thạc sĩ"]) // { candidate: "thạc sĩ", index: 1, distance: 1 }
 * nearest("bơi lội", ["tiến sĩ", "thạc sĩ"]) // undefined
 * ```
 */
export function nearest(
  key: string,
  candidates: readonly string[],
  options: NearestOptions = {},
): NearestMatch | undefined {
  if (typeof key !== "string" || key.length === 0 || !Array.isArray(candidates)) return undefined;
  const maxRatio = Number.isFinite(options.maxRatio) ? (options.maxRatio as number) : 0.4;
  const maxDistance = Number.isFinite(options.maxDistance) ? (options.maxDistance as number) : Infinity;
  const keyPoints = codePoints(key);
  const keyLength = keyPoints.length;
  let best: NearestMatch | undefined;
  candidates.forEach((candidate, index) => {
    if (typeof candidate !== "string" || candidate.length === 0) return;
    const candidateLength = Math.min(codePointLength(candidate), MAX_SUGGEST_LENGTH);
    const longer = Math.max(keyLength, candidateLength);
    const limit = Math.min(maxDistance, Math.floor(maxRatio * longer), best === undefined ? Infinity : best.distance - 1);
    // The length difference is a lower bound of the distance: skip the table when it already exceeds the limit.
    if (Math.abs(keyLength - candidateLength) > limit) return;
    const distance = boundedLevenshtein(keyPoints, codePoints(candidate), limit);
    if (distance > limit) return;
    best = { candidate, index, distance };
  });
  return best;
}
