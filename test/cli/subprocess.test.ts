import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expectValidReport } from "../support/reportSchema";

const root = join(__dirname, "..", "..");

describe("npm run -s cli (a real process)", () => {
  it("prints nothing but the schema-valid report on stdout with --json -", () => {
    const r = spawnSync("npm", ["run", "-s", "cli", "--", "validate", "samples/dam-ha-mau.xlsx", "--as-of", "2024-11-15", "--json", "-"], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(1); // the sample holds an impossible date
    const report = JSON.parse(r.stdout);
    expectValidReport(report);
    expect(r.stderr).toBe("");
  });

  it("exits 2 with one line on stderr for a bad input, and nothing on stdout", () => {
    const r = spawnSync("npm", ["run", "-s", "cli", "--", "validate", "package.json", "--json", "-"], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/CSV/);
  });
});
