/**
 * A small zip reader/writer for OOXML packages that keeps untouched entries byte for byte:
 * the compressed bytes of every entry we do not change are copied as they were, so the
 * annotated copy carries the user's parts (charts, pictures, macros, pivot caches…) exactly.
 * Format: PKWARE APPNOTE 6.3.x (local headers, central directory, end of central directory).
 * No zip64 and no encryption: workbooks over 4 GB or encrypted zips are refused.
 */
import { inflateSync, deflateSync } from "fflate";

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** General-purpose flags of the original entry (bit 11 = UTF-8 name). */
  flags: number;
  /** DOS time and date of the original entry. */
  time: number;
  date: number;
  /** The compressed bytes exactly as stored. */
  raw: Uint8Array;
  /** The extra field of the central directory record, kept as is. */
  extra: Uint8Array;
  externalAttributes: number;
}

export class ZipError extends Error {
  constructor(readonly reason: "truncated" | "unsupported" | "corrupt", message: string) {
    super(message);
    this.name = "ZipError";
  }
}

/**
 * CRC-32 (IEEE) tables for "slicing by 8": table k gives the CRC contribution of a byte followed
 * by k zero bytes, so the main loop folds eight bytes per step instead of one.
 */
const CRC_TABLES = (() => {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n];
    for (let k = 1; k < 8; k++) {
      c = t[c & 0xff] ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
})();

/** CRC-32 (IEEE) of bytes. */
export function crc32(bytes: Uint8Array): number {
  const t = CRC_TABLES;
  let c = -1;
  let i = 0;
  const n = bytes.length;
  const end8 = n - (n & 7);
  for (; i < end8; i += 8) {
    const lo = c ^ (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24));
    c =
      t[1792 + (lo & 0xff)] ^
      t[1536 + ((lo >>> 8) & 0xff)] ^
      t[1280 + ((lo >>> 16) & 0xff)] ^
      t[1024 + (lo >>> 24)] ^
      t[768 + bytes[i + 4]] ^
      t[512 + bytes[i + 5]] ^
      t[256 + bytes[i + 6]] ^
      t[bytes[i + 7]];
  }
  for (; i < n; i++) c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/**
 * The compression primitives the zip code uses. The default is fflate (pure JavaScript, runs in
 * the task pane); the command line passes Node's built-in zlib, which is several times faster on
 * the tens of megabytes of XML a 100,000-person roster makes. Both write standard raw deflate.
 */
export interface ZipCodec {
  /** Raw deflate (no zlib header) at `level` 1–9. */
  deflate(data: Uint8Array, level: number): Uint8Array;
  /** Raw inflate of `data` whose inflated size is said to be `size` (it may lie: the caller checks). */
  inflate(data: Uint8Array, size: number): Uint8Array;
  crc32(data: Uint8Array): number;
}

/** fflate and the CRC above. */
export const JS_CODEC: ZipCodec = {
  deflate: (data, level) => deflateSync(data, { level: level as 1 | 6 }),
  inflate: (data, size) => inflateSync(data, { out: new Uint8Array(size) }),
  crc32,
};

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}

const utf8 = new TextDecoder("utf-8");
const cp437ish = new TextDecoder("latin1");

/** Read the entries of a zip (central directory order). Throws ZipError. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  // End of central directory: last 22 bytes, or earlier when a comment follows.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("truncated", "no end of central directory");
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError("unsupported", "zip64");
  if (cdOffset + cdSize > eocd) throw new ZipError("truncated", "central directory beyond the end");
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (u32(bytes, p) !== 0x02014b50) throw new ZipError("corrupt", "bad central directory record");
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const time = u16(bytes, p + 12);
    const date = u16(bytes, p + 14);
    const crc = u32(bytes, p + 16);
    const compressedSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const externalAttributes = u32(bytes, p + 38);
    const localOffset = u32(bytes, p + 42);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = flags & 0x800 ? utf8.decode(nameBytes) : cp437ish.decode(nameBytes);
    const extra = bytes.slice(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    if (flags & 1) throw new ZipError("unsupported", "encrypted entry");
    if (u32(bytes, localOffset) !== 0x04034b50) throw new ZipError("corrupt", "bad local header");
    const dataStart = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataStart + compressedSize > bytes.length) throw new ZipError("truncated", "entry beyond the end");
    entries.push({ name, method, crc32: crc, compressedSize, size, flags, time, date, raw: bytes.subarray(dataStart, dataStart + compressedSize), extra, externalAttributes });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The uncompressed bytes of an entry. Throws ZipError on an unknown method or bad data. */
export function entryData(entry: ZipEntry, codec: ZipCodec = JS_CODEC): Uint8Array {
  if (entry.method === 0) return entry.raw;
  if (entry.method !== 8) throw new ZipError("unsupported", `compression method ${entry.method}`);
  try {
    return codec.inflate(entry.raw, entry.size);
  } catch {
    throw new ZipError("corrupt", `cannot inflate ${entry.name}`);
  }
}

/** A new entry from uncompressed bytes (deflated unless tiny). */
export function newEntry(name: string, data: Uint8Array, template?: Pick<ZipEntry, "time" | "date">, codec: ZipCodec = JS_CODEC): ZipEntry {
  // Level 6 (Excel's own) for ordinary parts; level 1 for big ones (a 100,000-row sheet is tens of
  // MB of XML): about three times faster for a file a little larger.
  const deflated = data.length > 64 ? codec.deflate(data, data.length > 4 * 2 ** 20 ? 1 : 6) : undefined;
  const useDeflate = deflated !== undefined && deflated.length < data.length;
  const now = template ?? { time: 0, date: (2026 - 1980) << 9 | (1 << 5) | 1 };
  return {
    name,
    method: useDeflate ? 8 : 0,
    crc32: codec.crc32(data),
    compressedSize: useDeflate ? deflated!.length : data.length,
    size: data.length,
    flags: 0x800,
    time: now.time,
    date: now.date,
    raw: useDeflate ? deflated! : data,
    extra: new Uint8Array(0),
    externalAttributes: 0,
  };
}

const utf8enc = new TextEncoder();

/** Write entries as a zip, in the given order. Untouched entries keep their compressed bytes. */
export function writeZip(entries: ZipEntry[]): Uint8Array {
  const names = entries.map((e) => (e.flags & 0x800 ? utf8enc.encode(e.name) : Uint8Array.from(e.name, (c) => c.charCodeAt(0) & 0xff)));
  let localSize = 0;
  let cdSize = 0;
  entries.forEach((e, i) => {
    localSize += 30 + names[i].length + e.compressedSize;
    cdSize += 46 + names[i].length + e.extra.length;
  });
  const out = new Uint8Array(localSize + cdSize + 22);
  const view = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  entries.forEach((e, i) => {
    offsets.push(p);
    // Bit 3 (data descriptor) is cleared: sizes and CRC are written in the local header.
    const flags = e.flags & ~0x8;
    view.setUint32(p, 0x04034b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, flags, true);
    view.setUint16(p + 8, e.method, true);
    view.setUint16(p + 10, e.time, true);
    view.setUint16(p + 12, e.date, true);
    view.setUint32(p + 14, e.crc32, true);
    view.setUint32(p + 18, e.compressedSize, true);
    view.setUint32(p + 22, e.size, true);
    view.setUint16(p + 26, names[i].length, true);
    view.setUint16(p + 28, 0, true);
    out.set(names[i], p + 30);
    out.set(e.raw, p + 30 + names[i].length);
    p += 30 + names[i].length + e.compressedSize;
  });
  const cdStart = p;
  entries.forEach((e, i) => {
    const flags = e.flags & ~0x8;
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, flags, true);
    view.setUint16(p + 10, e.method, true);
    view.setUint16(p + 12, e.time, true);
    view.setUint16(p + 14, e.date, true);
    view.setUint32(p + 16, e.crc32, true);
    view.setUint32(p + 20, e.compressedSize, true);
    view.setUint32(p + 24, e.size, true);
    view.setUint16(p + 28, names[i].length, true);
    view.setUint16(p + 30, e.extra.length, true);
    view.setUint16(p + 32, 0, true);
    view.setUint16(p + 34, 0, true);
    view.setUint16(p + 36, 0, true);
    view.setUint32(p + 38, e.externalAttributes, true);
    view.setUint32(p + 42, offsets[i], true);
    out.set(names[i], p + 46);
    out.set(e.extra, p + 46 + names[i].length);
    p += 46 + names[i].length + e.extra.length;
  });
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - cdStart, true);
  view.setUint32(p + 16, cdStart, true);
  return out;
}
