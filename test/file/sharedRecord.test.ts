/**
 * The annotated copy also writes the change record both adapters share (core/changes.ts), so
 * the add-in's "Xóa đánh dấu" can restore the CLI's marks: each cell's original fill and our mark.
 */
import { filledBook, filledBookPlan } from "../support/filledBook";
import { annotateWorkbook, clearWorkbook } from "../../src/file/annotate";
import { readXlsx } from "../../src/file/readXlsx";
import { CHANGES_KEY, parseChangeRecord } from "../../src/core/changes";
import { HIGHLIGHT_FILLS } from "../../src/core/plan/types";

const plan = filledBookPlan(true);
const original = filledBook;

describe("the shared change record in the annotated copy", () => {
  it("gives each marked cell its original fill and our mark colour", async () => {
    const marked = annotateWorkbook(await original(), plan);
    const record = parseChangeRecord(readXlsx(marked).savedSettings?.[CHANGES_KEY]);
    expect(record?.by).toBe("cli");
    const byCell = new Map(record!.cells.map((c) => [c.cell, c]));
    expect(byCell.get("C2")).toMatchObject({ sheet: "DS", markColor: HIGHLIGHT_FILLS.error, fill: { kind: "solid", color: "00B0F0" } });
    expect(byCell.get("B3")).toMatchObject({ markColor: HIGHLIGHT_FILLS.warning, fill: { kind: "pattern", pattern: "Gray75", patternColor: "112233", color: "445566" } });
    expect(byCell.get("C3")).toMatchObject({ fill: { kind: "none" } });
    expect(byCell.get("B5")).toMatchObject({ fill: { kind: "none" }, styleIndex: -1 });
  });

  it("is removed by clear, with the file's own record", async () => {
    const cleared = clearWorkbook(annotateWorkbook(await original(), plan));
    const settings = readXlsx(cleared).savedSettings ?? {};
    expect(settings[CHANGES_KEY]).toBeUndefined();
    expect(settings["hoso.changes.file"]).toBeUndefined();
  });
});
