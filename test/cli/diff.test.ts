import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCliCaptured } from "../support/cliRun";
import { HEADER, NEW_ROWS, OLD_ROWS } from "../core/diff/fixtures";

async function xlsx(rows: (string | number | undefined)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("DS CBCC");
  ws.addRow(["DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ"]);
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r.map((v) => (v === undefined ? null : v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("cli diff OLD NEW", () => {
  const dir = mkdtempSync(join(tmpdir(), "diff-"));
  const oldPath = join(dir, "2023.xlsx");
  const newPath = join(dir, "2024.xlsx");
  beforeAll(async () => {
    writeFileSync(oldPath, await xlsx(OLD_ROWS));
    writeFileSync(newPath, await xlsx(NEW_ROWS));
  });

  it("writes the JSON and the Biến động workbook and exits 0", async () => {
    const out = join(dir, "bien-dong.xlsx");
    const json = join(dir, "bien-dong.json");
    const r = runCliCaptured(["diff", oldPath, newPath, "--out", out, "--json", json]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("mới vào 1, nghỉ/chuyển đi 1, chuyển đơn vị 1, thay đổi chức vụ 1, thay đổi trình độ 2");
    const report = JSON.parse(readFileSync(json, "utf8"));
    expect(report).toMatchObject({ schemaVersion: 1, old: { file: "2023.xlsx", persons: 6 }, new: { file: "2024.xlsx", persons: 6 }, matched: 5 });
    expect(JSON.stringify(report)).not.toContain("022075001234");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Biến động"]);
    const texts: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toEqual(expect.arrayContaining(["Đỗ Văn Cũ", "Nghỉ, chuyển đi"]));
  });

  it("sends the JSON to stdout with --json -", () => {
    const r = runCliCaptured(["diff", oldPath, newPath, "--json", "-"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).counts).toEqual({ joined: 1, left: 1, moved: 1, postChanged: 1, qualificationChanged: 2 });
  });

  it("exits 2 with one bilingual line for a missing file, a file without roster, and wrong usage", () => {
    const missing = runCliCaptured(["diff", oldPath, join(dir, "none.xlsx")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    const one = runCliCaptured(["diff", oldPath]);
    expect(one.code).toBe(2);
    const bad = runCliCaptured(["diff", oldPath, newPath, "--bogus"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--bogus");
  });

  it("never replaces an existing output without --force", () => {
    const out = join(dir, "exists.xlsx");
    writeFileSync(out, "x");
    const r = runCliCaptured(["diff", oldPath, newPath, "--out", out]);
    expect(r.code).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("x");
    expect(existsSync(out)).toBe(true);
  });
});
