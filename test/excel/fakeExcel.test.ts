/**
 * The fake itself must be strict, or the adapter tests prove nothing: these pin the behaviours
 * office-addin-mock lacks (../shared/reference/office-addin.md §2).
 */
import { FakeError, FakeWorkbook } from "../support/fakeExcel";

function book(options: ConstructorParameters<typeof FakeWorkbook>[0] = {}): FakeWorkbook {
  const b = new FakeWorkbook(options);
  const s = b.addSheet("DS CBCC");
  s.at(1, 1).value = "STT";
  s.at(1, 2).value = "Họ và tên";
  s.at(2, 1).value = 1;
  s.at(2, 2).value = "Nguyễn Văn An";
  return b;
}

async function sheetOf(ctx: ReturnType<FakeWorkbook["context"]>): Promise<Excel.Worksheet> {
  const ws = ctx.workbook.worksheets;
  ws.load("items/name");
  await ctx.sync();
  return ws.items[0] as unknown as Excel.Worksheet;
}

describe("the strict Excel fake", () => {
  it("throws on a property read before load, and before the sync that follows the load", async () => {
    const b = book();
    const ctx = b.context();
    const ws = await sheetOf(ctx);
    const range = ws.getRange("A1:B2");
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    range.load("values");
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    await ctx.sync();
    expect(range.values).toEqual([
      ["STT", "Họ và tên"],
      [1, "Nguyễn Văn An"],
    ]);
    expect(() => range.numberFormat).toThrow(/PropertyNotLoaded/);
  });

  it("applies queued writes only at sync, in order, and counts every sync", async () => {
    const b = book();
    const ctx = b.context();
    const ws = await sheetOf(ctx);
    const syncsBefore = b.stats.syncs;
    ws.getRange("B2").values = [["Trần Thị Bình"]];
    ws.getRange("B2").format.fill.color = "#FFC7CE";
    expect(b.value("DS CBCC", "B2")).toBe("Nguyễn Văn An");
    expect(b.fill("DS CBCC", "B2")).toBeUndefined();
    await ctx.sync();
    expect(b.value("DS CBCC", "B2")).toBe("Trần Thị Bình");
    expect(b.fill("DS CBCC", "B2")).toEqual({ color: "#FFC7CE", pattern: "Solid", patternColor: "#000000", tintAndShade: 0 });
    expect(b.stats.syncs - syncsBefore).toBe(1);
  });

  it("measures each request and response and rejects one over the payload limit", async () => {
    const b = book({ payloadLimit: 10_000 });
    const ctx = b.context();
    const ws = await sheetOf(ctx);
    const big = Array.from({ length: 400 }, (_, i) => [`Người thứ ${i + 1} có tên khá dài`]);
    ws.getRange("C1:C400").values = big;
    await expect(ctx.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(b.value("DS CBCC", "C1")).toBeUndefined();
    const s = b.sheet("DS CBCC");
    for (let r = 1; r <= 400; r++) s.at(r, 3).value = `Người thứ ${r} có tên khá dài`;
    const read = ws.getRange("C1:C400");
    read.load("values");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(() => read.values).toThrow(/PropertyNotLoaded/);
    const last = b.stats.requests[b.stats.requests.length - 1];
    expect(last.responseBytes).toBeGreaterThan(10_000);
  });

  it("rejects an address list over 8,192 characters or joined with the wrong list separator", async () => {
    const b = book({ listSeparator: ";" });
    const ctx = b.context();
    const ws = await sheetOf(ctx);
    ws.getRanges("A1,B2").format.fill.color = "#FFEB9C";
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    ws.getRanges("A1;B2").format.fill.color = "#FFEB9C";
    await ctx.sync();
    expect(b.fill("DS CBCC", "B2")?.color).toBe("#FFEB9C");
    const long = Array.from({ length: 1600 }, (_, i) => `C${i + 1}`).join(";");
    expect(long.length).toBeGreaterThan(8192);
    ws.getRanges(long).format.fill.color = "#FFEB9C";
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(b.fill("DS CBCC", "C1")).toBeUndefined();
  });

  it("tells no fill from white by pattern and tintAndShade, and reads a mixed property as null", async () => {
    const b = book();
    b.setFill("DS CBCC", "A2", { color: "#FFFFFF", pattern: "Solid", patternColor: "#000000", tintAndShade: 0 });
    const ctx = b.context();
    const ws = await sheetOf(ctx);
    const none = ws.getRange("B2").format.fill;
    const white = ws.getRange("A2").format.fill;
    const both = ws.getRange("A2:B2").format.fill;
    for (const f of [none, white, both]) f.load("color,pattern,tintAndShade");
    await ctx.sync();
    expect([none.color, none.pattern, none.tintAndShade]).toEqual(["#FFFFFF", "None", null]);
    expect([white.color, white.pattern, white.tintAndShade]).toEqual(["#FFFFFF", "Solid", 0]);
    expect([both.color, both.pattern, both.tintAndShade]).toEqual(["#FFFFFF", null, null]);
    ws.getRange("A2").format.fill.clear();
    await ctx.sync();
    expect(b.fill("DS CBCC", "A2")).toBeUndefined();
  });

  it("refuses writes to a protected sheet and APIs above its requirement set, and answers isSetSupported the same way", async () => {
    const b = book({ apiVersion: 10 });
    b.sheet("DS CBCC").protected = true;
    const ctx = b.context();
    const ws = await sheetOf(ctx);
    ws.getRange("A1").format.fill.color = "#FFC7CE";
    await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    ws.notes.load("items/content");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    const host = b.host();
    expect([host.isSetSupported("ExcelApi", "1.9"), host.isSetSupported("ExcelApi", "1.10"), host.isSetSupported("ExcelApi", "1.18")]).toEqual([true, true, false]);
  });

  it("fails every batch in cell-edit mode unless it was run with delayForCellEdit", async () => {
    const b = book({ cellEditMode: true });
    const plain = b.context();
    plain.workbook.worksheets.load("items/name");
    await expect(plain.sync()).rejects.toBeInstanceOf(FakeError);
    const delayed = b.context({ delayForCellEdit: true });
    delayed.workbook.worksheets.load("items/name");
    await expect(delayed.sync()).resolves.toBeUndefined();
  });
});
