/**
 * The CLI's outputs: the annotated copy (--out), the summary workbook (--summary), clear,
 * and the safety rules around them (no overwrite without --force, atomic writes).
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readXlsx } from "../../src/file/readXlsx";
import { runCliCaptured } from "../support/cliRun";
import * as wb from "../support/workbooks";

const dir = mkdtempSync(join(tmpdir(), "hoso-out-"));

async function open(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return book;
}

describe("validate --out --summary", () => {
  let input: string;
  let before: Buffer;
  beforeAll(async () => {
    input = join(dir, "messy.xlsx");
    writeFileSync(input, (await wb.messyListFixture()).bytes);
    before = readFileSync(input);
  });

  it("writes the annotated copy and the summary workbook, and leaves the input as it was", async () => {
    const out = runCliCaptured(["validate", input, "--as-of", "2024-12-31", "--out", join(dir, "marked.xlsx"), "--summary", join(dir, "summary.xlsx"), "--json", join(dir, "r.json")]);
    expect(out.stderr).toBe("");
    expect([0, 1]).toContain(out.code);
    expect(Buffer.compare(before, readFileSync(input))).toBe(0);
    const marked = await open(join(dir, "marked.xlsx"));
    expect(marked.worksheets.map((w) => w.name)).toEqual(["Sheet1", "Kết quả kiểm tra", "Tổng hợp biên chế", "Chất lượng CBCC"]);
    const summary = await open(join(dir, "summary.xlsx"));
    expect(summary.worksheets.map((w) => w.name)).toEqual(["Kết quả kiểm tra", "Tổng hợp biên chế", "Chất lượng CBCC"]);
    // The impossible date is marked red with a note.
    const report = JSON.parse(readFileSync(join(dir, "r.json"), "utf8"));
    const bad = report.findings.find((f: { rule: string }) => f.rule === "data.invalidDate");
    const cell = marked.getWorksheet("Sheet1")!.getCell(bad.cell);
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb?.toUpperCase()).toMatch(/FFC7CE$/);
    expect(JSON.stringify(cell.note)).toContain("31/02/1980");
  });

  it("reads the same roster from the annotated copy as from the input", () => {
    const a = readXlsx(readFileSync(input));
    const b = readXlsx(readFileSync(join(dir, "marked.xlsx")));
    expect(b.sheets[0].values).toEqual(a.sheets[0].values);
    expect(b.sheets[0].merges).toEqual(a.sheets[0].merges);
    expect(b.sheets[0].hiddenColumns).toEqual(a.sheets[0].hiddenColumns);
  });

  it("refuses to replace an existing output without --force, and replaces it with --force", () => {
    const target = join(dir, "marked.xlsx");
    const was = readFileSync(target);
    const refused = runCliCaptured(["validate", input, "--as-of", "2024-12-31", "--out", target]);
    expect(refused.code).toBe(2);
    expect(Buffer.compare(was, readFileSync(target))).toBe(0);
    const forced = runCliCaptured(["validate", input, "--as-of", "2024-12-31", "--out", target, "--force"]);
    expect([0, 1]).toContain(forced.code);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("clear restores a workbook the tool can read as the original, without our sheets", async () => {
    const out = runCliCaptured(["clear", join(dir, "marked.xlsx"), "--out", join(dir, "cleared.xlsx")]);
    expect(out.code).toBe(0);
    const cleared = await open(join(dir, "cleared.xlsx"));
    expect(cleared.worksheets.map((w) => w.name)).toEqual(["Sheet1"]);
    const a = readXlsx(readFileSync(input));
    const c = readXlsx(readFileSync(join(dir, "cleared.xlsx")));
    expect(c.sheets[0].values).toEqual(a.sheets[0].values);
    expect(c.sheets[0].styleIds).toEqual(a.sheets[0].styleIds);
  });

  it("writes nothing when the input is unusable", () => {
    const bad = join(dir, "bad.xlsx");
    writeFileSync(bad, "Họ và tên,Ngày sinh\nNguyễn Văn A,01/01/1980\n");
    const out = runCliCaptured(["validate", bad, "--out", join(dir, "never.xlsx"), "--summary", join(dir, "never2.xlsx")]);
    expect(out.code).toBe(2);
    expect(existsSync(join(dir, "never.xlsx"))).toBe(false);
    expect(existsSync(join(dir, "never2.xlsx"))).toBe(false);
  });
});

describe("validate --out --fix-encoding", () => {
  it("converts the TCVN3 cells of the copy to Unicode, and clear brings the legacy text back", async () => {
    const input = join(dir, "tcvn3.xlsx");
    writeFileSync(input, (await wb.communeSheetsTcvn3Fixture()).bytes);
    const out = runCliCaptured(["validate", input, "--as-of", "2024-12-31", "--out", join(dir, "fixed.xlsx"), "--fix-encoding"]);
    expect([0, 1]).toContain(out.code);
    const original = readXlsx(readFileSync(input));
    const fixed = readXlsx(readFileSync(join(dir, "fixed.xlsx")));
    const name = (g: typeof original) => g.sheets[0].values[9]?.[1];
    expect(String(name(original))).not.toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    expect(String(name(fixed))).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹÀ-ỹ]/);
    runCliCaptured(["clear", join(dir, "fixed.xlsx"), "--out", join(dir, "unfixed.xlsx")]);
    const unfixed = readXlsx(readFileSync(join(dir, "unfixed.xlsx")));
    expect(unfixed.sheets.map((s) => s.values)).toEqual(original.sheets.map((s) => s.values));
  });
});
