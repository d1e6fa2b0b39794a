/**
 * The option `countTraining` (issue 12 §2): a completed training of the training list, linked to
 * the person and of the standard's type, stands for a roster column not updated yet.
 */
import { validateWorkbook } from "../../../src/core/engine";
import { countableTraining } from "../../../src/core/training";
import type { Finding } from "../../../src/core/report/types";
import { workbookGrid, type SheetSpec } from "../../support/grid";
import { expectValidReport } from "../../support/reportSchema";

/** Four civil servants of Quảng Lợi below the ND 33/2023 professional standard (Đại học). */
const ROSTER: SheetSpec = {
  name: "DS CBCC",
  rows: [
    ["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ QUẢNG LỢI NĂM 2024"],
    ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Đơn vị", "Trình độ chuyên môn", "Lý luận chính trị", "Quản lý nhà nước", "Số CCCD"],
    [1, "Trần Thị Hường", "15/08/1985", "Nữ", "Văn phòng - thống kê", "Xã Quảng Lợi", "Trung cấp", "Sơ cấp", undefined, "022185001111"],
    [2, "Vũ Văn Tư", "02/02/1984", "Nam", "Tư pháp - hộ tịch", "Xã Quảng Lợi", "Trung cấp", "Sơ cấp", undefined, "022084002222"],
    [3, "Phạm Thị Mai", "01/01/1988", "Nữ", "Địa chính - xây dựng", "Xã Quảng Lợi", "Trung cấp", "Sơ cấp", undefined, "022188003333"],
    [4, "Đinh Văn Hòa", "09/09/1990", "Nam", "Văn hóa - xã hội", "Xã Quảng Lợi", "Cao đẳng", "Sơ cấp", undefined, "022090004444"],
  ],
};

/** A flat training list: a degree finished (counts), an LLCT programme (wrong type), one not finished, one still attending. */
const TRAINING: SheetSpec = {
  name: "Đào tạo",
  rows: [
    ["DANH SÁCH CÁN BỘ ĐƯỢC CỬ ĐI ĐÀO TẠO, BỒI DƯỠNG GIAI ĐOẠN 2020 - 2024"],
    ["STT", "Họ và tên", "Ngày sinh", "Đơn vị", "Chức danh", "Nội dung đào tạo", "Trình độ đạt được", "Thời gian", "Nơi đào tạo", "Tình trạng"],
    [1, "Trần Thị Hường", "15/08/1985", "Xã Quảng Lợi", "Văn phòng - thống kê", "Đại học Luật (vừa làm vừa học)", "Đại học", "2020 - 2024", "Đại học Luật Hà Nội", "Đã tốt nghiệp"],
    [2, "Vũ Văn Tư", "02/02/1984", "Xã Quảng Lợi", "Tư pháp - hộ tịch", "Cao cấp lý luận chính trị", "Cao cấp", "2021 - 2022", "Học viện Chính trị khu vực I", "Đã tốt nghiệp"],
    [3, "Phạm Thị Mai", "01/01/1988", "Xã Quảng Lợi", "Địa chính - xây dựng", "Đại học Quản lý đất đai", "Đại học", "2021 - 2025", "Đại học Nông lâm"],
    [4, "Đinh Văn Hòa", "09/09/1990", "Xã Quảng Lợi", "Văn hóa - xã hội", "Đại học Văn hóa", "Đại học", "2020 - 2024", "Đại học Văn hóa", "Đang học"],
  ],
};

const grid = workbookGrid([ROSTER, TRAINING]);
const run = (countTraining?: boolean) => validateWorkbook(grid, { asOf: "2024-11-15", ruleSetId: "nd33-2023", ...(countTraining !== undefined ? { countTraining } : {}) }).report;
const of = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule).map((f) => [f.cell, f.severity, f.person]);

describe("countTraining (issue 12 §2)", () => {
  it("without the option: every shortfall as before, no counted training", () => {
    const off = run();
    expect(of(off.findings, "qualification.professionalLevel")).toEqual([
      ["G3", "warning", "Trần Thị Hường"],
      ["G4", "warning", "Vũ Văn Tư"],
      ["G5", "warning", "Phạm Thị Mai"],
      ["G6", "warning", "Đinh Văn Hòa"],
    ]);
    expect(of(off.findings, "qualification.countedTraining")).toEqual([]);
    expect(run(false).findings).toEqual(off.findings);
  });

  it("with the option: the completed degree stands for the roster column, said on the roster cell", () => {
    const on = run(true);
    expectValidReport(on);
    // Only Hường's shortfall goes: the LLCT programme is not a degree, Mai's ends in 2025, Hòa is still attending.
    expect(of(on.findings, "qualification.professionalLevel")).toEqual([
      ["G4", "warning", "Vũ Văn Tư"],
      ["G5", "warning", "Phạm Thị Mai"],
      ["G6", "warning", "Đinh Văn Hòa"],
    ]);
    const counted = on.findings.filter((f) => f.rule === "qualification.countedTraining");
    expect(counted.map((f) => [f.sheet, f.cell, f.severity, f.person, f.unit])).toEqual([["DS CBCC", "G3", "info", "Trần Thị Hường", expect.any(String)]]);
    expect(counted[0].message).toBe(
      'Văn phòng - thống kê: đã tính khóa đào tạo "Đại học Luật (vừa làm vừa học)" (trang "Đào tạo", dòng 3, năm 2024) đạt Đại học, đạt tiêu chuẩn Đại học trở lên; cột trình độ chuyên môn trong danh sách cán bộ chưa cập nhật ("Trung cấp"), cần sửa lại',
    );
    expect(counted[0].messageEn).toContain('counted the training "Đại học Luật (vừa làm vừa học)" (sheet "Đào tạo", row 3, 2024) reaching university');
    expect(counted[0].messageEn).toContain("the roster's professional level column is not updated yet");
    expect(counted[0].basis).toBeTruthy();
    // Everything else is unchanged.
    const rest = (fs: Finding[]) => fs.filter((f) => !(f.rule === "qualification.countedTraining" || (f.rule === "qualification.professionalLevel" && f.cell === "G3")));
    expect(rest(on.findings)).toEqual(rest(run().findings));
  });

  it("keeps each training to its own scale: the LLCT programme raises only political theory", () => {
    const result = validateWorkbook(grid, { asOf: "2024-11-15", ruleSetId: "nd33-2023", countTraining: true });
    const counted = countableTraining(result.training!, 2024);
    const levels = [...counted.entries()].map(([p, m]) => [result.reading.records[p].fullName, [...m.values()].map((c) => `${c.field}:${c.level}`)]);
    // Mai's degree ends in 2025, Hòa is still attending: neither counts.
    expect(levels).toEqual([
      ["Trần Thị Hường", ["professionalLevel:university"]],
      ["Vũ Văn Tư", ["politicalTheory:advanced"]],
    ]);
  });

  it("never counts a training that is not linked to the person", () => {
    const unlinked: SheetSpec = { ...TRAINING, rows: TRAINING.rows.map((r, i) => (i === 2 ? [1, "Trần Thị Hường", undefined, "Xã Quảng Lâm", undefined, "Đại học Luật", "Đại học", "2020 - 2024"] : r)) };
    const r = validateWorkbook(workbookGrid([ROSTER, unlinked]), { asOf: "2024-11-15", ruleSetId: "nd33-2023", countTraining: true }).report;
    expect(of(r.findings, "qualification.countedTraining")).toEqual([]);
    expect(of(r.findings, "qualification.professionalLevel")).toContainEqual(["G3", "warning", "Trần Thị Hường"]);
  });
});
