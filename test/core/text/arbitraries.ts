import fc from "fast-check";

/** Characters that stress Vietnamese text handling: toned vowels, combining marks, look-alikes, odd spaces, separators. */
const POOL = [
  ..."aăâeêioôơuưyđĐÐðAĂÂEÊIOÔƠUƯYqgkhlmnstrdpcvx",
  ..."àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ",
  "\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031B", "\u0308",
  " ", "\u00A0", "\n", "\t", "\u200B", "\uFEFF", "\u00AD", "\u2028",
  ..."0123456789/.-,:;()'\"+*[]$",
  "ngày", "tháng", "năm", "ĐH", "CK", "II", "TC", "12/12", "Thạc sĩ", "H'Mông", "\uD83D\uDE00", "\uD800",
];

/** Strings made of Vietnamese-flavoured pieces, including lone surrogates and combining marks in odd places. */
export const vietnameseish = fc
  .array(fc.constantFrom(...POOL), { maxLength: 40 })
  .map((parts) => parts.join(""));

/** Any string: Vietnamese-flavoured or arbitrary code units. */
export const anyText = fc.oneof(vietnameseish, fc.string({ unit: "binary", maxLength: 60 }), fc.string({ maxLength: 60 }));
