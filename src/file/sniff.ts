/**
 * Sniff a file's container from its first bytes, never from its name: offices receive CSV and
 * HTML tables saved as .xls/.xlsx, truncated downloads and password-protected workbooks
 * (roster-formats.md §1 "Sniff the content").
 */
import { EngineError } from "../core/errors";

export type Container = "zip" | "ole2" | "html" | "spreadsheetMl2003" | "text" | "empty" | "unknown";

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** Find an ASCII name written in UTF-16LE (as OLE2 directory entries are). */
function containsUtf16(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  const limit = bytes.length - name.length * 2;
  outer: for (let i = 0; i <= limit; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < name.length; k++) {
      if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** The start of a file as text (UTF-8, UTF-16 with a BOM), lower-cased, for sniffing only. */
function headText(bytes: Uint8Array, max = 4096): string {
  const head = bytes.subarray(0, max);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder("utf-16le").decode(head.subarray(2)).toLowerCase();
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder("utf-16be").decode(head.subarray(2)).toLowerCase();
  return new TextDecoder("utf-8", { fatal: false }).decode(head).replace(/^\uFEFF/, "").toLowerCase();
}

/** What kind of container the bytes are. */
export function sniffContainer(bytes: Uint8Array): Container {
  if (bytes.length === 0) return "empty";
  // "PK\x03\x04" (local file), "PK\x05\x06" (empty archive), "PK\x07\x08" (spanned). A file cut after
  // "PK" is a truncated zip too, not two characters of text.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes.length <= 2 || bytes[2] === 0x03 || bytes[2] === 0x05 || bytes[2] === 0x07)) return "zip";
  if (startsWith(bytes, OLE2_MAGIC)) return "ole2";
  const text = headText(bytes).trimStart();
  if (text.startsWith("<")) {
    if (text.includes("urn:schemas-microsoft-com:office:spreadsheet") && !text.includes("<html")) return "spreadsheetMl2003";
    if (/<(!doctype html|html|table|head|body|meta|style)\b/.test(text)) return "html";
    if (text.startsWith("<?xml") && text.includes("<workbook")) return "spreadsheetMl2003";
    // Some other XML (a single .xlsx part, an export of another program): not CSV.
    if (text.startsWith("<?xml") || /^<[a-z_][\w:.-]*[\s>/]/.test(text)) return "unknown";
  }
  // Text: mostly printable characters, no NUL bytes in the head (UTF-16 text was decoded above).
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) control++;
  if (control === 0 || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return "text";
  return "unknown";
}

/**
 * Throw the one-line error that fits a container the reader cannot take.
 * Returns normally for a zip (the OOXML reader does the rest).
 */
export function assertReadableContainer(bytes: Uint8Array, fileName: string): void {
  const kind = sniffContainer(bytes);
  switch (kind) {
    case "zip":
      return;
    case "empty":
      throw new EngineError("file.empty", { file: fileName });
    case "ole2":
      // An encrypted OOXML package is an OLE2 file holding "EncryptionInfo" and "EncryptedPackage" streams (MS-OFFCRYPTO 2.3.4).
      if (containsUtf16(bytes, "EncryptedPackage") || containsUtf16(bytes, "EncryptionInfo")) throw new EngineError("file.encrypted", { file: fileName });
      // BIFF5–8 workbooks keep their records in a "Workbook" (or Excel 5 "Book") stream; a Word or PowerPoint
      // file renamed .xls has neither and should not be called an Excel 97-2003 workbook.
      if (!containsUtf16(bytes, "Workbook") && !containsUtf16(bytes, "Book") && (containsUtf16(bytes, "WordDocument") || containsUtf16(bytes, "PowerPoint Document"))) {
        throw new EngineError("file.unknownFormat", { file: fileName });
      }
      throw new EngineError("file.legacyXls", { file: fileName });
    case "html":
      throw new EngineError("file.html", { file: fileName });
    case "spreadsheetMl2003":
      throw new EngineError("file.spreadsheetMl2003", { file: fileName });
    case "text":
      throw new EngineError("file.csv", { file: fileName });
    default:
      throw new EngineError("file.unknownFormat", { file: fileName });
  }
}
