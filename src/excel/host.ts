/**
 * The one seam between the adapter and Office: how a batch runs and which requirement sets the
 * running Excel supports. Every other module of `src/excel` takes an {@link ExcelHost}, so the
 * tests drive the same code with a strict in-memory fake (test/support/fakeExcel.ts).
 *
 * This is the only file in the project that calls `Excel.run`.
 */

/** Runs batches against a workbook and answers requirement-set questions. */
export interface ExcelHost {
  /** `Excel.run(options, batch)`. */
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** `Office.context.requirements.isSetSupported(name, version)`. */
  isSetSupported(name: string, version: string): boolean;
  /**
   * `Excel.run(context, batch)`: a batch on an earlier batch's context — how an event handler is
   * removed, on the context it was added in (src/excel/live.ts).
   */
  runIn?<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /**
   * The list separator `Worksheet.getRanges` wants, once known (desktop Excel uses the locale's,
   * ";" in Vietnamese; Excel on the web ","; OfficeDev/office-js#1167). Filled in by the adapter's
   * probe and kept for the session.
   */
  listSeparator?: "," | ";";
}

/** Options every batch of ours runs with: wait while the user is editing a cell rather than fail. */
export const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/** True when the page runs inside Excel with office.js loaded. */
export function inExcel(): boolean {
  return typeof Excel !== "undefined" && typeof Office !== "undefined" && typeof Excel.run === "function";
}

/**
 * The real host: Office.js. Call only inside Excel (after `Office.onReady`).
 * @example const grid = await readWorkbookGrid(officeHost());
 */
export function officeHost(): ExcelHost {
  return {
    run: (options, batch) => Excel.run(options, batch),
    runIn: (context, batch) => Excel.run(context, batch),
    isSetSupported: (name, version) => {
      try {
        return Office.context.requirements.isSetSupported(name, version);
      } catch {
        return false;
      }
    },
  };
}

/** The requirement sets the adapter asks about, by feature. */
export const API = {
  /** Our floor (manifest): getRanges/RangeAreas, getCellProperties, fill pattern + tintAndShade, pageLayout, suspendScreenUpdating. */
  base: ["ExcelApi", "1.9"],
  /** Threaded comments. */
  comments: ["ExcelApi", "1.10"],
  /** Merged areas of a range. */
  mergedAreas: ["ExcelApi", "1.13"],
  /** `Worksheet.onChanged` (the live re-check of edited rows). */
  events: ["ExcelApi", "1.7"],
  /** Notes (the classic cell comment). */
  notes: ["ExcelApi", "1.18"],
  /** Show the task pane from the ribbon command. */
  sharedRuntime: ["SharedRuntime", "1.1"],
} as const;

/** Whether a feature's requirement set is supported. */
export function supports(host: ExcelHost, feature: keyof typeof API): boolean {
  const [name, version] = API[feature];
  return host.isSetSupported(name, version);
}
