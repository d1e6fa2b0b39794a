/**
 * The zip codec of the command line: Node's built-in zlib (native code) instead of the file
 * adapter's pure-JavaScript default, for the tens of megabytes of XML a large roster's annotated
 * copy and summary workbook hold. Same raw deflate format; only the speed differs.
 */
import * as zlib from "node:zlib";
import { crc32 as jsCrc32, type ZipCodec } from "../file/zip";

/** `zlib.crc32` is in Node 20.15 and later; older Node 20 uses the JavaScript CRC. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

function view(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** zlib's default output chunk; bigger outputs get bigger chunks (fewer pieces to join at the end). */
const MIN_CHUNK = 16 * 1024;
const MAX_CHUNK = 64 * 1024 * 1024;

export const NODE_CODEC: ZipCodec = {
  // XML deflates to well under a quarter of its size: usually one output chunk.
  deflate: (data, level) => view(zlib.deflateRawSync(data, { level, chunkSize: Math.min(Math.max(MIN_CHUNK, data.length >>> 2), MAX_CHUNK) })),
  // The output is capped at the size the entry declares: a lying size fails instead of inflating a bomb.
  // One output chunk when the part is not huge (a size the header claims is not trusted for more).
  inflate: (data, size) => view(zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size), chunkSize: Math.min(Math.max(MIN_CHUNK, size + 1), MAX_CHUNK) })),
  crc32: nativeCrc32 ? (data) => nativeCrc32(data) >>> 0 : jsCrc32,
};
