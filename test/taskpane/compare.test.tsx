/** @jest-environment jsdom */
/**
 * "So sánh với năm trước" in the pane (issue 12, part 3): last year's roster chosen in the file
 * input is compared, by the core diff the CLI uses, with the roster in the open workbook (the
 * strict fake): one person left, one joined, one moved to the other unit. The "Biến động" sheet
 * lands in the fake with those counts and the panel's status line shows them.
 */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { LABELS_ISSUE12 } from "../../src/core/plan/labels";
import * as wb from "../support/workbooks";
import { fakeBook, renderPane, rowsOf, XLSX_MIME } from "./render";

jest.setTimeout(90000);

const UNITS = wb.makeUnits(2);
const MIME = XLSX_MIME;


/** Last year's roster, and this year's: the last of unit A left, a newcomer in unit A, a công chức of unit A moved to unit B. */
function rosters() {
  const a = wb.makePeople(12, 31, { units: [UNITS[0]] });
  const b = wb.makePeople(10, 32, { units: [UNITS[1]] });
  const older = [...a, ...b];
  const leaver = a[a.length - 1];
  const mover = a.find((p) => p.category === "Công chức")!;
  const newcomer = { ...wb.makePeople(1, 33, { units: [UNITS[0]] })[0], fullName: "Phạm Văn Mới", birthDate: "02/03/1995", idNumber: undefined };
  const newer = [...a.filter((p) => p !== leaver && p !== mover), newcomer, ...b, { ...mover, unit: UNITS[1] }];
  return { older, newer, leaver, mover, newcomer };
}

describe("So sánh với năm trước", () => {
  it("compares last year's roster with the open workbook and writes Biến động", async () => {
    const { older, newer, leaver, mover, newcomer } = rosters();
    const book = fakeBook(await wb.districtListFixture({ people: newer }));
    const userSheets = book.sheets.map((s) => s.name);
    const bytes = await wb.districtListWorkbook({ people: older });
    const user = userEvent.setup();
    renderPane({ book });

    const input = screen.getByLabelText("Danh sách năm trước");
    expect(input.hasAttribute("multiple")).toBe(false);
    await user.upload(input, new File([bytes as BlobPart], "ds-2023.xlsx", { type: MIME }));
    const run = screen.getByRole("button", { name: "So sánh và ghi trang Biến động" });
    run.focus();
    await user.keyboard("{Enter}");

    const status = await screen.findByText(/^Biến động: mới vào/, undefined, { timeout: 60000 });
    expect(status.textContent).toBe("Biến động: mới vào 1, nghỉ/chuyển đi 1, chuyển đơn vị 1, thay đổi chức vụ 0, thay đổi trình độ 0.");
    expect(screen.queryByRole("alert")).toBeNull();

    const names = book.sheets.map((s) => s.name);
    for (const s of userSheets) expect(names).toContain(s);
    expect(names).toContain(LABELS_ISSUE12.changesSheet);

    const C = LABELS_ISSUE12.changes;
    const rows = rowsOf(book, LABELS_ISSUE12.changesSheet);
    const total = rows.find((r) => r[0] === C.total)!;
    expect(total.slice(1, 7)).toEqual([1, 1, 1, 0, 0, 1]);
    const header = rows.findIndex((r) => r[0] === "STT");
    const list = rows.slice(header + 1).filter((r) => typeof r[0] === "number");
    const byKind = (k: string) => list.filter((r) => r[1] === k).map((r) => r[2]);
    expect(byKind(C.kinds.joined)).toEqual([newcomer.fullName]);
    expect(byKind(C.kinds.left)).toEqual([leaver.fullName]);
    expect(byKind(C.kinds.moved)).toEqual([mover.fullName]);
    const moved = list.find((r) => r[1] === C.kinds.moved)!;
    expect([moved[4], moved[5]].map((u) => String(u).toLowerCase())).toEqual([UNITS[0].toLowerCase(), UNITS[1].toLowerCase()]);
    expect(older.length).toBe(newer.length);
  });

  it("shows one bilingual line when the chosen file cannot be read", async () => {
    const book = fakeBook(await wb.districtListFixture({ count: 3 }));
    const user = userEvent.setup();
    renderPane({ book });
    await user.upload(screen.getByLabelText("Danh sách năm trước"), new File([new Uint8Array([1, 2, 3, 4])], "rac.xlsx"));
    await user.click(screen.getByRole("button", { name: "So sánh và ghi trang Biến động" }));
    const alert = await screen.findByRole("alert", undefined, { timeout: 30000 });
    expect(alert.textContent).toMatch(/rac\.xlsx.* — .*rac\.xlsx/);
    expect(alert.textContent).not.toMatch(/\n/);
    expect(book.sheets.map((s) => s.name)).not.toContain(LABELS_ISSUE12.changesSheet);
  });
});
