/**
 * Draws the add-in's icons (a document with a check mark) as PNGs at 16/32/64/80/128 px.
 * Run once with `npx tsx scripts/make-icons.ts`; the PNGs are committed in assets/.
 */
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

function crc32(buf: Uint8Array): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), Buffer.from(data)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size: number): Buffer {
  const rows: number[] = [];
  const s = size;
  for (let y = 0; y < s; y++) {
    rows.push(0);
    for (let x = 0; x < s; x++) {
      const u = (x + 0.5) / s;
      const v = (y + 0.5) / s;
      let rgba = [0, 0, 0, 0];
      // Page: white with a green border.
      if (u > 0.12 && u < 0.88 && v > 0.06 && v < 0.94) {
        const edge = u < 0.18 || u > 0.82 || v < 0.12 || v > 0.88;
        rgba = edge ? [16, 124, 65, 255] : [255, 255, 255, 255];
        // Text lines.
        if (!edge && u > 0.26 && u < 0.74 && [0.25, 0.37, 0.49].some((l) => Math.abs(v - l) < 0.035)) rgba = [120, 120, 120, 255];
      }
      // Check mark.
      const d1 = Math.abs(v - (0.72 + (u - 0.3) * 1.0)) < 0.07 && u > 0.3 && u < 0.45;
      const d2 = Math.abs(v - (0.87 - (u - 0.45) * 1.3)) < 0.07 && u >= 0.45 && u < 0.78;
      if (d1 || d2) rgba = [16, 124, 65, 255];
      rows.push(...rgba);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(s, 0);
  ihdr.writeUInt32BE(s, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.from(rows))), chunk("IEND", new Uint8Array())]);
}

for (const size of [16, 32, 64, 80, 128]) writeFileSync(`assets/icon-${size}.png`, png(size));
