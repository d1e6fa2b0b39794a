/**
 * Bytes → text for the text-based workbook formats (HTML tables, Excel 2003 XML): a byte-order
 * mark first, then the charset the document declares, then UTF-8 if the bytes are valid UTF-8,
 * else Windows-1252 (what Excel writes for "Save as Web page" in a Western locale, and how
 * TCVN3 text saved in a .VnTime font keeps its Latin-1 code points).
 */

/** Find the charset a document declares in its first bytes (`<meta charset>`, `content="…; charset=…"`, `<?xml encoding>`). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  let head = "";
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) head += String.fromCharCode(bytes[i]);
  const m = /<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head) ?? /<meta[^>]*\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return m?.[1].toLowerCase();
}

function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label, { fatal: false });
  } catch {
    return undefined; // an unknown label
  }
}

/** Decode a text document's bytes. */
export function decodeDocument(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const declared = declaredCharset(bytes);
  // A page that says UTF-16 but has no BOM was converted to a byte encoding on the way: trust the bytes.
  const decoder = declared && !declared.startsWith("utf-16") && !declared.startsWith("unicode") ? decoderFor(declared) : undefined;
  if (decoder) return decoder.decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** HTML 4 named character references for Latin-1 (U+00A0…U+00FF), in code point order. */
const LATIN1_NAMES =
  "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest " +
  "Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig " +
  "agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml";

const NAMED = new Map<string, string>([
  ["amp", "&"], ["lt", "<"], ["gt", ">"], ["quot", '"'], ["apos", "'"],
  ["ndash", "\u2013"], ["mdash", "\u2014"], ["lsquo", "\u2018"], ["rsquo", "\u2019"], ["ldquo", "\u201c"], ["rdquo", "\u201d"],
  ["hellip", "\u2026"], ["bull", "\u2022"], ["euro", "\u20ac"], ["trade", "\u2122"], ["Dstrok", "\u0110"], ["dstrok", "\u0111"],
]);
LATIN1_NAMES.split(" ").forEach((name, i) => NAMED.set(name, String.fromCharCode(0xa0 + i)));

/**
 * Decode character references: numeric (`&#7879;`, `&#x1EC7;`) and named (`&agrave;`, `&nbsp;`, `&amp;`).
 * An unknown name is left as written.
 */
export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?/g, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED.get(e) ?? m;
  });
}
