/** @jest-environment jsdom */
/**
 * The first-run screen (issue 9): a checked workbook with neither a quota sheet nor a "Quy định"
 * sheet gets the offer to create both; the sheets the pane creates in the strict fake are read
 * back by the next check as the quota and settings sheets.
 */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { validateWorkbook } from "../../src/core/engine";
import { OFF_MARK, QUOTA_HEADERS, QUOTA_SHEET_NAME, ruleSettingRows, settingsStarterSheet } from "../../src/core/plan/starterSheets";
import { chooseRuleSet } from "../../src/core/rulesets";
import { readWorkbookGrid } from "../../src/excel";
import { districtListFixture } from "../support/workbooks";
import { fakeBook, renderPane } from "./render";

jest.setTimeout(60000);

const HEADING = "Bắt đầu: trang Định biên và Quy định";

async function checkedPane(o: { withQuota?: boolean } = {}) {
  const book = fakeBook(await districtListFixture({ count: 30, ...(o.withQuota ? { withQuota: true } : {}) }));
  const user = userEvent.setup();
  renderPane({ book });
  await user.click(screen.getByRole("button", { name: "Kiểm tra hồ sơ" }));
  await screen.findByRole("heading", { name: "Kết quả kiểm tra" }, { timeout: 30000 });
  return { book, user };
}

/** A sheet of the fake as rows of values (row 1 first). */
function rowsOf(book: ReturnType<typeof fakeBook>, sheet: string, columns: number): unknown[][] {
  const s = book.sheet(sheet);
  const rect = s.usedRect()!;
  const out: unknown[][] = [];
  for (let r = 1; r <= rect.bottom; r++) out.push(Array.from({ length: columns }, (_, c) => s.get(r, c + 1)?.value ?? null));
  return out;
}

describe("the first-run screen", () => {
  it("offers the quota and rules sheets, creates them for the units found, and the next check reads them", async () => {
    const { book, user } = await checkedPane();
    expect(book.sheets.map((s) => s.name)).toEqual(["DS CBCC"]);
    const heading = screen.getByRole("heading", { name: HEADING, level: 2 });
    expect(heading).toBeTruthy();
    expect(screen.getByText(/với 3 đơn vị tìm thấy/)).toBeTruthy();
    const create = screen.getByRole("button", { name: "Tạo trang Định biên và Quy định" });
    // Keyboard: focus and Enter, and the button is described by the explanation.
    expect(create.getAttribute("aria-describedby")).toBe("starter-help");
    create.focus();
    await user.keyboard("{Enter}");
    await screen.findByText(/^Đã tạo trang: Định biên, Quy định\./);
    expect(screen.queryByRole("heading", { name: HEADING })).toBeNull();
    expect(book.sheets.map((s) => s.name)).toEqual(["DS CBCC", QUOTA_SHEET_NAME, "Quy định"]);
    expect(book.activeSheet).toBe(QUOTA_SHEET_NAME);

    // "Định biên": the headers, then one row per unit with its name; the figures empty.
    const quota = rowsOf(book, QUOTA_SHEET_NAME, QUOTA_HEADERS.length);
    expect(quota[0]).toEqual([...QUOTA_HEADERS]);
    expect(quota.slice(1).map((r) => r[1]).sort()).toEqual(["Thị trấn Đầm Hà", "Xã Quảng Lợi", "Xã Đầm Hà"].sort());
    for (const r of quota.slice(1)) expect(r.slice(4)).toEqual([null, null, null, null, null]);

    // "Quy định": key / value rows of the rule set the check used.
    const set = chooseRuleSet({ asOf: "2024-12-31" }).set;
    const keys = ruleSettingRows(set);
    const rules = rowsOf(book, "Quy định", 3).filter((r) => typeof r[0] === "string" && /^(# )?[a-z]+\./.test(r[0] as string));
    expect(rules.map((r) => String(r[0]).replace(OFF_MARK, ""))).toEqual(keys.map((k) => k.key));
    expect(rules.find((r) => r[0] === "quota.overCap.cadreAndCivilServant.xã.II")?.[1]).toBe(20);
    // Derived and unconfirmed values are there switched off ("# key"), so the sheet as created changes no severity.
    expect(keys.some((k) => k.status !== "confirmed")).toBe(true);
    for (const k of keys.filter((k) => k.status !== "confirmed")) expect(rules.some((r) => r[0] === OFF_MARK + k.key)).toBe(true);
    const gridNow = await readWorkbookGrid(book.host());
    const withSettingsOnly = { ...gridNow, sheets: gridNow.sheets.filter((s) => s.name !== QUOTA_SHEET_NAME) };
    const without = { ...gridNow, sheets: gridNow.sheets.filter((s) => s.name === "DS CBCC") };
    const brief = (g: typeof gridNow) => validateWorkbook(g, { asOf: "2024-12-31" }).report.findings.map((f) => `${f.rule} ${f.severity} ${f.cell ?? f.unit ?? ""}`);
    expect(brief(withSettingsOnly)).toEqual(brief(without));

    // The office types a figure and changes a value; the next check reads both.
    const cbccProvince = QUOTA_HEADERS.indexOf("Biên chế CBCC tỉnh giao") + 1;
    const qlRow = quota.findIndex((r) => r[1] === "Xã Quảng Lợi") + 1;
    book.sheet(QUOTA_SHEET_NAME).at(qlRow, cbccProvince).value = 19;
    const soonRow = rowsOf(book, "Quy định", 1).findIndex((r) => r[0] === "retirement.soon.withinMonths") + 1;
    book.sheet("Quy định").at(soonRow, 2).value = 24;
    const report = validateWorkbook(await readWorkbookGrid(book.host()), { asOf: "2024-12-31" }).report;
    expect(report.sheets.find((s) => s.name === QUOTA_SHEET_NAME)?.role).toBe("quota");
    expect(report.sheets.find((s) => s.name === "Quy định")?.role).toBe("settings");
    // Every row of the created sheet is a valid setting.
    expect(report.findings.filter((f) => f.rule === "data.invalidSetting")).toEqual([]);
    expect(report.units.find((u) => /Quảng Lợi/.test(u.name))?.quota?.cadreAndCivilServant?.province).toBe(19);
    expect(report.ruleSet.overrides?.find((o) => o.rule === "retirement.soon" && o.key === "withinMonths")).toMatchObject({ value: 24, source: "sheet", sheet: "Quy định" });

    // In the pane: the next check no longer offers the sheets.
    await user.click(screen.getByRole("button", { name: "Kiểm tra hồ sơ" }));
    await screen.findByText(/Đã kiểm tra \d+ người/, undefined, { timeout: 30000 });
    expect(screen.queryByRole("heading", { name: HEADING })).toBeNull();

    // They are the user's sheets: "Xóa đánh dấu" leaves them.
    await user.click(screen.getByRole("button", { name: "Xóa đánh dấu" }));
    await screen.findByText(/Đã (khôi phục|xóa)/, undefined, { timeout: 20000 });
    expect(book.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([QUOTA_SHEET_NAME, "Quy định"]));
  });

  it("is not offered when the workbook has a quota sheet", async () => {
    await checkedPane({ withQuota: true });
    expect(screen.queryByRole("heading", { name: HEADING })).toBeNull();
  });

  it("writes flags as có / không, never as booleans", () => {
    const set = chooseRuleSet({ asOf: "2024-12-31" }).set;
    const sheet = settingsStarterSheet(set);
    const values = sheet.rows.map((r) => r?.[1]?.value);
    expect(values).toContain("có");
    expect(values.every((v) => typeof v !== "boolean")).toBe(true);
    expect(sheet.name).toBe("Quy định");
    expect(sheet.kind).toBe("starter");
  });
});
