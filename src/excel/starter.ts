/**
 * The first-run screen's sheets (issue 9): add "Định biên" and "Quy định" as the core laid them
 * out (src/core/plan/starterSheets.ts). They become the user's sheets: not recorded as ours, so a
 * run never rewrites them and "Xóa đánh dấu" never removes them. A sheet of that name that already
 * exists is left alone. One `Excel.run`, a few syncs.
 */
import { EngineError } from "../core/errors";
import type { PlanSheet } from "../core/plan/types";
import { toEngineError } from "./errors";
import { listSeparator } from "./fills";
import { RUN_OPTIONS, type ExcelHost } from "./host";
import { Session } from "./session";
import { queueOwnSheet, queuePrint } from "./sheets";

export interface StarterResult {
  /** Sheets added. */
  added: string[];
  /** Sheets not added because the workbook already has one of that name. */
  kept: string[];
}

/**
 * Add the plan's sheets after the user's, each only when no sheet has its name; the first one
 * added is activated.
 * @example await addStarterSheets(officeHost(), [quotaStarterSheet(report.units), settingsStarterSheet(set)])
 */
export async function addStarterSheets(host: ExcelHost, plans: readonly PlanSheet[]): Promise<StarterResult> {
  try {
    return await host.run(RUN_OPTIONS, async (ctx) => {
      const session = new Session(ctx, host);
      const worksheets = ctx.workbook.worksheets;
      worksheets.load("items/name");
      const protection = ctx.workbook.protection;
      protection.load("protected");
      const tables = ctx.workbook.tables;
      tables.load("items/name");
      await session.sync();
      const names = new Set(worksheets.items.map((w) => w.name.toLowerCase()));
      const todo = plans.filter((p) => !names.has(p.name.toLowerCase()));
      const result: StarterResult = { added: todo.map((p) => p.name), kept: plans.filter((p) => names.has(p.name.toLowerCase())).map((p) => p.name) };
      if (todo.length === 0) return result;
      if (protection.protected) throw new EngineError("excel.protectedWorkbook");
      const separator = await listSeparator(session, worksheets.items[0]);
      const tableNames = new Set(tables.items.map((t) => t.name.toLowerCase()));
      const written: { ws: Excel.Worksheet; plan: PlanSheet }[] = [];
      for (const plan of todo) written.push({ ws: await queueOwnSheet(session, { plan, name: plan.name }, separator, tableNames), plan });
      await session.add(100, () => written[0].ws.activate());
      await session.flush();
      // Print settings on their own, as for our sheets: an Excel without pageLayout skips them.
      try {
        queuePrint(written);
        await session.sync();
      } catch {
        // The sheets are there; only their print settings are missing.
      }
      return result;
    });
  } catch (e) {
    throw toEngineError(e, "marking");
  }
}
