/**
 * The built task pane in a real browser (issue 9): Debian's chromium, driven by playwright-core,
 * loads the production taskpane.html / taskpane.js / commands.js from page.route-served URLs. In
 * place of office.js the page gets test/addin/e2e/fakeOffice.ts (bundled by
 * test/addin/e2e.webpack.config.js): the strict fake Excel holding a roster generated as an .xlsx
 * (test/support/workbooks.ts) and read by the file adapter. The CDN's office.js is answered with an
 * empty script, so nothing of Office's own runs. The test checks, corrects a column and re-checks,
 * creates the first-run sheets, reading the fake back with page.evaluate; screenshots go to
 * test-output/.
 *
 * The bundles are built in beforeAll (one webpack run, ~40 s) into node_modules/.cache/hoso-e2e,
 * and reused while they are newer than every source file (E2E_REBUILD=1 forces a build).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { readXlsx } from "../../src/file/readXlsx";
import { districtListFixture } from "../support/workbooks";
import { watchPage } from "./pageWatch";

const root = join(__dirname, "..", "..");
const out = join(root, "node_modules", ".cache", "hoso-e2e");
const paneDir = join(out, "pane");
const fakeFile = join(out, "fake", "e2e-office.js");
const shots = join(root, "test-output");
const CHROMIUM = "/usr/bin/chromium";
const ORIGIN = "https://addin.test";

/** The newest modification time under a path (files only). */
function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
  return t;
}

function buildIfStale(): void {
  const sources = Math.max(newest(join(root, "src")), newest(join(root, "webpack.config.js")), newest(join(root, "package-lock.json")), newest(join(__dirname, "e2e.webpack.config.js")), newest(join(__dirname, "e2e")), newest(join(root, "test", "support", "fakeExcel.ts")));
  const built = existsSync(join(paneDir, "taskpane.js")) && existsSync(fakeFile) ? Math.min(statSync(join(paneDir, "taskpane.js")).mtimeMs, statSync(fakeFile).mtimeMs) : 0;
  if (!process.env.E2E_REBUILD && built > sources) return;
  const r = spawnSync("npx", ["webpack", "--config", "test/addin/e2e.webpack.config.js"], { cwd: root, encoding: "utf8", env: { ...process.env, HOME: process.env.HOME ?? "/tmp" } });
  if (r.status !== 0) throw new Error(`webpack failed:\n${r.stdout}\n${r.stderr}`);
}

function contentType(file: string): string {
  return file.endsWith(".html") ? "text/html; charset=utf-8" : file.endsWith(".js") ? "text/javascript; charset=utf-8" : file.endsWith(".png") ? "image/png" : "application/octet-stream";
}

interface E2e {
  selection(): { sheet: string; address: string } | null;
  activeSheet(): string | null;
  fill(sheet: string, a1: string): { color?: string } | null;
  settings(): Record<string, string>;
  associated(): string[];
  calls: string[];
}
const e2e = (page: Page) => ({
  selection: () => page.evaluate(() => (window as unknown as { __e2e: E2e }).__e2e.selection()),
  activeSheet: () => page.evaluate(() => (window as unknown as { __e2e: E2e }).__e2e.activeSheet()),
  fill: (sheet: string, a1: string) => page.evaluate(([s, a]) => (window as unknown as { __e2e: E2e }).__e2e.fill(s, a), [sheet, a1] as const),
  settings: () => page.evaluate(() => (window as unknown as { __e2e: E2e }).__e2e.settings()),
  associated: () => page.evaluate(() => (window as unknown as { __e2e: E2e }).__e2e.associated()),
  runs: () => page.evaluate(() => (window as unknown as { __e2e: E2e }).__e2e.calls.filter((c) => c === "Excel.run").length),
});

const haveChromium = existsSync(CHROMIUM);
let browser: Browser | undefined;
let gridJson = "";

beforeAll(async () => {
  if (!haveChromium) return;
  buildIfStale();
  gridJson = JSON.stringify(readXlsx((await districtListFixture({ count: 30 })).bytes));
  mkdirSync(shots, { recursive: true });
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
}, 180000);

afterAll(async () => {
  await browser?.close();
});

/**
 * A new page with the built pane served from ORIGIN, the fake Excel in place of office.js (its
 * display language and theme as asked), and the page's errors, CSP violations and requests collected.
 */
async function openPane(o: { lang?: "vi" | "en"; dark?: boolean } = {}) {
  const page = await browser!.newPage({ locale: o.lang === "en" ? "en-US" : "vi-VN", viewport: { width: 420, height: 900 }, colorScheme: o.dark ? "dark" : "light" });
  const requested: string[] = [];
  let officeJsAsked = 0;
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    requested.push(url.href);
    if (url.hostname === "appsforoffice.microsoft.com") {
      // office.js is replaced by the fake, which the page loaded just before.
      officeJsAsked++;
      return route.fulfill({ body: "", contentType: "text/javascript" });
    }
    if (url.origin === ORIGIN) {
      if (url.pathname === "/e2e-office.js") return route.fulfill({ body: readFileSync(fakeFile), contentType: contentType(fakeFile) });
      const file = join(paneDir, url.pathname.replace(/^\//, ""));
      if (existsSync(file) && statSync(file).isFile()) {
        if (url.pathname === "/taskpane.html") {
          // The built page, with the fake Excel's script where office.js is (same origin: the page's CSP allows it).
          const html = readFileSync(file, "utf8");
          const patched = html.replace(/(<script[^>]*office\.js[^>]*><\/script>)/, '<script src="e2e-office.js"></script>$1');
          if (patched === html) throw new Error("taskpane.html has no office.js script tag");
          return route.fulfill({ body: patched, contentType: contentType(file) });
        }
        return route.fulfill({ body: readFileSync(file), contentType: contentType(file) });
      }
    }
    return route.abort();
  });
  const { errors, violations } = await watchPage(page);
  await page.addInitScript({ content: `window.__E2E_GRID_JSON__ = ${JSON.stringify(gridJson)};` });
  if (o.dark) await page.addInitScript({ content: "window.__E2E_DARK__ = true;" });
  if (o.lang === "en") await page.addInitScript({ content: 'window.__E2E_DISPLAY_LANGUAGE__ = "en-US";' });
  return { page, requested, errors, violations, officeJsAsked: () => officeJsAsked };
}

(haveChromium ? describe : describe.skip)("the built task pane against the strict fake Excel, in chromium", () => {
  it("checks the roster, lists the findings, selects a finding's cell, corrects a column and re-checks", async () => {
    const opened = await openPane();
    const { page, requested, errors, violations } = opened;
    const fake = e2e(page);

    await page.goto(`${ORIGIN}/taskpane.html`);
    // In "Excel" (the fake's onReady), in Vietnamese from Office's display language.
    await page.getByRole("heading", { name: "Kiểm tra hồ sơ cán bộ" }).waitFor({ timeout: 30000 });
    await page.getByRole("button", { name: "Kiểm tra hồ sơ" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("vi");
    expect(await page.getByText("Bảng điều khiển này chạy trong Excel.").count()).toBe(0);
    // The ribbon commands (commands.js, shared runtime) registered with the same Office.
    expect((await fake.associated()).sort()).toEqual(["clearHighlights", "validateNow"]);
    await page.getByLabel("Ngày báo cáo").fill("2024-12-31");
    await page.screenshot({ path: join(shots, "pane-1-ready.png"), fullPage: true });

    // Check: by keyboard, as a user without a mouse would.
    await page.getByRole("button", { name: "Kiểm tra hồ sơ" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Kết quả kiểm tra", level: 2 }).waitFor({ timeout: 30000 });
    const status = page.getByText(/^Đang hiện \d+\/\d+ phát hiện$/);
    await status.waitFor();
    const total = Number(/\/(\d+)/.exec((await status.textContent())!)![1]);
    expect(total).toBeGreaterThan(0);
    await expect(page.getByText(/Đã kiểm tra \d+ người/).count()).resolves.toBe(1);
    await expect(page.getByRole("heading", { level: 3, name: /^(Lỗi|Cảnh báo|Thông tin) — \d+ phát hiện$/ }).count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, "pane-2-findings.png"), fullPage: true });
    const runsOfCheck = await fake.runs();

    // A finding with a cell: a click moves the fake's selection there (activating its sheet).
    const item = page.getByTitle(/^Đến ô DS CBCC![A-Z]+\d+$/).first();
    const [, sheet, a1] = /^Đến ô (.+)!(.+)$/.exec((await item.getAttribute("title"))!)!;
    // The run marked it: an error or warning fill on the cell.
    expect(["FFC7CE", "FFEB9C"]).toContain(((await fake.fill(sheet, a1))?.color ?? "").replace("#", "").toUpperCase());
    await item.scrollIntoViewIfNeeded();
    await item.click();
    await page.waitForFunction(([s, a]) => {
      const sel = (window as unknown as { __e2e: E2e }).__e2e.selection();
      return sel !== null && sel.sheet === s && sel.address === a;
    }, [sheet, a1] as const, { timeout: 10000 });
    expect(await fake.selection()).toEqual({ sheet, address: a1 });
    expect(await fake.activeSheet()).toBe(sheet);
    await page.screenshot({ path: join(shots, "pane-3-selected.png"), fullPage: false });

    // Live re-check (issue 9 item 3): on after the run; the user corrects a flagged cell in the
    // sheet, and the findings and the polite live region follow, without a new run.
    expect(await page.getByRole("switch", { name: "Kiểm tra lại khi sửa" }).isChecked()).toBe(true);
    await page.waitForFunction(() => (window as unknown as { __e2e: { handlers(s: string): number } }).__e2e.handlers("DS CBCC") === 1, undefined, { timeout: 10000 });
    const flagged = await page.getByTitle("Đến ô DS CBCC!H13").count();
    expect(flagged).toBe(1);
    await page.evaluate(() => (window as unknown as { __e2e: { userEdit(s: string, a: string, v: string[][]): Promise<void> } }).__e2e.userEdit("DS CBCC", "H13", [["Đại học Luật"]]));
    await page.getByText("Đã kiểm tra lại 1 dòng: bớt 1 cảnh báo.").waitFor({ timeout: 10000 });
    expect(await page.getByTitle("Đến ô DS CBCC!H13").count()).toBe(0);
    expect(Number(/\/(\d+)/.exec((await status.textContent())!)![1])).toBe(total - 1);
    expect(await fake.fill("DS CBCC", "H13")).toBeNull();
    await page.screenshot({ path: join(shots, "pane-3b-live.png"), fullPage: false });

    // The column mapping: the ID number read from K; the user says L, saves, and the pane re-checks.
    const idSelect = page.getByLabel("Cột Số CCCD/CMND, trang DS CBCC");
    expect(await idSelect.inputValue()).toBe("K");
    const runsBefore = await fake.runs();
    await idSelect.selectOption("L");
    const save = page.getByRole("button", { name: "Lưu cột và kiểm tra lại" });
    expect(await save.isEnabled()).toBe(true);
    await save.click();
    await page.waitForFunction(() => (window as unknown as { __e2e: E2e }).__e2e.settings()["hoso.mapping"] !== undefined, undefined, { timeout: 10000 });
    expect(JSON.parse((await fake.settings())["hoso.mapping"])).toEqual({ "DS CBCC": { columns: { idNumber: "L" } } });
    // The re-run (as many Excel.run batches as the first check, plus one removing the live
    // re-check's handlers on the context they were added in) read the saved mapping.
    const target = runsBefore + 1 + runsOfCheck + 1;
    await page.waitForFunction((n) => (window as unknown as { __e2e: E2e }).__e2e.calls.filter((c) => c === "Excel.run").length >= n, target, { timeout: 30000 });
    await page.waitForFunction(() => document.querySelector('[role="progressbar"]') === null && /Đã kiểm tra \d+ người/.test(document.body.textContent ?? ""), undefined, { timeout: 30000 });
    expect(await fake.runs()).toBe(target);
    expect(await idSelect.inputValue()).toBe("L");
    const totalAfter = Number(/\/(\d+)/.exec((await status.textContent())!)![1]);
    if (process.env.DEBUG_PANE) console.log({ total, totalAfter });
    expect(await save.isEnabled()).toBe(false);
    await page.getByRole("heading", { name: "Trang danh sách và cột" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, "pane-4-remapped.png"), fullPage: false });

    // No control widens the pane past its width (a long rule-set name once did).
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // The first-run screen: this workbook has no "Định biên" and no "Quy định"; create them.
    const create = page.getByRole("button", { name: "Tạo trang Định biên và Quy định" });
    await create.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, "pane-5-first-run.png"), fullPage: false });
    await create.click();
    await page.getByText(/^Đã tạo trang: Định biên, Quy định\./).waitFor({ timeout: 10000 });
    expect(await page.evaluate(() => (window as unknown as { __e2e: { sheetNames(): string[] } }).__e2e.sheetNames())).toEqual(["DS CBCC", "Định biên", "Quy định"]);
    expect(await fake.activeSheet()).toBe("Định biên");

    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    expect(opened.officeJsAsked()).toBe(1);
    // Nothing left the page's own origin but the (empty) office.js request.
    expect(requested.filter((u) => !u.startsWith(`${ORIGIN}/`) && !u.startsWith("https://appsforoffice.microsoft.com/"))).toEqual([]);
    await page.close();
  }, 90000);

  it("passes axe-core's WCAG 2.1 AA scan, colour contrast included, in light and dark Office themes, Vietnamese and English", async () => {
    const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
    const cases = [
      { lang: "vi" as const, dark: false, validate: "Kiểm tra hồ sơ", results: "Kết quả kiểm tra" },
      { lang: "en" as const, dark: true, validate: "Check roster", results: "Findings" },
    ];
    for (const c of cases) {
      const { page, errors, violations: csp } = await openPane({ lang: c.lang, dark: c.dark });
      await page.goto(`${ORIGIN}/taskpane.html`);
      await page.getByRole("button", { name: c.validate }).waitFor({ timeout: 30000 });
      await page.getByRole("button", { name: c.validate }).click();
      await page.getByRole("heading", { name: c.results, level: 2 }).waitFor({ timeout: 30000 });
      await page.waitForFunction(() => document.querySelector('[role="progressbar"]') === null, undefined, { timeout: 30000 });
      // axe is evaluated through the debugging protocol, so the page's CSP (no inline script) stays as shipped.
      await page.evaluate(`${axeSource}\n;void 0`);
      const found = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[]; failureSummary?: string }[] }[]; passes: { id: string }[] }> } }).axe;
        const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations", "passes"] });
        return { violations: r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} — ${(n.failureSummary ?? "").split("\n")[1]?.trim() ?? ""}`)), passes: r.passes.map((p) => p.id) };
      });
      // The scan did measure contrast and the page's title and language.
      expect(found.passes).toEqual(expect.arrayContaining(["color-contrast", "document-title", "html-has-lang", "button-name", "label"]));
      expect(found.violations).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(c.lang);
      // Dark theme: the pane's background really is dark (the fake's Office theme reached Fluent).
      const bg = await page.evaluate(() => getComputedStyle(document.querySelector("main")!).backgroundColor);
      const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number);
      expect(0.2126 * r + 0.7152 * g + 0.0722 * b < 128).toBe(c.dark);
      await page.screenshot({ path: join(shots, `pane-6-${c.lang}-${c.dark ? "dark" : "light"}.png`), fullPage: false });
      expect(errors).toEqual([]);
      expect(csp).toEqual([]);
      await page.close();
    }
  }, 120000);
});
