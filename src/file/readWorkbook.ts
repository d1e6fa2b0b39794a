/**
 * The one entry for workbook bytes: sniff the content (never the name) and hand it to the reader
 * of its format — .xlsx/.xlsm (OOXML zip), .xls in its three real forms (BIFF8 in an OLE2
 * compound file, an HTML table, Excel 2003 XML) — or throw the one-line error that fits.
 */
import { EngineError } from "../core/errors";
import type { WorkbookGrid } from "../core/grid";
import { readHtmlTable } from "./readHtmlTable";
import { readSpreadsheetMl } from "./readSpreadsheetMl";
import { readXls } from "./readXls";
import { readXlsx } from "./readXlsx";
import { assertReadableContainer, sniffContainer } from "./sniff";
import type { ZipCodec } from "./zip";
import type { PartCache } from "./partCache";

/** The formats the file adapter reads. */
export type WorkbookFormat = "xlsx" | "xls" | "html" | "spreadsheetMl2003";

export interface ReadWorkbookBytesOptions {
  /** The file's name, for messages only. */
  fileName?: string;
  /** For .xlsx: inflate with this codec (the CLI passes Node's zlib); default: fflate. */
  codec?: ZipCodec;
  /** For .xlsx read with a codec: keep the parts' text for `annotateWorkbook` of the same bytes. */
  parts?: PartCache;
}

export interface WorkbookRead {
  grid: WorkbookGrid;
  format: WorkbookFormat;
}

/** The format of readable bytes, or undefined (then {@link readWorkbookBytes} throws the fitting error). */
export function workbookFormatOf(bytes: Uint8Array): WorkbookFormat | undefined {
  switch (sniffContainer(bytes)) {
    case "zip":
      return "xlsx";
    case "ole2":
      return "xls";
    case "html":
      return "html";
    case "spreadsheetMl2003":
      return "spreadsheetMl2003";
    default:
      return undefined;
  }
}

/** Names of the formats for messages: Vietnamese, English. */
export const FORMAT_NAMES: Record<WorkbookFormat, { vi: string; en: string }> = {
  xlsx: { vi: "sổ tính .xlsx", en: "an .xlsx workbook" },
  xls: { vi: "sổ tính Excel 97-2003 (.xls)", en: "an Excel 97-2003 (.xls) workbook" },
  html: { vi: "bảng HTML", en: "an HTML table" },
  spreadsheetMl2003: { vi: "bảng tính XML 2003", en: "an Excel 2003 XML file" },
};

/**
 * Read a workbook of any supported format from its bytes, with the format it was.
 * @example const { grid, format } = readWorkbookBytes(bytes, { fileName: "ds-cu.xls" });
 */
export function readWorkbookBytes(bytes: Uint8Array, options: ReadWorkbookBytesOptions = {}): WorkbookRead {
  const fileName = options.fileName ?? "";
  const format = workbookFormatOf(bytes);
  switch (format) {
    case "xlsx":
      return { grid: readXlsx(bytes, { fileName, ...(options.codec ? { codec: options.codec } : {}), ...(options.parts ? { parts: options.parts } : {}) }), format };
    case "xls":
      return { grid: readXls(bytes, { fileName }), format };
    case "html":
      return { grid: readHtmlTable(bytes, { fileName }), format };
    case "spreadsheetMl2003":
      return { grid: readSpreadsheetMl(bytes, { fileName }), format };
    default:
      // Empty, CSV, unknown: the same one-line errors as before.
      assertReadableContainer(bytes, fileName);
      throw new EngineError("file.unknownFormat", { file: fileName });
  }
}
