import { validateWorkbook } from "../../../src/core/engine";
import { trainingType } from "../../../src/core/training";
import { planForValidation } from "../../../src/core/plan/fromValidation";
import { workbookGrid, type SheetSpec } from "../../support/grid";
import { expectValidReport } from "../../support/reportSchema";

/** The roster: two Lê Văn Bình and two Hoàng Văn Nam (same unit), the rest unique. */
function roster(): SheetSpec {
  return {
    name: "DS CBCC",
    rows: [
      ["DANH SÁCH CÁN BỘ, CÔNG CHỨC VÀ NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH NĂM 2024"],
      ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Đơn vị", "Trình độ chuyên môn", "Lý luận chính trị", "Quản lý nhà nước", "Số CCCD"],
      [1, "Nguyễn Văn An", "12/05/1975", "Nam", "Chủ tịch UBND", "Xã Quảng Lợi", "Đại học", "Trung cấp", "Chuyên viên", "022075001234"],
      [2, "Trần Thị Hường", "15/08/1985", "Nữ", "Văn phòng - thống kê", "Xã Quảng Lợi", "Trung cấp", "Sơ cấp"],
      [3, "Lê Văn Bình", "03/03/1980", "Nam", "Trưởng thôn", "Xã Quảng Lợi", "Sơ cấp"],
      [4, "Lê Văn Bình", "04/04/1990", "Nam", "Bí thư Chi bộ", "Xã Quảng Lợi", "Trung cấp"],
      [5, "Phạm Thị Mai", "01/01/1988", "Nữ", "Địa chính - xây dựng", "Xã Quảng Lâm", "Đại học", "Trung cấp", "Chuyên viên"],
      [6, "Vũ Văn Tư", "02/02/1984", "Nam", "Tư pháp - hộ tịch", "Xã Quảng Lâm", "Đại học", "Trung cấp", "Chuyên viên"],
      [7, "Hoàng Văn Nam", "05/06/1980", "Nam", "Trưởng thôn", "Xã Quảng Lâm", "Sơ cấp"],
      [8, "Hoàng Văn Nam", "07/08/1982", "Nam", "Trưởng thôn", "Xã Quảng Lâm", "Sơ cấp"],
    ],
  };
}

/** Layout 1: a flat list, one row per attendance, with a time span column. */
function flatList(): SheetSpec {
  return {
    name: "Đào tạo",
    rows: [
      ["DANH SÁCH CÁN BỘ ĐƯỢC CỬ ĐI ĐÀO TẠO, BỒI DƯỠNG GIAI ĐOẠN 2017 - 2024"],
      ["STT", "Họ và tên", "Năm sinh", "Đơn vị", "Chức danh", "Nội dung đào tạo", "Trình độ đạt được", "Thời gian", "Nơi đào tạo", "Kinh phí (đồng)", "Số CCCD"],
      [1, "Nguyễn Văn An", undefined, undefined, undefined, "Cao cấp lý luận chính trị", "Cao cấp", "2021 - 2022", "Học viện Chính trị khu vực I", "25.000.000", "022075001234"],
      [2, "Trần Thị Hường", "15/08/1985", "Xã Quảng Lợi", "Văn phòng - thống kê", "Đại học Luật (vừa làm vừa học)", "Đại học", "2020 - 2024", "Đại học Luật Hà Nội"],
      [3, "Lê Văn Bình", undefined, "Xã Quảng Lợi", "Trưởng thôn", "Bồi dưỡng kỹ năng công tác thôn", undefined, 2023, "Trung tâm Chính trị huyện"],
      [4, "Lê Văn Bình", undefined, "Xã Quảng Lợi", undefined, "Bồi dưỡng QLNN ngạch chuyên viên", undefined, "2022"],
      [5, "Hoàng Văn Nam", undefined, "Xã Quảng Lâm", "Trưởng thôn", "Bồi dưỡng kỹ năng công tác thôn", undefined, "2023"],
      [6, "Đỗ Văn Khách", undefined, "Xã Quảng Lợi", undefined, "Tin học văn phòng", "Chứng chỉ", "06/2021"],
      [7, "Trần Thị Hường", "15/08/1985", "Xã Quảng Lợi", "Văn phòng - thống kê", "Trung cấp Văn thư lưu trữ", "Trung cấp", "2017"],
      [8, "Phạm Thị Mai", 1988, "Xã Quảng Lâm", "Địa chính - xây dựng", "Bồi dưỡng QLNN chương trình chuyên viên", "Chuyên viên", "03/2019 - 06/2019"],
    ],
  };
}

/** Layout 2: class section rows, no content or time column. */
function classList(): SheetSpec {
  return {
    name: "Lop LLCT",
    rows: [
      ["UBND HUYỆN ĐẦM HÀ"],
      ["DANH SÁCH HỌC VIÊN"],
      ["STT", "Họ và tên", "Ngày sinh", "Đơn vị", "Chức vụ", "Nơi đào tạo", "Kinh phí"],
      ["I", "Lớp Trung cấp lý luận chính trị - hành chính K15 năm 2023"],
      [1, "Phạm Thị Mai", "01/01/1988", "Xã Quảng Lâm", "Địa chính - xây dựng", "Trường Chính trị tỉnh", 8000000],
      [2, "Trần Thị Hường", "15/08/1985", "Xã Quảng Lợi", "Văn phòng - thống kê", "Trường Chính trị tỉnh", 8000000],
      [undefined, "Cộng: 2 học viên"],
    ],
    merges: ["B4:G4"],
  };
}

describe("training lists (issue 12)", () => {
  const grid = workbookGrid([roster(), flatList(), classList()]);
  const result = validateWorkbook(grid, { asOf: "2024-11-15", ruleSetId: "nd33-2023" });
  const t = result.report.training!;

  it("recognizes both layouts as training sheets and keeps them out of the roster", () => {
    expect(result.report.sheets.map((s) => [s.name, s.role, s.records])).toEqual([
      ["DS CBCC", "roster", 8],
      ["Đào tạo", "training", 8],
      ["Lop LLCT", "training", 2],
    ]);
    expect(result.report.totals!.records).toBe(8);
    expectValidReport(result.report);
  });

  it("links by ID number, by name + unit + birth date, by name + unit + title, and never guesses", () => {
    const links = result.training!.links.map((l, i) => [result.training!.entries[i].sheet, result.training!.entries[i].row, l.linked ? l.by : l.reason]);
    expect(links).toEqual([
      ["Đào tạo", 3, "idNumber"],
      ["Đào tạo", 4, "nameUnitBirthDate"],
      ["Đào tạo", 5, "nameUnitTitle"],
      ["Đào tạo", 6, "noBirthDateOrTitle"],
      ["Đào tạo", 7, "ambiguous"],
      ["Đào tạo", 8, "notFound"],
      ["Đào tạo", 9, "nameUnitBirthDate"],
      ["Đào tạo", 10, "nameUnitBirthDate"],
      ["Lop LLCT", 5, "nameUnitBirthDate"],
      ["Lop LLCT", 6, "nameUnitBirthDate"],
    ]);
    // The Trưởng thôn Lê Văn Bình (row 5 of the roster), not the Bí thư Chi bộ.
    const c = result.training!.links[2];
    expect(c.linked && result.reading.records[c.record].row).toBe(5);
    const unlinked = result.report.findings.filter((f) => f.rule === "training.unlinked");
    expect(unlinked.map((f) => [f.sheet, f.cell, f.severity, f.person])).toEqual([
      ["Đào tạo", "B6", "warning", "Lê Văn Bình"],
      ["Đào tạo", "B7", "warning", "Hoàng Văn Nam"],
      ["Đào tạo", "B8", "warning", "Đỗ Văn Khách"],
    ]);
    expect(unlinked[1].message).toContain("có nhiều người phù hợp (2 người)");
    expect(unlinked[1].messageEn).toContain("several people fit");
    expect(t).toMatchObject({ entries: 10, linked: 7, unlinked: 3 });
  });

  it("counts people and attendances since the chosen year, by type, level and year", () => {
    expect(t.since).toBe(2019);
    expect(t).toMatchObject({ people: 7, attendances: 9 });
    expect(t.byType).toEqual({
      professional: { people: 1, attendances: 1 },
      politicalTheory: { people: 3, attendances: 3 },
      stateManagement: { people: 2, attendances: 2 },
      other: { people: 3, attendances: 3 },
    });
    expect(t.byLevel).toEqual({ commune: { people: 3, attendances: 5 }, village: { people: 2, attendances: 2 }, unknown: { people: 2, attendances: 2 } });
    expect(t.byYear).toEqual([
      { year: 2019, people: 1, attendances: 1 },
      { year: 2021, people: 1, attendances: 1 },
      { year: 2022, people: 2, attendances: 2 },
      { year: 2023, people: 4, attendances: 4 },
      { year: 2024, people: 1, attendances: 1 },
    ]);
    expect(t.classes).toEqual([{ name: "Lớp Trung cấp lý luận chính trị - hành chính K15 năm 2023", year: 2023, size: 2 }]);
  });

  it("gives the share of each category whose qualification a training raised, and the rosters not updated", () => {
    expect(t.qualificationRaised).toEqual({
      cadreAndCivilServant: { count: 4, raised: 3, share: 0.75 },
      nonSpecializedCommune: { count: 0, raised: 0, share: 0 },
      nonSpecializedVillage: { count: 4, raised: 0, share: 0 },
    });
    // An: Cao cấp LLCT, the roster still says Trung cấp; Hường: Đại học, the roster says Trung cấp.
    expect(t.rosterNotUpdated).toBe(2);
  });

  it("adds the Đào tạo, bồi dưỡng sheet to the summary sheets", () => {
    const plan = planForValidation(result, grid);
    const sheet = plan.sheets.find((p) => p.kind === "training")!;
    expect(sheet.name).toBe("Đào tạo, bồi dưỡng");
    const rows = sheet.rows.map((r) => (r ?? []).map((c) => c?.value));
    expect(rows).toContainEqual(["Lý luận chính trị", 3, 3]);
    expect(rows).toContainEqual(["Năm 2023", 4, 4]);
    expect(rows).toContainEqual(["Cán bộ, công chức", 4, 3, 0.75]);
  });

  it("takes an earlier year when asked", () => {
    const r = validateWorkbook(grid, { asOf: "2024-11-15", ruleSetId: "nd33-2023", trainingSince: 2017 });
    expect(r.report.training).toMatchObject({ since: 2017, attendances: 10, people: 7 });
    expect(r.report.training!.byType.professional).toEqual({ people: 1, attendances: 2 });
  });

  it("reads no training block from a workbook without a training list", () => {
    const r = validateWorkbook(workbookGrid([roster()]), { asOf: "2024-11-15", ruleSetId: "nd33-2023" });
    expect(r.report.training).toBeUndefined();
    expect(r.report.sheets[0].role).toBe("roster");
  });

  it("classifies the content of a training", () => {
    expect(trainingType("Trung cấp lý luận chính trị - hành chính")).toBe("politicalTheory");
    expect(trainingType("Cao cấp LLCT")).toBe("politicalTheory");
    expect(trainingType("Bồi dưỡng QLNN chương trình chuyên viên chính")).toBe("stateManagement");
    expect(trainingType("Đại học Luật")).toBe("professional");
    expect(trainingType("TC Kế toán")).toBe("professional");
    expect(trainingType("Bồi dưỡng kiến thức quốc phòng - an ninh đối tượng 4")).toBe("other");
    expect(trainingType("Tin học văn phòng")).toBe("other");
  });
});
