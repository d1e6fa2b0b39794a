/**
 * Moving the user to a finding (issue 9): activate its sheet and select its cell. One batch, one
 * sync. A sheet that was renamed or deleted since the run is `excel.sheetNotFound`.
 */
import { EngineError } from "../core/errors";
import { RUN_OPTIONS, type ExcelHost } from "./host";
import { officeErrorCode, toEngineError } from "./errors";

/**
 * Activate `sheet` and select `a1` on it (a cell or a range, e.g. "C12").
 * @example await selectCell(officeHost(), "DS CBCC", "C12")
 */
export async function selectCell(host: ExcelHost, sheet: string, a1: string): Promise<void> {
  try {
    await host.run(RUN_OPTIONS, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(a1).select();
      await ctx.sync();
    });
  } catch (e) {
    if (officeErrorCode(e) === "ItemNotFound") throw new EngineError("excel.sheetNotFound", { sheet });
    throw toEngineError(e, "reading");
  }
}
