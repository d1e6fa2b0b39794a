/**
 * Marks made by the CLI's annotated copy, cleared by the add-in: the copy's shared change record
 * (written by src/file/annotate.ts) is loaded into the strict fake with the cells as the copy
 * shows them, and "Xóa đánh dấu" puts every original fill back, in Office.js terms.
 */
import { filledBook, filledBookPlan } from "../support/filledBook";
import { annotateWorkbook } from "../../src/file/annotate";
import { readXlsx } from "../../src/file/readXlsx";
import { CHANGES_KEY, parseChangeRecord } from "../../src/core/changes";
import { parseSettingsXml, settingsXml, SETTINGS_NAMESPACE } from "../../src/core/settings";
import { clearHighlights } from "../../src/excel/run";
import { FakeWorkbook } from "../support/fakeExcel";
import { NOW } from "./books";

const plan = filledBookPlan(false);
const original = filledBook;

describe("the add-in clears the CLI's marks", () => {
  it("restores solid, patterned and no fills from the copy's shared record, and drops the file's own record", async () => {
    const marked = annotateWorkbook(await original(), plan);
    const grid = readXlsx(marked);
    const record = parseChangeRecord(grid.savedSettings?.[CHANGES_KEY])!;
    expect(record.by).toBe("cli");
    // The open workbook as Excel shows the copy: our fills and notes on the marked cells.
    const { savedSettings, ...withoutSettings } = grid;
    const book = FakeWorkbook.fromGrid(withoutSettings, { listSeparator: ";" });
    for (const c of record.cells) book.setFill(c.sheet, c.cell, { color: `#${c.markColor}`, pattern: "Solid", patternColor: "#000000", tintAndShade: 0 });
    for (const h of plan.highlights) book.setNote(h.sheet, `${String.fromCharCode(64 + h.col)}${h.row}`, h.note);
    book.addCustomXmlPart(settingsXml(savedSettings!));

    const { cleared } = await clearHighlights(book.host(), { now: NOW });
    expect(cleared).toMatchObject({ by: "cli", restored: 3, keptByUser: 0 });
    expect(book.fill("DS", "C2")).toEqual({ color: "#00B0F0", pattern: "Solid", patternColor: "#000000", tintAndShade: 0 });
    expect(book.fill("DS", "B3")).toMatchObject({ color: "#445566", pattern: "Gray75", patternColor: "#112233" });
    expect(book.fill("DS", "C3")).toBeUndefined();
    expect(book.note("DS", "C2")).toBeUndefined();
    const part = book.customXmlParts.find((p) => p.xml.includes(SETTINGS_NAMESPACE));
    const settings = part ? parseSettingsXml(part.xml) : {};
    expect(settings["hoso.changes.file"]).toBeUndefined();
  });
});
