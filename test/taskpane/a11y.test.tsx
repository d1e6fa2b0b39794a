/** @jest-environment jsdom */
/**
 * Accessibility of the task pane, checked with axe-core (WCAG 2.1 A and AA rules) in jsdom: labels
 * and names of every control, ARIA roles and states, landmarks, headings, duplicate ids — before a
 * check, with the findings listed, in Vietnamese and in English. Colour contrast needs a real
 * layout engine, so it is checked in chromium (test/addin/pane.e2e.test.ts), not here.
 */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { districtListFixture } from "../support/workbooks";
import { fakeBook, renderPane } from "./render";

jest.setTimeout(90000);

/**
 * The violations axe finds in the pane (its <main>), as "rule: target — why" lines (empty when none).
 * The page's own title and lang come from taskpane.html and index.tsx: checked on the built page in chromium.
 */
async function violations(): Promise<string[]> {
  const main = document.querySelector("main");
  if (!main) throw new Error("the pane has no <main>");
  const result = await axe.run(main, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    // jsdom has no layout: contrast and target size are measured in the browser test.
    rules: { "color-contrast": { enabled: false }, "target-size": { enabled: false } },
    resultTypes: ["violations"],
  });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} — ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`));
}

/** Every element a keyboard user can reach has an accessible name (axe checks the roles; this checks focus order has no nameless stops). */
function namelessFocusable(): string[] {
  const focusable = [...document.querySelectorAll<HTMLElement>("button, input, select, textarea, a[href], [tabindex]:not([tabindex='-1'])")].filter((e) => !e.hasAttribute("disabled") && e.getAttribute("aria-hidden") !== "true");
  return focusable
    .filter((e) => {
      const labelledBy = e.getAttribute("aria-labelledby");
      const byIds = labelledBy ? labelledBy.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? "").join(" ") : "";
      const label = e.id ? [...document.querySelectorAll("label")].filter((l) => l.htmlFor === e.id).map((l) => l.textContent).join(" ") : "";
      const name = [e.getAttribute("aria-label"), byIds, label, e.closest("label")?.textContent, e.tagName === "BUTTON" || e.tagName === "A" ? e.textContent : "", e.getAttribute("title")].join(" ").trim();
      return name === "";
    })
    .map((e) => e.outerHTML.slice(0, 120));
}

describe("the task pane's accessibility (axe-core, WCAG 2.1 AA)", () => {
  it("has no violations before a check, in Vietnamese", async () => {
    renderPane({ book: fakeBook(await districtListFixture({ count: 12 })) });
    await screen.findByRole("button", { name: "Kiểm tra hồ sơ" });
    expect(await violations()).toEqual([]);
    expect(namelessFocusable()).toEqual([]);
  });

  it("has none with the findings, the column mapping and the first-run screen shown, in Vietnamese and in English", async () => {
    const user = userEvent.setup();
    const { unmount } = renderPane({ book: fakeBook(await districtListFixture({ count: 30 })) });
    await user.click(screen.getByRole("button", { name: "Kiểm tra hồ sơ" }));
    await screen.findByRole("heading", { name: "Kết quả kiểm tra" }, { timeout: 30000 });
    // The findings are there (the scan covers them), and the mapping's selects.
    expect(screen.getAllByRole("heading", { level: 3 }).length).toBeGreaterThan(0);
    expect(screen.getAllByRole("combobox").length).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
    expect(namelessFocusable()).toEqual([]);
    // A finding with no cell to go to (a unit's tally) is plain text at full contrast, not a dimmed disabled button.
    const wholeSheet = screen.getAllByText((_c, e) => e?.tagName === "DIV" && / · cả trang: /.test(e.textContent ?? "") && !e.querySelector("div"));
    expect(wholeSheet.length).toBeGreaterThan(0);
    for (const e of wholeSheet) expect(e.closest("button")).toBeNull();
    expect(screen.queryAllByRole("button").filter((b) => (b as HTMLButtonElement).disabled && / · cả trang: /.test(b.textContent ?? ""))).toEqual([]);
    unmount();

    const en = renderPane({ book: fakeBook(await districtListFixture({ count: 30 })), lang: "en" });
    await user.click(screen.getByRole("button", { name: "Check roster" }));
    await screen.findByRole("heading", { name: "Findings" }, { timeout: 30000 });
    expect(await violations()).toEqual([]);
    expect(namelessFocusable()).toEqual([]);
    en.unmount();
  });

  it("would catch a control without a name (the scan is live in jsdom)", async () => {
    renderPane({ book: fakeBook(await districtListFixture({ count: 12 })) });
    await screen.findByRole("button", { name: "Kiểm tra hồ sơ" });
    const stray = document.createElement("input");
    document.querySelector("main")!.append(stray);
    expect((await violations()).some((v) => v.startsWith("label:"))).toBe(true);
    expect(namelessFocusable()).toEqual([stray.outerHTML]);
    stray.remove();
  });
});
