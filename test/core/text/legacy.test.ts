/**
 * Tests for src/core/text/legacy.ts (TCVN3 / VNI-Windows decoding and
 * detection) and src/core/text/syllable.ts.
 *
 * Every one of the 134 non-ASCII Vietnamese letters (67 lower case + 67
 * capitals; with the 12 ASCII vowel forms a/A e/E … that makes the 146 slots
 * of Unikey's tables) is checked, for each encoding, against two published
 * tables that were transcribed here independently of the implementation
 * (which builds its tables from base letter + tone; see legacyTables.ts):
 *
 * TCVN3
 *  1. glibc iconv TCVN5712-1. Produced once on a Debian machine (glibc 2.x)
 *     with, for each letter L,
 *       printf '%s' L | iconv -f UTF-8 -t TCVN5712-1 | xxd -p
 *     and pasted below. iconv is not called at test time.
 *  2. Unikey / VnConv (Pham Kim Long), ukengine/data.cpp in
 *     vn-input/ibus-unikey, table "TCVN3" (the rows "0: a" … "11: y").
 *  3. (cross-check) duydev/vietnamese-conversion src/charsets.ts, TCVN3 array.
 * VNI-Windows
 *  1. Unikey / VnConv ukengine/data.cpp, table "VNI-WIN" (16-bit words:
 *     low byte = base letter, high byte = mark byte).
 *  2. duydev/vietnamese-conversion src/charsets.ts, VNI array.
 *
 * Where the tables disagree (documented at each test):
 *  - glibc encodes toned capitals with TCVN 5712:1993 VN1 codes: 44 of them in
 *    C0 controls and 0x80–0x9F, 16 in upper-half slots that ABC (VN3) leaves
 *    empty. Unikey (ABC) has no toned capitals: it writes the lower-case code
 *    and relies on "H" fonts. We follow ABC for encoding, and decode the 16
 *    upper-half VN1 capitals too; the 44 low ones are not decoded (in Excel
 *    text those code points are controls or cp1252 punctuation).
 *  - duydev writes TCVN3 capitals as two characters: the toneless capital
 *    (A, Â, Ă, E, Ê, I, O, Ô, Ơ, U, Ư, Y) followed by the lower-case toned
 *    code, e.g. À → "Aµ", Ấ → "¢Ê". That is lossy (it decodes to "Aà"); its
 *    second character agrees with Unikey and glibc.
 *  - A TCVN3 map seen in another public repository is shifted by one slot
 *    for ư/y (0xF9 = ứ, 0xFF = ỵ); glibc, Unikey and duydev all agree on
 *    0xF8 = ứ, 0xF9 = ự, 0xFE = ỵ, which is what is tested.
 */
import fc from "fast-check";
import {
  decodeLegacyText,
  decodeTcvn3,
  decodeVni,
  detectLegacyEncoding,
  encodeTcvn3,
  encodeVni,
  isLegacyFontName,
} from "../../../src/core/text/legacy";
import { LEGACY_MARKER, VIETNAMESE_LETTERS, composeVowel, vniPairIsOddCase } from "../../../src/core/text/legacyTables";
import { countSyllables, isPlausibleSyllable, syllableVerdict } from "../../../src/core/text/syllable";

// ---------------------------------------------------------------------------
// Reference tables (transcribed; see the header comment for provenance)

/**
 * The 146 letters in Unikey's fixed order (A a Á á À à Ả ả Ã ã Ạ ạ, then Â,
 * Ă, Đ, E, Ê, I, O, Ô, Ơ, U, Ư, Y; consonants B–Z left out).
 */
const UNIKEY_ORDER = [
  ..."AaÁáÀàẢảÃãẠạÂâẤấẦầẨẩẪẫẬậĂăẮắẰằẲẳẴẵẶặĐđEeÉéÈèẺẻẼẽẸẹÊêẾếỀềỂểỄễỆệIiÍíÌìỈỉĨĩỊịOoÓóÒòỎỏÕõỌọÔôỐốỒồỔổỖỗỘộƠơỚớỜờỞởỠỡỢợUuÚúÙùỦủŨũỤụƯưỨứỪừỬửỮữỰựYyÝýỲỳỶỷỸỹỴỵ",
];

/** Unikey data.cpp "TCVN3", same order as UNIKEY_ORDER (one char per letter; U+00AD is ư). */
const UNIKEY_TCVN3 = [
  ..."Aa¸¸µµ¶¶··¹¹" + // a
    "¢©ÊÊÇÇÈÈÉÉËË" + // a^
    "¡¨¾¾»»¼¼½½ÆÆ" + // a(
    "§®" + // DD dd
    "EeÐÐÌÌÎÎÏÏÑÑ" + // e
    "£ªÕÕÒÒÓÓÔÔÖÖ" + // e^
    "IiÝÝ××ØØÜÜÞÞ" + // i
    "Ooããßßááââää" + // o
    "¤«èèååææççéé" + // o^
    "¥¬ííêêëëììîî" + // o+
    "Uuóóïïññòòôô" + // u
    "¦\u00ADøøõõöö÷÷ùù" + // u+ (the second entry is invisible in the source: U+00AD)
    "Yyýýúúûûüüþþ", // y
];

/** Unikey data.cpp "VNI-WIN" words, same order (low byte = base, high byte = mark, 0 = none). */
const UNIKEY_VNI_WORDS = [
  // a
  0x0041, 0x0061, 0xd941, 0xf961, 0xd841, 0xf861, 0xdb41, 0xfb61, 0xd541, 0xf561, 0xcf41, 0xef61,
  // a^
  0xc241, 0xe261, 0xc141, 0xe161, 0xc041, 0xe061, 0xc541, 0xe561, 0xc341, 0xe361, 0xc441, 0xe461,
  // a(
  0xca41, 0xea61, 0xc941, 0xe961, 0xc841, 0xe861, 0xda41, 0xfa61, 0xdc41, 0xfc61, 0xcb41, 0xeb61,
  // DD dd
  0x00d1, 0x00f1,
  // e
  0x0045, 0x0065, 0xd945, 0xf965, 0xd845, 0xf865, 0xdb45, 0xfb65, 0xd545, 0xf565, 0xcf45, 0xef65,
  // e^
  0xc245, 0xe265, 0xc145, 0xe165, 0xc045, 0xe065, 0xc545, 0xe565, 0xc345, 0xe365, 0xc445, 0xe465,
  // i
  0x0049, 0x0069, 0x00cd, 0x00ed, 0x00cc, 0x00ec, 0x00c6, 0x00e6, 0x00d3, 0x00f3, 0x00d2, 0x00f2,
  // o
  0x004f, 0x006f, 0xd94f, 0xf96f, 0xd84f, 0xf86f, 0xdb4f, 0xfb6f, 0xd54f, 0xf56f, 0xcf4f, 0xef6f,
  // o^
  0xc24f, 0xe26f, 0xc14f, 0xe16f, 0xc04f, 0xe06f, 0xc54f, 0xe56f, 0xc34f, 0xe36f, 0xc44f, 0xe46f,
  // o+
  0x00d4, 0x00f4, 0xd9d4, 0xf9f4, 0xd8d4, 0xf8f4, 0xdbd4, 0xfbf4, 0xd5d4, 0xf5f4, 0xcfd4, 0xeff4,
  // u
  0x0055, 0x0075, 0xd955, 0xf975, 0xd855, 0xf875, 0xdb55, 0xfb75, 0xd555, 0xf575, 0xcf55, 0xef75,
  // u+
  0x00d6, 0x00f6, 0xd9d6, 0xf9f6, 0xd8d6, 0xf8f6, 0xdbd6, 0xfbf6, 0xd5d6, 0xf5f6, 0xcfd6, 0xeff6,
  // y
  0x0059, 0x0079, 0xd959, 0xf979, 0xd859, 0xf879, 0xdb59, 0xfb79, 0xd559, 0xf579, 0x00ce, 0x00ee,
];

/** A Unikey VNI word as the Latin-1 string Excel shows: base byte, then the mark byte if any. */
const vniWord = (w: number): string => String.fromCharCode(w & 0xff) + (w >> 8 ? String.fromCharCode(w >> 8) : "");

/** duydev/vietnamese-conversion src/charsets.ts: UNICODE, VNI, TCVN3 (134 entries each, same order). */
const DUYDEV_UNICODE = (
  "À Á Â Ã È É Ê Ì Í Ò Ó Ô Õ Ù Ú Ý à á â ã è é ê ì í ò ó ô õ ù ú ý Ă ă Đ đ Ĩ ĩ Ũ ũ Ơ ơ Ư ư " +
  "Ạ ạ Ả ả Ấ ấ Ầ ầ Ẩ ẩ Ẫ ẫ Ậ ậ Ắ ắ Ằ ằ Ẳ ẳ Ẵ ẵ Ặ ặ Ẹ ẹ Ẻ ẻ Ẽ ẽ Ế ế Ề ề Ể ể Ễ ễ Ệ ệ Ỉ ỉ Ị ị " +
  "Ọ ọ Ỏ ỏ Ố ố Ồ ồ Ổ ổ Ỗ ỗ Ộ ộ Ớ ớ Ờ ờ Ở ở Ỡ ỡ Ợ ợ Ụ ụ Ủ ủ Ứ ứ Ừ ừ Ử ử Ữ ữ Ự ự Ỳ ỳ Ỵ ỵ Ỷ ỷ Ỹ ỹ"
).split(" ");
const DUYDEV_VNI = (
  "AØ AÙ AÂ AÕ EØ EÙ EÂ Ì Í OØ OÙ OÂ OÕ UØ UÙ YÙ aø aù aâ aõ eø eù eâ ì í oø où oâ oõ uø uù yù " +
  "AÊ aê Ñ ñ Ó ó UÕ uõ Ô ô Ö ö AÏ aï AÛ aû AÁ aá AÀ aà AÅ aå AÃ aã AÄ aä AÉ aé AÈ aè AÚ aú AÜ aü AË aë " +
  "EÏ eï EÛ eû EÕ eõ EÁ eá EÀ eà EÅ eå EÃ eã EÄ eä Æ æ Ò ò OÏ oï OÛ oû OÁ oá OÀ oà OÅ oå OÃ oã OÄ oä " +
  "ÔÙ ôù ÔØ ôø ÔÛ ôû ÔÕ ôõ ÔÏ ôï UÏ uï UÛ uû ÖÙ öù ÖØ öø ÖÛ öû ÖÕ öõ ÖÏ öï YØ yø Î î YÛ yû YÕ yõ"
).split(" ");
const DUYDEV_TCVN3 = (
  "Aµ A¸ ¢ A· EÌ EÐ £ I× IÝ Oß Oã ¤ Oâ Uï Uó Yý µ ¸ © · Ì Ð ª × Ý ß ã « â ï ó ý " +
  "¡ ¨ § ® IÜ Ü Uò ò ¥ ¬ ¦ \u00AD A¹ ¹ A¶ ¶ ¢Ê Ê ¢Ç Ç ¢È È ¢É É ¢Ë Ë ¡¾ ¾ ¡» » ¡¼ ¼ ¡½ ½ ¡Æ Æ " +
  "EÑ Ñ EÎ Î EÏ Ï £Õ Õ £Ò Ò £Ó Ó £Ô Ô £Ö Ö IØ Ø IÞ Þ Oä ä Oá á ¤è è ¤å å ¤æ æ ¤ç ç ¤é é " +
  "¥í í ¥ê ê ¥ë ë ¥ì ì ¥î î Uô ô Uñ ñ ¦ø ø ¦õ õ ¦ö ö ¦÷ ÷ ¦ù ù Yú ú Yþ þ Yû û Yü ü"
).split(" "); // the U+00AD entry (ư) is invisible in the source file

/**
 * glibc iconv TCVN5712-1 for the 134 non-ASCII letters (see header: produced
 * once with `iconv -f UTF-8 -t TCVN5712-1`; every letter is one byte).
 */
const GLIBC_TCVN5712_1: readonly (readonly [string, number])[] = [
  ["Á", 0x83], ["á", 0xb8], ["À", 0x80], ["à", 0xb5], ["Ả", 0x81], ["ả", 0xb6],
  ["Ã", 0x82], ["ã", 0xb7], ["Ạ", 0x84], ["ạ", 0xb9], ["Â", 0xa2], ["â", 0xa9],
  ["Ấ", 0xc4], ["ấ", 0xca], ["Ầ", 0xc1], ["ầ", 0xc7], ["Ẩ", 0xc2], ["ẩ", 0xc8],
  ["Ẫ", 0xc3], ["ẫ", 0xc9], ["Ậ", 0x86], ["ậ", 0xcb], ["Ă", 0xa1], ["ă", 0xa8],
  ["Ắ", 0xc0], ["ắ", 0xbe], ["Ằ", 0xaf], ["ằ", 0xbb], ["Ẳ", 0xba], ["ẳ", 0xbc],
  ["Ẵ", 0xbf], ["ẵ", 0xbd], ["Ặ", 0x85], ["ặ", 0xc6], ["Đ", 0xa7], ["đ", 0xae],
  ["É", 0x8a], ["é", 0xd0], ["È", 0x87], ["è", 0xcc], ["Ẻ", 0x88], ["ẻ", 0xce],
  ["Ẽ", 0x89], ["ẽ", 0xcf], ["Ẹ", 0x8b], ["ẹ", 0xd1], ["Ê", 0xa3], ["ê", 0xaa],
  ["Ế", 0xda], ["ế", 0xd5], ["Ề", 0xc5], ["ề", 0xd2], ["Ể", 0xcd], ["ể", 0xd3],
  ["Ễ", 0xd9], ["ễ", 0xd4], ["Ệ", 0x8c], ["ệ", 0xd6], ["Í", 0x90], ["í", 0xdd],
  ["Ì", 0x8d], ["ì", 0xd7], ["Ỉ", 0x8e], ["ỉ", 0xd8], ["Ĩ", 0x8f], ["ĩ", 0xdc],
  ["Ị", 0x91], ["ị", 0xde], ["Ó", 0x95], ["ó", 0xe3], ["Ò", 0x92], ["ò", 0xdf],
  ["Ỏ", 0x93], ["ỏ", 0xe1], ["Õ", 0x94], ["õ", 0xe2], ["Ọ", 0x96], ["ọ", 0xe4],
  ["Ô", 0xa4], ["ô", 0xab], ["Ố", 0xff], ["ố", 0xe8], ["Ồ", 0xdb], ["ồ", 0xe5],
  ["Ổ", 0xe0], ["ổ", 0xe6], ["Ỗ", 0xf0], ["ỗ", 0xe7], ["Ộ", 0x97], ["ộ", 0xe9],
  ["Ơ", 0xa5], ["ơ", 0xac], ["Ớ", 0x9b], ["ớ", 0xed], ["Ờ", 0x98], ["ờ", 0xea],
  ["Ở", 0x99], ["ở", 0xeb], ["Ỡ", 0x9a], ["ỡ", 0xec], ["Ợ", 0x9c], ["ợ", 0xee],
  ["Ú", 0x01], ["ú", 0xf3], ["Ù", 0x9d], ["ù", 0xef], ["Ủ", 0x9e], ["ủ", 0xf1],
  ["Ũ", 0x9f], ["ũ", 0xf2], ["Ụ", 0x02], ["ụ", 0xf4], ["Ư", 0xa6], ["ư", 0xad],
  ["Ứ", 0x11], ["ứ", 0xf8], ["Ừ", 0x04], ["ừ", 0xf5], ["Ử", 0x05], ["ử", 0xf6],
  ["Ữ", 0x06], ["ữ", 0xf7], ["Ự", 0x12], ["ự", 0xf9], ["Ý", 0x16], ["ý", 0xfd],
  ["Ỳ", 0x13], ["ỳ", 0xfa], ["Ỷ", 0x14], ["ỷ", 0xfb], ["Ỹ", 0x15], ["ỹ", 0xfc],
  ["Ỵ", 0x17], ["ỵ", 0xfe],];

// ---------------------------------------------------------------------------
// Helpers

const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/;
/** Whether a letter is a capital carrying a tone (no TCVN3/ABC code of its own). */
const isTonedCapital = (ch: string): boolean => ch !== ch.toLowerCase() && TONE_MARK.test(ch.normalize("NFD"));
/** What a .VnTime (non-H) cell shows after a round trip: toned capitals come back lower case. */
const abcVisible = (s: string): string => [...s].map((ch) => (isTonedCapital(ch) ? ch.toLowerCase() : ch)).join("");
const hex = (s: string): string => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join(" ");

// ---------------------------------------------------------------------------

describe("reference tables (sanity of the transcriptions)", () => {
  test("letter inventory: 146 slots, 134 non-ASCII letters (67 + 67)", () => {
    expect(UNIKEY_ORDER).toHaveLength(146);
    expect(new Set(UNIKEY_ORDER).size).toBe(146);
    const nonAscii = UNIKEY_ORDER.filter((c) => c.charCodeAt(0) > 0x7f);
    expect(nonAscii).toHaveLength(134);
    expect(nonAscii.filter((c) => c === c.toLowerCase())).toHaveLength(67);
    expect(UNIKEY_ORDER.every((c) => c === c.normalize("NFC"))).toBe(true);
  });
  test("the implementation's letter list matches the Unikey order (as sets)", () => {
    const impl = new Set(VIETNAMESE_LETTERS.flatMap((l) => [l.lower, l.upper]));
    expect(impl).toEqual(new Set(UNIKEY_ORDER));
    expect(composeVowel("ê", "tilde")).toBe("ễ");
  });
  test("table sizes", () => {
    expect(UNIKEY_TCVN3).toHaveLength(146);
    expect(UNIKEY_VNI_WORDS).toHaveLength(146);
    expect(DUYDEV_UNICODE).toHaveLength(134);
    expect(DUYDEV_VNI).toHaveLength(134);
    expect(DUYDEV_TCVN3).toHaveLength(134);
    expect(GLIBC_TCVN5712_1).toHaveLength(134);
    expect(new Set(DUYDEV_UNICODE)).toEqual(new Set(UNIKEY_ORDER.filter((c) => c.charCodeAt(0) > 0x7f)));
    expect(new Set(GLIBC_TCVN5712_1.map(([c]) => c))).toEqual(new Set(DUYDEV_UNICODE));
  });
});

describe("TCVN3 vs glibc iconv TCVN5712-1", () => {
  const lower = GLIBC_TCVN5712_1.filter(([c]) => c === c.toLowerCase());
  const upper = GLIBC_TCVN5712_1.filter(([c]) => c !== c.toLowerCase());
  test("67 lower-case and 67 capital entries", () => {
    expect(lower).toHaveLength(67);
    expect(upper).toHaveLength(67);
  });
  test.each(lower.map(([c, b]) => [c, b] as const))("lower case %s = 0x%s: decode and encode agree", (c, b) => {
    const byte = String.fromCharCode(b);
    expect(decodeTcvn3(byte)).toBe(c);
    expect(encodeTcvn3(c)).toBe(byte);
    // In an H font the same code is the capital.
    expect(decodeTcvn3(byte, { upperCase: true })).toBe(c.toUpperCase());
  });

  // Disagreement 1: glibc encodes capitals by VN1. Ă Â Ê Ô Ơ Ư Đ (0xA1–0xA7) agree with ABC.
  const plainCaps = upper.filter(([, b]) => b >= 0xa1 && b <= 0xa7);
  test.each(plainCaps.map(([c, b]) => [c, b] as const))("plain capital %s = 0x%s (same in VN1 and ABC)", (c, b) => {
    expect(decodeTcvn3(String.fromCharCode(b))).toBe(c);
    expect(encodeTcvn3(c)).toBe(String.fromCharCode(b));
  });
  // The 16 VN1 capitals in upper-half slots unused by ABC: decoded, not produced.
  const vn1High = upper.filter(([, b]) => b >= 0xa0 && !(b >= 0xa1 && b <= 0xa7));
  test.each(vn1High.map(([c, b]) => [c, b] as const))("VN1 capital %s = 0x%s is decoded; the encoder writes the ABC lower-case code", (c, b) => {
    expect(decodeTcvn3(String.fromCharCode(b))).toBe(c);
    expect(encodeTcvn3(c)).toBe(encodeTcvn3(c.toLowerCase()));
  });
  // The 44 VN1 capitals in C0 / 0x80–0x9F: not decoded (controls / cp1252 punctuation in Excel).
  const vn1Low = upper.filter(([, b]) => b < 0xa0);
  test.each(vn1Low.map(([c, b]) => [c, b] as const))("VN1 capital %s = 0x%s is outside ABC and left as is", (c, b) => {
    const byte = String.fromCharCode(b);
    expect(decodeTcvn3(byte)).toBe(byte);
    expect(encodeTcvn3(c)).toBe(encodeTcvn3(c.toLowerCase()));
  });
  test("the capital groups partition the 67 capitals: 7 plain + 16 VN1 high + 44 VN1 low", () => {
    expect([plainCaps.length, vn1High.length, vn1Low.length]).toEqual([7, 16, 44]);
  });
});

describe("TCVN3 vs Unikey/VnConv data.cpp", () => {
  const rows = UNIKEY_ORDER.map((c, i) => [c, UNIKEY_TCVN3[i]!] as const);
  test.each(rows)("%s ↔ %j", (c, code) => {
    expect(encodeTcvn3(c)).toBe(code);
    if (isTonedCapital(c)) {
      // ABC has no toned capitals: Unikey gives the lower-case code, which an H font draws as the capital.
      expect(decodeTcvn3(code)).toBe(c.toLowerCase());
      expect(decodeTcvn3(code, { upperCase: true })).toBe(c);
    } else {
      expect(decodeTcvn3(code)).toBe(c);
    }
  });
  test("glibc and Unikey agree on all 67 lower-case letters and the 7 plain capitals", () => {
    const unikey = new Map(rows);
    for (const [c, b] of GLIBC_TCVN5712_1) {
      if (c === c.toLowerCase() || (b >= 0xa1 && b <= 0xa7)) expect([c, unikey.get(c)]).toEqual([c, String.fromCharCode(b)]);
      else expect([c, unikey.get(c)]).toEqual([c, unikey.get(c.toLowerCase())]);
    }
  });
});

describe("TCVN3 vs duydev/vietnamese-conversion charsets.ts", () => {
  const rows = DUYDEV_UNICODE.map((c, i) => [c, DUYDEV_TCVN3[i]!] as const);
  test.each(rows)("%s ↔ %j", (c, code) => {
    if (code.length === 1) {
      // Lower case and the plain capitals Ă Â Ê Ô Ơ Ư Đ: exact.
      expect(decodeTcvn3(code)).toBe(c);
      expect(encodeTcvn3(c)).toBe(code);
    } else {
      // Disagreement 2: duydev's capitals are "toneless capital + lower-case code" (lossy).
      expect(code).toHaveLength(2);
      const [head, tail] = [code[0]!, code[1]!];
      expect(decodeTcvn3(head)).toBe(c.normalize("NFD").replace(TONE_MARK, "").normalize("NFC"));
      expect(tail).toBe(encodeTcvn3(c.toLowerCase()));
      expect(decodeTcvn3(tail, { upperCase: true })).toBe(c);
    }
  });
});

describe("VNI-Windows vs Unikey/VnConv data.cpp VNI-WIN", () => {
  const rows = UNIKEY_ORDER.map((c, i) => [c, vniWord(UNIKEY_VNI_WORDS[i]!)] as const);
  test.each(rows)("%s ↔ %j", (c, code) => {
    expect(encodeVni(c)).toBe(code);
    expect(decodeVni(code)).toBe(c);
  });
});

describe("VNI-Windows vs duydev/vietnamese-conversion charsets.ts", () => {
  const rows = DUYDEV_UNICODE.map((c, i) => [c, DUYDEV_VNI[i]!] as const);
  test.each(rows)("%s ↔ %j", (c, code) => {
    expect(encodeVni(c)).toBe(code);
    expect(decodeVni(code)).toBe(c);
  });
  test("Unikey and duydev agree on all 134 letters", () => {
    const unikey = new Map(UNIKEY_ORDER.map((c, i) => [c, vniWord(UNIKEY_VNI_WORDS[i]!)]));
    DUYDEV_UNICODE.forEach((c, i) => expect([c, DUYDEV_VNI[i]]).toEqual([c, unikey.get(c)]));
  });
});

describe("whole words and sentences", () => {
  test.each([
    ["NguyÔn ThÞ H\u00ADêng", "Nguyễn Thị Hường"],
    ["§¹i häc LuËt", "Đại học Luật"],
    ["Trung cÊp", "Trung cấp"],
    ["Cö nh©n", "Cử nhân"],
    ["NguyÔn V¨n §øc", "Nguyễn Văn Đức"],
    ["Chñ tÞch ñy ban nh©n d©n", "Chủ tịch ủy ban nhân dân"],
    ["Phã BÝ th\u00AD §¶ng ñy", "Phó Bí thư Đảng ủy"],
    ["V¨n phßng - thèng kª", "Văn phòng - thống kê"],
    ["§Þa chÝnh - x©y dùng", "Địa chính - xây dựng"],
    ["Hµ Néi", "Hà Nội"],
    ["Tr\u00ADëng C«ng an x·", "Trưởng Công an xã"],
    ["Thõa Thiªn HuÕ", "Thừa Thiên Huế"],
  ])("TCVN3 %j → %j", (legacy, unicode) => {
    expect(decodeTcvn3(legacy)).toBe(unicode);
    const r = decodeLegacyText(legacy);
    expect(r).toEqual({ text: unicode, encoding: "tcvn3", changed: true });
    expect(decodeLegacyText(legacy, { fontName: ".VnTime" }).text).toBe(unicode);
    expect(encodeTcvn3(unicode)).toBe(legacy);
  });

  test.each([
    ["Nguyeãn Thò Höôøng", "Nguyễn Thị Hường"],
    ["Ñaïi hoïc Luaät", "Đại học Luật"],
    ["Trung caáp", "Trung cấp"],
    ["Cöû nhaân", "Cử nhân"],
    ["Nguyeãn Vaên Ñöùc", "Nguyễn Văn Đức"],
    ["Chuû tòch UÛy ban nhaân daân", "Chủ tịch Ủy ban nhân dân"],
    ["Phoù Bí thö Ñaûng uûy", "Phó Bí thư Đảng ủy"],
    ["Vaên phoøng - thoáng keâ", "Văn phòng - thống kê"],
    ["Haø Noäi", "Hà Nội"],
    ["Tröôûng Coâng an xaõ", "Trưởng Công an xã"],
    ["Khuyeán, Nguyeät, Quyù, Khuyûu", "Khuyến, Nguyệt, Quý, Khuỷu"],
    ["Kyø, YÙ, Myõ, Ñoã Thò Î", "Kỳ, Ý, Mỹ, Đỗ Thị Ỵ"],
  ])("VNI %j → %j", (legacy, unicode) => {
    expect(decodeVni(legacy)).toBe(unicode);
    expect(decodeLegacyText(legacy)).toEqual({ text: unicode, encoding: "vni", changed: true });
    expect(decodeLegacyText(legacy, { fontName: "VNI-Times" }).text).toBe(unicode);
    expect(encodeVni(unicode)).toBe(legacy);
  });

  test("H font: VI + 0xD6 + T NAM in .VnTimeH is VIỆT NAM", () => {
    const r = decodeLegacyText("VI" + "\u00D6" + "T NAM", { fontName: ".VnTimeH" });
    expect(r).toEqual({ text: "VIỆT NAM", encoding: "tcvn3", changed: true, upperCaseFont: true });
    // Lower-case codes, too, are capitals in an H font.
    expect(decodeLegacyText("vi\u00D6t nam", { fontName: ".VnTimeH" }).text).toBe("VIỆT NAM");
    expect(decodeLegacyText("CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", { fontName: ".VnArialH" }).text).toBe(
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    );
    expect(decodeLegacyText("chñ tÞch", { fontName: ".VnTimeH" }).text).toBe("CHỦ TỊCH");
    // Without the H font the same codes are lower case.
    expect(decodeTcvn3("VI\u00D6T NAM")).toBe("VIệT NAM");
  });

  test("soft hyphen U+00AD is TCVN3 ư and is decoded, not stripped", () => {
    expect(decodeLegacyText("Tr\u00ADêng").text).toBe("Trường");
    expect(decodeLegacyText("Tr\u00ADêng", { fontName: ".VnTime" }).text).toBe("Trường");
    expect(decodeLegacyText("H\u00ADng Yªn").text).toBe("Hưng Yên");
    expect(decodeLegacyText("L\u00ADu").text).toBe("Lưu");
    // A soft hyphen used as such in a foreign word has no Vietnamese reading and stays.
    expect(decodeLegacyText("Compu\u00ADter").text).toBe("Compu\u00ADter");
    expect(decodeTcvn3("\u00AD")).toBe("ư");
  });

  test("NFD (decomposed) Unicode is Unicode: returned in NFC, not decoded", () => {
    for (const nfc of ["Nguyễn Văn Đức", "Trường", "Hà Nội", "Hoà", "Lê", "Thủy"]) {
      const nfd = nfc.normalize("NFD");
      expect(nfd).not.toBe(nfc);
      const r = decodeLegacyText(nfd, { fontName: ".VnTime" });
      expect(r).toEqual({ text: nfc, encoding: "unicode", changed: true });
      expect(detectLegacyEncoding(nfd, "VNI-Times")).toEqual({ encoding: "unicode", confidence: 1 });
    }
    // cp1258-style: precomposed base + combining tone.
    expect(decodeLegacyText("Vi\u00EA\u0323t").text).toBe("Việt");
  });

  test("Unicode text in a legacy font is left unchanged (fonts lie)", () => {
    for (const s of ["Nguyễn Văn Đức", "Trường", "Đại học Luật", "Chủ tịch Ủy ban nhân dân", "Hà Nội"]) {
      for (const fontName of [".VnTime", ".VnTimeH", "VNI-Times", undefined]) {
        const r = decodeLegacyText(s, { fontName });
        expect([s, fontName, r.text, r.encoding, r.changed, r.ambiguous]).toEqual([s, fontName, s, "unicode", false, undefined]);
      }
    }
  });

  test("ASCII, digits and punctuation are unchanged", () => {
    for (const s of ["Nguyen Van A", "The quick brown fox", "12/12", "C", "x", "", "  ", "01/01/1990", "A-01; B_02 (x) [y] {z} @#$%^&*"]) {
      for (const fontName of [".VnTime", ".VnTimeH", "VNI-Times", "Arial", undefined]) {
        const r = decodeLegacyText(s, { fontName });
        expect(r.text).toBe(s);
        expect(r.encoding).toBe("unicode");
        expect(r.changed).toBe(false);
        expect(r.ambiguous).toBeUndefined();
      }
    }
    expect(decodeLegacyText("Sinh ngµy 15/08/1985").text).toBe("Sinh ngày 15/08/1985");
    expect(decodeLegacyText("Sinh ngaøy 15/08/1985").text).toBe("Sinh ngày 15/08/1985");
    expect(decodeLegacyText("Sinh ngày 15/08/1985", { fontName: ".VnTime" }).text).toBe("Sinh ngày 15/08/1985");
    expect(decodeLegacyText("Sè 12/2023/N§-CP, ngµy 01-08-2023.").text).toBe("Số 12/2023/NĐ-CP, ngày 01-08-2023.");
  });

  test("characters outside both encodings pass through decoding", () => {
    expect(decodeTcvn3("“Hµ Néi” – 37°C … €")).toBe("“Hà Nội” – 37°C … €");
    expect(decodeVni("“Haø Noäi” – 37°C … €")).toBe("“Hà Nội” – 37°C … €");
    expect(decodeTcvn3("\u00A0")).toBe("\u00A0");
    expect(decodeTcvn3("中文 😀")).toBe("中文 😀");
  });
});

describe("VNI decoding details", () => {
  test("greedy, longest match first: vowel + mark, then single-byte letters", () => {
    expect(decodeVni("öôù")).toBe("ướ"); // ö = ư, then ô + ù = ớ
    expect(decodeVni("uoâ")).toBe("uô");
    expect(decodeVni("oâ")).toBe("ô");
    expect(decodeVni("ô")).toBe("ơ");
    expect(decodeVni("ñ")).toBe("đ");
    expect(decodeVni("ÑÖÔØNG")).toBe("ĐƯỜNG");
  });
  test("a mark byte that its base cannot carry is kept", () => {
    expect(decodeVni("ê")).toBe("ê"); // breve alone
    expect(decodeVni("eê")).toBe("eê"); // e takes no breve
    expect(decodeVni("uâ")).toBe("uâ"); // u takes no circumflex
    expect(decodeVni("bù")).toBe("bù"); // b is not a vowel
    expect(decodeVni("iù")).toBe("iù"); // VNI i is single-byte only
  });
  test("odd-case pair keys", () => {
    expect(vniPairIsOddCase(0x41 * 256 + 0xf9)).toBe(true); // Aù
    expect(vniPairIsOddCase(0x41 * 256 + 0xd9)).toBe(false); // AÙ
    expect(vniPairIsOddCase(0xf4 * 256 + 0xf9)).toBe(false); // ôù
    expect(vniPairIsOddCase(0xd4 * 256 + 0xf9)).toBe(true); // Ôù
  });
  test("the marker set is the reference's list plus U+00AD", () => {
    const listed = "µ¶·¸¹º»¼½¾¨©ª«¬®§¡¢£¤¥¦ÆÇËÎÏÐÑÖ×ØÜÞßäåæçëîïñö÷øûüþ\u00AD";
    const set = new Set([...listed].map((c) => c.charCodeAt(0)));
    for (let c = 0; c < 256; c++) expect([c, LEGACY_MARKER[c]]).toEqual([c, set.has(c)]);
  });
  test("mixed-case pairs decode to the case of the base letter", () => {
    expect(decodeVni("Aù")).toBe("Á");
    expect(decodeVni("aÙ")).toBe("á");
    expect(decodeVni("NGUYEãN")).toBe("NGUYỄN");
  });
  test("VNI upper case, as Excel's UPPER() leaves it", () => {
    expect(decodeLegacyText("NGUYEÃN THÒ HÖÔØNG").text).toBe("NGUYỄN THỊ HƯỜNG");
    expect(decodeLegacyText("ÑAÏI HOÏC LUAÄT").text).toBe("ĐẠI HỌC LUẬT");
  });
});

describe("round trips decode(encode(x))", () => {
  const SAMPLES = [
    // names
    "Nguyễn Văn Đức", "Trần Thị Hường", "Lê Thị Mai", "Phạm Minh Tuấn", "Hoàng Văn Thụ", "Đỗ Thị Ngọc Ánh",
    "Bùi Quang Huy", "Võ Thị Sáu", "Dương Quốc Khánh", "Huỳnh Thị Thủy", "Ngô Đình Quý", "Đặng Thị Xuân",
    "Vũ Hồng Phượng", "Lưu Thị Yến", "Trịnh Công Sơn", "Nguyễn Thị Huyền Trang", "Hà Văn Khuyến", "Tạ Thị Nguyệt",
    "Lò Văn Giàng", "Kiều Thị Thanh Nga", "Ông Ích Khiêm", "Ưng Hoàng Phúc", "Ân Văn Ổn",
    // titles
    "Chủ tịch Ủy ban nhân dân", "Phó Chủ tịch Hội đồng nhân dân", "Bí thư Đảng ủy", "Phó Bí thư Đảng ủy",
    "Chỉ huy trưởng Ban Chỉ huy quân sự", "Văn phòng - thống kê", "Địa chính - xây dựng - đô thị và môi trường",
    "Tài chính - kế toán", "Tư pháp - hộ tịch", "Văn hóa - xã hội", "Trưởng Công an xã",
    "Chủ tịch Ủy ban Mặt trận Tổ quốc", "Bí thư Đoàn Thanh niên", "Chủ tịch Hội Liên hiệp Phụ nữ",
    "Chủ tịch Hội Nông dân", "Chủ tịch Hội Cựu chiến binh",
    // qualifications
    "Đại học Luật", "Trung cấp", "Cử nhân", "Thạc sĩ", "Cao đẳng", "Sơ cấp", "Cao cấp lý luận chính trị", "Đảng viên",
    // places
    "Hà Nội", "Thành phố Hồ Chí Minh", "Thừa Thiên Huế", "Đắk Lắk", "Quảng Ngãi", "Bà Rịa - Vũng Tàu",
    "Xã Tân Phước", "Phường Bến Nghé", "Huyện Mường Tè", "tỉnh Nghệ An", "Hòa Bình", "Khánh Hòa", "Ninh Thuận",
    // sheet text
    "Sinh ngày 15/08/1985", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Người lập biểu",
    "Tổng cộng", "Nữ", "Không", "Ngày, tháng, năm sinh", "Trình độ chuyên môn",
  ];

  test.each(SAMPLES)("VNI-Times: %s", (x) => {
    const enc = encodeVni(x);
    expect(decodeVni(enc)).toBe(x);
    expect(decodeLegacyText(enc, { fontName: "VNI-Times" })).toEqual({ text: x, encoding: "vni", changed: enc !== x });
  });
  test.each(SAMPLES)(".VnTime: %s", (x) => {
    const enc = encodeTcvn3(x);
    const expected = abcVisible(x); // toned capitals have no ABC code
    expect(decodeTcvn3(enc)).toBe(expected);
    // Strings whose capitals all have codes decode exactly, with detection.
    if (expected === x) expect(decodeLegacyText(enc, { fontName: ".VnTime" })).toEqual({ text: x, encoding: "tcvn3", changed: true });
  });
  test.each(SAMPLES)(".VnTimeH: %s", (x) => {
    const enc = encodeTcvn3(x);
    expect(decodeTcvn3(enc, { upperCase: true })).toBe(x.toUpperCase());
    expect(decodeLegacyText(enc, { fontName: ".VnTimeH" })).toEqual({ text: x.toUpperCase(), encoding: "tcvn3", changed: true, upperCaseFont: true });
  });
  test.each(SAMPLES)("no font hint, both encodings: %s", (x) => {
    const v = encodeVni(x);
    expect(decodeLegacyText(v).text).toBe(x);
    const t = encodeTcvn3(x);
    if (abcVisible(x) === x) expect(decodeLegacyText(t).text).toBe(x);
  });
  test("the samples exercise every lower-case letter class", () => {
    const all = new Set([...SAMPLES.join("").toLowerCase()]);
    for (const ch of "ăâđêôơư") expect(all.has(ch)).toBe(true);
  });
});

describe("detectLegacyEncoding", () => {
  test.each([
    // [text, font, expected encoding]
    ["NguyÔn ThÞ H\u00ADêng", undefined, "tcvn3"],
    ["NguyÔn ThÞ H\u00ADêng", ".VnTime", "tcvn3"],
    ["NguyÔn ThÞ H\u00ADêng", "VNI-Times", "tcvn3"], // font lies
    ["NguyÔn ThÞ H\u00ADêng", "Times New Roman", "tcvn3"],
    ["Nguyeãn Thò Höôøng", undefined, "vni"],
    ["Nguyeãn Thò Höôøng", "VNI-Times", "vni"],
    ["Nguyeãn Thò Höôøng", ".VnTime", "vni"], // font lies
    ["Leâ Vaên Nam", undefined, "vni"], // no impossible character, still clear
    ["Leâ Vaên Nam", "VNI-Helve", "vni"],
    ["Traàn", "VNI Times", "vni"],
    ["Lª V¨n Nam", undefined, "tcvn3"],
    ["§H", undefined, "tcvn3"], // abbreviations "ĐH", "CĐ"
    ["C§", ".VnTime", "tcvn3"],
    ["N÷", undefined, "tcvn3"],
    ["Kinh", ".VnTime", "unicode"],
    ["Nam", "VNI-Times", "unicode"],
    ["C", undefined, "unicode"],
    ["x", ".VnTime", "unicode"],
    ["12/12", "VNI-Times", "unicode"],
    ["Nguyễn Văn Đức", ".VnTime", "unicode"],
    ["Trường", ".VnTimeH", "unicode"],
    ["Nguyen Van A", ".VnTime", "unicode"],
    ["naïve café", undefined, "unicode"],
    ["España", undefined, "unicode"],
    ["© 2024 ABC®", undefined, "unicode"],
    ["Lê Hà", undefined, "unicode"],
    ["Lê Hà", ".VnTime", "unicode"],
    ["Hoàng", undefined, "unicode"],
    ["Hoà Bình", undefined, "unicode"],
    ["§¾k L¾k", undefined, "tcvn3"],
    ["Ðinh", undefined, "unicode"], // U+00D0 look-alike for Đ: not TCVN3 "é"
    ["Ðinh Hoà", ".VnTime", "unicode"],
    ["Ñaék Laék", undefined, "vni"],
  ] as const)("%j in %s → %s", (text, font, expected) => {
    const d = detectLegacyEncoding(text, font);
    expect(d.encoding).toBe(expected);
    expect(d.confidence).toBeGreaterThanOrEqual(0.5);
    expect(d.confidence).toBeLessThanOrEqual(1);
    expect(decodeLegacyText(text, { fontName: font }).encoding).toBe(expected);
  });

  test("proof of Unicode gives confidence 1", () => {
    expect(detectLegacyEncoding("Nguyễn Văn Đức", ".VnTime")).toEqual({ encoding: "unicode", confidence: 1 });
    expect(detectLegacyEncoding("Nguyen Van A")).toEqual({ encoding: "unicode", confidence: 1 });
  });

  test("clear legacy text scores high confidence; a matching font raises it", () => {
    const plain = detectLegacyEncoding("Trung cÊp");
    const hinted = detectLegacyEncoding("Trung cÊp", ".VnTime");
    expect(plain.encoding).toBe("tcvn3");
    expect(hinted.confidence).toBeGreaterThan(plain.confidence);
    expect(detectLegacyEncoding("NguyÔn ThÞ H\u00ADêng").confidence).toBeGreaterThan(0.9);
  });

  test("a close call is left unchanged and reported as ambiguous", () => {
    // VNI "Hoàng" reads "Hồng": both plausible; the VNI font makes it a real question.
    expect(decodeLegacyText("Hoàng", { fontName: "VNI-Times" })).toEqual({ text: "Hoàng", encoding: "unicode", changed: false, ambiguous: true });
    expect(detectLegacyEncoding("Hoàng", "VNI-Times")).toEqual({ encoding: "unicode", confidence: 0.5, ambiguous: true });
    // "Thò" is Unicode "thò" or VNI "Thị".
    expect(decodeLegacyText("Thò", { fontName: "VNI-Times" }).ambiguous).toBe(true);
    // Without a hint or an impossible character nothing is flagged.
    expect(decodeLegacyText("Hoàng").ambiguous).toBeUndefined();
    // A .VnTime font does not make a VNI reading a contender.
    expect(decodeLegacyText("Tô Hoài", { fontName: ".VnTime" }).ambiguous).toBeUndefined();
  });

  test("H fonts are reported", () => {
    expect(detectLegacyEncoding("VI\u00D6T NAM", ".VnTimeH")).toMatchObject({ encoding: "tcvn3", upperCaseFont: true });
    expect(decodeLegacyText("Nguyen", { fontName: ".VnTimeH" })).toEqual({ text: "Nguyen", encoding: "unicode", changed: false, upperCaseFont: true });
  });

  test("a forced encoding skips detection", () => {
    expect(decodeLegacyText("Thò", { encoding: "vni" })).toEqual({ text: "Thị", encoding: "vni", changed: true });
    expect(decodeLegacyText("Cã", { encoding: "tcvn3" }).text).toBe("Có");
    expect(decodeLegacyText("chñ", { encoding: "tcvn3", fontName: ".VnTimeH" })).toEqual({ text: "CHỦ", encoding: "tcvn3", changed: true, upperCaseFont: true });
    expect(decodeLegacyText("Hoa\u0300", { encoding: "unicode" })).toEqual({ text: "Hoà", encoding: "unicode", changed: true });
  });

  test("per-cell detection over a realistic roster row", () => {
    const row: [string, string | undefined, string][] = [
      ["1", ".VnTime", "1"],
      ["NguyÔn V¨n An", ".VnTime", "Nguyễn Văn An"],
      ["15/08/1985", ".VnTime", "15/08/1985"],
      ["Kinh", ".VnTime", "Kinh"],
      ["Kh«ng", ".VnTime", "Không"],
      ["§¹i häc", ".VnTime", "Đại học"],
      ["Cö nh©n LuËt", ".VnTime", "Cử nhân Luật"],
      ["Chñ tÞch UBND", ".VnTime", "Chủ tịch UBND"],
      ["Trung cÊp", ".VnTime", "Trung cấp"],
      ["Nguyễn Thị Hoa", ".VnTime", "Nguyễn Thị Hoa"], // pasted Unicode
      ["DANH S¸CH C¸N Bé", ".VnTimeH", "DANH SÁCH CÁN BỘ"],
      ["Leâ Thò Mai", "VNI-Times", "Lê Thị Mai"],
      ["Phoù Chuû tòch", "VNI-Times", "Phó Chủ tịch"],
    ];
    for (const [cell, font, expected] of row) expect([cell, decodeLegacyText(cell, { fontName: font }).text]).toEqual([cell, expected]);
  });
});

describe("isLegacyFontName", () => {
  test.each([
    [".VnTime", { encoding: "tcvn3", upperCase: false }],
    [".VnTimeH", { encoding: "tcvn3", upperCase: true }],
    [".VnArial", { encoding: "tcvn3", upperCase: false }],
    [".VnArialH", { encoding: "tcvn3", upperCase: true }],
    [".VnArial NarrowH", { encoding: "tcvn3", upperCase: true }],
    [".VnBlackH", { encoding: "tcvn3", upperCase: true }],
    [".vntime", { encoding: "tcvn3", upperCase: false }],
    ['"\\.VnTimeH"', { encoding: "tcvn3", upperCase: true }], // Excel HTML export: font-family:"\.VnTimeH"
    [" .VnTime ", { encoding: "tcvn3", upperCase: false }],
    ["VNI-Times", { encoding: "vni", upperCase: false }],
    ["VNI-Helve", { encoding: "vni", upperCase: false }],
    ["VNI-Helve-Condense", { encoding: "vni", upperCase: false }],
    ["VNI Times", { encoding: "vni", upperCase: false }],
    ["vni-times", { encoding: "vni", upperCase: false }],
  ] as const)("%j → %j", (name, expected) => {
    expect(isLegacyFontName(name)).toEqual(expected);
  });
  test.each(["Times New Roman", "Arial", "Calibri", "VnTime", "VNIX", "Vni", "", "TCVN3", "Time.VnTimeH"])("%j is not legacy", (name) => {
    expect(isLegacyFontName(name)).toBeUndefined();
  });
  test("non-string input", () => {
    expect(isLegacyFontName(undefined)).toBeUndefined();
    expect(isLegacyFontName(null)).toBeUndefined();
    expect(isLegacyFontName(42 as unknown as string)).toBeUndefined();
  });
});

describe("syllable checker", () => {
  test.each([
    "Nguyễn", "Hường", "Đại", "học", "Luật", "Cử", "nhân", "Trung", "cấp", "Thị", "Văn", "Đức", "Chủ", "tịch", "Ủy",
    "ủy", "ban", "dân", "Phó", "Bí", "thư", "Đảng", "phòng", "thống", "kê", "Việt", "Nam", "ngày", "hòa", "hoà",
    "thủy", "thuỷ", "khóa", "khoá", "Quốc", "Quý", "quyết", "quân", "Huế", "Yến", "yêu", "gì", "gìn", "giữa", "giếng",
    "nghiêng", "khuya", "khuỷu", "người", "ngoài", "Khánh", "Xuân", "Phượng", "Trưởng", "Lý", "Kỳ", "Mỹ", "Đắk",
    "Lắk", "xoong", "NGUYỄN", "VIỆT", "oái", "ấy", "uống", "ươm",
  ])("%s is plausible", (w) => {
    expect(syllableVerdict(w)).toBe("plausible");
    expect(isPlausibleSyllable(w)).toBe(true);
  });
  test.each([
    "NguyÔn", "ThÞ", "Höôøng", "Nguyeón", "Nguyeãn", "häc", "LuËt", "NguyƠn", "hòan", "hoaì", "Qúy", "cí", "ka",
    "ghà", "ngé", "mat", "càc", "gê", "tyên", "ảă", "Espaủa", "naïve", "word", "nGuyễn", "aaaaaaaaa", "ănh",
  ])("%s is implausible", (w) => {
    expect(syllableVerdict(w)).toBe("implausible");
  });
  test.each(["ĐH", "CĐ", "ThS", "TCVN", "đ"])("%s is neutral (no vowel)", (w) => {
    expect(syllableVerdict(w)).toBe("neutral");
  });
  test("NFD input is judged like NFC", () => {
    expect(syllableVerdict("Nguyễn".normalize("NFD"))).toBe("plausible");
  });
  test("countSyllables ignores ASCII words", () => {
    expect(countSyllables("Nguyễn Thị Hoa")).toEqual({ plausible: 2, implausible: 0, neutral: 0 });
    expect(countSyllables("NguyÔn ThÞ Hoa")).toEqual({ plausible: 0, implausible: 2, neutral: 0 });
    expect(countSyllables("ĐH Luật, hello world")).toEqual({ plausible: 1, implausible: 0, neutral: 1 });
    expect(countSyllables("")).toEqual({ plausible: 0, implausible: 0, neutral: 0 });
  });
});

describe("properties (fast-check)", () => {
  /** Any UTF-16 code unit, including lone surrogates and controls. */
  const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
  /** Latin-1 only: the space legacy text lives in. */
  const latin1 = fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c));
  const anyString = fc.oneof(
    fc.string({ unit: "binary" }),
    fc.string({ unit: "grapheme" }),
    fc.string({ unit: codeUnit }),
    fc.string({ unit: latin1 }),
  );
  const fonts = fc.constantFrom(undefined, ".VnTime", ".VnTimeH", "VNI-Times", "Arial", "", "\u0000", "\uD800");

  test("no exported function throws, and decode output is always NFC", () => {
    fc.assert(
      fc.property(anyString, fonts, (s, font) => {
        const r = decodeLegacyText(s, { fontName: font });
        expect(r.text).toBe(r.text.normalize("NFC"));
        expect(r.changed).toBe(r.text !== s);
        expect(["unicode", "tcvn3", "vni"]).toContain(r.encoding);
        const d = detectLegacyEncoding(s, font);
        expect(d.confidence).toBeGreaterThanOrEqual(0);
        expect(d.confidence).toBeLessThanOrEqual(1);
        expect(d.encoding).toBe(r.encoding);
        expect(decodeTcvn3(s)).toBe(decodeTcvn3(s).normalize("NFC"));
        expect(decodeTcvn3(s, { upperCase: true })).toBe(decodeTcvn3(s, { upperCase: true }).normalize("NFC"));
        expect(decodeVni(s)).toBe(decodeVni(s).normalize("NFC"));
        encodeTcvn3(s);
        encodeVni(s);
        isLegacyFontName(s);
        syllableVerdict(s);
        countSyllables(s);
        for (const enc of ["unicode", "tcvn3", "vni"] as const) {
          const f = decodeLegacyText(s, { encoding: enc, fontName: font });
          expect(f.text).toBe(f.text.normalize("NFC"));
        }
      }),
      { numRuns: 2000 },
    );
  });

  test("Unicode Vietnamese text with a letter beyond Latin-1 is never converted", () => {
    const beyond = UNIKEY_ORDER.filter((c) => c.charCodeAt(0) > 0xff);
    const word = fc.array(fc.constantFrom(...UNIKEY_ORDER, ..."bcdghklmnpqrstvxBCDGHKLMNPQRSTVX"), { minLength: 1, maxLength: 7 }).map((a) => a.join(""));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), fc.constantFrom(...beyond), fonts, (words, extra, font) => {
        const s = [...words, extra].join(" ");
        const r = decodeLegacyText(s, { fontName: font });
        expect(r).toMatchObject({ text: s, encoding: "unicode", changed: false });
      }),
      { numRuns: 1000 },
    );
  });

  const vietChar = fc.constantFrom(...UNIKEY_ORDER, ..."bcdghklmnpqrstvxBCDGHKLMNPQRSTVXfjwzFJWZ0123456789 .,-/()");
  const vietText = fc.array(vietChar, { maxLength: 40 }).map((a) => a.join(""));

  test("VNI: decodeVni(encodeVni(x)) === x for any text over the Vietnamese alphabet", () => {
    fc.assert(fc.property(vietText, (x) => decodeVni(encodeVni(x)) === x), { numRuns: 3000 });
  });
  test("TCVN3: exact without toned capitals; upper-cased in an H font", () => {
    fc.assert(
      fc.property(vietText, (x) => {
        const enc = encodeTcvn3(x);
        expect(decodeTcvn3(enc)).toBe(abcVisible(x));
        expect(decodeTcvn3(enc, { upperCase: true })).toBe(x.toUpperCase());
      }),
      { numRuns: 3000 },
    );
  });
  test("encoders accept NFD input", () => {
    expect(encodeVni("Nguyễn".normalize("NFD"))).toBe("Nguyeãn");
    expect(encodeTcvn3("Nguyễn".normalize("NFD"))).toBe("NguyÔn");
  });
  test("encoders copy characters outside the repertoire", () => {
    expect(encodeTcvn3("€ 中 😀 \uD800")).toBe("€ 中 😀 \uD800");
    expect(encodeVni("€ 中 😀 \uD800")).toBe("€ 中 😀 \uD800");
    expect(hex(encodeTcvn3("Hường"))).toBe("48 ad ea 6e 67");
  });
});

describe("speed", () => {
  test("50,000 cells decode in well under a second per 10,000", () => {
    const cells: string[] = [];
    for (let i = 0; i < 10000; i++) {
      cells.push("NguyÔn ThÞ H\u00ADêng", "Nguyeãn Thò Höôøng", "Nguyễn Văn Đức", "Nguyen Van A " + i, "15/08/1985");
    }
    const t0 = Date.now();
    let changed = 0;
    for (const c of cells) if (decodeLegacyText(c, { fontName: ".VnTime" }).changed) changed++;
    const ms = Date.now() - t0;
    expect(changed).toBe(20000);
    expect(ms).toBeLessThan(5000);
  });
});
