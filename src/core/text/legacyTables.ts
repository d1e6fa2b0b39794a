/**
 * Code tables for the two pre-Unicode Vietnamese encodings found in rosters:
 * TCVN3 ("ABC", fonts .VnTime, .VnArial, …) and VNI-Windows (fonts VNI-Times,
 * VNI-Helve, …). See shared/reference/roster-formats.md §4.
 *
 * How the tables are built (and why they are not one big literal):
 * - Every Vietnamese letter is a base vowel (a ă â e ê i o ô ơ u ư y) with one
 *   of six tones, or đ. The Unicode letter is derived here, at module load,
 *   by composing the base with the combining tone mark and normalizing to
 *   NFC, so no Unicode table is typed by hand.
 * - TCVN3 is a one-byte code: the table below lists, for each base vowel, the
 *   byte of the toneless letter and of its five toned forms. The byte values
 *   are facts of the standard TCVN 5712:1993 (VN3 subset) as published in
 *   glibc's charmap TCVN5712-1 (checked on a Debian machine with
 *   `iconv -f TCVN5712-1 -t UTF-8` for every byte) and in Unikey/VnConv's
 *   TCVN3 table (ukengine/data.cpp, by Pham Kim Long; facts only, no code
 *   copied). The tests check them against both sources independently.
 * - VNI-Windows is built structurally: a toned vowel is the ASCII base letter
 *   followed by one "mark byte"; the mark byte depends only on the diacritic
 *   (tone, circumflex + tone, breve + tone), and capitals use the mark byte
 *   minus 0x20 (the upper-case Latin-1 letter). A few letters are single
 *   bytes (đ ơ ư ỉ ĩ ị ỵ and the Latin-1 í ì). Facts from the Unikey VNI-WIN
 *   table, where each entry is a 16-bit word "mark byte << 8 | base byte".
 *
 * Every code here is a Latin-1 code point (U+0000–U+00FF): that is how Excel
 * stores the bytes of text typed in a legacy font.
 *
 * Pure TypeScript: ES2022 only.
 */

/**
 * The six tones in the order used by every table in this module (Unikey's
 * order: toneless, sắc, huyền, hỏi, ngã, nặng).
 * @example TONES.indexOf("tilde") // 4
 */
export const TONES = ["none", "acute", "grave", "hook", "tilde", "dot"] as const;

/**
 * One of the six Vietnamese tones (thanh ngang, sắc, huyền, hỏi, ngã, nặng).
 * @example const t: Tone = "dot"; // nặng, as in "ạ"
 */
export type Tone = (typeof TONES)[number];

/**
 * Combining marks for the tones, index-aligned with {@link TONES}:
 * U+0301 acute (sắc), U+0300 grave (huyền), U+0309 hook above (hỏi),
 * U+0303 tilde (ngã), U+0323 dot below (nặng).
 */
const TONE_MARKS = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"] as const;

/**
 * The twelve base vowels (lower case, NFC), in the traditional alphabet order.
 * @example BASE_VOWELS.length // 12
 */
export const BASE_VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] as const;

/**
 * One of the twelve base vowels.
 * @example const v: BaseVowel = "ư";
 */
export type BaseVowel = (typeof BASE_VOWELS)[number];

/**
 * The precomposed (NFC) letter for a base vowel and a tone.
 * @example composeVowel("ê", "tilde") // "ễ"
 */
export function composeVowel(base: BaseVowel, tone: Tone): string {
  return (base + TONE_MARKS[TONES.indexOf(tone)]).normalize("NFC");
}

/**
 * One Vietnamese letter with its lower- and upper-case Unicode forms.
 * @example const l: VietnameseLetter = { lower: "ễ", upper: "Ễ", base: "ê", tone: "tilde" };
 */
export interface VietnameseLetter {
  /** Lower-case NFC letter, e.g. "ễ". */
  lower: string;
  /** Upper-case NFC letter, e.g. "Ễ". */
  upper: string;
  /** The base vowel, or "đ" for the consonant đ. */
  base: BaseVowel | "đ";
  /** The tone ("none" for đ and toneless vowels). */
  tone: Tone;
}

/**
 * All 73 lower-case Vietnamese letters that are not plain consonants:
 * 12 base vowels × 6 tones + đ. Six of them (a e i o u y) are ASCII, so the
 * non-ASCII repertoire is 67 lower-case + 67 capitals = the 134 letters of
 * the published conversion tables.
 * @example VIETNAMESE_LETTERS.length // 73
 */
export const VIETNAMESE_LETTERS: readonly VietnameseLetter[] = (() => {
  const out: VietnameseLetter[] = [];
  for (const base of BASE_VOWELS) {
    for (const tone of TONES) {
      const lower = composeVowel(base, tone);
      out.push({ lower, upper: lower.toUpperCase(), base, tone });
    }
  }
  out.push({ lower: "đ", upper: "Đ", base: "đ", tone: "none" });
  return out;
})();

/**
 * TCVN3 (ABC, TCVN 5712:1993 VN3) bytes for each base vowel: the toneless
 * letter, then acute, grave, hook, tilde, dot (the order of {@link TONES}).
 * Sources: glibc charmap TCVN5712-1; Unikey/VnConv data.cpp "TCVN3" rows.
 * ASCII vowels keep their ASCII byte when toneless.
 */
const TCVN3_VOWEL_BYTES: Readonly<Record<BaseVowel, readonly number[]>> = {
  a: [0x61, 0xb8, 0xb5, 0xb6, 0xb7, 0xb9],
  ă: [0xa8, 0xbe, 0xbb, 0xbc, 0xbd, 0xc6],
  â: [0xa9, 0xca, 0xc7, 0xc8, 0xc9, 0xcb],
  e: [0x65, 0xd0, 0xcc, 0xce, 0xcf, 0xd1],
  ê: [0xaa, 0xd5, 0xd2, 0xd3, 0xd4, 0xd6],
  i: [0x69, 0xdd, 0xd7, 0xd8, 0xdc, 0xde],
  o: [0x6f, 0xe3, 0xdf, 0xe1, 0xe2, 0xe4],
  ô: [0xab, 0xe8, 0xe5, 0xe6, 0xe7, 0xe9],
  ơ: [0xac, 0xed, 0xea, 0xeb, 0xec, 0xee],
  u: [0x75, 0xf3, 0xef, 0xf1, 0xf2, 0xf4],
  ư: [0xad, 0xf8, 0xf5, 0xf6, 0xf7, 0xf9],
  y: [0x79, 0xfd, 0xfa, 0xfb, 0xfc, 0xfe],
};

/** TCVN3 byte of "đ" (U+0111). Same sources. */
const TCVN3_D_LOWER = 0xae;

/**
 * The only capitals with a code of their own in TCVN3 (0xA1–0xA7):
 * Ă Â Ê Ô Ơ Ư Đ. Toned capitals have no code in ABC (roster-formats.md §4
 * "TCVN3 pitfalls"); "H" fonts draw the lower-case codes as capitals.
 */
const TCVN3_PLAIN_CAPITALS: readonly (readonly [number, string])[] = [
  [0xa1, "Ă"],
  [0xa2, "Â"],
  [0xa3, "Ê"],
  [0xa4, "Ô"],
  [0xa5, "Ơ"],
  [0xa6, "Ư"],
  [0xa7, "Đ"],
];

/**
 * Toned capitals that TCVN 5712:1993 VN1 puts in upper-half slots that ABC
 * (VN3) leaves empty. Source: glibc charmap TCVN5712-1 (byte → Unicode, dumped
 * with iconv on this machine). Decoded, never produced by the encoder, because
 * ABC text typed with Unikey/Vietkey never contains them; the detector charges
 * a small penalty for each one so that ordinary Latin-1 text ("Hà") is not
 * taken for TCVN3.
 *
 * Not decoded on purpose: VN1's other capitals live in C0 controls and in
 * 0x80–0x9F, which in Excel text are control characters or cp1252 punctuation
 * (“ ” – … are typed in ABC documents); VN1's combining marks at 0xB0–0xB4
 * (° ± ² ³ ´) are far more often the symbols themselves ("37°C").
 */
const TCVN3_VN1_CAPITALS: readonly (readonly [number, string])[] = [
  [0xaf, "Ằ"],
  [0xba, "Ẳ"],
  [0xbf, "Ẵ"],
  [0xc0, "Ắ"],
  [0xc1, "Ầ"],
  [0xc2, "Ẩ"],
  [0xc3, "Ẫ"],
  [0xc4, "Ấ"],
  [0xc5, "Ề"],
  [0xcd, "Ể"],
  [0xd9, "Ễ"],
  [0xda, "Ế"],
  [0xdb, "Ồ"],
  [0xe0, "Ổ"],
  [0xf0, "Ỗ"],
  [0xff, "Ố"],
];

/**
 * TCVN3 decode table indexed by Latin-1 code point: the Unicode letter, or
 * `undefined` where the code point is not a TCVN3 letter (kept unchanged).
 * @example TCVN3_DECODE[0xad] // "ư"
 */
export const TCVN3_DECODE: readonly (string | undefined)[] = (() => {
  const t: (string | undefined)[] = new Array<string | undefined>(256).fill(undefined);
  for (const base of BASE_VOWELS) {
    const bytes = TCVN3_VOWEL_BYTES[base];
    TONES.forEach((tone, i) => {
      const b = bytes[i]!;
      if (b >= 0x80) t[b] = composeVowel(base, tone);
    });
  }
  t[TCVN3_D_LOWER] = "đ";
  for (const [b, ch] of TCVN3_PLAIN_CAPITALS) t[b] = ch;
  for (const [b, ch] of TCVN3_VN1_CAPITALS) t[b] = ch;
  return t;
})();

/**
 * Whether a TCVN3 code point is one of the VN1-only capitals (see
 * {@link TCVN3_DECODE}); indexed by Latin-1 code point.
 * @example TCVN3_IS_VN1[0xc4] // true ("Ấ")
 */
export const TCVN3_IS_VN1: readonly boolean[] = (() => {
  const t = new Array<boolean>(256).fill(false);
  for (const [b] of TCVN3_VN1_CAPITALS) t[b] = true;
  return t;
})();

/**
 * Unicode → TCVN3 (as a Latin-1 string). Lower-case letters get their code;
 * Ă Â Ê Ô Ơ Ư Đ get 0xA1–0xA7; toned capitals get the lower-case code, the
 * ABC convention (Unikey's table does the same) that H fonts rely on.
 * @example TCVN3_ENCODE.get("ư") // "\u00AD"
 */
export const TCVN3_ENCODE: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const base of BASE_VOWELS) {
    const bytes = TCVN3_VOWEL_BYTES[base];
    TONES.forEach((tone, i) => {
      const lower = composeVowel(base, tone);
      const code = String.fromCharCode(bytes[i]!);
      m.set(lower, code);
      // Toned capitals: lower-case code (lossy unless the font is an H font).
      if (tone !== "none") m.set(lower.toUpperCase(), code);
    });
  }
  m.set("đ", String.fromCharCode(TCVN3_D_LOWER));
  for (const [b, ch] of TCVN3_PLAIN_CAPITALS) m.set(ch, String.fromCharCode(b));
  // ASCII capitals A E I O U Y map to themselves: remove identity entries.
  for (const [k, v] of [...m]) if (k === v) m.delete(k);
  return m;
})();

/**
 * VNI-Windows mark bytes (lower-case form; capitals use the byte − 0x20).
 * Index-aligned with {@link TONES}. 0 = no mark byte.
 * Source: Unikey/VnConv data.cpp "VNI-WIN" (high byte of each word).
 */
const VNI_TONE_BYTES = [0, 0xf9, 0xf8, 0xfb, 0xf5, 0xef] as const; // ù ø û õ ï
const VNI_CIRCUMFLEX_BYTES = [0xe2, 0xe1, 0xe0, 0xe5, 0xe3, 0xe4] as const; // â á à å ã ä
const VNI_BREVE_BYTES = [0xea, 0xe9, 0xe8, 0xfa, 0xfc, 0xeb] as const; // ê é è ú ü ë

/** How each base vowel is written in VNI: base byte (lower case) and mark series. */
const VNI_VOWELS: Readonly<Record<BaseVowel, { base: number; marks: readonly number[] }>> = {
  a: { base: 0x61, marks: VNI_TONE_BYTES },
  ă: { base: 0x61, marks: VNI_BREVE_BYTES },
  â: { base: 0x61, marks: VNI_CIRCUMFLEX_BYTES },
  e: { base: 0x65, marks: VNI_TONE_BYTES },
  ê: { base: 0x65, marks: VNI_CIRCUMFLEX_BYTES },
  i: { base: 0x69, marks: VNI_TONE_BYTES }, // unused: VNI writes i with tones as single bytes (VNI_SINGLE_I)
  o: { base: 0x6f, marks: VNI_TONE_BYTES },
  ô: { base: 0x6f, marks: VNI_CIRCUMFLEX_BYTES },
  ơ: { base: 0xf4, marks: VNI_TONE_BYTES }, // ơ is the single byte ô
  u: { base: 0x75, marks: VNI_TONE_BYTES },
  ư: { base: 0xf6, marks: VNI_TONE_BYTES }, // ư is the single byte ö
  y: { base: 0x79, marks: VNI_TONE_BYTES }, // except ỵ, a single byte (VNI_SINGLE_Y_DOT)
};

/**
 * VNI single-byte letters (lower case; capitals are byte − 0x20):
 * i with tones (í ì are the Latin-1 letters themselves; ỉ = æ, ĩ = ó,
 * ị = ò), ỵ = î, đ = ñ. Source: Unikey VNI-WIN table (words with a zero high
 * byte) and roster-formats.md §4 "VNI pitfalls".
 */
const VNI_SINGLE_I = [0x69, 0xed, 0xec, 0xe6, 0xf3, 0xf2] as const; // i í ì æ ó ò
const VNI_SINGLE_Y_DOT = 0xee; // î = ỵ
const VNI_D_LOWER = 0xf1; // ñ = đ

/** The VNI form (as a Latin-1 string) of one lower-case letter and of its capital. */
function vniForms(base: BaseVowel, toneIndex: number): { lower: string; upper: string } {
  if (base === "i") {
    const b = VNI_SINGLE_I[toneIndex]!;
    return { lower: String.fromCharCode(b), upper: String.fromCharCode(b === 0x69 ? 0x49 : b - 0x20) };
  }
  if (base === "y" && toneIndex === 5) {
    return { lower: String.fromCharCode(VNI_SINGLE_Y_DOT), upper: String.fromCharCode(VNI_SINGLE_Y_DOT - 0x20) };
  }
  const v = VNI_VOWELS[base];
  const baseLower = v.base;
  // Capitals are 0x20 lower in both halves of Latin-1: a→A, ô→Ô, ö→Ö.
  const baseUpper = baseLower - 0x20;
  const mark = v.marks[toneIndex]!;
  const lower = String.fromCharCode(baseLower) + (mark ? String.fromCharCode(mark) : "");
  const upper = String.fromCharCode(baseUpper) + (mark ? String.fromCharCode(mark - 0x20) : "");
  return { lower, upper };
}

/**
 * Unicode → VNI-Windows (as a Latin-1 string) for every Vietnamese letter
 * whose VNI form differs from the Unicode letter (the 134 letters minus
 * í ì Í Ì, which VNI writes as the same Latin-1 letters).
 * @example VNI_ENCODE.get("ễ") // "eã"
 */
export const VNI_ENCODE: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const base of BASE_VOWELS) {
    TONES.forEach((tone, i) => {
      const lower = composeVowel(base, tone);
      const f = vniForms(base, i);
      if (f.lower !== lower) m.set(lower, f.lower);
      if (f.upper !== lower.toUpperCase()) m.set(lower.toUpperCase(), f.upper);
    });
  }
  m.set("đ", String.fromCharCode(VNI_D_LOWER));
  m.set("Đ", String.fromCharCode(VNI_D_LOWER - 0x20));
  return m;
})();

/**
 * VNI single-byte decode table indexed by Latin-1 code point (letters that
 * are one byte in VNI and differ from Latin-1): ñ→đ, ô→ơ, ö→ư, æ→ỉ, ó→ĩ,
 * ò→ị, î→ỵ and their capitals.
 * @example VNI_DECODE_SINGLE[0xf6] // "ư"
 */
export const VNI_DECODE_SINGLE: readonly (string | undefined)[] = (() => {
  const t: (string | undefined)[] = new Array<string | undefined>(256).fill(undefined);
  for (const [uni, vni] of VNI_ENCODE) {
    if (vni.length === 1 && vni !== uni) t[vni.charCodeAt(0)] = uni;
  }
  return t;
})();

/**
 * VNI two-byte decode table: key = base code point × 256 + mark code point.
 * Both the canonical pairs (capital base + capital mark, lower + lower) and
 * the mixed-case pairs are present; a mixed pair decodes to the case of its
 * base letter and is flagged by {@link vniPairIsOddCase} (Excel's UPPER/LOWER
 * never make one, so the detector trusts them a little less).
 * @example VNI_DECODE_PAIR.get(0x65 * 256 + 0xe3) // "ễ"
 */
export const VNI_DECODE_PAIR: ReadonlyMap<number, string> = (() => {
  const m = new Map<number, string>();
  for (const [uni, vni] of VNI_ENCODE) {
    if (vni.length !== 2) continue;
    const b = vni.charCodeAt(0);
    const mk = vni.charCodeAt(1);
    m.set(b * 256 + mk, uni);
    const otherCaseMark = mk >= 0xe0 ? mk - 0x20 : mk + 0x20;
    if (!m.has(b * 256 + otherCaseMark)) m.set(b * 256 + otherCaseMark, uni);
  }
  return m;
})();

/**
 * Whether a VNI pair key (see {@link VNI_DECODE_PAIR}) mixes a lower-case
 * base with an upper-case mark or the reverse. Lower-case bases are the ASCII
 * a e o u y and the Latin-1 ô ö (0xE0 and up); lower-case marks are 0xE0 and up.
 * @example vniPairIsOddCase(0x41 * 256 + 0xf9) // true ("Aù")
 */
export function vniPairIsOddCase(key: number): boolean {
  const b = Math.floor(key / 256);
  const mk = key % 256;
  const baseLower = (b >= 0x61 && b <= 0x7a) || b >= 0xe0;
  const markLower = mk >= 0xe0;
  return baseLower !== markLower;
}

/**
 * The characters named by roster-formats.md §4 "Detection" step 2 as
 * impossible in Unicode Vietnamese, plus U+00AD (TCVN3 "ư"). Any of them in a
 * cell suggests a legacy encoding. Indexed by Latin-1 code point.
 * @example LEGACY_MARKER[0xb5] // true ("µ", TCVN3 "à")
 */
export const LEGACY_MARKER: readonly boolean[] = (() => {
  const t = new Array<boolean>(256).fill(false);
  const chars = "µ¶·¸¹º»¼½¾¨©ª«¬®§¡¢£¤¥¦ÆÇËÎÏÐÑÖ×ØÜÞßäåæçëîïñö÷øûüþ\u00AD";
  for (const ch of chars) t[ch.charCodeAt(0)] = true;
  return t;
})();
