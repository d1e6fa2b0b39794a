/**
 * Container sniffing and the one-line errors for files that are not readable workbooks.
 */
import fc from "fast-check";
import { strToU8 } from "fflate";
import { EngineError, isEngineError, type EngineErrorCode } from "../../src/core/errors";
import { engineErrorText, formatEngineError } from "../../src/core/messages";
import { readXlsx } from "../../src/file/readXlsx";
import { assertReadableContainer, sniffContainer, type Container } from "../../src/file/sniff";
import {
  compoundFile,
  csvNamedXlsx,
  docxLikeZip,
  emptyWorkbook,
  encryptedLike,
  htmlNamedXls,
  legacyBiffLike,
  legacyDocLike,
  districtListWorkbook,
  spreadsheetMl2003,
  truncatedZip,
  zeroBytes,
} from "../support/workbooks";
import { engineErrorOf } from "../support/engineError";


/** The message is one line, Vietnamese — English, names the file, and is the text of its code. */
function expectOneLineMessage(e: EngineError, code: EngineErrorCode, fileName: string): void {
  expect(e.code).toBe(code);
  const line = formatEngineError(e);
  expect(line).not.toMatch(/[\r\n]/);
  const { vi, en } = engineErrorText(code, e.params);
  expect(line).toBe(`${vi} — ${en}`);
  expect(line.split(" — ").length).toBeGreaterThanOrEqual(2);
  expect(vi).toContain(fileName);
  expect(en).toContain(fileName);
  // Vietnamese first: the first half carries Vietnamese letters, the second does not.
  expect(vi).toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i);
  expect(en).not.toMatch(/[ăâđêôơư]/i);
}

describe("sniffContainer", () => {
  const cases: [string, () => Uint8Array | Promise<Uint8Array>, Container][] = [
    ["0 bytes", zeroBytes, "empty"],
    ["a real workbook", () => districtListWorkbook({ count: 6 }), "zip"],
    ["a truncated workbook", () => truncatedZip(), "zip"],
    ["a .docx", docxLikeZip, "zip"],
    ["CSV with BOM", () => csvNamedXlsx(), "text"],
    ["CSV without BOM, semicolons", () => csvNamedXlsx({ bom: false, separator: ";" }), "text"],
    ["tab-separated text", () => csvNamedXlsx({ separator: "\t" }), "text"],
    ["HTML from tableToExcel", () => htmlNamedXls(), "html"],
    ["HTML saved as web page (.VnTimeH CSS)", () => htmlNamedXls({ variant: "webPage" }), "html"],
    ["HTML in UTF-16LE with BOM", () => htmlNamedXls({ utf16: true }), "html"],
    ["SpreadsheetML 2003", spreadsheetMl2003, "spreadsheetMl2003"],
    ["encrypted OOXML (OLE2)", encryptedLike, "ole2"],
    ["BIFF8 .xls (OLE2)", () => legacyBiffLike(), "ole2"],
    ["Word .doc (OLE2)", legacyDocLike, "ole2"],
    ["an XML part that is not a workbook", () => strToU8('<?xml version="1.0"?><worksheet xmlns="x"><sheetData/></worksheet>'), "unknown"],
    ["binary noise", () => new Uint8Array([0x00, 0x01, 0x02, 0x89, 0x50, 0x4e, 0x47, 0x00]), "unknown"],
    ["a PNG", () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), "unknown"],
    ['a file cut after "PK"', () => new Uint8Array([0x50, 0x4b]), "zip"],
  ];
  it.each(cases)("%s", async (_name, make, expected) => {
    expect(sniffContainer(await make())).toBe(expected);
  });

  it("never reads beyond the bytes it is given", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const kind = sniffContainer(bytes);
        expect(["zip", "ole2", "html", "spreadsheetMl2003", "text", "empty", "unknown"]).toContain(kind);
      }),
    );
  });
});

describe("bad inputs give one EngineError with a one-line Vietnamese — English message", () => {
  const cases: [string, () => Uint8Array | Promise<Uint8Array>, EngineErrorCode, string][] = [
    ["0 bytes", zeroBytes, "file.empty", "rong.xlsx"],
    ["a download cut at 60 %", () => truncatedZip(), "file.truncatedZip", "ds-cbcc.xlsx"],
    ["a download cut at 10 %", () => truncatedZip({ keep: 0.1 }), "file.truncatedZip", "ds-cbcc.xlsx"],
    ["a download missing its last byte", () => truncatedZip({ keep: 0.99999 }), "file.truncatedZip", "ds-cbcc.xlsx"],
    ['a file cut after "PK"', () => new Uint8Array([0x50, 0x4b]), "file.truncatedZip", "ds.xlsx"],
    ["CSV named .xlsx", () => csvNamedXlsx(), "file.csv", "Danh sách CBCC.xlsx"],
    ["HTML named .xls", () => htmlNamedXls(), "file.html", "Thongkecanbochongchucpx.xls"],
    ["Excel web page named .xls", () => htmlNamedXls({ variant: "webPage", utf16: true }), "file.html", "ds.xls"],
    ["SpreadsheetML 2003 named .xls", spreadsheetMl2003, "file.spreadsheetMl2003", "VPP.xls"],
    ["password-protected workbook", encryptedLike, "file.encrypted", "mat-khau.xlsx"],
    ["only the EncryptionInfo stream", () => compoundFile([{ name: "EncryptionInfo" }]), "file.encrypted", "a.xlsx"],
    ["Excel 97-2003 workbook", () => legacyBiffLike(), "file.legacyXls", "ds-cu.xls"],
    ["Excel 5.0/95 workbook", () => legacyBiffLike({ stream: "Book" }), "file.legacyXls", "ds-95.xls"],
    ["an OLE2 file with no known stream", () => compoundFile([{ name: "Contents" }]), "file.legacyXls", "x.xls"],
    ["a Word .doc renamed .xls", legacyDocLike, "file.unknownFormat", "bao-cao.xls"],
    ["binary noise", () => new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8]), "file.unknownFormat", "x.xlsx"],
    ["a .docx renamed .xlsx", docxLikeZip, "file.notWorkbook", "to-trinh.xlsx"],
    ["a workbook with one empty sheet", emptyWorkbook, "file.emptyWorkbook", "trong.xlsx"],
  ];
  it.each(cases)("%s", async (_name, make, code, fileName) => {
    const bytes = await make();
    const e = engineErrorOf(() => readXlsx(bytes, { fileName }));
    expectOneLineMessage(e, code, fileName);
    expect(e.params.file).toBe(fileName);
  });

  it("assertReadableContainer accepts a zip and leaves the rest to the reader", async () => {
    expect(() => assertReadableContainer(docxLikeZip(), "a.xlsx")).not.toThrow();
    expect(engineErrorOf(() => assertReadableContainer(zeroBytes(), "a.xlsx")).code).toBe("file.empty");
  });

  it("a message never spans lines, even when the file name has a line break", () => {
    const line = formatEngineError(new EngineError("file.csv", { file: "a\nb.xlsx" }));
    expect(line).not.toMatch(/[\r\n]/);
  });
});

describe("damaged zips never escape as a plain Error", () => {
  let full: Uint8Array;
  beforeAll(async () => {
    full = await districtListWorkbook({ count: 8 });
  });

  it("every prefix of a workbook gives an EngineError", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: full.length - 1 }), (n) => {
        const e = engineErrorOf(() => readXlsx(full.slice(0, n), { fileName: "cut.xlsx" }));
        if (n >= 2) expect(["file.truncatedZip", "file.notWorkbook", "file.corruptPart"]).toContain(e.code);
      }),
      { numRuns: 60 },
    );
  });

  it("bytes flipped inside a workbook give an EngineError or a grid, never a crash", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: full.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const bytes = full.slice();
        bytes[at] ^= xor;
        try {
          const grid = readXlsx(bytes, { fileName: "x.xlsx" });
          expect(Array.isArray(grid.sheets)).toBe(true);
        } catch (e) {
          expect(isEngineError(e)).toBe(true);
        }
      }),
      { numRuns: 80 },
    );
  });

  it("random bytes after a zip signature give an EngineError", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (tail) => {
        const bytes = new Uint8Array(4 + tail.length);
        bytes.set([0x50, 0x4b, 0x03, 0x04]);
        bytes.set(tail, 4);
        expect(isEngineError(engineErrorOfAny(() => readXlsx(bytes)))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

function engineErrorOfAny(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}
