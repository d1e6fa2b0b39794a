/**
 * The limits of the Excel JavaScript API that shape every batch, with their sources
 * (../shared/reference/office-addin.md §4):
 * - Excel on the web rejects a request or a response over 5 MB (`RequestPayloadSizeLimitExceeded`,
 *   `ResponsePayloadSizeLimitExceeded`; learn.microsoft.com/office/dev/add-ins/excel/performance);
 * - a read gets at most 5,000,000 cells on every platform (same page; over it `values` may be null);
 * - an address string passed to `getRange`/`getRanges` holds at most 8,192 characters
 *   (excel-add-ins-troubleshooting; OfficeDev/office-js#5198);
 * - `getMergedAreasOrNullObject` fails over 512 merged areas (ExcelApi d.ts).
 */

/** The web's request/response limit. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * What one of our syncs aims at: half the limit, because our estimate is the JSON of the data
 * while Excel's own envelope adds names and ids around it.
 */
export const PAYLOAD_BUDGET_BYTES = Math.floor(PAYLOAD_LIMIT_BYTES / 2);

/** Cells per read, all platforms. */
export const MAX_READ_CELLS = 5_000_000;

/** Characters in one address string. */
export const MAX_ADDRESS_CHARS = 8192;

/** Merged areas one `getMergedAreasOrNullObject` call may return. */
export const MAX_MERGED_AREAS = 512;

/** Rows of one merged-areas probe (a roster rarely has two merges on a row: 200 rows stay far below 512). */
export const MERGE_BAND_ROWS = 200;

/** Rows per font probe: a column's font is read per segment and only mixed segments are read cell by cell. */
export const FONT_SEGMENT_ROWS = 500;

/** Rows whose formulas are read (the column-number row "(1) (2) (3)" sits in the header band). */
export const FORMULA_ROWS = 60;

/**
 * The most cells we mark in one run. The change record (every marked cell's original fill) lives in
 * one custom XML part written with one `setXml`, which must stay under the payload budget: a cell
 * takes about 160 bytes there (its JSON, with the quotes escaped as &quot;), so 12,000 cells make
 * about 2 MB. Past it, findings stay in the findings sheet only (errors are marked first) and the
 * outcome says so.
 */
export const MAX_MARKS = 12_000;

/** UTF-8 bytes of a string (what goes over the wire). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 bytes of a value's JSON. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? "");
}
