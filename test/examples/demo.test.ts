/**
 * `npm run demo` end to end: it completes (exit 0), writes the annotated copy, the summary
 * workbook and the JSON report, and the report and the summary sheet carry the seed figures.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Report } from "../../src/core/report/types";
import { expectValidReport } from "../support/reportSchema";

const root = join(__dirname, "..", "..");

describe("npm run demo", () => {
  const dir = mkdtempSync(join(tmpdir(), "hoso-demo-"));
  const jsonPath = join(dir, "report.json");
  let run: ReturnType<typeof spawnSync>;
  beforeAll(() => {
    run = spawnSync("npm", ["run", "-s", "demo", "--", "--json", jsonPath], { cwd: root, encoding: "utf8" });
  }, 120000);

  it("completes with exit 0 and says where its outputs are", () => {
    expect(run.status).toBe(0);
    expect(String(run.stdout)).toMatch(/Bản sao có đánh dấu \/ Annotated copy: .*dam-ha-2017-danh-dau\.xlsx/);
    expect(String(run.stdout)).toMatch(/Sổ tổng hợp \/ Summary workbook: .*dam-ha-2017-tong-hop\.xlsx/);
    expect(existsSync(join(root, "out", "dam-ha-2017-danh-dau.xlsx"))).toBe(true);
  });

  it("writes a schema-valid report with the seed figures (214/234, 104/206, 156/228, 76/76, 5 and 3 of 10)", () => {
    const report = JSON.parse(readFileSync(jsonPath, "utf8")) as Report;
    expectValidReport(report);
    const sum = (f: (u: Report["units"][number]) => number) => report.units.reduce((n, u) => n + f(u), 0);
    expect(sum((u) => u.staff.cadre + u.staff.civilServant)).toBe(214);
    expect(sum((u) => u.quota?.cadreAndCivilServant?.province ?? 0)).toBe(234);
    expect(sum((u) => u.staff.nonSpecializedCommune)).toBe(104);
    expect(sum((u) => u.quota?.nonSpecializedCommune?.province ?? 0)).toBe(206);
    expect(sum((u) => u.staff.nonSpecializedVillage)).toBe(156);
    expect(sum((u) => u.quota?.nonSpecializedVillage?.province ?? 0)).toBe(228);
    expect(sum((u) => u.concurrency?.villagesSecretaryIsHead ?? 0)).toBe(76);
    expect(sum((u) => u.villages ?? 0)).toBe(76);
    expect(report.units.filter((u) => u.concurrency?.secretaryIsPeoplesCommitteeChair).length).toBe(5);
    expect(report.units.filter((u) => u.concurrency?.secretaryIsPeoplesCouncilChair).length).toBe(3);
    const q = report.quality!.cadreAndCivilServant;
    expect(q.professionalIntermediateOrAbove / q.count).toBeGreaterThan(0.95);
    expect(q.politicalTheoryTrained / q.count).toBeGreaterThan(0.9);
    expect(q.stateManagementTrained / q.count).toBeGreaterThan(0.9);
  });

  it("writes the staffing summary in the words of the seed article", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(root, "out", "dam-ha-2017-tong-hop.xlsx")) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Tổng hợp biên chế")!;
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => texts.push(String(c.value ?? ""))));
    expect(texts.join("\n")).toContain("214/234, thiếu 20 so với tỉnh giao");
    expect(texts.join("\n")).toContain("19/23, thiếu 4 so với tỉnh giao; 19/21, thiếu 2 so với huyện giao");
  });
});
