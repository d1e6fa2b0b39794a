/**
 * The option `countTraining` (issue 12 §2): a completed training of the training list, linked to
 * the person and of the standard's type, stands for a roster column not updated yet.
 */
import { validateWorkbook } from "../../../src/core/engine";
import { countableTraining } from "../../../src/core/training";
import type { Finding } from "../../../src/core/report/types";
import { workbookGrid, type SheetSpec } from "../../support/grid";
import { TRAINING_LIST, TRAINING_ROSTER } from "../../support/trainingBook";
import { expectValidReport } from "../../support/reportSchema";

const grid = workbookGrid([TRAINING_ROSTER, TRAINING_LIST]);
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
    const unlinked: SheetSpec = { ...TRAINING_LIST, rows: TRAINING_LIST.rows.map((r, i) => (i === 2 ? [1, "Trần Thị Hường", undefined, "Xã Quảng Lâm", undefined, "Đại học Luật", "Đại học", "2020 - 2024"] : r)) };
    const r = validateWorkbook(workbookGrid([TRAINING_ROSTER, unlinked]), { asOf: "2024-11-15", ruleSetId: "nd33-2023", countTraining: true }).report;
    expect(of(r.findings, "qualification.countedTraining")).toEqual([]);
    expect(of(r.findings, "qualification.professionalLevel")).toContainEqual(["G3", "warning", "Trần Thị Hường"]);
  });
});
