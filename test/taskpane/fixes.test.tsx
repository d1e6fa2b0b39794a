/** @jest-environment jsdom */
/**
 * "Sửa thành …" / "Sửa cả cột" in the findings list (issue 9 item 2): the real adapter on the
 * strict fake, a roster with "Đai học" three times in one column and a TCVN3 sheet.
 */
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { validateWorkbook } from "../../src/core/engine";
import { fixTargets } from "../../src/core/fixes";
import { afterFixes } from "../../src/taskpane/model";
import { FakeWorkbook } from "../support/fakeExcel";
import { fixBook } from "../support/fixBook";
import { renderPane } from "./render";

jest.setTimeout(60000);

async function checked(lang: "vi" | "en" = "vi") {
  const book = FakeWorkbook.fromGrid(fixBook(), { listSeparator: ";" });
  const user = userEvent.setup();
  renderPane({ book, lang });
  await user.click(screen.getByRole("button", { name: lang === "vi" ? "Kiểm tra hồ sơ" : "Check roster" }));
  await screen.findByRole("heading", { name: lang === "vi" ? "Kết quả kiểm tra" : "Findings" }, { timeout: 30000 });
  return { book, user };
}

/** The findings that quote the three fixable "Đai học" cells, as listed. */
const misspelt = () => screen.queryAllByTitle(/^Đến ô DS CBCC!G(5|7|9)$/).filter((b) => b.textContent!.includes('"Đai học"'));
const status = () => screen.getAllByRole("status").map((s) => s.textContent ?? "").join(" | ");

describe("fix buttons in the findings list", () => {
  it("fixes a whole column by keyboard, says what was done, drops the settled findings, and Xóa đánh dấu undoes it", async () => {
    const { book, user } = await checked();
    // One "Sửa thành" per "Đai học" finding of DS CBCC, each with the column button (3 cells).
    expect(screen.getAllByRole("button", { name: /^Sửa thành “Đại học” \(ô DS CBCC!G\d+\)$/ })).toHaveLength(3);
    const column = screen.getAllByRole("button", { name: "Sửa cả cột (3 ô): cột G, trang DS CBCC" });
    expect(column).toHaveLength(3);
    expect(column[0].textContent).toBe("Sửa cả cột (3 ô)");
    // "Trung câp" is alone in its column: its own button only.
    expect(screen.getByRole("button", { name: "Sửa thành “Trung cấp” (ô DS CBCC!G8)" })).toBeTruthy();
    // Each "Đai học" is told twice: unrecognized, and a qualification that cannot be checked.
    expect(misspelt()).toHaveLength(6);
    column[0].focus();
    await user.keyboard("{Enter}");
    // The line says what was done; the check then runs again (marks only) and adds its counts.
    await waitFor(() => expect(status()).toMatch(/Đã sửa 3 ô\. Bấm "Xóa đánh dấu" để hoàn tác\. Đã kiểm tra \d+ người/), { timeout: 30000 });
    expect(["G5", "G7", "G9"].map((a) => book.value("DS CBCC", a))).toEqual(["Đại học", "Đại học", "Đại học"]);
    expect(screen.queryAllByRole("button", { name: /^Sửa thành “Đại học” \(ô DS CBCC!/ })).toHaveLength(0);
    expect(misspelt()).toHaveLength(0);
    expect(screen.getByRole("button", { name: "Sửa thành “Trung cấp” (ô DS CBCC!G8)" })).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Xóa đánh dấu" }));
    await waitFor(() => expect(status()).toContain("Đã trả lại nội dung cũ cho 3 ô đã được sửa."));
    expect(["G5", "G7", "G9"].map((a) => book.value("DS CBCC", a))).toEqual(["Đai học", "Đai học", "Đai học"]);
  });

  it("fixes one cell, and counts a cell changed since the check as skipped", async () => {
    const { book, user } = await checked();
    book.sheet("DS CBCC").at(7, 7).value = "Cao đẳng";
    await user.click(screen.getAllByRole("button", { name: "Sửa cả cột (3 ô): cột G, trang DS CBCC" })[0]);
    await waitFor(() => expect(status()).toContain("Đã sửa 2 ô; bỏ qua 1 ô vì nội dung đã bị thay đổi sau lần kiểm tra."));
    await waitFor(() => expect(status()).toContain("Đã kiểm tra"), { timeout: 30000 });
    expect(book.value("DS CBCC", "G7")).toBe("Cao đẳng");
    await user.click(screen.getByRole("button", { name: "Sửa thành “Trung cấp” (ô DS CBCC!G8)" }));
    await waitFor(() => expect(status()).toMatch(/Đã sửa 1 ô\. .*Đã kiểm tra/), { timeout: 30000 });
    expect(book.value("DS CBCC", "G8")).toBe("Trung cấp");
    expect(screen.queryByRole("button", { name: /\(ô DS CBCC!G8\)/ })).toBeNull();
  });

  it("converts a TCVN3 column to Unicode from its legacy-encoding finding, in English too", async () => {
    const { book, user } = await checked("en");
    const col = screen.getByRole("button", { name: /^Fix whole column \(4 cells\): column G, sheet Xa Quang Loi$/ });
    await user.click(col);
    await waitFor(() => expect(status()).toMatch(/Fixed 4 cells\. .*Checked \d+ people/), { timeout: 30000 });
    expect(["G3", "G5", "G6", "G7"].map((a) => book.value("Xa Quang Loi", a))).toEqual(["Trình độ chuyên môn", "Đại học", "Trung cấp", "Đai học"]);
    expect(screen.queryByRole("button", { name: /column G, sheet Xa Quang Loi/ })).toBeNull();
  });
});

describe("afterFixes", () => {
  const grid = fixBook();
  const result = validateWorkbook(grid, { asOf: "2024-12-31" });
  const fixes = result.textFixes!();
  const at = (sheet: string, where: string, rule: string) => result.report.findings.find((f) => f.sheet === sheet && (f.cell ?? f.column) === where && f.rule === rule)!;

  it("drops the fixed cells' findings and fixes, and a legacy column's finding only once the column is done", () => {
    const done = fixTargets(fixes, at("DS CBCC", "G5", "data.unrecognizedValue")).column;
    const next = afterFixes(result.report, fixes, done);
    expect(next.report.findings.length).toBe(result.report.findings.length - 3);
    expect(next.fixes.length).toBe(fixes.length - 3);
    const legacyG = fixTargets(fixes, at("Xa Quang Loi", "G", "data.legacyEncoding"));
    const partly = afterFixes(result.report, fixes, legacyG.cell);
    expect(partly.report.findings.some((f) => f.rule === "data.legacyEncoding" && f.sheet === "Xa Quang Loi" && f.column === "G")).toBe(true);
    const whole = afterFixes(result.report, fixes, legacyG.column);
    expect(whole.report.findings.some((f) => f.rule === "data.legacyEncoding" && f.sheet === "Xa Quang Loi" && f.column === "G")).toBe(false);
    expect(afterFixes(result.report, fixes, []).report).toBe(result.report);
  });
});
