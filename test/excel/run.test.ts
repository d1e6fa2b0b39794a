/**
 * The one-click commands as functions of a host, and the outcome bus the ribbon command and the
 * task pane share.
 */
import { settingsXml } from "../../src/core/settings";
import { clearHighlights, validateNow } from "../../src/excel/run";
import { failedOutcome, lastOutcome, outcomeLine, publishOutcome, subscribeOutcome, type RunOutcome } from "../../src/excel/outcome";
import { FakeWorkbook } from "../support/fakeExcel";
import { districtListFixture, largeRosterFixture, messyListFixture } from "../support/workbooks";
import { fakeOf, NOW } from "./books";

describe("validateNow", () => {
  it("reports the counts by severity of the engine's report, Vietnamese first", async () => {
    const { book } = fakeOf(await messyListFixture({}));
    const { outcome, report, applied } = await validateNow(book.host(), { now: NOW });
    const t = report.totals!;
    expect(t.errors).toBeGreaterThan(0);
    expect(t.warnings).toBeGreaterThan(0);
    expect(outcome).toMatchObject({ kind: "validated", totals: t, marked: applied.marked });
    expect(outcome.text.vi).toBe(`Đã kiểm tra ${t.records} người: ${t.errors} lỗi, ${t.warnings} cảnh báo, ${t.infos} thông tin; đã tô màu ${applied.marked} ô.`);
    expect(outcome.text.en).toBe(`Checked ${t.records} people: ${t.errors} errors, ${t.warnings} warnings, ${t.infos} notices; ${applied.marked} cells marked.`);
    // The as-of date is today in Vietnam: 2024-12-31 03:00 UTC is 10:00 in Hà Nội.
    expect(report.asOf).toBe("2024-12-31");
  });

  it("uses the workbook's saved settings: the rule set and the column mapping", async () => {
    const { book } = fakeOf(await districtListFixture({ withQuota: true }));
    book.addCustomXmlPart(settingsXml({ "hoso.ruleSet": "nd34-2019", "hoso.mapping": JSON.stringify({ "DS CBCC": { columns: { idNumber: "L" } } }) }));
    const { report } = await validateNow(book.host(), { now: NOW });
    expect(report.ruleSet).toMatchObject({ id: "nd34-2019", chosenBy: "option" });
    expect(report.sheets.find((s) => s.name === "DS CBCC")!.columns).toMatchObject({ idNumber: "L" });
    // …and an unknown saved rule set falls back to the regime in force.
    const other = fakeOf(await districtListFixture({})).book;
    other.addCustomXmlPart(settingsXml({ "hoso.ruleSet": "khong-co" }));
    expect((await validateNow(other.host(), { now: NOW })).report.ruleSet).toMatchObject({ id: "nd33-2023", chosenBy: "asOf" });
  });

  it("waits for the user to leave cell-edit mode instead of failing (delayForCellEdit)", async () => {
    const { book } = fakeOf(await districtListFixture({}), { cellEditMode: true });
    await expect(validateNow(book.host(), { now: NOW })).resolves.toMatchObject({ outcome: { kind: "validated" } });
    expect(book.stats.runs.length).toBeGreaterThanOrEqual(2);
    expect(book.stats.runs.every((o) => o.delayForCellEdit === true)).toBe(true);
  });

  it("refuses an Excel below ExcelApi 1.9 before touching the workbook", async () => {
    const { book } = fakeOf(await districtListFixture({}), { apiVersion: 8 });
    const before = book.snapshot();
    await expect(validateNow(book.host(), { now: NOW })).rejects.toMatchObject({ code: "excel.apiNotSupported" });
    expect(book.stats.syncs).toBe(0);
    expect(book.snapshot()).toBe(before);
  });

  it.each([
    [500, 5, 7],
    [5000, 7, 7],
  ])("takes a bounded number of round trips for %i people (read %i, write at most %i)", async (n, readSyncs, writeSyncs) => {
    const { book } = fakeOf(await largeRosterFixture(n), { listSeparator: ";" });
    const { read, applied } = await validateNow(book.host(), { now: NOW });
    expect(read.syncs).toBe(readSyncs);
    expect(applied.stats.syncs).toBeLessThanOrEqual(writeSyncs);
    expect(book.stats.syncs).toBe(read.syncs + applied.stats.syncs);
    expect(Math.max(...book.stats.requests.map((r) => Math.max(r.requestBytes, r.responseBytes)))).toBeLessThan(5 * 1024 * 1024);
  }, 60000);
});

describe("clearHighlights", () => {
  it("says so when nothing is marked", async () => {
    const { book } = fakeOf(await districtListFixture({}));
    const { outcome } = await clearHighlights(book.host(), { now: NOW });
    expect(outcome).toMatchObject({ kind: "cleared", restored: 0, text: { vi: "Không có ô nào đang được đánh dấu.", en: "No cell is marked." } });
  });
});

describe("the outcome bus", () => {
  const sample: RunOutcome = { kind: "validated", at: "2024-12-31T03:00:00.000Z", totals: { records: 30, errors: 1, warnings: 2, infos: 3 }, marked: 3, text: { vi: "Đã kiểm tra 30 người", en: "Checked 30 people" }, details: [{ vi: "Chi tiết", en: "Detail" }] };

  it("is one bus for every copy of the module (the pane's bundle and the commands' bundle)", () => {
    let otherCopy: typeof import("../../src/excel/outcome") | undefined;
    jest.isolateModules(() => {
      otherCopy = jest.requireActual<typeof import("../../src/excel/outcome")>("../../src/excel/outcome");
    });
    expect(otherCopy!.publishOutcome).not.toBe(publishOutcome);
    const seen: RunOutcome[] = [];
    const stop = otherCopy!.subscribeOutcome((o) => seen.push(o));
    publishOutcome(sample);
    expect(seen).toEqual([sample]);
    expect(otherCopy!.lastOutcome()).toBe(sample);
    stop();
    publishOutcome({ ...sample, marked: 4 });
    expect(seen).toHaveLength(1);
    expect(lastOutcome()?.marked).toBe(4);
  });

  it("keeps a failing listener from stopping the others", () => {
    const seen: string[] = [];
    const a = subscribeOutcome(() => {
      throw new Error("listener bug");
    });
    const b = subscribeOutcome((o) => seen.push(o.kind));
    publishOutcome(sample);
    a();
    b();
    expect(seen).toEqual(["validated"]);
  });

  it("turns any failure into one bilingual line with its code", () => {
    const editing = failedOutcome(Object.assign(new Error("The operation isn't available while the user is editing a cell."), { code: "InvalidOperationInCellEditMode" }));
    expect(editing).toMatchObject({ kind: "failed", errorCode: "excel.cellEditMode", text: { vi: "Excel đang ở chế độ sửa ô; hãy nhấn Enter hoặc Esc rồi bấm lại", en: "Excel is in cell-edit mode; press Enter or Esc and click again" } });
    const unknown = failedOutcome(new TypeError("x is undefined"));
    expect(unknown.errorCode).toBe("excel.failed");
    expect(outcomeLine(unknown, "vi")).toMatch(/^Excel báo lỗi khi .*\(TypeError\): x is undefined$/);
    expect(outcomeLine(sample, "en")).toBe("Checked 30 people Detail");
    expect(outcomeLine(sample, "vi")).not.toMatch(/\n/);
  });

  it("gives a protected sheet's failure the sheet's name in both languages", async () => {
    const book = new FakeWorkbook();
    const s = book.addSheet("DS CBCC");
    s.protected = true;
    s.at(1, 1).value = "STT";
    s.at(1, 2).value = "Họ và tên";
    s.at(2, 1).value = 1;
    s.at(2, 2).value = "Nguyễn Văn An";
    s.at(3, 1).value = 2;
    const err = await validateNow(book.host(), { now: NOW }).catch((e: unknown) => e);
    const outcome = failedOutcome(err);
    expect(outcome.errorCode).toBe("excel.protectedSheet");
    expect(outcome.text.vi).toContain('Trang tính "DS CBCC" đang được bảo vệ');
    expect(outcome.text.en).toContain('Sheet "DS CBCC" is protected');
  });
});
