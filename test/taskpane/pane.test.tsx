/** @jest-environment jsdom */
/**
 * The task pane in jsdom with Testing Library: the real adapter on the strict fake Excel, with a
 * roster built as an .xlsx and read by the file adapter.
 */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { EngineError } from "../../src/core/errors";
import { parseSettingsXml } from "../../src/core/settings";
import type { PaneActions, ValidateRequest } from "../../src/taskpane/actions";
import { districtListFixture } from "../support/workbooks";
import { fakeBook, renderPane } from "./render";

jest.setTimeout(60000);

async function checked(book = undefined as ReturnType<typeof fakeBook> | undefined) {
  const b = book ?? fakeBook(await districtListFixture({ count: 30 }));
  const user = userEvent.setup();
  renderPane({ book: b });
  await user.click(screen.getByRole("button", { name: "Kiểm tra hồ sơ" }));
  await screen.findByRole("heading", { name: "Kết quả kiểm tra" }, { timeout: 30000 });
  return { book: b, user };
}

const settingsOf = (book: ReturnType<typeof fakeBook>) => Object.assign({}, ...book.customXmlParts.map((p) => parseSettingsXml(p.xml))) as Record<string, string>;

/** The actions a test of the check run does not use: mocks that record calls. */
function unusedActions(): Omit<PaneActions, "validate"> {
  return { clearHighlights: jest.fn(), selectCell: jest.fn(), saveMapping: jest.fn(), readSettings: jest.fn(), addStarterSheets: jest.fn(), consolidate: jest.fn(), compare: jest.fn() };
}

describe("the findings", () => {
  it("groups them by severity, then rule, then unit, each with its count, in Vietnamese", async () => {
    await checked();
    const status = screen.getByText(/^Đang hiện \d+\/\d+ phát hiện$/);
    const total = Number(/\/(\d+)/.exec(status.textContent!)![1]);
    expect(total).toBeGreaterThan(0);
    const sevHeadings = screen.getAllByRole("heading", { level: 3 }).filter((h) => /^(Lỗi|Cảnh báo|Thông tin) — \d+ phát hiện$/.test(h.textContent!));
    expect(sevHeadings.length).toBeGreaterThan(0);
    // The severity counts add up to the total; each severity's rule groups add up to it.
    const sum = sevHeadings.reduce((n, h) => n + Number(/(\d+) phát hiện/.exec(h.textContent!)![1]), 0);
    expect(sum).toBe(total);
    for (const h of sevHeadings) {
      const section = h.closest("section")!;
      const ruleButtons = within(section).getAllByRole("button", { expanded: true });
      const ruleSum = ruleButtons.reduce((n, b) => n + Number(/— (\d+) phát hiện$/.exec(b.textContent!)![1]), 0);
      expect(ruleSum).toBe(Number(/(\d+) phát hiện/.exec(h.textContent!)![1]));
      // Unit headings under the rules, with counts.
      expect(within(section).getAllByRole("heading", { level: 4 }).every((u) => /— \d+ phát hiện$/.test(u.textContent!))).toBe(true);
    }
  });

  it("collapses and expands a rule group by keyboard", async () => {
    const { user } = await checked();
    const group = screen.getAllByRole("button", { expanded: true })[0];
    group.focus();
    await user.keyboard("{Enter}");
    expect(group.getAttribute("aria-expanded")).toBe("false");
    await user.keyboard(" ");
    expect(group.getAttribute("aria-expanded")).toBe("true");
  });

  it("filters by severity and searches without diacritics", async () => {
    const { user } = await checked();
    const total = Number(/\/(\d+)/.exec(screen.getByText(/^Đang hiện/).textContent!)![1]);
    await user.selectOptions(screen.getByLabelText("Lọc theo mức độ"), "warning");
    const shown = Number(/Đang hiện (\d+)/.exec(screen.getByText(/^Đang hiện/).textContent!)![1]);
    expect(shown).toBeLessThan(total);
    expect(screen.queryByRole("heading", { name: /^Lỗi — / })).toBeNull();
    expect(screen.getByRole("heading", { name: /^Cảnh báo — / })).toBeTruthy();
    await user.selectOptions(screen.getByLabelText("Lọc theo mức độ"), "all");
    // A finding's cell, searched for: every finding shown mentions it.
    const first = screen.getAllByTitle(/^Đến ô /)[0];
    const where = /Đến ô (.+)$/.exec(first.getAttribute("title")!)![1].split("!")[1];
    await user.type(screen.getByLabelText("Tìm trong kết quả"), where);
    const items = screen.getAllByTitle(/^Đến ô /);
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) expect(i.textContent).toContain(where);
    await user.clear(screen.getByLabelText("Tìm trong kết quả"));
    await user.type(screen.getByLabelText("Tìm trong kết quả"), "khong co gi nhu the nay");
    expect(screen.getByText("Không có phát hiện nào khớp bộ lọc.")).toBeTruthy();
  });

  it("selects a finding's cell on its sheet when clicked", async () => {
    const { book, user } = await checked();
    const item = screen.getAllByTitle(/^Đến ô DS CBCC!/)[0];
    const where = /Đến ô (.+)!(.+)$/.exec(item.getAttribute("title")!)!;
    await user.click(item);
    await waitFor(() => expect(book.selection).toEqual({ sheet: where[1], address: where[2] }));
    expect(book.activeSheet).toBe(where[1]);
  });
});

describe("the column mapping", () => {
  it("shows the roster sheet with its header rows, saves a correction in the workbook and re-runs with it", async () => {
    const { book, user } = await checked();
    expect(screen.getByRole("heading", { name: "DS CBCC", level: 3 })).toBeTruthy();
    expect(screen.getByText(/Dòng tiêu đề: \d/)).toBeTruthy();
    const idSelect = screen.getByLabelText("Cột Số CCCD/CMND, trang DS CBCC") as HTMLSelectElement;
    expect(idSelect.value).toBe("K");
    await user.selectOptions(idSelect, "L");
    await user.click(screen.getByRole("button", { name: "Lưu cột và kiểm tra lại" }));
    await waitFor(() => expect(settingsOf(book)["hoso.mapping"]).toBeDefined());
    expect(JSON.parse(settingsOf(book)["hoso.mapping"])).toEqual({ "DS CBCC": { columns: { idNumber: "L" } } });
    // The re-run reads the saved mapping.
    await waitFor(() => expect((screen.getByLabelText("Cột Số CCCD/CMND, trang DS CBCC") as HTMLSelectElement).value).toBe("L"), { timeout: 30000 });
    expect(screen.getByText(/Đã kiểm tra \d+ người/)).toBeTruthy();
  });
});

describe("running", () => {
  /** Actions whose validate waits at each stage until the test lets it go on. */
  function steppedActions() {
    let request: ValidateRequest | undefined;
    let resume: (() => void) | undefined;
    const gate = () => new Promise<void>((r) => (resume = r));
    const actions: PaneActions = {
      async validate(r) {
        request = r;
        for (const stage of ["reading", "checking", "writing"] as const) {
          if (r.signal.aborted) throw new EngineError("excel.cancelled");
          r.onStage(stage);
          await gate();
        }
        throw new Error("not reached in these tests");
      },
      ...unusedActions(),
    };
    return { actions, step: () => act(async () => resume?.()), request: () => request };
  }

  it("names the stage on a progress bar and cancels before writing, in one bilingual line", async () => {
    const { actions, step, request } = steppedActions();
    const user = userEvent.setup();
    renderPane({ actions });
    await user.click(screen.getByRole("button", { name: "Kiểm tra hồ sơ" }));
    const bar = await screen.findByRole("progressbar");
    expect(bar.getAttribute("aria-valuenow")).toBe("1");
    expect(screen.getByText("Đang đọc sổ làm việc…")).toBeTruthy();
    expect(request()).toMatchObject({ asOf: "2024-12-31", writeSheets: false });
    await step();
    expect(screen.getByText("Đang kiểm tra…")).toBeTruthy();
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("2");
    await user.click(screen.getByRole("button", { name: "Hủy" }));
    expect(request()!.signal.aborted).toBe(true);
    await step();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("Đã hủy lần kiểm tra; sổ làm việc không bị thay đổi — The check was cancelled; the workbook was not changed");
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("cannot be cancelled once writing has started", async () => {
    const { actions, step } = steppedActions();
    const user = userEvent.setup();
    renderPane({ actions });
    await user.click(screen.getByRole("button", { name: "Kiểm tra hồ sơ" }));
    await step();
    await step();
    expect(screen.getByText("Đang ghi đánh dấu…")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Hủy" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows an Excel error as one line, Vietnamese then English", async () => {
    const actions: PaneActions = {
      validate: () => Promise.reject(new EngineError("excel.protectedSheet", { sheet: "DS CBCC" })),
      ...unusedActions(),
    };
    const user = userEvent.setup();
    renderPane({ actions, lang: "en" });
    await user.click(screen.getByRole("button", { name: "Check roster" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).not.toMatch(/\n/);
    expect(alert.textContent).toMatch(/^.*DS CBCC.* — .*DS CBCC.*$/);
    expect(alert.querySelectorAll("*").length).toBe(0);
  });

  it("passes the chosen rule set and reporting date, and writes the summary sheets on request", async () => {
    const book = fakeBook(await districtListFixture({ count: 10 }));
    const user = userEvent.setup();
    renderPane({ book });
    await user.selectOptions(screen.getByLabelText("Bộ quy định"), "nd34-2019");
    const date = screen.getByLabelText("Ngày báo cáo");
    await user.clear(date);
    await user.type(date, "2020-06-30");
    await user.click(screen.getByRole("button", { name: "Ghi các trang tổng hợp" }));
    await screen.findByRole("heading", { name: "Kết quả kiểm tra" }, { timeout: 30000 });
    expect(book.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Kết quả kiểm tra"]));
    expect(book.sheets.find((s) => s.name === "Kết quả kiểm tra")).toBeDefined();
  });

  it("clears the highlights", async () => {
    const { book, user } = await checked();
    expect(Object.keys(settingsOf(book))).toContain("hoso.changes");
    await user.click(screen.getByRole("button", { name: "Xóa đánh dấu" }));
    await screen.findByText(/Đã (khôi phục|xóa)/, undefined, { timeout: 20000 });
  });

  it("switches to English and back with a labelled button", async () => {
    const { user } = await checked();
    await user.click(screen.getByRole("button", { name: "Switch to English" }));
    expect(screen.getByRole("heading", { name: "Findings" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Chuyển sang tiếng Việt" }));
    expect(screen.getByRole("heading", { name: "Kết quả kiểm tra" })).toBeTruthy();
  });
});
