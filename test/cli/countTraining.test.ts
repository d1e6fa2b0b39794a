import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCliCaptured } from "../support/cliRun";

/** validate --count-training (issue 12 §2), through the CLI on a roster and a training list. */
async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const roster = wb.addWorksheet("DS CBCC");
  roster.addRow(["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ QUẢNG LỢI NĂM 2024"]);
  roster.addRow(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Đơn vị", "Trình độ chuyên môn", "Lý luận chính trị", "Số CCCD"]);
  roster.addRow([1, "Trần Thị Hường", "15/08/1985", "Nữ", "Văn phòng - thống kê", "Xã Quảng Lợi", "Trung cấp", "Sơ cấp", "022185001111"]);
  const list = wb.addWorksheet("Đào tạo");
  list.addRow(["DANH SÁCH CÁN BỘ ĐƯỢC CỬ ĐI ĐÀO TẠO, BỒI DƯỠNG"]);
  list.addRow(["STT", "Họ và tên", "Ngày sinh", "Đơn vị", "Nội dung đào tạo", "Trình độ đạt được", "Thời gian", "Nơi đào tạo"]);
  list.addRow([1, "Trần Thị Hường", "15/08/1985", "Xã Quảng Lợi", "Đại học Luật", "Đại học", "2020 - 2024", "Đại học Luật Hà Nội"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("validate --count-training", () => {
  const dir = mkdtempSync(join(tmpdir(), "count-training-"));
  const path = join(dir, "ds.xlsx");
  beforeAll(async () => writeFileSync(path, await xlsx()));
  const rules = (argv: string[]) => {
    const out = runCliCaptured(["validate", path, "--as-of", "2024-11-15", "--rules", "nd33-2023", "--json", "-", ...argv]);
    expect(out.stderr).toBe("");
    return (JSON.parse(out.stdout).findings as { rule: string; cell?: string; severity: string }[]).filter((f) => f.rule === "qualification.professionalLevel" || f.rule === "qualification.countedTraining").map((f) => [f.rule, f.cell, f.severity]);
  };

  it("counts the completed degree only with the flag", () => {
    expect(rules([])).toEqual([["qualification.professionalLevel", "G3", "warning"]]);
    expect(rules(["--count-training"])).toEqual([["qualification.countedTraining", "G3", "info"]]);
  });

  it("lists the flag in the help, Vietnamese then English", () => {
    const help = runCliCaptured(["--help"]).stdout;
    expect(help).toContain("--count-training");
    expect(help.indexOf("tính khóa đào tạo đã hoàn thành")).toBeLessThan(help.indexOf("count a completed training"));
  });

  it("counts the training summary from the year --training-since names", () => {
    const summary = (argv: string[]) => JSON.parse(runCliCaptured(["validate", path, "--as-of", "2024-11-15", "--json", "-", ...argv]).stdout).training;
    // The 2020–2024 degree ends in 2024: counted from the default (2019) and from 2024, not from 2025.
    expect(summary([])).toMatchObject({ since: 2019, attendances: 1 });
    expect(summary(["--training-since", "2024"])).toMatchObject({ since: 2024, attendances: 1 });
    expect(summary(["--training-since", "2025"])).toMatchObject({ since: 2025, attendances: 0 });
  });

  it("refuses a year that is not one, with one line and exit 2", () => {
    const out = runCliCaptured(["validate", path, "--training-since", "năm ngoái"]);
    expect(out.code).toBe(2);
    expect(out.stderr.trim().split("\n")).toHaveLength(1);
    expect(out.stderr).toMatch(/Năm "năm ngoái" không hợp lệ cho --training-since; .* — /);
  });
});
