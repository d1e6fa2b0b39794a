/**
 * "So sánh với năm trước" (issue 12, part 3): the open workbook compared with a roster the user
 * chose (last year's), by the same core diff the CLI's `diff` uses: the chosen file's bytes →
 * the file adapter → a reading (older); the open workbook's grid through the Excel adapter → a
 * reading (newer); the diff → the "Biến động" sheet, written into the open workbook.
 */
import { diffRosters, type ChangeCounts, type DiffResult } from "../core/diff";
import { parseIsoDay } from "../core/engine";
import { EngineError, isEngineError } from "../core/errors";
import type { WorkbookGrid } from "../core/grid";
import { changesSheet } from "../core/plan/issue12Sheets";
import { readWorkbook, type WorkbookReading } from "../core/reader";
import { readWorkbookGrid, writePlanSheets, type ExcelHost } from "../excel";
import { readWorkbookBytes } from "../file/readWorkbook";
import { readChosenFile, type ChosenFile } from "./consolidate";

export interface CompareRequest {
  /** Last year's roster. */
  file: ChosenFile;
  /** YYYY-MM-DD. */
  asOf: string;
}

export interface CompareResult {
  diff: DiffResult;
  counts: ChangeCounts;
  /** The sheets written, by the names used. */
  sheets: string[];
}

/** The open workbook's name in messages (the pane does not know its file name). */
export const OPEN_WORKBOOK_NAME = "sổ đang mở (open workbook)";

function rosterReading(grid: WorkbookGrid, name: string, asOf: NonNullable<ReturnType<typeof parseIsoDay>>): WorkbookReading {
  const reading = readWorkbook(grid, { asOf });
  if (!reading.sheets.some((s) => s.role === "roster")) throw new EngineError("file.noRoster", { file: name });
  return reading;
}

/**
 * Compare the chosen (older) roster with the open (newer) workbook and write "Biến động" here.
 * Throws an EngineError when the file cannot be read or either side has no roster (nothing is written then).
 * @example await compareWithFile(officeHost(), { file: input.files[0], asOf: "2024-12-31" })
 */
export async function compareWithFile(host: ExcelHost, r: CompareRequest): Promise<CompareResult> {
  const asOf = parseIsoDay(r.asOf);
  if (!asOf) throw new EngineError("usage.badDate", { option: "asOf", value: r.asOf });
  let bytes: Uint8Array;
  try {
    bytes = await readChosenFile(r.file);
  } catch (e) {
    if (isEngineError(e)) throw e;
    throw new EngineError("file.unreadable", { file: r.file.name, reason: e instanceof Error ? e.message : String(e) });
  }
  const older = rosterReading(readWorkbookBytes(bytes, { fileName: r.file.name }).grid, r.file.name, asOf);
  const newer = rosterReading(await readWorkbookGrid(host), OPEN_WORKBOOK_NAME, asOf);
  const diff = diffRosters(older, newer);
  const sheet = changesSheet(diff, { oldName: r.file.name, newName: "sổ đang mở" });
  const written = await writePlanSheets(host, [sheet]);
  return { diff, counts: diff.counts, sheets: written.sheets };
}
