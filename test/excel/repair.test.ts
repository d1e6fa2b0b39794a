/**
 * Text fixes in the open workbook (issue 9 item 2), on the strict fake: a finding's suggestion or
 * a column's Unicode text written, changed cells skipped, text kept as text, few syncs, and
 * "Xóa đánh dấu" putting every original back — also for the CLI's `--fix-encoding` copy.
 */
import { CHANGES_KEY, parseChangeRecord, type ChangeRecord } from "../../src/core/changes";
import { validateWorkbook } from "../../src/core/engine";
import { fixTargets, type TextFix } from "../../src/core/fixes";
import { planForValidation } from "../../src/core/plan/fromValidation";
import type { Finding } from "../../src/core/report/types";
import { parseSettingsXml, settingsXml, SETTINGS_NAMESPACE } from "../../src/core/settings";
import { encodeTcvn3 } from "../../src/core/text/legacy";
import { annotateWorkbook } from "../../src/file/annotate";
import { readXlsx } from "../../src/file/readXlsx";
import { applyTextFixes, literalText } from "../../src/excel/repair";
import { clearHighlights, validateNow } from "../../src/excel/run";
import { FakeWorkbook } from "../support/fakeExcel";
import type { EngineError } from "../../src/core/errors";
import { formatEngineError } from "../../src/core/messages";
import { fixBook } from "../support/fixBook";
import { communeSheetsTcvn3Fixture } from "../support/workbooks";
import { AS_OF, NOW } from "./books";

jest.setTimeout(60000);

function record(book: FakeWorkbook): ChangeRecord | undefined {
  const part = book.customXmlParts.find((p) => p.xml.includes(SETTINGS_NAMESPACE));
  return parseChangeRecord(part ? parseSettingsXml(part.xml)[CHANGES_KEY] : undefined);
}

/** The fix book in the fake, checked by the add-in ("Kiểm tra hồ sơ", marks only). */
async function checkedBook() {
  const book = FakeWorkbook.fromGrid(fixBook(), { listSeparator: ";" });
  const run = await validateNow(book.host(), { now: NOW, asOf: AS_OF, writeSheets: false });
  const finding = (sheet: string, where: string, rule = "data.unrecognizedValue"): Finding => run.report.findings.find((f) => f.sheet === sheet && (f.cell === where || (f.cell === undefined && f.column === where)) && f.rule === rule)!;
  return { book, run, fixes: run.fixes(), finding };
}

const font = (book: FakeWorkbook, sheet: string, a1: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  return book.sheet(sheet).get(Number(m[2]), m[1].charCodeAt(0) - 64)?.font?.name;
};

describe("applyTextFixes", () => {
  it("writes a suggestion into every such cell of the column, records the originals first, in four syncs", async () => {
    const { book, fixes, finding } = await checkedBook();
    const targets = fixTargets(fixes, finding("DS CBCC", "G7"));
    expect(targets.column.map((f) => f.cell)).toEqual(["G5", "G7", "G9"]);
    book.resetStats();
    const r = await applyTextFixes(book.host(), targets.column);
    expect(r).toMatchObject({ fixed: 3, skipped: 0, missing: 0, notDone: 0 });
    expect(["G5", "G6", "G7", "G8", "G9", "G10"].map((a) => book.value("DS CBCC", a))).toEqual(["Đại học", "Thac si", "Đại học", "Trung câp", "Đại học", "Cao đẳg sư phạm"]);
    // Sheets + our part, our part's XML + the cells, the record, the writes.
    expect(book.stats.syncs).toBe(4);
    expect(r.stats.syncs).toBe(4);
    // The record was written before the texts.
    const kinds = book.stats.requests.map((q) => q.kinds.join(","));
    expect(kinds.findIndex((k) => k.includes("setXml") || k.includes("customXmlParts.add"))).toBeLessThan(kinds.findIndex((k) => k.includes("values")));
    const repairs = record(book)!.textRepairs!;
    expect(repairs.map((t) => [t.cell, t.original, t.text, t.kind])).toEqual([
      ["G5", "Đai học", "Đại học", "suggestion"],
      ["G7", "Đai học", "Đại học", "suggestion"],
      ["G9", "Đai học", "Đại học", "suggestion"],
    ]);
    // The marks of the check are still recorded.
    expect(record(book)!.cells.length).toBeGreaterThan(0);
  });

  it("keeps the syncs flat for a long legacy column (one range read, one range write)", async () => {
    const many = Array.from({ length: 400 }, (_, i) => [`Nguyễn Văn Số ${i + 1}`, "Nam", "Kinh", "Đại học"] as [string, string, string, string]);
    const { tcvn3Roster } = await import("../support/fixBook");
    const { workbookGrid } = await import("../support/grid");
    const book = FakeWorkbook.fromGrid(workbookGrid([tcvn3Roster("Xa Quang Loi", many)]));
    const run = await validateNow(book.host(), { now: NOW, asOf: AS_OF, writeSheets: false });
    const f = run.report.findings.find((x) => x.rule === "data.legacyEncoding" && x.column === "B")!;
    const column = fixTargets(run.fixes(), f).column;
    expect(column.length).toBe(401); // the header and 400 names
    book.resetStats();
    const r = await applyTextFixes(book.host(), column);
    expect(r.fixed).toBe(401);
    expect(book.stats.syncs).toBe(4);
    expect(book.value("Xa Quang Loi", "B404")).toBe("Nguyễn Văn Số 400");
    expect(font(book, "Xa Quang Loi", "B404")).toBe("Times New Roman");
  });

  it("skips a cell the user changed since the check, and one that became a formula", async () => {
    const { book, fixes, finding } = await checkedBook();
    book.sheet("DS CBCC").at(7, 7).value = "Cao đẳng";
    Object.assign(book.sheet("DS CBCC").at(9, 7), { formula: '"Đai học"', value: "Đai học" });
    const r = await applyTextFixes(book.host(), fixTargets(fixes, finding("DS CBCC", "G5")).column);
    expect(r).toMatchObject({ fixed: 1, skipped: 2 });
    expect(r.done.map((f) => f.cell)).toEqual(["G5"]);
    expect([book.value("DS CBCC", "G5"), book.value("DS CBCC", "G7"), book.value("DS CBCC", "G9")]).toEqual(["Đại học", "Cao đẳng", "Đai học"]);
    expect(book.sheet("DS CBCC").get(9, 7)?.formula).toBe('"Đai học"');
    expect(record(book)!.textRepairs!.map((t) => t.cell)).toEqual(["G5"]);
  });

  it("writes text that Excel would take for a formula, a number or a date as text (quote prefix), and never a formula", async () => {
    const { book, fixes, finding } = await checkedBook();
    // The TCVN3 note "- Chờ xét nâng ngạch" starts with "-": Range.values would make it a formula.
    const notes = fixTargets(fixes, finding("Xa Quang Loi", "H", "data.legacyEncoding")).column;
    const dash = notes.find((f) => f.cell === "H6")!;
    expect(dash.to).toBe("- Chờ xét nâng ngạch");
    // Hostile text in other cells of the sheet (as if a fix carried it): each must land as text.
    const hostile = ["=HYPERLINK(\"http://x.example\",\"Bấm\")", "+84 912 345 678", "@SUM(A1)", "0123", "12/05/1980", "TRUE", "'quoted"];
    const crafted: TextFix[] = hostile.map((to, i) => ({ kind: "suggestion", sheet: "DS CBCC", cell: `H${5 + i}`, row: 5 + i, col: 8, original: `ghi chú ${i}`, to }));
    crafted.forEach((f) => (book.sheet("DS CBCC").at(f.row, 8).value = f.original));
    book.sheet("DS CBCC").at(12, 8).numberFormat = "@";
    const r = await applyTextFixes(book.host(), [dash, ...crafted]);
    expect(r.fixed).toBe(1 + hostile.length);
    expect(book.value("Xa Quang Loi", "H6")).toBe("- Chờ xét nâng ngạch");
    expect(book.sheet("Xa Quang Loi").get(6, 8)?.formula).toBeUndefined();
    hostile.forEach((text, i) => {
      const cell = book.sheet("DS CBCC").get(5 + i, 8)!;
      expect([cell.formula, cell.value]).toEqual([undefined, text]);
    });
    // And the undo puts every original back, as text.
    const { cleared } = await clearHighlights(book.host(), { now: NOW });
    expect(cleared).toMatchObject({ textsRestored: 1 + hostile.length, textsKept: 0 });
    expect(book.value("Xa Quang Loi", "H6")).toBe(encodeTcvn3("- Chờ xét nâng ngạch"));
    hostile.forEach((_, i) => expect(book.value("DS CBCC", `H${5 + i}`)).toBe(`ghi chú ${i}`));
  });

  it("literalText: a quote prefix only where Excel would not keep the text, none in a Text cell", () => {
    expect(literalText("Đại học", "General")).toBe("Đại học");
    expect(literalText("=1+1", "General")).toBe("'=1+1");
    expect(literalText("-x", "General")).toBe("'-x");
    expect(literalText("1980", "General")).toBe("'1980");
    expect(literalText("=1+1", "@")).toBe("=1+1");
  });
});

describe("Xóa đánh dấu after text fixes", () => {
  it("puts back each original text and font exactly, with the marks", async () => {
    const { book, fixes, finding } = await checkedBook();
    const legacy = fixTargets(fixes, finding("Xa Quang Loi", "G", "data.legacyEncoding")).column;
    const r = await applyTextFixes(book.host(), [...fixTargets(fixes, finding("DS CBCC", "G5")).column, ...legacy]);
    expect(r.fixed).toBe(3 + legacy.length);
    expect(book.value("Xa Quang Loi", "G5")).toBe("Đại học");
    expect(font(book, "Xa Quang Loi", "G5")).toBe("Times New Roman");
    const { cleared, outcome } = await clearHighlights(book.host(), { now: NOW });
    expect(cleared).toMatchObject({ textsRestored: 3 + legacy.length, textsKept: 0 });
    expect(cleared.restored).toBeGreaterThan(0);
    expect(outcome.details.map((d) => d.vi).join(" ")).toContain(`Đã trả lại nội dung cũ cho ${3 + legacy.length} ô`);
    expect(["G5", "G7", "G9"].map((a) => book.value("DS CBCC", a))).toEqual(["Đai học", "Đai học", "Đai học"]);
    expect(["G3", "G5", "G6", "G7"].map((a) => book.value("Xa Quang Loi", a))).toEqual(["Trình độ chuyên môn", "Đại học", "Trung cấp", "Đai học"].map(encodeTcvn3));
    expect(["G3", "G5", "G7"].map((a) => font(book, "Xa Quang Loi", a))).toEqual([".VnTime", ".VnTime", ".VnTime"]);
    expect(record(book)?.textRepairs).toBeUndefined();
    // A second click has nothing left to do.
    const again = await clearHighlights(book.host(), { now: NOW });
    expect(again.cleared).toMatchObject({ restored: 0, textsRestored: 0 });
    expect(again.outcome.text.vi).toBe("Không có ô nào đang được đánh dấu.");
  });

  it("undoes the texts within the syncs the clear takes anyway", async () => {
    const plain = await checkedBook();
    const fixed = await checkedBook();
    await applyTextFixes(fixed.book.host(), fixed.fixes);
    const a = await clearHighlights(plain.book.host(), { now: NOW });
    const b = await clearHighlights(fixed.book.host(), { now: NOW });
    expect(b.cleared.textsRestored).toBe(fixed.fixes.filter((f, i, all) => all.findIndex((g) => g.sheet === f.sheet && g.cell === f.cell) === i).length);
    expect(b.cleared.stats.syncs).toBe(a.cleared.stats.syncs);
  });

  it("keeps the user's value where the cell was edited after the fix", async () => {
    const { book, fixes, finding } = await checkedBook();
    await applyTextFixes(book.host(), fixTargets(fixes, finding("DS CBCC", "G5")).column);
    book.sheet("DS CBCC").at(7, 7).value = "Thạc sĩ";
    const { cleared } = await clearHighlights(book.host(), { now: NOW });
    expect(cleared).toMatchObject({ textsRestored: 2, textsKept: 1 });
    expect(["G5", "G7", "G9"].map((a) => book.value("DS CBCC", a))).toEqual(["Đai học", "Thạc sĩ", "Đai học"]);
  });

  it("survives a re-run of the check: the repairs stay recorded and are undone later", async () => {
    const { book, fixes, finding } = await checkedBook();
    await applyTextFixes(book.host(), fixTargets(fixes, finding("DS CBCC", "G8")).cell);
    expect(book.value("DS CBCC", "G8")).toBe("Trung cấp");
    const rerun = await validateNow(book.host(), { now: NOW, asOf: AS_OF, writeSheets: false });
    // The fixed value is recognized now: no finding, no fix for it.
    expect(rerun.report.findings.some((f) => f.sheet === "DS CBCC" && f.cell === "G8" && f.rule === "data.unrecognizedValue")).toBe(false);
    expect(record(book)!.textRepairs!.map((t) => [t.cell, t.original, t.text])).toEqual([["G8", "Trung câp", "Trung cấp"]]);
    const { cleared } = await clearHighlights(book.host(), { now: NOW });
    expect(cleared.textsRestored).toBe(1);
    expect(book.value("DS CBCC", "G8")).toBe("Trung câp");
  });

  it("a fix on top of an earlier repair of the same cell is undone to the first original", async () => {
    const { book, fixes, finding } = await checkedBook();
    // The TCVN3 misspelling: decoded first (legacy column), then the suggestion on the decoded text.
    const legacy = fixTargets(fixes, finding("Xa Quang Loi", "G", "data.legacyEncoding")).column;
    await applyTextFixes(book.host(), legacy);
    expect(book.value("Xa Quang Loi", "G7")).toBe("Đai học");
    const rerun = await validateNow(book.host(), { now: NOW, asOf: AS_OF, writeSheets: false });
    const g7 = rerun.report.findings.find((f) => f.sheet === "Xa Quang Loi" && f.cell === "G7" && f.rule === "data.unrecognizedValue")!;
    expect(g7.fix).toEqual({ kind: "suggestion", to: "Đại học" });
    await applyTextFixes(book.host(), fixTargets(rerun.fixes(), g7).cell);
    expect(book.value("Xa Quang Loi", "G7")).toBe("Đại học");
    const g7Record = record(book)!.textRepairs!.filter((t) => t.cell === "G7" && t.sheet === "Xa Quang Loi");
    expect(g7Record.map((t) => [t.original, t.text, t.fontName, t.newFontName])).toEqual([[encodeTcvn3("Đai học"), "Đại học", ".VnTime", "Times New Roman"]]);
    await clearHighlights(book.host(), { now: NOW });
    expect(book.value("Xa Quang Loi", "G7")).toBe(encodeTcvn3("Đai học"));
    expect(font(book, "Xa Quang Loi", "G7")).toBe(".VnTime");
  });
});

describe("the CLI's --fix-encoding copy, cleared by the add-in", () => {
  it("gets its TCVN3 text and fonts back from the shared record", async () => {
    const fixture = await communeSheetsTcvn3Fixture({ count: 12, communes: 2 });
    const grid = readXlsx(fixture.bytes);
    const result = validateWorkbook(grid, { asOf: AS_OF });
    const plan = planForValidation(result, grid, { fixEncoding: true });
    expect(plan.textRepairs!.length).toBeGreaterThan(20);
    const copy = readXlsx(annotateWorkbook(fixture.bytes, plan));
    const shared = parseChangeRecord(copy.savedSettings?.[CHANGES_KEY])!;
    expect(shared.by).toBe("cli");
    expect(shared.textRepairs!.every((t) => t.text !== undefined && t.originalText !== undefined)).toBe(true);
    // The copy open in Excel.
    const { savedSettings, ...cells } = copy;
    const book = FakeWorkbook.fromGrid(cells, { listSeparator: ";" });
    book.addCustomXmlPart(settingsXml(savedSettings!));
    const sample = plan.textRepairs!.find((t) => t.row > 5)!;
    const a1 = `${String.fromCharCode(64 + sample.col)}${sample.row}`;
    expect(book.value(sample.sheet, a1)).toBe(sample.text);
    expect(font(book, sample.sheet, a1)).toBe("Times New Roman");
    // The user retyped one repaired cell after opening the copy: that one is kept.
    const edited = plan.textRepairs!.find((t) => t !== sample && t.row > 5)!;
    book.sheet(edited.sheet).at(edited.row, edited.col).value = "Sửa tay";

    const { cleared } = await clearHighlights(book.host(), { now: NOW });
    expect(cleared).toMatchObject({ by: "cli", textsRestored: plan.textRepairs!.length - 1, textsKept: 1 });
    for (const t of plan.textRepairs!) {
      if (t === edited) continue;
      const original = grid.sheets.find((s) => s.name === t.sheet)!.values[t.row - 1]![t.col - 1];
      expect(book.value(t.sheet, `${String.fromCharCode(64 + t.col)}${t.row}`)).toBe(original);
    }
    expect(font(book, sample.sheet, a1)).toBe(sample.fromFont);
    expect(book.value(edited.sheet, `${String.fromCharCode(64 + edited.col)}${edited.row}`)).toBe("Sửa tay");
  });
});

describe("a fix that Excel refuses", () => {
  it("comes back as one bilingual line naming the fixing step, not the marking step", async () => {
    const { book, fixes, finding } = await checkedBook();
    const host = book.host();
    const failing = { ...host, run: () => Promise.reject(Object.assign(new Error("The request failed."), { code: "GeneralException" })) } as typeof host;
    const error = await applyTextFixes(failing, fixTargets(fixes, finding("DS CBCC", "G7")).cell).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "excel.failed" });
    const line = formatEngineError(error as EngineError);
    expect(line).toContain("sửa giá trị trong ô");
    expect(line).toContain("fixing cell values");
    expect(line).not.toMatch(/\n/);
    // Nothing was written.
    expect(book.value("DS CBCC", "G7")).toBe("Đai học");
  });
});
