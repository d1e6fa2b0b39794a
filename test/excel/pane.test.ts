/** The adapter's additions for the task pane: stages and cancel, select a cell, save settings. */
import { parseSettingsXml, settingsXml } from "../../src/core/settings";
import { readSettings, selectCell, updateSettings, validateNow, type RunStage } from "../../src/excel";
import { districtListFixture } from "../support/workbooks";
import { fakeOf, NOW } from "./books";

describe("validateNow for the pane", () => {
  it("names each stage in order and honours the chosen date and rule set", async () => {
    const { book } = fakeOf(await districtListFixture({ count: 10 }));
    const stages: RunStage[] = [];
    const { report } = await validateNow(book.host(), { now: NOW, asOf: "2020-06-30", ruleSetId: "nd34-2019", onStage: (s) => stages.push(s) });
    expect(stages).toEqual(["reading", "checking", "writing"]);
    expect(report.asOf).toBe("2020-06-30");
    expect(report.ruleSet.id).toBe("nd34-2019");
  });

  it("is cancelled before writing: excel.cancelled, and the workbook is unchanged", async () => {
    const { book } = fakeOf(await districtListFixture({ count: 10 }));
    const before = book.snapshot();
    const controller = new AbortController();
    await expect(validateNow(book.host(), { now: NOW, signal: controller.signal, onStage: (s) => s === "checking" && controller.abort() })).rejects.toMatchObject({ code: "excel.cancelled" });
    expect(book.snapshot()).toBe(before);
  });

  it("with writeSheets false marks cells but writes no sheet, and keeps the record of sheets written before", async () => {
    const { book } = fakeOf(await districtListFixture({ count: 10 }));
    await validateNow(book.host(), { now: NOW });
    const sheets = book.sheets.map((s) => s.name);
    await validateNow(book.host(), { now: NOW, writeSheets: false });
    expect(book.sheets.map((s) => s.name)).toEqual(sheets);
    const record = JSON.parse(parseSettingsXml(book.customXmlParts[0].xml)["hoso.changes"]);
    expect(record.sheets).toEqual(expect.arrayContaining(["Kết quả kiểm tra"]));
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell, in one sync", async () => {
    const { book } = fakeOf(await districtListFixture({ count: 5 }));
    book.addSheet("Khác");
    book.activeSheet = "Khác";
    book.resetStats();
    await selectCell(book.host(), "DS CBCC", "C12");
    expect(book.activeSheet).toBe("DS CBCC");
    expect(book.selection).toEqual({ sheet: "DS CBCC", address: "C12" });
    expect(book.stats.syncs).toBe(1);
  });

  it("says which sheet is missing when it was renamed or deleted", async () => {
    const { book } = fakeOf(await districtListFixture({ count: 5 }));
    await expect(selectCell(book.host(), "Không có", "A1")).rejects.toMatchObject({ code: "excel.sheetNotFound", params: { sheet: "Không có" } });
  });
});

describe("updateSettings", () => {
  it("sets and removes keys and keeps every other key of our part", async () => {
    const { book } = fakeOf(await districtListFixture({ count: 5 }));
    book.addCustomXmlPart(settingsXml({ "hoso.changes": "{}", other: "x" }));
    await updateSettings(book.host(), () => ({ "hoso.mapping": '{"DS CBCC":{"columns":{"idNumber":"L"}}}', other: undefined }));
    expect(await readSettings(book.host())).toEqual({ "hoso.changes": "{}", "hoso.mapping": '{"DS CBCC":{"columns":{"idNumber":"L"}}}' });
    expect(book.customXmlParts).toHaveLength(1);
  });
});
