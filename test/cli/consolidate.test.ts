/**
 * `consolidate` end to end (issue 11): a district's folder of commune rosters in every form
 * offices receive — .xlsx, a real BIFF8 .xls in TCVN3, an Excel web page, a tableToExcel export,
 * Excel 2003 XML — with broken files among them, one commune sent in two files, people listed in
 * two files, and a quota workbook given with --quota. Asserts the merged report, the summary
 * workbook re-opened with ExcelJS (staffing per unit and total, the file-status sheet), the
 * cross-file findings, the Markdown, the worker-thread path and the exit codes.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runCli, runCliAsync } from "../../src/cli/main";
import type { Finding, Report, StaffCounts } from "../../src/core/report/types";
import { readXlsx } from "../../src/file/readXlsx";
import { runCliCaptured } from "../support/cliRun";
import { gridToHtml, gridToSpreadsheetMl, gridToXls } from "../support/legacyFormats";
import { expectValidReport } from "../support/reportSchema";
import * as wb from "../support/workbooks";

const root = mkdtempSync(join(tmpdir(), "hoso-consolidate-"));
const inDir = join(root, "nhan-tu-xa");
const quotaPath = join(root, "dinh-bien-2024.xlsx");
const AS_OF = "2024-12-31";
const CATEGORY: Record<wb.PersonCategory, keyof StaffCounts> = { "Cán bộ": "cadre", "Công chức": "civilServant", "KCT cấp xã": "nonSpecializedCommune", "KCT thôn": "nonSpecializedVillage" };
const UNITS = wb.makeUnits(7); // Xã Quảng Lợi, Thị trấn Đầm Hà, Xã Đầm Hà, Xã Quảng Lâm, Xã Tân Bình, Xã Quảng Tân, Xã Dực Yên (only in the quota file)

function staffOf(people: wb.FixturePerson[]): StaffCounts {
  const s: StaffCounts = { cadre: 0, civilServant: 0, nonSpecializedCommune: 0, nonSpecializedVillage: 0 };
  for (const p of people) s[CATEGORY[p.category]]++;
  return s;
}

async function open(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return book;
}

/** Rows of a sheet as arrays of cell texts (1-based columns at index 0…). */
function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const vals = row.values as unknown[];
    out[n - 1] = vals.slice(1);
  });
  return out;
}

interface Sent {
  file: string;
  unit: number;
  people: wb.FixturePerson[];
}
const sent: Sent[] = [];
let duplicated: wb.FixturePerson;
let splitCopy: wb.FixturePerson;
let quotas: wb.FixtureQuota[];
let ownQuota: wb.FixtureQuota;

beforeAll(async () => {
  mkdirSync(inDir, { recursive: true });
  const peopleOf = (u: number, seed: number) => wb.makePeople(40, seed, { units: [UNITS[u]] });
  const put = (file: string, unit: number, people: wb.FixturePerson[], bytes: Uint8Array) => {
    writeFileSync(join(inDir, file), bytes);
    sent.push({ file, unit, people });
  };
  // 0: .xlsx with its own quota sheet (the --quota file must win over it).
  const p0 = peopleOf(0, 11);
  const fx0 = await wb.districtListFixture({ people: p0, withQuota: true, seed: 5 });
  ownQuota = fx0.quotas![0];
  put("xa-quang-loi.xlsx", 0, p0, fx0.bytes);
  // 1: a real BIFF8 .xls typed in TCVN3 with .VnTime / .VnTimeH fonts.
  const p1 = peopleOf(1, 12);
  put("tt-dam-ha.xls", 1, p1, gridToXls(readXlsx(await wb.communeSheetsTcvn3Workbook({ people: p1 }))));
  // 2: Excel "Save as Web page" named .xls.
  const p2 = peopleOf(2, 13);
  put("xa-dam-ha.xls", 2, p2, gridToHtml(readXlsx(await wb.districtListWorkbook({ people: p2 })), { variant: "webPage" }));
  // 3: Excel 2003 XML named .xls, with one person of Quảng Lợi listed here too (same ID number).
  duplicated = p0.find((p) => p.category === "Công chức" && p.idNumber)!;
  const p3 = [...peopleOf(3, 14), { ...duplicated, unit: UNITS[3] }];
  put("xa-quang-lam.xls", 3, p3, gridToSpreadsheetMl(readXlsx(await wb.districtListWorkbook({ people: p3 }))));
  // 4: a tableToExcel export named .xls.
  const p4 = peopleOf(4, 15);
  put("xa-tan-binh.xls", 4, p4, gridToHtml(readXlsx(await wb.districtListWorkbook({ people: p4 })), { variant: "tableToExcel", firstSheetOnly: true }));
  // 5: one commune in two files: cán bộ, công chức and KCT cấp xã in an .xlsx, its thôn workers in an .xls;
  //    its chair is in both (no ID number in the second: the same name and birth date).
  const p5 = peopleOf(5, 16);
  const chair = p5.find((p) => p.position === "Chủ tịch UBND")!;
  splitCopy = { ...chair };
  delete splitCopy.idNumber;
  const commune = p5.filter((p) => p.category !== "KCT thôn");
  const villages = [...p5.filter((p) => p.category === "KCT thôn"), splitCopy];
  put("xa-quang-tan-cbcc.xlsx", 5, commune, await wb.districtListWorkbook({ people: commune }));
  put("xa-quang-tan-thon.xls", 5, villages, gridToXls(readXlsx(await wb.districtListWorkbook({ people: villages }))));
  // Broken files: a cut download, a password-protected workbook, an Excel 95 file; and a lock file and a note to skip.
  writeFileSync(join(inDir, "hong.xlsx"), await wb.truncatedZip());
  writeFileSync(join(inDir, "mat-khau.xls"), wb.encryptedLike());
  writeFileSync(join(inDir, "excel-95.xls"), wb.legacyBiffLike({ stream: "Book" }));
  writeFileSync(join(inDir, "~$xa-quang-loi.xlsx"), new Uint8Array([1, 2, 3]));
  writeFileSync(join(inDir, "ghi-chu.txt"), "Danh sách các xã đã gửi");
  // The district's quota workbook, with a commune that sent nothing.
  const qf = await wb.quotaFixture({ units: UNITS });
  quotas = qf.quotas!;
  writeFileSync(quotaPath, qf.bytes);
});

describe("consolidate: a district's folder with every form and broken files", () => {
  let out: ReturnType<typeof runCliCaptured>;
  let report: Report;
  const summary = join(root, "tong-hop.xlsx");
  const jsonPath = join(root, "tong-hop.json");
  const mdPath = join(root, "tong-hop.md");
  const unitOf = (u: number) => report.units.find((x) => x.code === quotas[u].code)!;
  const byRule = (rule: string) => report.findings.filter((f) => f.rule === rule);

  beforeAll(() => {
    out = runCliCaptured(["consolidate", inDir, "--summary", summary, "--json", jsonPath, "--md", mdPath, "--quota", quotaPath, "--as-of", AS_OF]);
    report = JSON.parse(readFileSync(jsonPath, "utf8")) as Report;
  });

  it("exits 1 (unreadable files are errors), says so on stdout, and nothing on stderr", () => {
    expect(out.stderr).toBe("");
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/10 tệp \/ files — đã đọc \/ read 7, không đọc được \/ unreadable 3/);
    expect(out.stdout).toContain("Sổ tổng hợp / Summary workbook");
  });

  it("writes one schema-valid report listing every file, read or not, in name order", () => {
    expectValidReport(report);
    expect(report.files!.map((f) => f.name)).toEqual(["excel-95.xls", "hong.xlsx", "mat-khau.xls", "tt-dam-ha.xls", "xa-dam-ha.xls", "xa-quang-lam.xls", "xa-quang-loi.xlsx", "xa-quang-tan-cbcc.xlsx", "xa-quang-tan-thon.xls", "xa-tan-binh.xls"]);
    const f = Object.fromEntries(report.files!.map((x) => [x.name, x]));
    expect([f["xa-quang-loi.xlsx"].format, f["tt-dam-ha.xls"].format, f["xa-dam-ha.xls"].format, f["xa-quang-lam.xls"].format, f["xa-tan-binh.xls"].format]).toEqual(["xlsx", "xls", "html", "spreadsheetMl2003", "html"]);
    expect(f["hong.xlsx"]).toMatchObject({ status: "unreadable", code: "file.truncatedZip" });
    expect(f["mat-khau.xls"]).toMatchObject({ status: "unreadable", code: "file.encrypted" });
    expect(f["excel-95.xls"]).toMatchObject({ status: "unreadable", code: "file.biff5" });
    for (const s of sent) expect(f[s.file]).toMatchObject({ status: "read", records: s.people.length, quotaSource: "quotaFile" });
    // Each unreadable file is an error finding with its one-line reason.
    const unreadable = byRule("file.unreadable");
    expect(unreadable.map((x) => x.file)).toEqual(["excel-95.xls", "hong.xlsx", "mat-khau.xls"]);
    expect(unreadable.every((x) => x.severity === "error" && !/[\r\n]/.test(x.message))).toBe(true);
    expect(unreadable.find((x) => x.file === "mat-khau.xls")!.message).toMatch(/mật khẩu/);
  });

  it("merges the units of all files: one per commune, the commune of two files with both files' people", () => {
    expect(report.units).toHaveLength(6);
    for (let u = 0; u < 6; u++) {
      const files = sent.filter((s) => s.unit === u);
      const expected = staffOf(files.flatMap((s) => s.people));
      expect({ unit: UNITS[u], staff: unitOf(u).staff }).toEqual({ unit: UNITS[u], staff: expected });
      expect(unitOf(u).files).toEqual(files.map((s) => s.file));
    }
    expect(report.totals!.records).toBe(sent.reduce((n, s) => n + s.people.length, 0));
    const dupUnit = byRule("file.duplicateUnit");
    expect(dupUnit).toHaveLength(1);
    expect(dupUnit[0]).toMatchObject({ severity: "warning", unit: unitOf(5).id });
    expect(dupUnit[0].message).toContain("xa-quang-tan-cbcc.xlsx, xa-quang-tan-thon.xls");
  });

  it("takes the figures of the --quota file over a file's own quota sheet, and names the commune that sent nothing", () => {
    expect(ownQuota).not.toEqual(quotas[0]); // the file's own sheet says something else
    for (let u = 0; u < 6; u++) {
      expect(unitOf(u).quota?.cadreAndCivilServant).toMatchObject({ province: quotas[u].cbccProvince, district: quotas[u].cbccDistrict });
      expect(unitOf(u).communeClass).toBe(quotas[u].unitClass);
    }
    const missing = byRule("file.missingUnit");
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: "warning", file: "dinh-bien-2024.xlsx" });
    expect(missing[0].message).toContain("Xã Dực Yên");
    expect(report.quotaFile).toBe("dinh-bien-2024.xlsx");
    // Findings about the quota rows point into the quota file.
    const quotaFindings = report.findings.filter((f) => f.rule.startsWith("quota.") && f.sheet === "Định biên");
    expect(quotaFindings.length).toBeGreaterThan(0);
    expect(quotaFindings.every((f) => f.file === "dinh-bien-2024.xlsx")).toBe(true);
  });

  it("finds the same person in two files: by ID number across units, by name and birth date in one unit", () => {
    const dup = byRule("file.duplicatePerson");
    const byId = dup.filter((f) => f.person === duplicated.fullName);
    expect(byId.map((f) => f.file).sort()).toEqual(["xa-quang-lam.xls", "xa-quang-loi.xlsx"]);
    const inLam = byId.find((f) => f.file === "xa-quang-lam.xls")!;
    expect(inLam).toMatchObject({ severity: "warning", unit: unitOf(3).id, sheet: "DS CBCC" });
    expect(inLam.cell).toMatch(/^K\d+$/); // the ID number's cell
    expect(inLam.message).toMatch(/xa-quang-loi\.xlsx.*cùng số CCCD.*ở đơn vị khác \(Xã Quảng Lợi\)/);
    const byName = dup.filter((f) => f.person === splitCopy.fullName);
    expect(byName.map((f) => f.file).sort()).toEqual(["xa-quang-tan-cbcc.xlsx", "xa-quang-tan-thon.xls"]);
    expect(byName[0].message).toMatch(/cùng họ tên và ngày sinh .*cùng đơn vị, nên được đếm hai lần/);
    expect(dup).toHaveLength(4);
  });

  it("keeps each file's own findings, naming their file, and decodes the TCVN3 .xls", () => {
    const own = report.findings.filter((f) => !f.rule.startsWith("file."));
    expect(own.every((f) => f.file !== undefined)).toBe(true);
    expect(report.findings.some((f) => f.file === "tt-dam-ha.xls" && f.rule === "data.legacyEncoding")).toBe(true);
    expect(unitOf(1).name).toBe("Đầm Hà");
    expect(unitOf(1).kind).toBe("thị trấn");
    expect(report.sheets.filter((s) => s.file === "tt-dam-ha.xls").map((s) => s.role)).toContain("roster");
    expect(report.totals!.errors).toBe(report.findings.filter((f: Finding) => f.severity === "error").length);
  });

  it("writes the summary workbook: findings, staffing per unit and in total, quality, file status", async () => {
    const book = await open(summary);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Kết quả kiểm tra", "Tổng hợp biên chế", "Chất lượng CBCC", "Tình trạng tệp"]);
    const staffing = rowsOf(book.getWorksheet("Tổng hợp biên chế")!);
    for (let u = 0; u < 6; u++) {
      const row = staffing.find((r) => r?.[1] === UNITS[u])!;
      expect(row).toBeDefined();
      const s = unitOf(u).staff;
      expect(row[3]).toBe(quotas[u].cbccProvince); // tỉnh giao
      expect(row[6]).toBe(s.cadre + s.civilServant); // hiện có
      expect(row[12]).toBe(s.nonSpecializedCommune);
    }
    const total = staffing.find((r) => r?.[1] === "Tổng cộng")!;
    expect(total[6]).toBe(report.units.reduce((n, u) => n + u.staff.cadre + u.staff.civilServant, 0));
    expect(total[3]).toBe(quotas.slice(0, 6).reduce((n, q) => n + q.cbccProvince, 0));
    const files = rowsOf(book.getWorksheet("Tình trạng tệp")!);
    const fileRow = (name: string) => files.find((r) => r?.[1] === name)!;
    expect(fileRow("hong.xlsx")[3]).toBe("Không đọc được");
    expect(String(fileRow("hong.xlsx")[9])).toMatch(/bị cắt cụt/);
    expect(fileRow("tt-dam-ha.xls").slice(2, 6)).toEqual(["Excel 97-2003 (.xls)", "Đã đọc", "Thị trấn Đầm Hà", sent.find((s) => s.file === "tt-dam-ha.xls")!.people.length]);
    expect(fileRow("xa-quang-lam.xls")[2]).toBe("XML 2003");
    expect(files.find((r) => r?.[1] === "Tổng cộng")!.slice(3, 6)).toEqual(["7/10", "6 đơn vị", report.totals!.records]);
    // Findings name their file, and link nowhere (the cells are in the files received).
    const findings = rowsOf(book.getWorksheet("Kết quả kiểm tra")!);
    expect(findings.some((r) => r?.[5] === "xa-quang-lam.xls › DS CBCC" && r?.[2] === "file.duplicatePerson")).toBe(true);
    expect(JSON.stringify(findings)).not.toContain("hyperlink");
  });

  it("writes the Markdown report: files, the quota table, quality, findings grouped by unit", () => {
    const md = readFileSync(mdPath, "utf8");
    expect(md).toMatch(/^# Tổng hợp kiểm tra hồ sơ/);
    expect(md).toContain("## Tình trạng tệp / Files");
    expect(md).toMatch(/\| 7 \| xa-quang-loi\.xlsx \| Excel \(\.xlsx\) \| Đã đọc \| Xã Quảng Lợi \| 40 \|/);
    expect(md).toContain("## Biên chế so với số được giao");
    const s0 = unitOf(0).staff;
    expect(md).toContain(`| 1 | Xã Quảng Lợi | ${quotas[0].unitClass} | ${quotas[0].cbccProvince} | ${quotas[0].cbccDistrict} |`);
    expect(md).toContain(`| ${s0.cadre + s0.civilServant} |`);
    expect(md).toContain("### I. CÁN BỘ, CÔNG CHỨC CẤP XÃ");
    const section = md.slice(md.indexOf("### Xã Quảng Tân"));
    expect(section).toMatch(/^### Xã Quảng Tân \(\d+\) — \d+ lỗi, \d+ cảnh báo/);
    expect(section.slice(0, section.indexOf("\n### ") > 0 ? section.indexOf("\n### ") : undefined)).toContain("`file.duplicatePerson` — xa-quang-tan-thon.xls › DS CBCC!B");
    expect(md).toContain("### Chung, không gắn với đơn vị");
  });

  it("gives the same result with files read on worker threads", async () => {
    let stdout = "";
    let stderr = "";
    const code = await runCliAsync(["consolidate", inDir, "--summary", join(root, "tong-hop-2.xlsx"), "--json", "-", "--quota", quotaPath, "--as-of", AS_OF, "--jobs", "3"], {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
      now: () => Date.UTC(2026, 10, 28),
      interactive: false,
    });
    expect(stderr).toBe("");
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual(report);
  });

  it("without --quota, each file's own quota sheet gives its figures", () => {
    const o = runCliCaptured(["consolidate", join(inDir, "xa-quang-loi.xlsx"), join(inDir, "tt-dam-ha.xls"), "--summary", join(root, "hai-xa.xlsx"), "--json", "-", "--as-of", AS_OF]);
    const r = JSON.parse(o.stdout) as Report;
    expectValidReport(r);
    const loi = r.units.find((u) => u.name === "Quảng Lợi")!;
    expect(loi.quota?.cadreAndCivilServant).toMatchObject({ province: ownQuota.cbccProvince, district: ownQuota.cbccDistrict });
    expect(r.files!.map((f) => f.quotaSource)).toEqual(["file", "none"]);
    // The file's quota sheet lists only Quảng Lợi: no other unit is invented, none is missing.
    expect(r.units).toHaveLength(2);
    expect(r.findings.filter((f) => f.rule === "file.missingUnit")).toEqual([]);
  });
});

describe("consolidate: the real command line", () => {
  it("runs as `npm run -s cli -- consolidate` with worker threads, the report alone on stdout with --json -", () => {
    const files = ["xa-quang-loi.xlsx", "tt-dam-ha.xls", "xa-quang-lam.xls", "hong.xlsx"].map((f) => join(inDir, f));
    const r = spawnSync("npm", ["run", "-s", "cli", "--", "consolidate", ...files, "--summary", join(root, "npm.xlsx"), "--json", "-", "--as-of", AS_OF, "--jobs", "2"], { cwd: join(__dirname, "..", ".."), encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expectValidReport(report);
    expect(report.files!.map((f) => f.status)).toEqual(["read", "read", "read", "unreadable"]);
    expect(report.findings.filter((f) => f.rule === "file.duplicatePerson")).toHaveLength(2);
    expect(existsSync(join(root, "npm.xlsx"))).toBe(true);
  });
});

describe("consolidate: progress, exit codes and usage", () => {
  it("draws a progress bar on stderr only when it is a terminal", () => {
    let stderr = "";
    const io = { stdout: () => undefined, stderr: (s: string) => (stderr += s), now: () => Date.UTC(2026, 10, 28), interactive: true };
    const files = ["xa-quang-loi.xlsx", "tt-dam-ha.xls", "hong.xlsx"].map((f) => join(inDir, f));
    const code = runCli(["consolidate", ...files, "--summary", join(root, "ba-tep.xlsx"), "--as-of", AS_OF], io);
    expect(code).toBe(1);
    expect(stderr).toMatch(/\r\[█+\] 3\/3 tệp \/ files · 80 dòng \/ rows · 0:00/);
    expect(stderr.endsWith("\n")).toBe(true);
    const quiet = runCliCaptured(["consolidate", ...files, "--summary", join(root, "ba-tep-2.xlsx"), "--as-of", AS_OF]);
    expect(quiet.stderr).toBe("");
  });

  it("exits 2 with one line, writing nothing, when no file could be read", () => {
    const target = join(root, "khong-co-gi.xlsx");
    const o = runCliCaptured(["consolidate", join(inDir, "hong.xlsx"), join(inDir, "mat-khau.xls"), join(root, "khong-ton-tai.xlsx"), "--summary", target]);
    expect(o.code).toBe(2);
    expect(o.stdout).toBe("");
    expect(o.stderr.trim().split("\n")).toHaveLength(1);
    expect(o.stderr).toMatch(/Không đọc được tệp nào trong 3 tệp/);
    expect(existsSync(target)).toBe(false);
  });

  it.each([
    ["no --summary", ["consolidate", "x.xlsx"], /cần tùy chọn --summary/],
    ["no path", ["consolidate", "--summary", "t.xlsx"], /Chưa chỉ ra tệp/],
    ["--jobs 0", ["consolidate", "x.xlsx", "--summary", "t.xlsx", "--jobs", "0"], /số nguyên dương/],
    ["an unknown option", ["consolidate", "x.xlsx", "--summary", "t.xlsx", "--out", "y.xlsx"], /Không có tùy chọn "--out"/],
    ["a bad date", ["consolidate", "x.xlsx", "--summary", "t.xlsx", "--as-of", "31/12/2024"], /không hợp lệ cho --as-of/],
    ["an unknown rule set", ["consolidate", "x.xlsx", "--summary", "t.xlsx", "--rules", "nd99"], /Không có bộ quy định "nd99"/],
  ])("exits 2 on %s", (_name, argv, pattern) => {
    const o = runCliCaptured(argv as string[]);
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(pattern as RegExp);
  });

  it("exits 2 for a folder without workbooks, a quota file without a quota sheet, and an existing output without --force", async () => {
    const empty = join(root, "trong");
    mkdirSync(empty, { recursive: true });
    writeFileSync(join(empty, "ghi-chu.txt"), "không có gì");
    expect(runCliCaptured(["consolidate", empty, "--summary", join(root, "t1.xlsx")]).stderr).toMatch(/Không tìm thấy sổ tính nào/);
    const noQuota = runCliCaptured(["consolidate", inDir, "--summary", join(root, "t2.xlsx"), "--quota", join(inDir, "xa-dam-ha.xls")]);
    expect(noQuota.code).toBe(2);
    expect(noQuota.stderr).toMatch(/không có trang định biên/);
    const existing = join(root, "da-co.xlsx");
    writeFileSync(existing, "cũ");
    const refused = runCliCaptured(["consolidate", join(inDir, "xa-quang-loi.xlsx"), "--summary", existing, "--as-of", AS_OF]);
    expect(refused.code).toBe(2);
    expect(readFileSync(existing, "utf8")).toBe("cũ");
    const forced = runCliCaptured(["consolidate", join(inDir, "xa-quang-loi.xlsx"), "--summary", existing, "--as-of", AS_OF, "--force"]);
    expect([0, 1]).toContain(forced.code);
    expect((await open(existing)).worksheets).toHaveLength(4);
  });
});
