/**
 * A small phonotactic checker for written Vietnamese syllables.
 *
 * Purpose: the legacy-encoding detector (legacy.ts) decodes a cell as TCVN3
 * and as VNI and keeps the reading with more plausible Vietnamese syllables
 * (roster-formats.md §4 "Detection" step 3). It does not need a dictionary,
 * only a cheap test that tells "Nguyễn", "Hường", "Đại" from mojibake such as
 * "NguyÔn", "Höôøng" or "Nguyeón".
 *
 * Model (standard description of Vietnamese orthography, e.g. the syllable
 * structure onset + (medial) + nucleus + (coda) + tone taught in Vietnamese
 * grammar, and the rhyme ("vần") inventory of primary-school spelling books):
 * - onset: b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x,
 *   or none; with the spelling rules c/k, g/gh, ng/ngh (k, gh, ngh only before
 *   e ê i y);
 * - rhyme: from the inventory below (tone removed);
 * - tone: at most one tone mark, on the main vowel of the rhyme (both the
 *   old "hòa" and the new "hoà" placement are accepted), and rhymes closed by
 *   c ch p t take only sắc or nặng.
 *
 * Plausible is not the same as "is a word": "Thũ" passes. Good enough to rank
 * two decodings of the same cell.
 *
 * Pure TypeScript: ES2022 only.
 */

/**
 * The verdict for one word (see {@link syllableVerdict}).
 * @example const v: SyllableVerdict = syllableVerdict("Đức"); // "plausible"
 */
export type SyllableVerdict = "plausible" | "implausible" | "neutral";

/** Tone numbers: 0 none, 1 acute, 2 grave, 3 hook, 4 tilde, 5 dot. */
const ACUTE = 1;
const DOT = 5;

/**
 * Each lower-case letter that may appear in a Vietnamese syllable, with its
 * base letter (tone removed) and tone number. Built at load from the
 * combining marks, so no table of 134 letters is typed by hand.
 */
const LETTER_INFO: ReadonlyMap<string, { base: string; tone: number }> = (() => {
  const m = new Map<string, { base: string; tone: number }>();
  const marks = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];
  for (const v of ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]) {
    marks.forEach((mk, tone) => m.set((v + mk).normalize("NFC"), { base: v, tone }));
  }
  // Consonant letters of the Vietnamese alphabet (f j w z are not in it).
  for (const c of "bcdđghklmnpqrstvx") m.set(c, { base: c, tone: 0 });
  return m;
})();

const VOWELS = new Set(["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]);
/** Vowels with a shape mark: when present, the tone goes on (the last) one. */
const SHAPED = new Set(["ă", "â", "ê", "ô", "ơ", "ư"]);

/**
 * Rhymes without a medial, grouped by nucleus. Rare loan rhymes are left out;
 * "ak ăk ôk uk" are kept for Central Highlands place names (Đắk Lắk, Krông
 * Búk, Đắk Nông) that rosters carry in birthplace columns.
 */
const PLAIN_RHYMES = [
  "a ac ach ai am an ang anh ao ap at au ay ak",
  "ăc ăm ăn ăng ăp ăt ăk",
  "âc âm ân âng âp ât âu ây",
  "e ec em en eng eo ep et",
  "ê êch êm ên ênh êp êt êu",
  "i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu",
  "y yêm yên yêt yêu",
  "o oc oi om on ong op ot oong ooc",
  "ô ôc ôi ôm ôn ông ôp ôt ôk",
  "ơ ơi ơm ơn ơp ơt",
  "u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt uk",
  "ư ưa ưc ưi ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu",
];

/** Rhymes with the medial /w/ written o (before a ă e) or u (before â ê y ơ). */
const MEDIAL_RHYMES = [
  "oa oac oach oai oam oan oang oanh oao oap oat oay",
  "oăc oăm oăn oăng oăt oe oen oeo oet",
  "uân uâng uât uây uê uêch uênh uy uych uynh uyt uyu uya uyên uyêt uơ",
];

const split = (groups: readonly string[]): Set<string> => new Set(groups.join(" ").split(" "));
const PLAIN = split(PLAIN_RHYMES);
const MEDIAL = split(MEDIAL_RHYMES);
const ALL_RHYMES = new Set([...PLAIN, ...MEDIAL]);

/** Onsets, longest first so that "ngh" is tried before "ng" and "n". */
const ONSETS = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""];

/** Vowels before which k, gh, ngh are written (and c, g, ng are not). */
const FRONT = new Set(["e", "ê", "i", "y"]);

/** Whether a closed rhyme ends in a stop (c ch p t, and k in place names). */
function endsInStop(rhyme: string): boolean {
  const last = rhyme[rhyme.length - 1];
  return last === "c" || last === "p" || last === "t" || last === "k" || rhyme.endsWith("ch");
}

/**
 * Whether the tone may sit at index `pos` of the (tone-stripped) rhyme.
 * Rules: a shaped vowel takes the tone (the last one: ươ → ơ); otherwise the
 * last vowel of a closed rhyme; in open rhymes the first of two vowels, either
 * one for oa oe uy (old "hòa" and new "hoà" styles), the middle of three.
 */
function tonePositionOk(rhyme: string, pos: number): boolean {
  if (pos < 0 || pos >= rhyme.length) return false;
  const vowelIdx: number[] = [];
  let lastShaped = -1;
  for (let i = 0; i < rhyme.length; i++) {
    const ch = rhyme[i]!;
    if (VOWELS.has(ch)) {
      vowelIdx.push(i);
      if (SHAPED.has(ch)) lastShaped = i;
    }
  }
  if (lastShaped >= 0) return pos === lastShaped;
  if (vowelIdx.length === 0) return false;
  const closed = !VOWELS.has(rhyme[rhyme.length - 1]!);
  if (closed) return pos === vowelIdx[vowelIdx.length - 1];
  if (vowelIdx.length === 1) return pos === vowelIdx[0];
  if (vowelIdx.length === 2) {
    const pair = rhyme.slice(vowelIdx[0], vowelIdx[1]! + 1);
    if (pair === "oa" || pair === "oe" || pair === "uy") return true;
    return pos === vowelIdx[0];
  }
  return pos === vowelIdx[1];
}

/** Tone numbers for hỏi and ngã. */
const HOOK = 3;
const TILDE = 4;

/** Whether rhyme + tone (tone at `pos` in the rhyme) is well formed. */
function rhymeToneOk(rhyme: string, tone: number, pos: number): boolean {
  if (endsInStop(rhyme) && tone !== ACUTE && tone !== DOT) return false;
  // The loan rhymes oong/ooc occur only level or with huyền/sắc/nặng (xoong,
  // goòng, rơ-moóc); rejecting hỏi/ngã keeps TCVN3 "Khoõng" (VNI "Khoâng",
  // i.e. "Không") from passing as a syllable.
  if (rhyme.startsWith("oo") && (tone === HOOK || tone === TILDE)) return false;
  return tone === 0 || tonePositionOk(rhyme, pos);
}

/** Whether onset + rhyme obey the spelling rules c/k, g/gh, ng/ngh, gi, qu. */
function onsetRhymeOk(onset: string, rhyme: string, tone: number, pos: number): boolean {
  if (rhyme === "") return false;
  const first = rhyme[0]!;
  switch (onset) {
    case "k":
    case "gh":
    case "ngh":
      if (!FRONT.has(first)) return false;
      break;
    case "c":
    case "ng":
      if (FRONT.has(first)) return false;
      break;
    case "g":
      // "gì", "gìn": g + i-rhyme is the gi onset merged with the vowel i.
      if (first === "e" || first === "ê" || first === "y") return false;
      break;
    case "gi":
      if (first === "i") return false;
      break;
    case "qu":
      // A tone on the u of qu is misplaced ("Qúy" for "Quý"): pos < 0.
      if (tone !== 0 && pos < 0) return false;
      // The u of qu is the medial: "quý" = qu + y (rhyme uy), "quyết" = uyêt,
      // "quân" = uân; or a plain rhyme: "qua", "quê", "quốc".
      if (MEDIAL.has("u" + rhyme) && rhymeToneOk("u" + rhyme, tone, pos + 1)) return true;
      if (first === "u" || first === "ư" || first === "o") return false;
      return PLAIN.has(rhyme) && rhymeToneOk(rhyme, tone, pos);
    case "":
      break;
    default:
      // Rhymes spelled with y-initial iê occur only without an onset ("yêu")
      // or after the medial u ("khuyên"); after a consonant it is "iê".
      if (first === "y" && rhyme.length > 1) return false;
  }
  return ALL_RHYMES.has(rhyme) && rhymeToneOk(rhyme, tone, pos);
}

/**
 * Judges one word (one run of letters) as a Vietnamese syllable.
 * - "plausible": onset + rhyme + tone are well formed ("Nguyễn", "hoà", "Qua");
 * - "neutral": no vowel at all, e.g. the abbreviations "ĐH", "CĐ", "ThS";
 * - "implausible": anything else, including letters outside the Vietnamese
 *   alphabet (f j w z, "ö", "Þ"), two tone marks, a tone on the wrong vowel
 *   ("hòan"), an impossible rhyme ("Nguyeón"), or mixed case ("NguyƠn").
 *
 * The input may be in any case and any normalization form.
 * @example syllableVerdict("Hường") // "plausible"
 * @example syllableVerdict("Höôøng") // "implausible"
 * @example syllableVerdict("ĐH") // "neutral"
 */
export function syllableVerdict(word: string): SyllableVerdict {
  const w = word.normalize("NFC");
  const lower = w.toLowerCase();
  if (lower.length === 0 || lower.length > 8) return lower.length === 0 ? "neutral" : "implausible";
  let hasVowel = false;
  let tone = 0;
  let tonePos = -1;
  let bases = "";
  let i = 0;
  for (const ch of lower) {
    const info = LETTER_INFO.get(ch);
    if (info === undefined) return "implausible";
    if (info.tone !== 0) {
      if (tone !== 0) return "implausible";
      tone = info.tone;
      tonePos = i;
    }
    if (VOWELS.has(info.base)) hasVowel = true;
    bases += info.base;
    i++;
  }
  if (!hasVowel) return "neutral";
  // Case: lower, Title or UPPER only. Mojibake often mixes ("NguyƠn").
  const upper = w.toUpperCase();
  if (w !== lower && w !== upper) {
    const head = w.slice(0, 1);
    if (head !== head.toUpperCase() || w.slice(1) !== w.slice(1).toLowerCase()) return "implausible";
  }
  for (const onset of ONSETS) {
    if (!bases.startsWith(onset)) continue;
    const rhyme = bases.slice(onset.length);
    if (onsetRhymeOk(onset, rhyme, tone, tone === 0 ? -1 : tonePos - onset.length)) return "plausible";
  }
  return "implausible";
}

/**
 * Whether a word is a plausible Vietnamese syllable (see {@link syllableVerdict}).
 * @example isPlausibleSyllable("Luật") // true
 * @example isPlausibleSyllable("LuËt") // false
 */
export function isPlausibleSyllable(word: string): boolean {
  return syllableVerdict(word) === "plausible";
}

/**
 * Counts of words by verdict, for {@link countSyllables}.
 * @example const c: SyllableCounts = countSyllables("ĐH Luật"); // { plausible: 1, implausible: 0, neutral: 1 }
 */
export interface SyllableCounts {
  /** Words that are plausible syllables and contain a non-ASCII letter. */
  plausible: number;
  /** Words that are not plausible and contain a non-ASCII letter. */
  implausible: number;
  /**
   * Vowel-less words that contain a non-ASCII letter, e.g. "ĐH", "CĐ": they
   * show a decoding produced Vietnamese letters without being syllables.
   */
  neutral: number;
}

/** A run of letters and combining marks: one candidate syllable. Compiled once. */
const WORD = /[\p{L}\p{M}]+/gu;

/**
 * Counts the words of a text by verdict, ignoring pure-ASCII words: those read
 * the same in every encoding, so they cannot tell decodings apart, and
 * English or unaccented words would only add noise.
 * @example countSyllables("NguyÔn ThÞ Hoa") // { plausible: 0, implausible: 2, neutral: 0 }
 * @example countSyllables("Nguyễn Thị Hoa") // { plausible: 2, implausible: 0, neutral: 0 }
 */
export function countSyllables(text: string): SyllableCounts {
  const out: SyllableCounts = { plausible: 0, implausible: 0, neutral: 0 };
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const word = m[0];
    let ascii = true;
    for (let k = 0; k < word.length; k++) {
      if (word.charCodeAt(k) > 0x7f) {
        ascii = false;
        break;
      }
    }
    if (ascii) continue;
    const v = syllableVerdict(word);
    out[v]++;
  }
  return out;
}
