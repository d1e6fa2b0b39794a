/**
 * Marking, clearing and restoring in the open workbook, on the strict fake with realistic rosters.
 */
import { parseCellAddress } from "../../src/core/address";
import { CHANGES_KEY, parseChangeRecord, type ChangeRecord } from "../../src/core/changes";
import { validateWorkbook } from "../../src/core/engine";
import { isEngineError } from "../../src/core/errors";
import { formatEngineError } from "../../src/core/messages";
import { buildEditPlan, planHighlights } from "../../src/core/plan/build";
import { HIGHLIGHT_FILLS, NOTE_MARKER, type EditPlan, type PlanHighlight } from "../../src/core/plan/types";
import { LABELS } from "../../src/core/plan/labels";
import { parseSettingsXml, settingsXml, SETTINGS_NAMESPACE } from "../../src/core/settings";
import { applyPlan, clearMarks } from "../../src/excel/apply";
import { cellOutput } from "../../src/excel/sheets";
import { MAX_MARKS, PAYLOAD_BUDGET_BYTES } from "../../src/excel/limits";
import { clearHighlights, validateNow } from "../../src/excel/run";
import { FakeWorkbook, type FakeFill } from "../support/fakeExcel";
import { workbookGrid, serial } from "../support/grid";
import { districtListFixture, largeRosterFixture, messyListFixture } from "../support/workbooks";
import { AS_OF, fakeOf, fills, NOW, sheetValues } from "./books";

const NO_FILL = undefined;
const WHITE: FakeFill = { color: "#FFFFFF", pattern: "Solid", patternColor: "#000000", tintAndShade: 0 };
const BLUE: FakeFill = { color: "#DDEBF7", pattern: "Solid", patternColor: "#000000", tintAndShade: 0 };
const TINTED: FakeFill = { color: "#4472C4", pattern: "Solid", patternColor: "#000000", tintAndShade: 0.6 };
const HATCHED: FakeFill = { color: "#FFF2CC", pattern: "Gray25", patternColor: "#BF8F00", tintAndShade: 0 };
const GREEN: FakeFill = { color: "#C6EFCE", pattern: "Solid", patternColor: "#000000", tintAndShade: 0 };

const a1 = (h: { row: number; col: number }) => `${String.fromCharCode(64 + h.col)}${h.row}`;

function highlightsOf(grid: Parameters<typeof validateWorkbook>[0]): PlanHighlight[] {
  const r = validateWorkbook(grid, { asOf: AS_OF });
  return planHighlights(r.report, r.reading);
}

function stored(book: FakeWorkbook): Record<string, string> {
  const part = book.customXmlParts.find((p) => p.xml.includes(SETTINGS_NAMESPACE));
  return part ? parseSettingsXml(part.xml) : {};
}

function record(book: FakeWorkbook): ChangeRecord | undefined {
  return parseChangeRecord(stored(book)[CHANGES_KEY]);
}

/** A messy roster whose marked cells start with every kind of fill, and a user's note on one. */
async function messyBook(options: ConstructorParameters<typeof FakeWorkbook>[0] = {}) {
  const { book, grid } = fakeOf(await messyListFixture({}), { listSeparator: ";", ...options });
  const hs = highlightsOf(grid);
  expect(hs.length).toBeGreaterThanOrEqual(6);
  expect(new Set(hs.map((h) => h.severity))).toEqual(new Set(["error", "warning"]));
  const sheet = hs[0].sheet;
  const originals: (FakeFill | undefined)[] = [NO_FILL, WHITE, BLUE, TINTED, HATCHED];
  hs.slice(0, originals.length).forEach((h, i) => book.setFill(sheet, a1(h), originals[i]));
  // Banding around the marked cells, so their columns read as mixed and are read cell by cell.
  for (const h of hs) book.setFill(sheet, a1({ row: h.row + 1, col: h.col }), BLUE);
  book.setNote(sheet, a1(hs[1]), "Ghi chú của tôi: hỏi lại phòng Nội vụ");
  return { book, grid, hs, sheet };
}

describe("Kiểm tra hồ sơ (mark) and Xóa đánh dấu (clear)", () => {
  it("marks every finding cell by severity, with a note, after recording the original fills", async () => {
    const { book, hs, sheet } = await messyBook();
    const { applied } = await validateNow(book.host(), { now: NOW });
    expect(applied.marked).toBe(hs.length);
    for (const h of hs) {
      expect({ cell: a1(h), fill: book.fill(sheet, a1(h)) }).toEqual({ cell: a1(h), fill: { color: `#${HIGHLIGHT_FILLS[h.severity]}`, pattern: "Solid", patternColor: expect.any(String), tintAndShade: 0 } });
      const note = book.note(sheet, a1(h))!;
      expect(note).toContain(NOTE_MARKER);
      expect(note).toContain(h.note.split("\n")[1]);
    }
    expect(book.note(sheet, a1(hs[1]))!.startsWith("Ghi chú của tôi: hỏi lại phòng Nội vụ\n")).toBe(true);
    // The record holds each cell's fill as it was: no fill and white told apart.
    const rec = record(book)!;
    expect(rec.by).toBe("addin");
    const byCell = new Map(rec.cells.map((c) => [c.cell, c]));
    expect(byCell.get(a1(hs[0]))!.fill).toEqual({ kind: "none" });
    expect(byCell.get(a1(hs[1]))!.fill).toEqual({ kind: "solid", color: "FFFFFF" });
    expect(byCell.get(a1(hs[1]))!.userNote).toBe("Ghi chú của tôi: hỏi lại phòng Nội vụ");
    expect(byCell.get(a1(hs[2]))!.fill).toEqual({ kind: "solid", color: "DDEBF7" });
    expect(byCell.get(a1(hs[3]))!.fill).toEqual({ kind: "pattern", pattern: "Solid", color: "4472C4", patternColor: "000000", tintAndShade: 0.6 });
    expect(byCell.get(a1(hs[4]))!.fill).toEqual({ kind: "pattern", pattern: "Gray25", color: "FFF2CC", patternColor: "BF8F00", tintAndShade: 0 });
    expect(rec.sheets).toEqual(["Kết quả kiểm tra", "Tổng hợp biên chế", "Chất lượng CBCC"]);
    // Written before the first mark, in an earlier sync.
    const reqs = book.stats.requests;
    const recordSync = reqs.findIndex((r) => r.kinds.includes("customXmlParts.add") || r.kinds.includes("setXml"));
    const markSync = reqs.findIndex((r) => r.kinds.includes("fill.color"));
    expect(recordSync).toBeGreaterThanOrEqual(0);
    expect(recordSync).toBeLessThan(markSync);
    expect(book.stats.suspendScreenUpdating).toBe(1);
    expect(book.stats.runs.every((o) => o.delayForCellEdit === true)).toBe(true);
  });

  it("restores every original fill exactly on clear (no fill stays no fill, white stays white) and removes only its own notes", async () => {
    const { book, hs, sheet } = await messyBook();
    const before = fills(book, sheet);
    await validateNow(book.host(), { now: NOW });
    expect(fills(book, sheet)).not.toEqual(before);
    book.resetStats();
    const { outcome, cleared } = await clearHighlights(book.host(), { now: NOW });
    expect(fills(book, sheet)).toEqual(before);
    // The banded columns read as mixed, so their marked cells were read one by one (getCellProperties).
    expect(book.stats.requests.some((r) => r.kinds.some((k) => k.endsWith(".getCellProperties")))).toBe(true);
    expect(book.stats.syncs).toBeLessThanOrEqual(8);
    expect(book.fill(sheet, a1(hs[0]))).toBeUndefined();
    expect(book.fill(sheet, a1(hs[1]))).toEqual(WHITE);
    expect(cleared).toMatchObject({ restored: hs.length, keptByUser: 0, missing: 0, notesRemoved: hs.length, by: "addin" });
    expect(book.note(sheet, a1(hs[1]))).toBe("Ghi chú của tôi: hỏi lại phòng Nội vụ");
    for (const h of hs.filter((_, i) => i !== 1)) expect(book.note(sheet, a1(h))).toBeUndefined();
    expect(outcome.text.vi).toMatch(/^Đã xóa đánh dấu ở \d+ ô/);
    // The record keeps our sheets (they stay: deleting a sheet breaks undo) and no marks.
    expect(record(book)).toMatchObject({ cells: [], sheets: ["Kết quả kiểm tra", "Tổng hợp biên chế", "Chất lượng CBCC"] });
    expect(book.sheets.map((s) => s.name)).toContain("Kết quả kiểm tra");
    // A second clear has nothing to do.
    const again = await clearHighlights(book.host(), { now: NOW });
    expect(again.cleared.restored).toBe(0);
    expect(again.outcome.text.vi).toBe("Không có ô nào đang được đánh dấu.");
  });

  it("leaves a cell whose fill the user changed after marking as the user set it", async () => {
    const { book, hs, sheet } = await messyBook();
    await validateNow(book.host(), { now: NOW });
    book.setFill(sheet, a1(hs[2]), GREEN);
    const { cleared } = await clearHighlights(book.host(), { now: NOW });
    expect(book.fill(sheet, a1(hs[2]))).toEqual(GREEN);
    expect(book.fill(sheet, a1(hs[0]))).toBeUndefined();
    expect(cleared.keptByUser).toBe(1);
    expect(cleared.restored).toBe(hs.length - 1);
  });

  it("clears the marks the CLI made (a change record by \"cli\" with OriginalFill values), keeping other settings", async () => {
    const { book } = fakeOf(await districtListFixture({}), { listSeparator: ";" });
    const sheet = "DS CBCC";
    const cli: ChangeRecord = {
      version: 1,
      by: "cli",
      at: "2024-12-30T08:00:00.000Z",
      sheets: ["Kết quả kiểm tra"],
      cells: [
        { sheet, cell: "C10", markColor: "FFC7CE", fill: { kind: "none" }, styleIndex: 3 },
        { sheet, cell: "C11", markColor: "FFEB9C", fill: { kind: "solid", color: "FFFFFF" }, styleIndex: 4 },
        { sheet, cell: "D12", markColor: "FFEB9C", fill: { kind: "solid", color: "DDEBF7" }, styleIndex: 5 },
        { sheet, cell: "E13", markColor: "FFC7CE", fill: { kind: "pattern", pattern: "Gray25", color: "FFF2CC", patternColor: "BF8F00" }, styleIndex: 6 },
        { sheet, cell: "F14", markColor: "FFC7CE", fill: { kind: "none" }, styleIndex: 3, userNote: "Của tôi" },
        { sheet, cell: "G15", markColor: "FFEB9C", fill: { kind: "none" }, styleIndex: 3 },
        { sheet: "Trang đã xóa", cell: "A1", markColor: "FFC7CE", fill: { kind: "none" } },
      ],
      textRepairs: [{ sheet, cell: "B9", original: "NguyÔn V¨n An", styleIndex: 2 }],
    };
    const mark = (color: string): FakeFill => ({ color: `#${color}`, pattern: "Solid", patternColor: "#000000", tintAndShade: 0 });
    for (const c of cli.cells.slice(0, 6)) book.setFill(sheet, c.cell, mark(c.markColor));
    book.setFill(sheet, "G15", GREEN); // changed by the user since
    book.setNote(sheet, "C10", `${NOTE_MARKER}\n• Lỗi: ngày sinh không có thật`);
    book.setNote(sheet, "F14", `Của tôi\n${NOTE_MARKER}\n• Lỗi: thiếu họ tên`);
    book.addCustomXmlPart(settingsXml({ [CHANGES_KEY]: JSON.stringify(cli), "hoso.mapping": '{"DS CBCC":{"columns":{"idNumber":"K"}}}' }));

    const { cleared } = await clearHighlights(book.host(), { now: NOW });
    expect(cleared).toMatchObject({ by: "cli", restored: 5, keptByUser: 1, missing: 1, notesRemoved: 2 });
    expect(book.fill(sheet, "C10")).toBeUndefined();
    expect(book.fill(sheet, "C11")).toEqual(WHITE);
    expect(book.fill(sheet, "D12")).toEqual(BLUE);
    expect(book.fill(sheet, "E13")).toEqual({ color: "#FFF2CC", pattern: "Gray25", patternColor: "#BF8F00", tintAndShade: 0 });
    expect(book.fill(sheet, "F14")).toBeUndefined();
    expect(book.fill(sheet, "G15")).toEqual(GREEN);
    expect(book.note(sheet, "C10")).toBeUndefined();
    expect(book.note(sheet, "F14")).toBe("Của tôi");
    const settings = stored(book);
    expect(settings["hoso.mapping"]).toBe('{"DS CBCC":{"columns":{"idNumber":"K"}}}');
    expect(record(book)).toMatchObject({ cells: [], sheets: ["Kết quả kiểm tra"], textRepairs: cli.textRepairs });
  });

  it("refuses, before writing anything, to overwrite a change record it cannot read", async () => {
    const { book } = fakeOf(await districtListFixture({}));
    book.addCustomXmlPart(settingsXml({ [CHANGES_KEY]: JSON.stringify({ version: 1, parts: [], cells: [{ sheet: "DS CBCC", ref: "C10", s: 3, to: 9 }] }) }));
    const before = book.snapshot();
    const err = await validateNow(book.host(), { now: NOW }).catch((e: unknown) => e);
    expect(isEngineError(err) && err.code).toBe("excel.unknownRecord");
    await expect(clearMarks(book.host())).rejects.toMatchObject({ code: "excel.unknownRecord" });
    expect(book.snapshot()).toBe(before);
  });

  it("re-runs cleanly: a second click gives the same workbook as the first", async () => {
    const { book, sheet } = await messyBook();
    await validateNow(book.host(), { now: NOW });
    const first = { fills: fills(book, sheet), notes: book.sheet(sheet).notes.map((n) => ({ ...n })), sheets: book.sheets.map((s) => s.name), tables: book.tables.map((t) => t.name), findings: sheetValues(book, "Kết quả kiểm tra"), staffing: sheetValues(book, "Tổng hợp biên chế"), charts: book.sheet("Tổng hợp biên chế").charts.length, cells: record(book)!.cells };
    const second = await validateNow(book.host(), { now: NOW });
    expect(second.applied.cleared?.restored).toBe(first.cells.length);
    expect({ fills: fills(book, sheet), notes: book.sheet(sheet).notes.map((n) => ({ ...n })), sheets: book.sheets.map((s) => s.name), tables: book.tables.map((t) => t.name), findings: sheetValues(book, "Kết quả kiểm tra"), staffing: sheetValues(book, "Tổng hợp biên chế"), charts: book.sheet("Tổng hợp biên chế").charts.length, cells: record(book)!.cells }).toEqual(first);
    // And clearing after two runs still gives back the fills from before the first.
    await clearHighlights(book.host(), { now: NOW });
    const originals = (await messyBook()).book;
    expect(fills(book, sheet)).toEqual(fills(originals, sheet));
  });

  describe("a protected sheet", () => {
    it("stops the run with one clear bilingual message before anything is written", async () => {
      const { book, sheet } = await messyBook();
      book.sheet(sheet).protected = true;
      const before = book.snapshot();
      const err = await validateNow(book.host(), { now: NOW }).catch((e: unknown) => e);
      expect(isEngineError(err) && err.code).toBe("excel.protectedSheet");
      const line = formatEngineError(err as never);
      expect(line).toContain(`Trang tính "${sheet}" đang được bảo vệ`);
      expect(line).toContain(`Sheet "${sheet}" is protected`);
      expect(book.snapshot()).toBe(before);
      expect(book.stats.writes).toBe(0);
    });

    it("stops a clear the same way, and a protected workbook structure stops the first run", async () => {
      const { book, sheet } = await messyBook();
      await validateNow(book.host(), { now: NOW });
      book.sheet(sheet).protected = true;
      const before = book.snapshot();
      await expect(clearMarks(book.host())).rejects.toMatchObject({ code: "excel.protectedSheet", params: { sheet } });
      expect(book.snapshot()).toBe(before);

      const fresh = (await messyBook()).book;
      fresh.structureProtected = true;
      const untouched = fresh.snapshot();
      await expect(validateNow(fresh.host(), { now: NOW })).rejects.toMatchObject({ code: "excel.protectedWorkbook" });
      expect(fresh.snapshot()).toBe(untouched);
    });
  });

  describe("notes by requirement set", () => {
    it.each([
      [18, "notes"],
      [12, "comments"],
      [9, "none"],
    ] as const)("ExcelApi 1.%i: finding texts as %s", async (apiVersion, mode) => {
      const { book, hs, sheet } = await messyBook({ apiVersion });
      const { applied, outcome } = await validateNow(book.host(), { now: NOW });
      expect(applied.noteMode).toBe(mode);
      expect(book.stats.requests.some((r) => r.failed === "ApiNotFound")).toBe(false);
      const h = hs[0];
      if (mode === "notes") {
        expect(book.note(sheet, a1(h))).toContain(NOTE_MARKER);
        expect(outcome.details).toEqual([]);
      } else if (mode === "comments") {
        expect(book.note(sheet, a1(h))).toBeUndefined();
        expect(book.comment(sheet, a1(h))).toContain(NOTE_MARKER);
        expect(book.comments).toHaveLength(hs.length);
        expect(outcome.details.map((d) => d.en).join(" ")).toMatch(/threaded comments/);
        // ExcelApi 1.12 has no merged-areas API either: said once, not an error.
        expect(outcome.details.map((d) => d.en).join(" ")).toMatch(/needs ExcelApi 1\.13/);
      } else {
        expect(book.comments).toHaveLength(0);
        expect(book.note(sheet, a1(h))).toBe(mode === "none" && h === hs[1] ? "Ghi chú của tôi: hỏi lại phòng Nội vụ" : undefined);
        expect(outcome.details.map((d) => d.vi).join(" ")).toMatch(/liên kết tới ô/);
      }
      // In every mode the findings sheet links to each finding's cell.
      const links = [...book.sheet("Kết quả kiểm tra").cells.values()].filter((c) => c.hyperlink).map((c) => c.hyperlink!.documentReference);
      expect(links).toContain(`${sheet}!${a1(h)}`);
      await clearHighlights(book.host(), { now: NOW });
      expect(book.comments).toHaveLength(0);
      expect(book.fill(sheet, a1(hs[1]))).toEqual(WHITE);
    });
  });

  it("writes its own sheets: a filtered table, links to the cells, a chart, frozen headers, tab colours and print settings", async () => {
    const { book } = fakeOf(await districtListFixture({ withQuota: true }), { listSeparator: ";" });
    const { report, applied } = await validateNow(book.host(), { now: NOW });
    expect(applied.sheets).toEqual(["Kết quả kiểm tra", "Tổng hợp biên chế", "Chất lượng CBCC", "Danh sách cần lưu ý"]);
    const findings = book.sheet("Kết quả kiểm tra");
    const table = book.tables.find((t) => t.sheet === findings)!;
    expect(table.name).toBe("KetQuaKiemTra");
    expect(table.rect.bottom - table.rect.top).toBe(report.findings.length);
    const links = [...findings.cells.values()].filter((c) => c.hyperlink);
    expect(links.length).toBe(report.findings.filter((f) => f.sheet && (f.cell || f.column)).length);
    for (const l of links) expect(l.hyperlink!.documentReference).toMatch(/^('DS CBCC'|'Định biên')!\$?[A-Z]+\d+$/);
    expect(findings.freeze).toEqual({ rows: table.rect.top, columns: 0 });
    expect(findings.tabColor).toBe("#C00000");
    expect(findings.pageLayout).toEqual({ orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: `$${table.rect.top}:$${table.rect.top}` });
    const staffing = book.sheet("Tổng hợp biên chế");
    expect(staffing.charts).toHaveLength(1);
    expect(staffing.charts[0].series.map((s) => s.name)).toEqual([LABELS.staffing.seriesAssigned, LABELS.staffing.seriesActual]);
    expect(staffing.charts[0].title).toBe(LABELS.staffing.chartTitle);
    expect(staffing.charts[0].series.every((s) => s.values && s.xValues)).toBe(true);
    expect(staffing.merges.length).toBeGreaterThan(5);
    expect([...staffing.cells.values()].some((c) => c.font?.bold && c.borders && c.fill?.color === "#D9D9D9")).toBe(true);
    expect(applied.printApplied).toBe(true);
  });

  it("skips print settings where pageLayout fails, and says so, with everything else written", async () => {
    const { book } = fakeOf(await districtListFixture({ withQuota: true }), { pageLayoutFails: true });
    const { applied, outcome } = await validateNow(book.host(), { now: NOW });
    expect(applied.printApplied).toBe(false);
    expect(outcome.details.map((d) => d.en)).toContain("Print settings of the result sheets were not fully applied (not supported by this Excel).");
    expect(book.sheet("Kết quả kiểm tra").pageLayout).toEqual({});
    expect(book.tables).toHaveLength(1);
    expect(applied.marked).toBeGreaterThan(0);
  });

  it("writes text from cells as text: never a formula, never a number", async () => {
    const rows: (string | number | undefined)[][] = [
      ["DANH SÁCH CÁN BỘ XÃ QUẢNG LỢI"],
      ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Số CCCD"],
      [1, '=HYPERLINK("http://x.example","bấm")', serial(1980, 2, 3), "Nam", "Chủ tịch UBND", "0123"],
      [2, "+84 Trần Văn Bình", "31/02/1981", "Nam", "Phó Chủ tịch UBND", "022181000123"],
      [3, "@Lê Thị Cúc", serial(1990, 5, 6), "Nữ", "Văn phòng - thống kê", "-1"],
    ];
    const grid = workbookGrid([{ name: "DS CBCC", rows, styles: { C3: { numberFormat: "dd/mm/yyyy" }, C5: { numberFormat: "dd/mm/yyyy" } } }]);
    const book = FakeWorkbook.fromGrid(grid);
    const { report } = await validateNow(book.host(), { now: NOW });
    const persons = report.findings.map((f) => f.person).filter((p): p is string => !!p);
    expect(persons.some((p) => /^[=+@-]/.test(p))).toBe(true);
    for (const name of ["Kết quả kiểm tra", "Tổng hợp biên chế", "Chất lượng CBCC"]) {
      for (const cell of book.sheet(name).cells.values()) expect(cell.formula).toBeUndefined();
    }
    const texts = [...book.sheet("Kết quả kiểm tra").cells.values()].map((c) => c.value);
    for (const p of persons) expect(texts).toContain(p);
    // The impossible date stays the text the user typed (as "General" it would turn into a date or a number).
    expect(texts.some((t) => typeof t === "string" && t.includes("31/02/1981"))).toBe(true);
    // Long text cannot take the "@" format (Excel shows ### past 255 characters): an apostrophe keeps it text.
    expect(cellOutput({ value: `=${"x".repeat(300)}` })).toEqual({ format: "General", value: `'=${"x".repeat(300)}` });
    expect(cellOutput({ value: "0123" })).toEqual({ format: "@", value: "0123" });
    expect(cellOutput({ value: 12, style: "integer" })).toEqual({ format: "#,##0", value: 12 });
  });

  it("marks thousands of scattered cells with address lists under 8,192 characters, in the locale's separator", async () => {
    const { book, grid } = fakeOf(await largeRosterFixture(5000), { listSeparator: ";" });
    const sheet = grid.sheets[0].name;
    const highlights: PlanHighlight[] = [];
    for (let r = 12; r < 5000; r += 2) highlights.push({ sheet, row: r, col: 2 + (r % 7), severity: r % 3 === 0 ? "error" : "warning", note: `${NOTE_MARKER}\n• Cảnh báo: thử ${r}` });
    const plan: EditPlan = { highlights, sheets: [] };
    const before = fills(book, sheet);
    const applied = await applyPlan(book.host(), plan);
    expect(applied.marked).toBe(highlights.length);
    const lists = book.stats.requests.flatMap((r) => r.kinds).filter((k) => k === "fill.color").length;
    expect(lists).toBeGreaterThan(2);
    expect(lists).toBeLessThan(highlights.length / 50);
    expect(book.stats.requests.filter((r) => r.failed).map((r) => r.failed)).toEqual(["InvalidArgument"]); // the separator probe
    expect(applied.stats.syncs).toBeLessThanOrEqual(12);
    for (const h of highlights.slice(0, 50)) expect(book.fill(sheet, a1(h))?.color).toBe(`#${HIGHLIGHT_FILLS[h.severity]}`);
    const cleared = await clearMarks(book.host());
    expect(cleared.restored).toBe(highlights.length);
    expect(fills(book, sheet)).toEqual(before);
  }, 60000);

  it("marks at most MAX_MARKS cells, errors first, and keeps the change record under the payload budget", async () => {
    const { book, grid } = fakeOf(await largeRosterFixture(5000), { listSeparator: ";" });
    const sheet = grid.sheets[0].name;
    const highlights: PlanHighlight[] = [];
    for (let r = 12; highlights.length < MAX_MARKS + 300; r++) {
      for (const col of [2, 3, 5, 8]) highlights.push({ sheet, row: r, col, severity: col === 3 ? "error" : "warning", note: `${NOTE_MARKER}\n• Cảnh báo: trình độ chuyên môn "xyz" không có trong danh mục [data.unrecognizedValue]` });
    }
    const applied = await applyPlan(book.host(), { highlights, sheets: [] });
    expect(applied).toMatchObject({ marked: MAX_MARKS, notMarked: highlights.length - MAX_MARKS });
    const rec = record(book)!;
    expect(rec.cells).toHaveLength(MAX_MARKS);
    const errors = highlights.filter((h) => h.severity === "error").length;
    expect(rec.cells.filter((c) => c.markColor === HIGHLIGHT_FILLS.error)).toHaveLength(errors);
    const recordRequest = book.stats.requests.find((r) => r.kinds.includes("customXmlParts.add"))!;
    expect(recordRequest.requestBytes).toBeLessThanOrEqual(PAYLOAD_BUDGET_BYTES);
    expect(Math.max(...book.stats.requests.map((r) => r.requestBytes))).toBeLessThanOrEqual(PAYLOAD_BUDGET_BYTES);
    expect(applied.stats.syncs).toBeLessThan(30);
  }, 120000);

  it("builds its plan from the engine's report (the plan and the marks agree)", async () => {
    const { book, grid } = fakeOf(await districtListFixture({ withQuota: true }));
    const r = validateWorkbook(grid, { asOf: AS_OF });
    const plan = buildEditPlan({ report: r.report, reading: r.reading, summaries: r.summaries, asOf: r.asOf, ruleSetName: "Nghị định 33/2023/NĐ-CP" });
    const applied = await applyPlan(book.host(), plan);
    expect(applied.marked).toBe(plan.highlights.length);
    const rec = record(book)!;
    expect(rec.cells.map((c) => `${c.sheet}!${c.cell}:${c.markColor}`).sort()).toEqual(plan.highlights.map((h) => `${h.sheet}!${a1(h)}:${HIGHLIGHT_FILLS[h.severity]}`).sort());
    for (const c of rec.cells) expect(parseCellAddress(c.cell)).toBeDefined();
  });
});
