/**
 * The fast paths of the outputs (issue 10): Node's zlib as the zip codec (the CLI's), the plan
 * sheets laid out once for the annotated copy and the summary workbook, the change record
 * written in pieces. Each must give what the plain path gives.
 */
import * as zlib from "node:zlib";
import { strFromU8, unzipSync, zipSync } from "fflate";
import { isEngineError } from "../../src/core/errors";
import { settingsXml, parseSettingsXml, isSettingsXml } from "../../src/core/settings";
import type { PlanHighlight } from "../../src/core/plan/types";
import { annotateWorkbook, clearWorkbook, readChangeRecord, RenderedSheets } from "../../src/file/annotate";
import { readXlsx } from "../../src/file/readXlsx";
import { writeSummaryWorkbook } from "../../src/file/summaryWorkbook";
import { Utf8Writer } from "../../src/file/utf8Writer";
import { crc32, JS_CODEC, newEntry, readZip, entryData } from "../../src/file/zip";
import { NODE_CODEC } from "../../src/cli/codec";
import { PartCache } from "../../src/file/partCache";
import { checkPackage } from "../support/packageCheck";
import { districtListWorkbook } from "../support/workbooks";
import { findingsSheet, peopleSheet, plan, staffingSheet } from "./annotatePlans";

/** CRC-32 bit by bit, straight from the definition (polynomial 0xEDB88320, reflected). */
function crcBitwise(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** Deterministic pseudo-random bytes. */
function noise(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Every part's inflated bytes, by name, in zip order. */
function contents(bytes: Uint8Array): [string, string][] {
  return readZip(bytes).map((e) => [e.name, Buffer.from(entryData(e)).toString("base64")]);
}

/** The XML of the worksheet named `name`. */
function sheetText(bytes: Uint8Array, name: string): string {
  const files = unzipSync(bytes);
  const wb = strFromU8(files["xl/workbook.xml"]);
  const rid = new RegExp(`<sheet name="${name}"[^>]*?r:id="([^"]+)"`).exec(wb)![1];
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]);
  const target = new RegExp(`Id="${rid}"[^>]*?Target="([^"]+)"|Target="([^"]+)"[^>]*?Id="${rid}"`).exec(rels)!;
  return strFromU8(files[`xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`]);
}

function highlight(sheet: string, row: number, col: number, severity: "error" | "warning", note: string): PlanHighlight {
  return { sheet, row, col, severity, note };
}

describe("the zip codecs", () => {
  it("the JavaScript CRC-32 (eight bytes a step) agrees with the bit-by-bit definition at every length and alignment", () => {
    for (const n of [0, 1, 2, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1000, 4099]) {
      const data = noise(n + 3, n + 1);
      for (const from of [0, 1, 3]) {
        const view = data.subarray(from, from + n);
        expect(crc32(view)).toBe(crcBitwise(view));
      }
    }
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926); // the standard check value
  });

  it("Node's codec writes raw deflate the JavaScript codec reads, and the other way round", () => {
    const text = new TextEncoder().encode("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Nguyễn Văn A</t></is></c></row>".repeat(2000));
    for (const level of [1, 6]) {
      const native = NODE_CODEC.deflate(text, level);
      const js = JS_CODEC.deflate(text, level);
      expect(native.length).toBeLessThan(text.length / 5);
      expect(Buffer.from(JS_CODEC.inflate(native, text.length)).equals(Buffer.from(text))).toBe(true);
      expect(Buffer.from(NODE_CODEC.inflate(js, text.length)).equals(Buffer.from(text))).toBe(true);
    }
    const data = noise(100_003, 7);
    expect(NODE_CODEC.crc32(data)).toBe(crc32(data));
    expect(NODE_CODEC.crc32(data)).toBe(zlib.crc32(data) >>> 0);
    const entry = newEntry("x.xml", text, undefined, NODE_CODEC);
    expect(entry.method).toBe(8);
    expect(entry.crc32).toBe(crc32(text));
    expect(Buffer.from(entryData(entry)).equals(Buffer.from(text))).toBe(true);
  });

  it("Node's codec refuses to inflate past the size the entry declares", () => {
    const text = new TextEncoder().encode("x".repeat(100_000));
    const packed = NODE_CODEC.deflate(text, 6);
    expect(() => NODE_CODEC.inflate(packed, 1000)).toThrow();
    expect(NODE_CODEC.inflate(packed, 100_000).length).toBe(100_000);
  });

  it("an annotated copy made with Node's codec holds the same parts, and a size that lies is refused the same way", async () => {
    const bytes = await districtListWorkbook({ count: 6 });
    const p = plan([highlight("DS CBCC", 11, 2, "error", "x"), highlight("DS CBCC", 12, 3, "warning", "y")], [findingsSheet([{ sheet: "DS CBCC", cell: "B11" }]), staffingSheet()]);
    const plain = annotateWorkbook(bytes, p);
    const fast = annotateWorkbook(bytes, p, { codec: NODE_CODEC });
    expect(checkPackage(fast)).toEqual([]);
    expect(contents(fast)).toEqual(contents(plain));
    expect(contents(clearWorkbook(fast, { codec: NODE_CODEC }))).toEqual(contents(bytes));
    expect(readXlsx(fast, { codec: NODE_CODEC })).toEqual(readXlsx(fast));
    // The declared size of the sheet made smaller than its data.
    const files = unzipSync(bytes);
    const zipped = zipSync(files);
    const dv = new DataView(zipped.buffer);
    const eocd = zipped.length - 22;
    let q = dv.getUint32(eocd + 16, true);
    for (let k = 0; k < dv.getUint16(eocd + 10, true); k++) {
      const nameLen = dv.getUint16(q + 28, true);
      if (new TextDecoder().decode(zipped.subarray(q + 46, q + 46 + nameLen)) === "xl/worksheets/sheet1.xml") dv.setUint32(q + 24, 100, true);
      q += 46 + nameLen + dv.getUint16(q + 30, true) + dv.getUint16(q + 32, true);
    }
    let code: string | undefined;
    try {
      annotateWorkbook(zipped, p, { fileName: "ds.xlsx", codec: NODE_CODEC });
    } catch (e) {
      code = isEngineError(e) ? e.code : String(e);
    }
    expect(code).toBe("file.corruptPart");
  });
});

describe("plan sheets laid out once for both outputs", () => {
  it("give the same annotated copy and summary workbook as laying them out twice", async () => {
    const bytes = await districtListWorkbook({ count: 6 });
    const p = plan([highlight("DS CBCC", 11, 2, "error", "a & b < c"), highlight("DS CBCC", 13, 4, "warning", "note\nline 2")], [findingsSheet([{ sheet: "DS CBCC", cell: "B11" }, { sheet: "DS CBCC", cell: "D13" }]), staffingSheet(), peopleSheet()]);
    const rendered = new RenderedSheets();
    const annotated = annotateWorkbook(bytes, p, { rendered });
    const summary = writeSummaryWorkbook(p, { rendered });
    expect(Buffer.from(annotated).equals(Buffer.from(annotateWorkbook(bytes, p)))).toBe(true);
    expect(Buffer.from(summary).equals(Buffer.from(writeSummaryWorkbook(p)))).toBe(true);
    // In the other order too (the summary first).
    const other = new RenderedSheets();
    expect(Buffer.from(writeSummaryWorkbook(p, { rendered: other })).equals(Buffer.from(summary))).toBe(true);
    expect(Buffer.from(annotateWorkbook(bytes, p, { rendered: other })).equals(Buffer.from(annotated))).toBe(true);
    // The two number the styles differently: the findings sheet's rows differ only in the `s` numbers.
    const rows = (wb: Uint8Array) => /<sheetData>[\s\S]*<\/sheetData>/.exec(sheetText(wb, "Kết quả kiểm tra"))![0];
    expect(rows(annotated)).not.toBe(rows(summary));
    expect(rows(annotated).replace(/ s="\d+"/g, "")).toBe(rows(summary).replace(/ s="\d+"/g, ""));
  });
});

describe("the change record written in pieces", () => {
  it("is the text settingsXml writes for the same entries, and reads back", async () => {
    const bytes = await districtListWorkbook({ count: 6 });
    const notes = ['quote " and <tag> & amp', "Nguyễn — ghi chú", "line\nbreak\ttab"];
    const p = plan(
      notes.map((n, i) => highlight("DS CBCC", 11 + i, 2 + i, i % 2 ? "warning" : "error", n)),
      [findingsSheet([{ sheet: "DS CBCC", cell: "B11" }])],
    );
    const out = annotateWorkbook(bytes, p);
    const files = unzipSync(out);
    const item = Object.keys(files).find((n) => /^customXml\/item\d+\.xml$/.test(n) && isSettingsXml(strFromU8(files[n])))!;
    const text = strFromU8(files[item]);
    const entries = parseSettingsXml(text);
    expect(Object.keys(entries).length).toBe(2);
    expect(settingsXml(entries)).toBe(text);
    const record = readChangeRecord(out)!;
    expect(record.cells.map((c) => c.ref)).toEqual(["B11", "C12", "D13"]);
    expect(JSON.parse(Object.values(entries).find((v) => v.includes('"cells"') && v.includes('"notes"'))!)).toEqual(record);
  });
});

describe("the parts the reader already inflated", () => {
  it("give the annotated copy the same bytes as inflating them again, are let go of once taken, and are ignored for other bytes", async () => {
    const bytes = await districtListWorkbook({ count: 6 });
    const p = plan([highlight("DS CBCC", 11, 2, "error", "x"), highlight("DS CBCC", 12, 3, "warning", "y")], [findingsSheet([{ sheet: "DS CBCC", cell: "B11" }]), staffingSheet()]);
    const parts = new PartCache(bytes);
    const grid = readXlsx(bytes, { codec: NODE_CODEC, parts });
    expect(grid).toEqual(readXlsx(bytes, { codec: NODE_CODEC }));
    expect(parts.size).toBeGreaterThan(0);
    // The shared strings are never kept (the annotator does not read them).
    expect(parts.take("xl/sharedStrings.xml")).toBeUndefined();
    const withCache = annotateWorkbook(bytes, p, { codec: NODE_CODEC, parts });
    expect(Buffer.from(withCache).equals(Buffer.from(annotateWorkbook(bytes, p, { codec: NODE_CODEC })))).toBe(true);
    expect(parts.take("xl/worksheets/sheet1.xml")).toBeUndefined();
    // A cache of other bytes is neither filled nor used.
    const other = new PartCache(new Uint8Array(bytes));
    readXlsx(bytes, { codec: NODE_CODEC, parts: other });
    expect(other.size).toBe(0);
    other.put("xl/worksheets/sheet1.xml", "not the sheet");
    expect(Buffer.from(annotateWorkbook(bytes, p, { codec: NODE_CODEC, parts: other })).equals(Buffer.from(withCache))).toBe(true);
  });

  it("are not kept when the annotator would read them differently (byte-order mark, bad UTF-8, wrong CRC)", async () => {
    const bytes = await districtListWorkbook({ count: 2 });
    const files = unzipSync(bytes);
    const bom = zipSync({ ...files, "xl/workbook.xml": new Uint8Array([0xef, 0xbb, 0xbf, ...files["xl/workbook.xml"]]) });
    const parts = new PartCache(bom);
    readXlsx(bom, { codec: NODE_CODEC, parts });
    expect(parts.take("xl/workbook.xml")).toBeUndefined();
    expect(parts.take("xl/worksheets/sheet1.xml")).toBeDefined();
  });
});

describe("the change record of many cells", () => {
  it("is the text settingsXml writes, across the batches it is written in", async () => {
    const bytes = await districtListWorkbook({ count: 320 });
    const hs: PlanHighlight[] = [];
    for (let r = 11; r < 330; r++) hs.push(highlight("DS CBCC", r, 2 + (r % 3), r % 2 ? "warning" : "error", `n ${r} "q" & <t>`));
    const out = annotateWorkbook(bytes, plan(hs, [findingsSheet([{ sheet: "DS CBCC", cell: "B11" }])]));
    const files = unzipSync(out);
    const item = Object.keys(files).find((n) => /^customXml\/item\d+\.xml$/.test(n) && isSettingsXml(strFromU8(files[n])))!;
    const text = strFromU8(files[item]);
    const entries = parseSettingsXml(text);
    expect(settingsXml(entries)).toBe(text);
    expect(readChangeRecord(out)!.cells.length).toBeGreaterThan(300);
  });
});

describe("Utf8Writer", () => {
  it("writes what TextEncoder writes, across chunks, long texts and appended bytes", () => {
    const enc = new TextEncoder();
    const pieces = ["<a>", "Nguyễn Văn Ánh", "😀 emoji", "x".repeat(70_000), "ặ".repeat(100_000), "", "tail"];
    const w = new Utf8Writer(64);
    let expected = "";
    for (let i = 0; i < 400; i++) {
      const s = pieces[i % pieces.length];
      if (i % 5 === 0) w.append(enc.encode(s));
      else if (i % 7 === 0) w.writeBytes(enc.encode(s));
      else w.write(s);
      expected += s;
    }
    const bytes = w.bytes();
    expect(w.length).toBe(bytes.length);
    expect(Buffer.from(bytes).equals(Buffer.from(enc.encode(expected)))).toBe(true);
  });
});
