/**
 * Just enough XML for OOXML parts: attribute lookup and entity decoding on strings.
 * The parts we read are machine-written and flat, so a scanner is much faster than a DOM
 * and runs the same in Node and in the task pane.
 */

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g;
/** OOXML escapes characters XML cannot hold as _xHHHH_ (ECMA-376 Part 1, 22.9.2.19 ST_Xstring). */
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

function entity(_m: string, e: string): string {
  switch (e) {
    case "amp": return "&";
    case "lt": return "<";
    case "gt": return ">";
    case "quot": return '"';
    case "apos": return "'";
    default: {
      const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
  }
}

/** Decode XML entities and OOXML `_xHHHH_` escapes in element text. */
export function decodeXmlText(s: string): string {
  let out = s.indexOf("&") >= 0 ? s.replace(ENTITY, entity) : s;
  if (out.indexOf("_x") >= 0) out = out.replace(OOXML_ESCAPE, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return out;
}

/** Decode XML entities only (attribute values). */
export function decodeXmlAttr(s: string): string {
  return s.indexOf("&") >= 0 ? s.replace(ENTITY, entity) : s;
}

/** The value of attribute `name` in a tag's attribute text, or undefined. */
export function attr(attrs: string, name: string): string | undefined {
  // Attributes are separated by whitespace; match ` name="…"` or ` name='…'`.
  let from = 0;
  for (;;) {
    const i = attrs.indexOf(name + "=", from);
    if (i < 0) return undefined;
    const before = i === 0 ? " " : attrs[i - 1];
    if (before === " " || before === "\t" || before === "\n" || before === "\r") {
      const q = attrs[i + name.length + 1];
      if (q === '"' || q === "'") {
        const end = attrs.indexOf(q, i + name.length + 2);
        if (end < 0) return undefined;
        return decodeXmlAttr(attrs.slice(i + name.length + 2, end));
      }
    }
    from = i + name.length + 1;
  }
}

/** Concatenated text of every `<t>` (or `<x:t>`) element inside `xml`, skipping phonetic runs `<rPh>`. */
export function textOfRuns(xml: string): string {
  let s = xml;
  if (s.indexOf("<rPh") >= 0 || s.indexOf(":rPh") >= 0) s = s.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, "");
  // An empty run may be written `<t xml:space="preserve"/>`: the self-closing form must not swallow
  // the text up to the next run's `</t>`.
  const open = /<(?:\w+:)?t(?:\s[^>]*?)?(\/)?>/g;
  let out = "";
  let m: RegExpExecArray | null;
  while ((m = open.exec(s)) !== null) {
    if (m[1] !== undefined) continue;
    const start = open.lastIndex;
    const end = s.indexOf("</", start); // element text holds no "<", so this is the closing tag
    if (end < 0) break;
    out += s.slice(start, end);
    open.lastIndex = end;
  }
  return decodeXmlText(out);
}
