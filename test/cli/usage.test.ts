import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCliCaptured } from "../support/cliRun";

const dir = mkdtempSync(join(tmpdir(), "hoso-cli-"));
const sample = join(__dirname, "..", "..", "samples", "dam-ha-mau.xlsx");

/** One line, Vietnamese then English, no stack trace. */
function expectOneBilingualLine(stderr: string): void {
  expect(stderr.endsWith("\n")).toBe(true);
  expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(stderr).toContain(" — ");
  expect(stderr).not.toMatch(/\bat .+:\d+:\d+/);
  expect(stderr).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
}

describe("CLI usage", () => {
  it.each([
    [[], /Thiếu lệnh/],
    [["check", "a.xlsx"], /Không có lệnh "check"/],
    [["validate"], /Chưa chỉ ra tệp/],
    [["validate", "a.xlsx", "--bogus"], /Không có tùy chọn "--bogus"/],
    [["validate", "a.xlsx", "--json"], /--json cần một giá trị/],
    [["validate", "a.xlsx", "b.xlsx"], /Thừa đối số "b.xlsx"/],
    [["validate", sample, "--as-of", "28/11/2026"], /YYYY-MM-DD/],
    [["validate", sample, "--as-of", "2026-02-30"], /không hợp lệ/],
    [["validate", sample, "--rules", "nd99-2030"], /Không có bộ quy định "nd99-2030".*nd33-2023/],
    [["validate", sample, "--out", sample], /Không ghi đè lên tệp gốc/],
    [["validate", sample, "--summary", join(__dirname, "..", "..", "package.json")], /đã có; thêm --force/],
    [["validate", sample, "--fix-encoding"], /--fix-encoding cần đi cùng --out/],
    [["clear", sample], /--out cần một giá trị/],
    [["validate", join(dir, "missing.xlsx")], /Không tìm thấy tệp/],
    [["validate", dir], /Không đọc được/],
  ])("exits 2 with one clear line for %j", (argv, pattern) => {
    const out = runCliCaptured(argv as string[]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr).toMatch(pattern);
    expectOneBilingualLine(out.stderr);
  });

  it("prints help in both languages and exits 0", () => {
    const out = runCliCaptured(["--help"]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/Cách dùng \/ Usage/);
    expect(out.stdout).toMatch(/--as-of/);
  });
});

describe("CLI validate on the bundled sample", () => {
  it("writes only the JSON report to stdout with --json -", () => {
    const out = runCliCaptured(["validate", sample, "--as-of", "2024-11-15", "--json", "-"]);
    const report = JSON.parse(out.stdout);
    expect(report.asOf).toBe("2024-11-15");
    expect(out.stderr).toBe("");
  });

  it("exits 1 when a finding is an error and writes the report file", () => {
    const path = join(dir, "r.json");
    const out = runCliCaptured(["validate", sample, "--as-of", "2024-11-15", "--json", path]);
    expect(out.code).toBe(1);
    const report = JSON.parse(readFileSync(path, "utf8"));
    expect(report.findings.some((f: { severity: string }) => f.severity === "error")).toBe(true);
    expect(out.stdout).toMatch(/Lỗi \/ errors: \d+/);
  });

  it("uses today in Vietnam (UTC+7) when --as-of is absent, and the regime in force then", () => {
    // 2025-06-30 20:00 UTC is already 1 July 2025 in Hà Nội: the two-level regime.
    const out = runCliCaptured(["validate", sample, "--json", "-"], Date.UTC(2025, 5, 30, 20, 0, 0));
    const report = JSON.parse(out.stdout);
    expect(report.asOf).toBe("2025-07-01");
    expect(report.ruleSet).toMatchObject({ id: "law80-2025", chosenBy: "asOf", source: "preset" });
  });

  it("takes a preset with --rules", () => {
    const out = runCliCaptured(["validate", sample, "--as-of", "2024-11-15", "--rules", "nd34-2019", "--json", "-"]);
    expect(JSON.parse(out.stdout).ruleSet).toMatchObject({ id: "nd34-2019", chosenBy: "option", source: "preset" });
  });

  it("does not change the input file", () => {
    const before = readFileSync(sample);
    runCliCaptured(["validate", sample, "--as-of", "2024-11-15", "--json", join(dir, "x.json")]);
    expect(Buffer.compare(before, readFileSync(sample))).toBe(0);
  });

  it("refuses a broken rule file with exit 2 and one line naming the file and the field", () => {
    const rules = join(dir, "rules.json");
    writeFileSync(rules, "{}");
    const out = runCliCaptured(["validate", sample, "--rules", rules]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/rules\.json.*trường id/);
    expectOneBilingualLine(out.stderr);
  });
});
