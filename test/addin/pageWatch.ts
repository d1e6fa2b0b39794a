/**
 * What the browser tests watch on a page: script errors, console lines (printed with DEBUG_PANE=1)
 * and Content-Security-Policy violations, each collected in an array the test asserts empty.
 */
import type { Page } from "playwright-core";

export async function watchPage(page: Page): Promise<{ errors: string[]; violations: string[] }> {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => process.env.DEBUG_PANE && console.log(m.text()));
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { reportCspViolation(v: string): void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`)));
  return { errors, violations };
}
