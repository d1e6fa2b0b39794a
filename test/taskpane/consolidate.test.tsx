/** @jest-environment jsdom */
/**
 * "Tổng hợp nhiều tệp" in the pane (issue 11, part 6): three commune rosters chosen in the file
 * input (one of them broken) are read by the file adapter and merged by the core in the pane, and
 * the summary sheets land in the strict fake Excel: "Tình trạng tệp" lists the three files with
 * the broken one's reason, the staffing sheet's total counts everyone read.
 */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { LABELS, SHEET_NAMES } from "../../src/core/plan/labels";
import * as wb from "../support/workbooks";
import { fakeBook, renderPane, rowsOf, XLSX_MIME } from "./render";

jest.setTimeout(90000);

const UNITS = wb.makeUnits(2);
const MIME = XLSX_MIME;


async function chosenFiles() {
  const people = [wb.makePeople(12, 21, { units: [UNITS[0]] }), wb.makePeople(9, 22, { units: [UNITS[1]] })];
  const a = await wb.districtListWorkbook({ people: people[0] });
  const b = await wb.districtListWorkbook({ people: people[1] });
  // A roster cut short in the post: the zip's end is missing.
  const broken = a.slice(0, Math.floor(a.length / 3));
  return {
    people,
    files: [new File([a as BlobPart], "xa-a.xlsx", { type: MIME }), new File([b as BlobPart], "xa-b.xlsx", { type: MIME }), new File([broken as BlobPart], "xa-hong.xlsx", { type: MIME })],
  };
}

describe("Tổng hợp nhiều tệp", () => {
  it("consolidates the chosen files into the open workbook, with the file status and the totals", async () => {
    const book = fakeBook(await wb.districtListFixture({ count: 5 }));
    const userSheets = [...book.sheets.map((s) => s.name)];
    const { people, files } = await chosenFiles();
    const user = userEvent.setup();
    renderPane({ book });

    const input = screen.getByLabelText("Các tệp cần tổng hợp");
    expect(input.getAttribute("accept")).toBe(".xlsx,.xlsm,.xls,.xml,.htm,.html");
    expect(input.hasAttribute("multiple")).toBe(true);
    await user.upload(input, files);
    expect(screen.getByText("Đã chọn 3 tệp")).toBeTruthy();
    const run = screen.getByRole("button", { name: "Tổng hợp vào sổ này" });
    // Keyboard: the button is reached and pressed without a mouse.
    run.focus();
    await user.keyboard("{Enter}");

    const status = await screen.findByText(/^Đã tổng hợp:/, undefined, { timeout: 60000 });
    const persons = people[0].length + people[1].length;
    expect(status.textContent).toContain("đọc được 2/3 tệp, không đọc được 1");
    expect(status.textContent).toContain(`2 đơn vị, ${persons} người`);
    expect(screen.queryByRole("alert")).toBeNull();

    // The user's sheets stay; ours are added.
    const names = book.sheets.map((s) => s.name);
    for (const s of userSheets) expect(names).toContain(s);
    for (const s of [SHEET_NAMES.files, SHEET_NAMES.staffing, SHEET_NAMES.quality]) expect(names).toContain(s);

    // "Tình trạng tệp": the three files, the broken one unread with its reason.
    const rows = rowsOf(book, SHEET_NAMES.files);
    const header = rows.findIndex((r) => r[0] === "STT");
    expect(rows[header]).toEqual([...LABELS.files.headers]);
    const fileRows = rows.slice(header + 1, header + 4);
    expect(fileRows.map((r) => r[1])).toEqual(["xa-a.xlsx", "xa-b.xlsx", "xa-hong.xlsx"]);
    expect(fileRows.map((r) => r[3])).toEqual([LABELS.files.read, LABELS.files.read, LABELS.files.unreadable]);
    expect(fileRows[0][5]).toBe(people[0].length);
    expect(fileRows[1][5]).toBe(people[1].length);
    expect(String(fileRows[2][9])).toMatch(/xa-hong\.xlsx/);
    expect(String(fileRows[2][9]).length).toBeGreaterThan(10);
    const total = rows[header + 4];
    expect(total[1]).toBe(LABELS.files.total);
    expect(total[3]).toBe("2/3");
    expect(total[5]).toBe(persons);

    // The staffing summary: one row per unit and a total counting everyone read.
    const staff = rowsOf(book, SHEET_NAMES.staffing);
    const totalRow = staff.find((r) => r.includes(LABELS.staffing.total))!;
    expect(totalRow).toBeTruthy();
    const numbers = totalRow.filter((v): v is number => typeof v === "number");
    // No quota in these files: the total's numbers are the actual counts of the three groups.
    const all = [...people[0], ...people[1]];
    const count = (cats: string[]) => all.filter((p) => cats.includes(p.category)).length;
    expect(numbers).toEqual([count(["Cán bộ", "Công chức"]), count(["KCT cấp xã"]), count(["KCT thôn"])]);
    expect(numbers.reduce((a, b) => a + b, 0)).toBe(persons);
  });

  it("shows one bilingual line when none of the files can be read", async () => {
    const book = fakeBook(await wb.districtListFixture({ count: 3 }));
    const user = userEvent.setup();
    renderPane({ book });
    await user.upload(screen.getByLabelText("Các tệp cần tổng hợp"), [new File([new Uint8Array([1, 2, 3, 4])], "rac.xlsx")]);
    await user.click(screen.getByRole("button", { name: "Tổng hợp vào sổ này" }));
    const alert = await screen.findByRole("alert", undefined, { timeout: 30000 });
    expect(alert.textContent).toMatch(/^Không đọc được tệp nào trong 1 tệp.* — None of the 1 files could be read/);
    expect(book.sheets.map((s) => s.name)).not.toContain(SHEET_NAMES.files);
  });
});
