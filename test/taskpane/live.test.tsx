/** @jest-environment jsdom */
/**
 * "Kiểm tra lại khi sửa" in the pane (issue 9 item 3), on the real adapter and the strict fake:
 * the switch, the polite live region, the findings list following the user's edits, the line and
 * button when a change needs a full run.
 */
import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { stopLive } from "../../src/excel/live";
import { districtListFixture } from "../support/workbooks";
import { fakeBook, renderPane } from "./render";

jest.setTimeout(60000);

const SHEET = "DS CBCC";

const shownTotal = () => Number(/\/(\d+)/.exec(screen.getByText(/^(Đang hiện|Showing) /).textContent!)![1]);

async function checkedPane() {
  const book = fakeBook(await districtListFixture({}));
  const user = userEvent.setup();
  renderPane({ book });
  await user.click(screen.getByRole("button", { name: "Kiểm tra hồ sơ" }));
  await screen.findByRole("heading", { name: "Kết quả kiểm tra" }, { timeout: 30000 });
  await waitFor(() => expect(book.sheet(SHEET).changedHandlers).toHaveLength(1));
  return { book, user };
}

afterEach(async () => {
  await stopLive();
});

describe("live re-check in the pane", () => {
  it("is on after a run; an edit updates the list and is told in a polite live region, in either language", async () => {
    const { book, user } = await checkedPane();
    const toggle = screen.getByRole("switch", { name: "Kiểm tra lại khi sửa" });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    const region = screen.getByTestId("live-status");
    expect(region.getAttribute("role")).toBe("status");
    expect(region.getAttribute("aria-live")).toBe("polite");
    const before = shownTotal();
    expect(screen.getAllByTitle(/^Đến ô .*!H13$/).length).toBe(1);

    await act(() => book.userEdit(SHEET, "H13", [["Đại học Luật"]]));
    await waitFor(() => expect(region.textContent).toBe("Đã kiểm tra lại 1 dòng: bớt 1 cảnh báo."), { timeout: 5000 });
    expect(shownTotal()).toBe(before - 1);
    expect(screen.queryAllByTitle(/^Đến ô .*!H13$/)).toHaveLength(0);
    expect(screen.getByText(/Các trang kết quả và tổng hợp chưa theo các sửa đổi này/)).toBeTruthy();

    await act(() => book.userEdit(SHEET, "C12", [["31/02/1975"]]));
    await waitFor(() => expect(region.textContent).toMatch(/^Đã kiểm tra lại 1 dòng: .*thêm 1 lỗi/), { timeout: 5000 });
    expect(screen.getAllByTitle(/^Đến ô .*!C12$/).length).toBeGreaterThan(0);

    await user.click(screen.getByRole("button", { name: "Switch to English" }));
    expect(screen.getByTestId("live-status").textContent).toMatch(/^Re-checked 1 row: .*1 more error/);
    expect(screen.getByRole("switch", { name: "Re-check on edit" })).toBeTruthy();
  });

  it("the switch turned off removes the handlers; on again re-checks from the last state", async () => {
    const { book, user } = await checkedPane();
    await user.click(screen.getByRole("switch", { name: "Kiểm tra lại khi sửa" }));
    await waitFor(() => expect(book.sheet(SHEET).changedHandlers).toHaveLength(0));
    const total = shownTotal();
    await act(() => book.userEdit(SHEET, "H13", [["Đại học Luật"]]));
    await new Promise((r) => setTimeout(r, 600));
    expect(shownTotal()).toBe(total);
    expect(screen.getByTestId("live-status").textContent).toBe("");
    await user.click(screen.getByRole("switch", { name: "Kiểm tra lại khi sửa" }));
    await waitFor(() => expect(book.sheet(SHEET).changedHandlers).toHaveLength(1));
  });

  it("a change that needs a full run says so once, with a button that runs it", async () => {
    const { book, user } = await checkedPane();
    await act(() => book.userInsertRows(SHEET, 20, 1));
    const line = await screen.findByText(/cần kiểm tra lại toàn bộ/, undefined, { timeout: 5000 });
    expect(line).toBeTruthy();
    expect(book.sheet(SHEET).changedHandlers).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "Kiểm tra lại toàn bộ" }));
    await waitFor(() => expect(book.sheet(SHEET).changedHandlers).toHaveLength(1), { timeout: 30000 });
    expect(screen.queryByText(/cần kiểm tra lại toàn bộ/)).toBeNull();
  });

  it("clearing the marks stops listening", async () => {
    const { book, user } = await checkedPane();
    await user.click(screen.getByRole("button", { name: "Xóa đánh dấu" }));
    await waitFor(() => expect(book.sheet(SHEET).changedHandlers).toHaveLength(0));
  });
});
