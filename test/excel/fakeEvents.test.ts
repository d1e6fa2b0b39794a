/**
 * The strict fake's `worksheet.onChanged` (ExcelApi 1.7), as the live re-check relies on it:
 * registration and removal take effect at sync, removal only on the context the handler was
 * added in (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events), the add-in's own
 * value writes fire too, and the user's edits fire once per edit.
 */
import { FakeWorkbook } from "../support/fakeExcel";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function book(apiVersion = 18) {
  const b = new FakeWorkbook({ apiVersion });
  b.addSheet("DS");
  b.addSheet("Khác");
  return b;
}

describe("fake onChanged", () => {
  it("registers at sync, tells the user's edit once with its address, type and sheet id", async () => {
    const b = book();
    const seen: Excel.WorksheetChangedEventArgs[] = [];
    const ctx = b.context();
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name,items/id");
    await ctx.sync();
    const ds = sheets.items[0];
    ds.onChanged.add(async (a: Excel.WorksheetChangedEventArgs) => void seen.push(a));
    expect(b.sheet("DS").changedHandlers).toHaveLength(0);
    await ctx.sync();
    expect(b.sheet("DS").changedHandlers).toHaveLength(1);
    await b.userEdit("DS", "B3", [["a", "b"], ["c", "d"]]);
    await b.userEdit("Khác", "A1", [["x"]]);
    expect(seen).toEqual([{ address: "B3:C4", changeType: "RangeEdited", source: "Local", worksheetId: ds.id, type: "WorksheetChanged", triggerSource: "Unknown" }]);
    expect(b.value("DS", "C4")).toBe("d");
    await b.userInsertRows("DS", 2, 1);
    expect(seen[1]).toMatchObject({ changeType: "RowInserted", worksheetId: ds.id });
    expect(b.value("DS", "C5")).toBe("d");
  });

  it("fires for the add-in's own value writes after the sync, saying so where ExcelApi 1.14 has the trigger source", async () => {
    for (const [version, trigger] of [[18, "ThisLocalAddin"], [13, undefined]] as const) {
      const b = book(version);
      const seen: Excel.WorksheetChangedEventArgs[] = [];
      const ctx = b.context();
      ctx.workbook.worksheets.getItem("DS").onChanged.add(async (a: Excel.WorksheetChangedEventArgs) => void seen.push(a));
      await ctx.sync();
      const w = b.context();
      (w.workbook.worksheets.getItem("DS").getRange("A1:B1") as unknown as { values: unknown[][] }).values = [[1, 2]];
      expect(seen).toHaveLength(0);
      await w.sync();
      await sleep(5);
      expect(seen).toHaveLength(1);
      expect((seen[0] as { triggerSource?: string }).triggerSource).toBe(trigger);
    }
  });

  it("removes a handler only on the context it was added in", async () => {
    const b = book();
    const ctx = b.context();
    const result = ctx.workbook.worksheets.getItem("DS").onChanged.add(async () => undefined);
    await ctx.sync();
    result.remove();
    const other = b.context();
    await other.sync();
    expect(b.sheet("DS").changedHandlers).toHaveLength(1);
    await (result.context as unknown as { sync(): Promise<void> }).sync();
    expect(b.sheet("DS").changedHandlers).toHaveLength(0);
  });

  it("needs ExcelApi 1.7", async () => {
    const b = book(6);
    const ctx = b.context();
    ctx.workbook.worksheets.getItem("DS").onChanged.add(async () => undefined);
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(b.sheet("DS").changedHandlers).toHaveLength(0);
  });
});
