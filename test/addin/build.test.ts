/**
 * `npm run build` bundles the task pane page and the ribbon command file with webpack, with no
 * certificates, and the page then loads in a real browser (Debian's chromium) with office.js
 * served from the npm package, since the test machine has no internet.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { watchPage } from "./pageWatch";

const root = join(__dirname, "..", "..");
const dist = join(root, "dist");
const CHROMIUM = "/usr/bin/chromium";

beforeAll(() => {
  const r = spawnSync("npx", ["webpack", "--mode", "production"], { cwd: root, encoding: "utf8", env: { ...process.env, HOME: process.env.HOME ?? "/tmp" } });
  if (r.status !== 0) throw new Error(`webpack failed:\n${r.stdout}\n${r.stderr}`);
}, 180000);

describe("the production build", () => {
  it("emits the task pane, the command file, the manifest and the icons", () => {
    for (const f of ["taskpane.html", "taskpane.js", "commands.html", "commands.js", "manifest.xml", "assets/icon-16.png", "assets/icon-32.png", "assets/icon-64.png", "assets/icon-80.png"]) {
      expect({ f, exists: existsSync(join(dist, f)) }).toEqual({ f, exists: true });
    }
    const html = readFileSync(join(dist, "taskpane.html"), "utf8");
    expect(html).toMatch(/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/);
    expect(html).toMatch(/taskpane\.js/);
  });

  it("puts a Content-Security-Policy on both pages: scripts, frames and connections only from itself and Office's script origin", () => {
    for (const page of ["taskpane.html", "commands.html"]) {
      const html = readFileSync(join(dist, page), "utf8");
      // (The production build minifies the HTML: attribute quotes are optional.)
      const csp = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1];
      expect({ page, csp: csp !== undefined }).toEqual({ page, csp: true });
      const directives = new Map(csp!.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
      expect(directives.get("default-src")).toEqual(["'self'"]);
      for (const d of ["script-src", "connect-src", "frame-src"]) expect({ d, v: directives.get(d) }).toEqual({ d, v: ["'self'", "https://appsforoffice.microsoft.com"] });
      expect(directives.get("object-src")).toEqual(["'none'"]);
      // The page's own scripts (webpack's) come from the same origin; office.js is the only other script.
      const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);
      expect(scripts.length).toBeGreaterThanOrEqual(2);
      for (const src of scripts) expect(src.startsWith("https://appsforoffice.microsoft.com/") || !/^[a-z]+:/i.test(src)).toBe(true);
    }
    // With the shared runtime the pane's page also carries the ribbon commands.
    expect(readFileSync(join(dist, "taskpane.html"), "utf8")).toMatch(/<script[^>]*\ssrc="?commands\.js/);
  });

  it("contains no network calls of its own (no fetch / XMLHttpRequest in our code)", () => {
    const src = spawnSync("grep", ["-rlE", "\\bfetch\\(|XMLHttpRequest|WebSocket\\(", join(root, "src")], { encoding: "utf8" });
    expect(src.stdout.trim()).toBe("");
  });

  (existsSync(CHROMIUM) ? it : it.skip)("loads in headless chromium and shows the pane in Vietnamese", async () => {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
    try {
      const page = await browser.newPage({ locale: "vi-VN" });
      const officeDist = join(root, "node_modules", "@microsoft", "office-js", "dist");
      const requested: string[] = [];
      await page.route("**/*", async (route) => {
        const url = new URL(route.request().url());
        requested.push(url.href);
        if (url.hostname === "appsforoffice.microsoft.com") {
          // The CDN's /lib/1/hosted/ tree, served from the npm package.
          const file = join(officeDist, url.pathname.replace(/^\/lib\/1\/hosted\//, ""));
          if (existsSync(file)) return route.fulfill({ body: readFileSync(file), contentType: "text/javascript" });
        }
        if (url.hostname === "addin.test") {
          const file = join(dist, url.pathname.replace(/^\//, ""));
          if (existsSync(file)) return route.fulfill({ body: readFileSync(file), contentType: file.endsWith(".html") ? "text/html" : file.endsWith(".js") ? "text/javascript" : "application/octet-stream" });
        }
        return route.abort();
      });
      const { errors, violations } = await watchPage(page);
      await page.goto("https://addin.test/taskpane.html");
      await page.getByRole("heading", { name: "Kiểm tra hồ sơ cán bộ" }).waitFor({ timeout: 30000 });
      // Outside Office the pane says where it runs; the language switch is a labelled button.
      await page.getByText("Bảng điều khiển này chạy trong Excel.").waitFor();
      await page.getByRole("button", { name: "Switch to English" }).click();
      await page.getByRole("heading", { name: "Roster check" }).waitFor();
      expect(errors).toEqual([]);
      // The Content-Security-Policy let office.js, the pane and Fluent UI's styles load, and blocked nothing.
      expect(violations).toEqual([]);
      // Only the page itself and office.js were asked for (office.js may pull its own locale files).
      expect(requested.filter((u) => !u.startsWith("https://addin.test/") && !u.startsWith("https://appsforoffice.microsoft.com/"))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120000);
});
