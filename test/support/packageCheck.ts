/**
 * Structural checks of an OOXML spreadsheet package, for tests: what Excel would refuse or
 * "repair" on open. Independent of src/file (the zip is read with fflate, the XML with a small
 * well-formedness checker of its own).
 *
 * `checkPackage(bytes)` returns the problems found, one line each; [] means the package passed:
 * - zip: no two entries with the same name (OPC names are case-insensitive);
 * - every XML part (and VML) well-formed, with every prefix declared;
 * - content types: every Override names an existing part, every part has a content type;
 * - relationships: ids unique per part, every internal target exists;
 * - workbook: sheet names unique (case-insensitive), valid, ≤ 31 characters; sheetIds unique;
 *   defined names unique per scope with `localSheetId` in range;
 * - styles: list counts match, every xf points at existing fonts/fills/borders/number formats;
 * - worksheets: style indices within cellXfs, shared-string indices within the table, rows and
 *   cells in increasing order, no overlapping merges, referenced r:ids present;
 * - tables: ids and names unique in the workbook, column names match the header cells;
 * - comments: author ids in range, one note per cell, the sheet has a VML drawing for them;
 *   VML shape ids unique across the workbook.
 */
import { strFromU8, unzipSync } from "fflate";

const ENTITIES = new Set(["amp", "lt", "gt", "quot", "apos"]);
const TAG = /<(\/?)([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const ATTR = /\s+([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** A parsed element (enough for the checks): name, attributes, children, text. */
export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
}

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
    e === "amp" ? "&" : e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "apos" ? "'" : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );
}

/** Characters XML 1.0 does not allow (also as character references). */
// eslint-disable-next-line no-control-regex -- exactly those characters
const ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

function badEntities(text: string): string | undefined {
  if (ILLEGAL.test(text)) return `U+${text.charCodeAt(text.search(ILLEGAL)).toString(16).padStart(4, "0")} (not allowed in XML)`;
  const re = /&([^;\s<&]*);?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (!m[0].endsWith(";")) return m[0];
    const e = m[1];
    if (ENTITIES.has(e)) continue;
    if (/^#\d+$/.test(e) || /^#x[0-9a-fA-F]+$/.test(e)) {
      const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (code > 0x10ffff || (code < 0x20 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffe || code === 0xffff) return m[0];
      continue;
    }
    return m[0];
  }
  return undefined;
}

/**
 * Parse XML strictly enough to call it well-formed: one root, balanced tags, quoted and unique
 * attributes, known entities, declared prefixes. Throws an Error naming the problem.
 */
export function parseXml(xml: string): XNode {
  let i = 0;
  if (xml.charCodeAt(0) === 0xfeff) i = 1;
  const stack: { node: XNode; ns: Map<string, string> }[] = [];
  let root: XNode | undefined;
  const nsRoot = new Map<string, string>([["xml", "http://www.w3.org/XML/1998/namespace"]]);
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text.length > 0) {
      if (stack.length === 0) {
        if (text.trim() !== "") throw new Error(`text outside the root: ${JSON.stringify(text.slice(0, 30))}`);
      } else {
        const bad = badEntities(text);
        if (bad) throw new Error(`bad entity ${bad}`);
        if (text.includes(">") && text.includes("]]>")) throw new Error("]]> in text");
        stack[stack.length - 1].node.text += decode(text);
      }
    }
    if (lt < 0) break;
    if (xml.startsWith("<?", lt)) {
      const end = xml.indexOf("?>", lt);
      if (end < 0) throw new Error("unclosed processing instruction");
      if (xml.startsWith("<?xml", lt) && /^<\?xml\s/.test(xml.slice(lt, lt + 6)) && lt > (xml.charCodeAt(0) === 0xfeff ? 1 : 0)) throw new Error("XML declaration not at the start");
      i = end + 2;
      continue;
    }
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt);
      if (end < 0) throw new Error("unclosed comment");
      i = end + 3;
      continue;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt);
      if (end < 0 || stack.length === 0) throw new Error("bad CDATA");
      stack[stack.length - 1].node.text += xml.slice(lt + 9, end);
      i = end + 3;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(xml);
    if (!m) throw new Error(`malformed tag at ${lt}: ${JSON.stringify(xml.slice(lt, lt + 40))}`);
    i = lt + m[0].length;
    const [, closing, name, attrText, selfClosing] = m;
    if (closing) {
      if (attrText.trim() !== "" || selfClosing) throw new Error(`malformed end tag </${name}>`);
      const top = stack.pop();
      if (!top || top.node.name !== name) throw new Error(`</${name}> does not close <${top?.node.name}>`);
      continue;
    }
    if (stack.length === 0 && root) throw new Error(`second root <${name}>`);
    const attrs: Record<string, string> = {};
    const ns = new Map(stack.length > 0 ? stack[stack.length - 1].ns : nsRoot);
    let a: RegExpExecArray | null;
    ATTR.lastIndex = 0;
    while ((a = ATTR.exec(attrText)) !== null) {
      const value = a[2] ?? a[3];
      if (value.includes("<")) throw new Error(`"<" in attribute ${a[1]} of <${name}>`);
      const bad = badEntities(value);
      if (bad) throw new Error(`bad entity ${bad} in attribute ${a[1]}`);
      if (a[1] in attrs) throw new Error(`attribute ${a[1]} twice on <${name}>`);
      attrs[a[1]] = decode(value);
      if (a[1] === "xmlns") ns.set("", attrs[a[1]]);
      else if (a[1].startsWith("xmlns:")) ns.set(a[1].slice(6), attrs[a[1]]);
    }
    const prefixOf = (q: string) => (q.includes(":") ? q.slice(0, q.indexOf(":")) : undefined);
    const ep = prefixOf(name);
    if (ep !== undefined && !ns.has(ep)) throw new Error(`undeclared prefix ${ep} on <${name}>`);
    for (const k of Object.keys(attrs)) {
      const p = prefixOf(k);
      if (p !== undefined && p !== "xmlns" && !ns.has(p)) throw new Error(`undeclared prefix ${p} on attribute ${k} of <${name}>`);
    }
    const node: XNode = { name, attrs, children: [], text: "" };
    if (stack.length > 0) stack[stack.length - 1].node.children.push(node);
    else root = node;
    if (!selfClosing) stack.push({ node, ns });
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1].node.name}> not closed`);
  if (!root) throw new Error("no root element");
  return root;
}

/** Local name of a qualified name. */
export function local(name: string): string {
  return name.includes(":") ? name.slice(name.indexOf(":") + 1) : name;
}

/** Children with local name `name`. */
export function kids(node: XNode | undefined, name: string): XNode[] {
  return node ? node.children.filter((c) => local(c.name) === name) : [];
}

/** First child with local name `name`. */
export function kid(node: XNode | undefined, name: string): XNode | undefined {
  return node?.children.find((c) => local(c.name) === name);
}

/** The r:id of an element (an attribute "id" in any prefixed namespace). */
export function relId(node: XNode): string | undefined {
  for (const [k, v] of Object.entries(node.attrs)) if (k.includes(":") && !k.startsWith("xmlns") && local(k) === "id") return v;
  return undefined;
}

/** Text of an element and its descendants. */
export function textOf(node: XNode): string {
  return node.text + node.children.map((c) => (local(c.name) === "rPh" ? "" : textOf(c))).join("");
}

/** Entry names from the central directory, in order (fflate's unzip merges duplicates). */
export function entryNames(bytes: Uint8Array): string[] {
  return rawEntries(bytes).map((e) => e.name);
}

/** CT_Worksheet's sequence (ECMA-376 Part 1, 18.3.1.99). */
const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState",
  "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
  "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF",
  "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

/** One zip entry as stored: name, method, CRC and the compressed bytes (read from the local header). */
export interface RawEntry {
  name: string;
  method: number;
  crc32: number;
  size: number;
  raw: Uint8Array;
}

/** The entries of a zip, in central-directory order, with their stored (compressed) bytes. */
export function rawEntries(bytes: Uint8Array): RawEntry[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0; i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("no end of central directory");
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const out: RawEntry[] = [];
  const dec = new TextDecoder();
  for (let k = 0; k < count; k++) {
    const nameLen = dv.getUint16(p + 28, true);
    const local = dv.getUint32(p + 42, true);
    const compressed = dv.getUint32(p + 20, true);
    const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    out.push({ name: dec.decode(bytes.subarray(p + 46, p + 46 + nameLen)), method: dv.getUint16(p + 10, true), crc32: dv.getUint32(p + 16, true), size: dv.getUint32(p + 24, true), raw: bytes.slice(start, start + compressed) });
    p += 46 + nameLen + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return out;
}

function resolve(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const dir = source.includes("/") ? source.slice(0, source.lastIndexOf("/") + 1) : "";
  const out: string[] = [];
  for (const p of (dir + target).split("/")) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

function relsPath(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** OOXML ST_Xstring: `_xHHHH_` is the character HHHH. */
function xstring(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Column number of "AB12" → 28. */
function colOf(ref: string): number {
  const letters = /^[A-Z]+/i.exec(ref)?.[0] ?? "";
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
function rowOf(ref: string): number {
  return Number(/\d+$/.exec(ref)?.[0] ?? NaN);
}

/** The problems of a package; [] when it passes every check. */
export function checkPackage(bytes: Uint8Array): string[] {
  const problems: string[] = [];
  const say = (s: string) => problems.push(s);
  let names: string[];
  let files: Record<string, Uint8Array>;
  try {
    names = entryNames(bytes);
    files = unzipSync(bytes);
  } catch (e) {
    return [`zip: ${(e as Error).message}`];
  }
  const lower = new Map<string, string>();
  for (const n of names) {
    if (lower.has(n.toLowerCase())) say(`zip: entry ${n} twice`);
    lower.set(n.toLowerCase(), n);
  }
  const parts = names.filter((n) => !n.endsWith("/"));
  const has = (p: string) => lower.has(p.toLowerCase());
  const get = (p: string) => {
    const n = lower.get(p.toLowerCase());
    return n === undefined ? undefined : files[n];
  };
  const xmlCache = new Map<string, XNode | null>();
  const xml = (p: string): XNode | undefined => {
    const key = p.toLowerCase();
    if (xmlCache.has(key)) return xmlCache.get(key) ?? undefined;
    const data = get(p);
    let node: XNode | null = null;
    if (data) {
      try {
        node = parseXml(strFromU8(data));
      } catch (e) {
        say(`${p}: not well-formed: ${(e as Error).message}`);
      }
    }
    xmlCache.set(key, node);
    return node ?? undefined;
  };
  for (const p of parts) if (/\.(xml|rels|vml)$/i.test(p)) xml(p);

  // Content types.
  const ct = xml("[Content_Types].xml");
  if (!ct) return [...problems, "[Content_Types].xml missing"];
  const defaults = new Map(kids(ct, "Default").map((d) => [(d.attrs.Extension ?? "").toLowerCase(), d.attrs.ContentType]));
  const overrides = new Map<string, string>();
  for (const o of kids(ct, "Override")) {
    const name = (o.attrs.PartName ?? "").replace(/^\//, "");
    if (overrides.has(name.toLowerCase())) say(`content types: ${name} overridden twice`);
    overrides.set(name.toLowerCase(), o.attrs.ContentType);
    if (!has(name)) say(`content types: override for missing part ${name}`);
  }
  const typeOf = (p: string) => overrides.get(p.toLowerCase()) ?? defaults.get(p.slice(p.lastIndexOf(".") + 1).toLowerCase());
  for (const p of parts) if (p !== "[Content_Types].xml" && typeOf(p) === undefined) say(`content types: no type for ${p}`);

  // Relationships.
  const relsOf = (part: string): Rel[] => {
    const node = xml(part === "" ? "_rels/.rels" : relsPath(part));
    return kids(node, "Relationship").map((r) => ({ id: r.attrs.Id, type: r.attrs.Type ?? "", target: r.attrs.Target ?? "", external: r.attrs.TargetMode === "External" }));
  };
  for (const p of parts) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(p);
    if (!m) continue;
    const source = `${m[1]}${m[2]}`;
    if (source !== "" && !has(source)) say(`${p}: relationships of a missing part ${source}`);
    const ids = new Set<string>();
    for (const r of relsOf(source)) {
      if (!r.id) say(`${p}: relationship without Id`);
      if (ids.has(r.id)) say(`${p}: id ${r.id} twice`);
      ids.add(r.id);
      if (!r.external && !has(resolve(source, r.target))) say(`${p}: ${r.id} → missing ${resolve(source, r.target)}`);
    }
  }

  // Workbook.
  const office = relsOf("").find((r) => r.type.endsWith("/officeDocument"));
  if (!office) return [...problems, "no officeDocument relationship"];
  const wbPath = resolve("", office.target);
  const wb = xml(wbPath);
  if (!wb) return [...problems, `${wbPath} missing`];
  const wbRels = relsOf(wbPath);
  const sheets = kids(kid(wb, "sheets"), "sheet");
  const sheetNames = new Set<string>();
  const sheetIds = new Set<string>();
  const sheetParts: { name: string; part: string }[] = [];
  for (const s of sheets) {
    const name = s.attrs.name ?? "";
    if (name === "" || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) say(`workbook: bad sheet name "${name}"`);
    if (sheetNames.has(name.toUpperCase())) say(`workbook: sheet name "${name}" twice`);
    sheetNames.add(name.toUpperCase());
    if (sheetIds.has(s.attrs.sheetId)) say(`workbook: sheetId ${s.attrs.sheetId} twice`);
    sheetIds.add(s.attrs.sheetId);
    const rel = wbRels.find((r) => r.id === relId(s));
    if (!rel) say(`workbook: sheet "${name}" has no relationship`);
    else if (rel.type.endsWith("/worksheet")) sheetParts.push({ name, part: resolve(wbPath, rel.target) });
  }
  const scopes = new Set<string>();
  const definedNames = new Set<string>();
  for (const d of kids(kid(wb, "definedNames"), "definedName")) {
    const lsi = d.attrs.localSheetId;
    if (lsi !== undefined && !(Number(lsi) >= 0 && Number(lsi) < sheets.length)) say(`workbook: defined name ${d.attrs.name} for sheet ${lsi} of ${sheets.length}`);
    const key = `${(d.attrs.name ?? "").toUpperCase()}|${lsi ?? ""}`;
    if (scopes.has(key)) say(`workbook: defined name ${d.attrs.name} twice in one scope`);
    scopes.add(key);
    definedNames.add((d.attrs.name ?? "").toUpperCase());
  }

  // Styles.
  const stylesRel = wbRels.find((r) => r.type.endsWith("/styles"));
  const styles = stylesRel ? xml(resolve(wbPath, stylesRel.target)) : undefined;
  const list = (n: string) => kid(styles, n);
  const count = (n: string, item: string) => kids(list(n), item).length;
  for (const [n, item] of [["numFmts", "numFmt"], ["fonts", "font"], ["fills", "fill"], ["borders", "border"], ["cellStyleXfs", "xf"], ["cellXfs", "xf"]]) {
    const l = list(n);
    if (l && l.attrs.count !== undefined && Number(l.attrs.count) !== count(n, item)) say(`styles: ${n} count=${l.attrs.count} but ${count(n, item)} items`);
  }
  const numFmtIds = new Set(kids(list("numFmts"), "numFmt").map((f) => Number(f.attrs.numFmtId)));
  const xfCount = styles ? count("cellXfs", "xf") : 1;
  for (const [i, xf] of kids(list("cellXfs"), "xf").entries()) {
    const check = (a: string, max: number) => {
      const v = Number(xf.attrs[a] ?? 0);
      if (!(v >= 0 && v < Math.max(max, 1))) say(`styles: xf ${i} ${a}=${xf.attrs[a]} out of range (${max})`);
    };
    check("fontId", count("fonts", "font"));
    check("fillId", count("fills", "fill"));
    check("borderId", count("borders", "border"));
    const fmt = Number(xf.attrs.numFmtId ?? 0);
    if (fmt >= 164 && !numFmtIds.has(fmt)) say(`styles: xf ${i} numFmtId=${fmt} not defined`);
  }

  // Shared strings.
  const sstRel = wbRels.find((r) => r.type.endsWith("/sharedStrings"));
  const sst = sstRel ? kids(xml(resolve(wbPath, sstRel.target)), "si").map(textOf) : [];

  // Worksheets, tables, comments.
  const tableIds = new Set<string>();
  const tableNames = new Set<string>();
  for (const { part } of sheetParts) {
    const ws = xml(part);
    if (!ws) {
      say(`${part} missing`);
      continue;
    }
    const rels = relsOf(part);
    const relIds = new Set(rels.map((r) => r.id));
    const values = new Map<string, string>();
    let lastRow = 0;
    for (const row of kids(kid(ws, "sheetData"), "row")) {
      const r = row.attrs.r !== undefined ? Number(row.attrs.r) : lastRow + 1;
      if (!(r > lastRow)) say(`${part}: row ${r} after row ${lastRow}`);
      lastRow = r;
      if (row.attrs.s !== undefined && !(Number(row.attrs.s) < xfCount)) say(`${part}: row ${r} style ${row.attrs.s} out of range`);
      let lastCol = 0;
      for (const c of kids(row, "c")) {
        const col = c.attrs.r !== undefined ? colOf(c.attrs.r) : lastCol + 1;
        if (c.attrs.r !== undefined && rowOf(c.attrs.r) !== r) say(`${part}: cell ${c.attrs.r} in row ${r}`);
        if (!(col > lastCol)) say(`${part}: cell ${c.attrs.r} out of order in row ${r}`);
        lastCol = col;
        const s = Number(c.attrs.s ?? 0);
        if (!(s >= 0 && s < xfCount)) say(`${part}: cell ${c.attrs.r} style ${c.attrs.s} out of range (${xfCount})`);
        const v = kid(c, "v");
        if (c.attrs.t === "s") {
          const idx = Number(v?.text);
          if (!(idx >= 0 && idx < sst.length)) say(`${part}: cell ${c.attrs.r} shared string ${v?.text} out of range`);
          else values.set(`${r},${col}`, xstring(sst[idx]));
        } else if (c.attrs.t === "inlineStr") {
          const is = kid(c, "is");
          if (!is) say(`${part}: inline string ${c.attrs.r} without <is>`);
          else values.set(`${r},${col}`, xstring(textOf(is)));
          if (kid(c, "f")) say(`${part}: inline string ${c.attrs.r} with a formula`);
        } else if (v) values.set(`${r},${col}`, v.text);
      }
    }
    for (const c of kids(kid(ws, "cols"), "col")) if (c.attrs.style !== undefined && !(Number(c.attrs.style) < xfCount)) say(`${part}: column style ${c.attrs.style} out of range`);
    const merges = kids(kid(ws, "mergeCells"), "mergeCell").map((m) => {
      const [a, b = a] = (m.attrs.ref ?? "").split(":");
      return { top: rowOf(a), left: colOf(a), bottom: rowOf(b), right: colOf(b), ref: m.attrs.ref };
    });
    for (let i = 0; i < merges.length; i++)
      for (let j = i + 1; j < merges.length; j++) {
        const a = merges[i];
        const b = merges[j];
        if (a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right) say(`${part}: merges ${a.ref} and ${b.ref} overlap`);
      }
    const walk = (n: XNode) => {
      const id = relId(n);
      if (id !== undefined && !relIds.has(id)) say(`${part}: <${n.name}> refers to missing ${id}`);
      n.children.forEach(walk);
    };
    walk(ws);
    for (const r of rels.filter((x) => x.type.endsWith("/table"))) {
      const tp = resolve(part, r.target);
      const t = xml(tp);
      if (!t) continue;
      if (tableIds.has(t.attrs.id)) say(`${tp}: table id ${t.attrs.id} twice`);
      tableIds.add(t.attrs.id);
      for (const n of [t.attrs.name, t.attrs.displayName]) {
        if (n === undefined) continue;
        if (definedNames.has(n.toUpperCase())) say(`${tp}: table name ${n} is also a defined name`);
      }
      if (tableNames.has((t.attrs.displayName ?? "").toUpperCase())) say(`${tp}: table name ${t.attrs.displayName} twice`);
      tableNames.add((t.attrs.displayName ?? "").toUpperCase());
      const [a] = (t.attrs.ref ?? "").split(":");
      const cols = kids(kid(t, "tableColumns"), "tableColumn");
      cols.forEach((tc, k) => {
        const header = values.get(`${rowOf(a)},${colOf(a) + k}`);
        const name = xstring(tc.attrs.name ?? "");
        if (header !== name) say(`${tp}: column "${name}" but header cell holds "${header}"`);
      });
      for (const m of merges) {
        const [b = a] = [(t.attrs.ref ?? "").split(":")[1]];
        if (m.top <= rowOf(b) && m.bottom >= rowOf(a) && m.left <= colOf(b) && m.right >= colOf(a)) say(`${tp}: merge ${m.ref} inside the table`);
      }
    }
    const comments = rels.find((r) => r.type.endsWith("/comments"));
    if (comments) {
      const cx = xml(resolve(part, comments.target));
      const authors = kids(kid(cx, "authors"), "author").length;
      const refs = new Set<string>();
      for (const c of kids(kid(cx, "commentList"), "comment")) {
        if (!(Number(c.attrs.authorId) < authors)) say(`${part}: comment ${c.attrs.ref} author ${c.attrs.authorId} of ${authors}`);
        if (refs.has(c.attrs.ref)) say(`${part}: two notes on ${c.attrs.ref}`);
        refs.add(c.attrs.ref);
      }
      if (!kid(ws, "legacyDrawing")) say(`${part}: notes without a VML drawing (<legacyDrawing>)`);
    }
    const order = ws.children.map((c) => local(c.name)).filter((n) => n !== "AlternateContent");
    let rank = -1;
    for (const n of order) {
      const k = WORKSHEET_ORDER.indexOf(n);
      if (k < 0) continue;
      if (k < rank) say(`${part}: <${n}> out of schema order`);
      rank = Math.max(rank, k);
    }
  }
  // Note shapes: ids unique across the workbook's VML drawings.
  const shapeIds = new Map<string, string>();
  for (const p of parts.filter((n) => /\.vml$/i.test(n))) {
    const node = xml(p);
    const walk = (n: XNode) => {
      if (local(n.name) === "shape" && n.attrs.id) {
        const seen = shapeIds.get(n.attrs.id);
        if (seen) say(`${p}: shape id ${n.attrs.id} also in ${seen}`);
        shapeIds.set(n.attrs.id, p);
      }
      n.children.forEach(walk);
    };
    if (node) walk(node);
  }
  return problems;
}
