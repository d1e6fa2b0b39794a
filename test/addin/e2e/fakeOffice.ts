/**
 * The test page's stand-in for office.js (test/addin/pane.e2e.test.ts): the strict fake Excel
 * (test/support/fakeExcel.ts) holding the workbook grid the test put in `window.__E2E_GRID_JSON__`,
 * behind `window.Office` (onReady with host Excel, display language, theme, requirement sets, the
 * ribbon's `actions` / `addin`) and `window.Excel.run`. Bundled by test/addin/e2e.webpack.config.js
 * and loaded before taskpane.js; office.js itself is not loaded. The test reads the fake back
 * through `window.__e2e`.
 */
import type { WorkbookGrid } from "../../../src/core/grid";
import { parseSettingsXml } from "../../../src/core/settings";
import { FakeContext, FakeWorkbook } from "../../support/fakeExcel";

interface E2eWindow {
  __E2E_GRID_JSON__?: string;
  __E2E_DISPLAY_LANGUAGE__?: string;
  __E2E_DARK__?: boolean;
  __e2e?: unknown;
  Office?: unknown;
  Excel?: unknown;
  Buffer?: unknown;
}
const w = window as unknown as E2eWindow;

// The fake measures payloads with Node's Buffer.byteLength; the browser has TextEncoder.
w.Buffer ??= { byteLength: (s: string) => new TextEncoder().encode(s).length };

if (!w.__E2E_GRID_JSON__) throw new Error("e2e: no workbook grid on the page (window.__E2E_GRID_JSON__)");
// JSON turns the grid's sparse holes into null; the grid wants them absent.
const grid = JSON.parse(w.__E2E_GRID_JSON__, (_k, v: unknown) => (v === null ? undefined : v)) as WorkbookGrid;
const book = FakeWorkbook.fromGrid(grid);
const host = book.host();

const associated: Record<string, unknown> = {};
const calls: string[] = [];
const info = { host: "Excel", platform: "OfficeOnline" };

w.Office = {
  HostType: { Excel: "Excel", Word: "Word" },
  PlatformType: { OfficeOnline: "OfficeOnline" },
  VisibilityMode: { taskpane: "Taskpane", hidden: "Hidden" },
  context: {
    displayLanguage: w.__E2E_DISPLAY_LANGUAGE__ ?? "vi-VN",
    // Office's light theme, or its black theme when the test page asks (window.__E2E_DARK__).
    officeTheme: w.__E2E_DARK__
      ? { bodyBackgroundColor: "#262626", bodyForegroundColor: "#ffffff", controlBackgroundColor: "#363636", controlForegroundColor: "#ffffff", isDarkTheme: true }
      : { bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#000000", controlBackgroundColor: "#ffffff", controlForegroundColor: "#000000", isDarkTheme: false },
    requirements: { isSetSupported: (name: string, version: string) => host.isSetSupported(name, version) },
  },
  onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
    calls.push("Office.onReady");
    return Promise.resolve(info).then((i) => {
      callback?.(i);
      return i;
    });
  },
  actions: {
    associate(name: string, fn: unknown) {
      associated[name] = fn;
    },
  },
  addin: {
    onVisibilityModeChanged: () => Promise.resolve(() => Promise.resolve()),
    showAsTaskpane: () => Promise.resolve(),
  },
};

w.Excel = {
  run<T>(a: Excel.RunOptions | Excel.RequestContext | ((c: Excel.RequestContext) => Promise<T>), b?: (c: Excel.RequestContext) => Promise<T>): Promise<T> {
    calls.push("Excel.run");
    if (typeof a === "function") return host.run({}, a);
    // `Excel.run(context, batch)`: a batch on an earlier context (how an event handler is removed).
    if (a instanceof FakeContext) return host.runIn!(a as unknown as Excel.RequestContext, b!);
    return host.run(a as Excel.RunOptions, b!);
  },
};

/** What the test reads back from the page. */
w.__e2e = {
  book,
  calls,
  associated: () => Object.keys(associated),
  selection: () => book.selection ?? null,
  activeSheet: () => book.activeSheet ?? null,
  value: (sheet: string, a1: string) => book.value(sheet, a1) ?? null,
  fill: (sheet: string, a1: string) => book.fill(sheet, a1) ?? null,
  sheetNames: () => book.sheets.map((s) => s.name),
  /** The user types or pastes values at a cell (fires `onChanged` as Excel does). */
  userEdit: (sheet: string, a1: string, values: (string | number)[][]) => book.userEdit(sheet, a1, values),
  handlers: (sheet: string) => book.sheet(sheet).changedHandlers.length,
  settings: () => Object.assign({}, ...book.customXmlParts.map((p) => parseSettingsXml(p.xml))) as Record<string, string>,
};
