import { readWorkbook } from "../../../src/core/reader";
import { validateWorkbook } from "../../../src/core/engine";
import { encodeTcvn3, encodeVni } from "../../../src/core/text/legacy";
import { workbookGrid, serial, flatFindings, type SheetSpec } from "../../support/grid";
import { expectValidReport } from "../../support/reportSchema";

const asOf = { year: 2024, month: 11, day: 15, precision: "day" as const };
const DATE = { numberFormat: "dd/mm/yyyy" };

/** A district list: title block, two-row merged header, index row, sections, totals, footer. */
function districtList(): SheetSpec {
  return {
    name: "DS CBCC",
    rows: [
      ["UBND HUYỆN ĐẦM HÀ", undefined, undefined, undefined, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
      ["PHÒNG NỘI VỤ", undefined, undefined, undefined, "Độc lập - Tự do - Hạnh phúc"],
      undefined,
      ["DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ NĂM 2024"],
      ["STT", "Họ và tên", "Ngày, tháng, năm sinh", undefined, "Chức vụ", "Trình độ", undefined, undefined, undefined, "Số CCCD", "Ghi chú"],
      [undefined, undefined, "Nam", "Nữ", undefined, "Văn hóa", "Chuyên môn", "LLCT", "QLNN"],
      ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)"],
      ["I", "Xã Quảng Lợi"],
      [1, "Nguyễn Văn An", serial(1975, 5, 12), undefined, "Bí thư Đảng ủy", "12/12", "ĐH Luật", "Cao cấp", "CV", "022075001234"],
      [2, "Trần Thị Hường", undefined, "15/08/1985", "Văn phòng - thống kê", "12/12", "TC Kế toán", "Trung cấp", undefined, "022185004321"],
      [3, "Lê Văn Bình", "31/02/1980", undefined, "Chủ tịch UBND", "12/12", "Đại học", "TC", "CVC", undefined, "Đã nghỉ việc"],
      [4, "Phạm Đức Thủy", serial(1970, 1, 1), undefined, "Bí thư Chi bộ kiêm Trưởng thôn", "9/12", "Sơ cấp"],
      [undefined, "Cộng: 4 người"],
      ["II", "Thị trấn Đầm Hà"],
      [1, "Hoàng Thị Lan", undefined, serial(1990, 3, 2), "Tư pháp - hộ tịch", "12/12", "ĐH", "xyz"],
      [2, undefined, serial(1991, 4, 5), undefined, "Văn hóa - xã hội", "12/12", "ĐH"],
      [3, "Nguyễn Văn An", serial(1975, 5, 12), undefined, "Chủ tịch Hội Cựu chiến binh", "12/12", "ĐH Luật", undefined, undefined, "022075001234"],
      [undefined, "Tổng cộng"],
      undefined,
      [undefined, undefined, undefined, undefined, undefined, "Đầm Hà, ngày 15 tháng 11 năm 2024"],
      [undefined, "NGƯỜI LẬP BIỂU", undefined, undefined, undefined, "TRƯỞNG PHÒNG"],
      [undefined, "(Ký, ghi rõ họ tên)"],
      [undefined, "Nguyễn Văn Lập"],
    ],
    merges: ["A5:A6", "B5:B6", "C5:D5", "E5:E6", "F5:I5", "J5:J6", "K5:K6", "B8:K8", "B14:K14"],
    styles: { C9: DATE, C12: DATE, D15: DATE, C16: DATE, C17: DATE },
  };
}

describe("the roster reader on a district list", () => {
  const reading = readWorkbook(workbookGrid([districtList()]), { asOf });
  const sheet = reading.sheets[0];

  it("finds the header band, the index row and the data rows", () => {
    expect(sheet).toMatchObject({ role: "roster", headerRows: [5, 6], indexRow: 7, firstDataRow: 9, lastDataRow: 17, records: 7 });
  });

  it("maps columns by group/leaf paths, with the birth date spread over Nam / Nữ", () => {
    expect(sheet.columns).toMatchObject({ fullName: "B", birthDate: ["C", "D"], position: "E", generalEducation: "F", professionalLevel: "G", politicalTheory: "H", stateManagement: "I", idNumber: "J", note: "K" });
  });

  it("skips section, total and footer rows and reads person rows only", () => {
    expect(reading.records.map((r) => r.row)).toEqual([9, 10, 11, 12, 15, 16, 17]);
  });

  it("resolves units from section rows and counts staff by category, leaving out people who left", () => {
    expect(reading.units.map((u) => [u.id, u.kind, u.name])).toEqual([
      ["xã Quảng Lợi", "xã", "Quảng Lợi"],
      ["thị trấn Đầm Hà", "thị trấn", "Đầm Hà"],
    ]);
    // Lê Văn Bình (Chủ tịch UBND) has "Đã nghỉ việc": not counted.
    expect(reading.units[0].staff).toEqual({ cadre: 1, civilServant: 1, nonSpecializedCommune: 0, nonSpecializedVillage: 1 });
    expect(reading.units[1].staff).toEqual({ cadre: 1, civilServant: 2, nonSpecializedCommune: 0, nonSpecializedVillage: 0 });
  });

  it("reads gender from the Nam / Nữ column holding the birth date, and levels from abbreviations", () => {
    const hường = reading.records.find((r) => r.fullName === "Trần Thị Hường")!;
    expect(hường.gender).toBe("female");
    expect(hường.birthDate).toEqual({ year: 1985, month: 8, day: 15, precision: "day" });
    expect(hường.professionalLevel).toBe("intermediate");
    expect(hường.professionalField).toBe("Kế toán");
    const an = reading.records[0];
    expect([an.gender, an.professionalLevel, an.professionalField, an.politicalTheory, an.stateManagement, an.generalEducation]).toEqual(["male", "university", "Luật", "advanced", "specialist", "upperSecondary"]);
  });

  it("treats one person holding two posts as one person with two posts", () => {
    const thủy = reading.records.find((r) => r.fullName === "Phạm Đức Thủy")!;
    expect(thủy.posts.map((p) => p.titleId)).toEqual(["villagePartySecretary", "villageHead"]);
    expect(thủy.category).toBe("nonSpecializedVillage");
  });

  it("reports the reader's findings on their cells", () => {
    const flat = flatFindings(reading.findings, ["rule", "severity", "row", "col"]);
    expect(flat).toEqual(
      expect.arrayContaining([
        ["data.invalidDate", "error", 11, 3],
        ["data.unrecognizedValue", "warning", 15, 8],
        ["data.missingName", "error", 16, 2],
        ["data.duplicatePerson", "warning", 17, 10],
      ]),
    );
    // Both rows of the person (same ID number, in two units) are flagged, each naming the other.
    const dups = reading.findings.filter((f) => f.rule === "data.duplicatePerson");
    expect(dups.map((f) => [f.row, f.relatedRows, f.unit, f.params.sameUnit])).toEqual([
      [9, [17], "xã Quảng Lợi", undefined],
      [17, [9], "thị trấn Đầm Hà", undefined],
    ]);
  });

  it("gives a schema-valid report through the engine", () => {
    const { report } = validateWorkbook(workbookGrid([districtList()]), { asOf: "2024-11-15" });
    expectValidReport(report);
    expect(report.totals).toMatchObject({ records: 7 });
    expect(report.findings.filter((f) => f.severity === "error").map((f) => f.cell)).toEqual(["C11", "B16"]);
  });
});

describe("the roster reader on a TCVN3 commune sheet", () => {
  const enc = encodeTcvn3;
  const spec: SheetSpec = {
    name: "Xa Quang Lam",
    font: ".VnTime",
    rows: [
      [enc("UBND XÃ QUẢNG LÂM")],
      [enc("DANH SÁCH CÁN BỘ, CÔNG CHỨC")],
      [enc("STT"), enc("Họ và tên"), enc("Ngày sinh"), enc("Giới tính"), enc("Chức vụ"), enc("Trình độ chuyên môn"), enc("Lý luận chính trị")],
      [enc("A. CÁN BỘ CHUYÊN TRÁCH")],
      [1, enc("Nguyễn Thị Hường"), "12/03/1980", enc("Nữ"), enc("Chủ tịch Hội Liên hiệp Phụ nữ"), enc("Đại học Luật"), enc("Trung cấp")],
      [2, enc("Đỗ Văn Trường"), "01/01/1975", "Nam", enc("Bí thư Đảng ủy"), enc("Thạc sĩ"), enc("Cao cấp")],
      [enc("B. NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH")],
      [1, enc("Vũ Thị Hòa"), "05/05/1992", enc("Nữ"), enc("Văn thư - lưu trữ"), enc("Cao đẳng")],
      [2, enc("Bùi Văn Đức"), "06/06/1993", "Nam", enc("Cán bộ phụ trách công nghệ thông tin"), enc("Trung cấp")],
    ],
  };
  const reading = readWorkbook(workbookGrid([spec]), { asOf });

  it("decodes names, posts and levels, and takes the unit from the title rows", () => {
    expect(reading.records.map((r) => r.fullName)).toEqual(["Nguyễn Thị Hường", "Đỗ Văn Trường", "Vũ Thị Hòa", "Bùi Văn Đức"]);
    expect(reading.units.map((u) => u.id)).toEqual(["xã Quảng Lâm"]);
    expect(reading.records[0].professionalLevel).toBe("university");
    expect(reading.records[1].politicalTheory).toBe("advanced");
  });

  it("takes the category from the section when the title is unknown", () => {
    const đức = reading.records[3];
    expect(đức.posts[0].titleId).toBeUndefined();
    expect(đức.category).toBe("nonSpecializedCommune");
    expect(reading.units[0].staff).toEqual({ cadre: 2, civilServant: 0, nonSpecializedCommune: 2, nonSpecializedVillage: 0 });
    expect(reading.findings.find((f) => f.rule === "data.unknownPosition")).toMatchObject({ severity: "info", row: 9, col: 5 });
  });

  it("tells the decoding once per column, with its count", () => {
    const nameCol = reading.findings.find((f) => f.rule === "data.legacyEncoding" && f.col === 2)!;
    expect(nameCol.count).toBe(4 + 1); // four names and the header cell "Họ và tên"
    expect(nameCol.row).toBeUndefined();
    expect(nameCol.params.encoding).toBe("TCVN3");
  });
});

describe("the roster reader on other layouts", () => {
  it("reads a VNI sheet with a unit column in lower case and ASCII-folded sheet names", () => {
    const v = encodeVni;
    const grid = workbookGrid([
      {
        name: "Danh sach",
        font: "VNI-Times",
        rows: [
          [v("Họ và tên"), v("Ngày sinh"), v("Đơn vị"), v("Chức danh"), v("Dân tộc")],
          [v("Nguyễn Văn Đức"), "15/08/1985", v("xã Tân Bình"), v("Phó Chủ tịch UBND"), v("Kinh")],
          [v("Lò Thị Hương"), "1990", v("xã Tân Bình"), v("Văn hóa - xã hội"), v("Thái")],
        ],
      },
    ]);
    const reading = readWorkbook(grid, { asOf });
    expect(reading.records.map((r) => [r.fullName, r.unitLabel?.name, r.category, r.ethnicity, r.minority])).toEqual([
      ["Nguyễn Văn Đức", "Tân Bình", "cadre", "kinh", false],
      ["Lò Thị Hương", "Tân Bình", "civilServant", "thai", true],
    ]);
    expect(reading.records[1].birthDate).toEqual({ year: 1990, precision: "year" });
    expect(reading.units[0]).toMatchObject({ id: "xã Tân Bình", kind: "xã", name: "Tân Bình" });
  });

  it("reads a one-hot matrix and flags two marks in one group", () => {
    const grid = workbookGrid([
      {
        name: "Mau 02",
        rows: [
          ["UBND XÃ QUẢNG LỢI"],
          ["STT", "Họ và tên", "Ngày, tháng, năm sinh", undefined, "Trình độ chuyên môn", undefined, undefined, undefined, "Trình độ lý luận chính trị", undefined, undefined, undefined],
          [undefined, undefined, "Nam", "Nữ", "SC", "TC", "CĐ", "ĐH", "SC", "TC", "CC", "CN"],
          ["A", "B", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
          [1, "Nguyễn Văn A", "01/02/1970", undefined, undefined, undefined, undefined, "x", undefined, undefined, "x"],
          [2, "Trần Thị B", undefined, "03/04/1985", undefined, "1", "1", undefined, undefined, "X"],
          [undefined, "Tổng cộng", undefined, undefined, 0, 1, 1, 1, 0, 1, 1, 0],
        ],
        merges: ["A2:A3", "B2:B3", "C2:D2", "E2:H2", "I2:L2"],
        formulas: { E7: "SUM(E5:E6)", F7: "SUM(F5:F6)" },
      },
    ]);
    const reading = readWorkbook(grid, { asOf });
    expect(reading.sheets[0]).toMatchObject({ role: "roster", headerRows: [2, 3], indexRow: 4, records: 2 });
    expect(reading.sheets[0].columns).toMatchObject({ professionalLevel: ["E", "F", "G", "H"], politicalTheory: ["I", "J", "K", "L"] });
    expect(reading.records.map((r) => [r.professionalLevel, r.politicalTheory, r.gender])).toEqual([
      ["university", "advanced", "male"],
      ["college", "intermediate", "female"],
    ]);
    expect(flatFindings(reading.findings.filter((f) => f.rule === "data.conflictingMarks"), ["row", "col"])).toEqual([[6, 7]]);
  });

  it("reads separate lists per category, taking the category from the sheet title", () => {
    const list = (name: string, title: string, post: string): SheetSpec => ({
      name,
      rows: [["UBND XÃ ĐẦM HÀ"], [title], ["STT", "Họ và tên", "Năm sinh", "Chức danh"], [1, "Người " + name, 1980, post]],
    });
    const reading = readWorkbook(
      workbookGrid([list("Cán bộ", "DANH SÁCH CÁN BỘ CHUYÊN TRÁCH", "Cán bộ tăng cường"), list("KCT thôn", "DANH SÁCH NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH Ở THÔN", "Nhân viên y tế thôn")]),
      { asOf },
    );
    expect(reading.records.map((r) => r.category)).toEqual(["cadre", "nonSpecializedVillage"]);
    expect(reading.units).toHaveLength(1);
    expect(reading.units[0].staff).toEqual({ cadre: 1, civilServant: 0, nonSpecializedCommune: 0, nonSpecializedVillage: 1 });
  });

  it("reads the quota sheet, matching units whatever their case and prefix", () => {
    const grid = workbookGrid([
      districtList(),
      {
        name: "Định biên",
        rows: [
          ["Mã đơn vị", "Tên đơn vị", "Phân loại ĐVHC", "Số thôn, tổ dân phố", "Số lượng CBCC tỉnh giao", "Biên chế CBCC huyện giao", "KCT cấp xã tỉnh giao", "KCT cấp xã huyện giao", "Người HĐKCT ở thôn (định mức)"],
          ["06937", "QUẢNG LỢI", 2, 4, 21, 20, 12, 10, 12],
          [undefined, "Thị trấn Đầm Hà", "I", 8, 23, 22, 14, 12, 24],
          [undefined, "Tổng cộng", undefined, 12, 44, 42],
        ],
      },
    ]);
    const reading = readWorkbook(grid, { asOf });
    expect(reading.sheets[1]).toMatchObject({ role: "quota", headerRows: [1] });
    expect(reading.units.map((u) => [u.id, u.name, u.communeClass, u.villages, u.quota])).toEqual([
      ["06937", "Quảng Lợi", "II", 4, { cadreAndCivilServant: { province: 21, district: 20 }, nonSpecializedCommune: { province: 12, district: 10 }, nonSpecializedVillage: { province: 12 } }],
      ["thị trấn Đầm Hà", "Đầm Hà", "I", 8, { cadreAndCivilServant: { province: 23, district: 22 }, nonSpecializedCommune: { province: 14, district: 12 }, nonSpecializedVillage: { province: 24 } }],
    ]);
    // Findings name the unit by its code once the quota sheet gives one.
    expect(reading.findings.find((f) => f.rule === "data.invalidDate")!.unit).toBe("06937");
  });

  it("never reads its own output sheets as rosters", () => {
    const grid = workbookGrid([districtList(), { name: "Kết quả kiểm tra", rows: [["Mức độ", "Quy tắc", "Họ và tên", "Đơn vị"], ["Lỗi", "data.invalidDate", "Lê Văn Bình", "xã Quảng Lợi"]] }]);
    const reading = readWorkbook(grid, { asOf });
    expect(reading.sheets.map((s) => s.role)).toEqual(["roster", "output"]);
    expect(reading.records).toHaveLength(7);
  });

  it("lets a user mapping override the guess", () => {
    const spec: SheetSpec = { name: "DS", rows: [["STT", "Họ và tên", "Ngày sinh", "Cột lạ", "Chức vụ"], [1, "Nguyễn Văn A", "01/01/1980", "Xã Quảng Lợi", "Chủ tịch UBND"]] };
    const guessed = readWorkbook(workbookGrid([spec]), { asOf });
    expect(guessed.records[0].unitLabel).toBeUndefined();
    expect(guessed.sheets[0].unmappedHeaders).toEqual(["Cột lạ"]);
    const corrected = readWorkbook(workbookGrid([spec]), { asOf, mappings: { DS: { columns: { unit: "D" } } } });
    expect(corrected.records[0].unitLabel).toEqual({ kind: "xã", name: "Quảng Lợi" });
    expect(corrected.sheets[0].columns?.unit).toBe("D");
  });
});

describe("normalizations repeated down a column", () => {
  it("are told once for the column with their count, and single ones stay on their cell", () => {
    const rows: SheetSpec["rows"] = [["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đơn vị"]];
    for (let i = 0; i < 10; i++) rows.push([i + 1, `Nguyễn Văn ${String.fromCharCode(65 + i)}`, serial(1970 + i, 3, 4), "Chủ tịch UBND", "Xã Quảng Lợi"]);
    rows.push([11, "Trần Văn K", "4/3/82", "Chủ tịch HĐND", "Xã Quảng Lợi"]);
    const reading = readWorkbook(workbookGrid([{ name: "DS", rows }]), { asOf });
    const guessed = reading.findings.filter((f) => f.rule === "data.dateGuessed");
    expect(flatFindings(guessed, ["row", "col", "count"])).toEqual(
      expect.arrayContaining([
        [undefined, 3, 10],
        [12, 3, undefined],
      ]),
    );
    expect(guessed).toHaveLength(2);
    expect(reading.records[0].birthDate).toEqual({ year: 1970, month: 3, day: 4, precision: "day" });
  });
});

describe("the column-number row", () => {
  it("is told apart from a quota row of small numbers", () => {
    const grid = workbookGrid([
      {
        name: "Định biên",
        rows: [
          ["Tên đơn vị", "Phân loại ĐVHC", "Biên chế CBCC tỉnh giao", "KCT cấp xã tỉnh giao", "Người HĐKCT ở thôn (định mức)"],
          ["Quảng Lợi", "II", 21, 12, 12],
          ["Quảng Lâm", "III", 19, 10, 9],
        ],
      },
    ]);
    const reading = readWorkbook(grid, { asOf });
    expect(reading.sheets[0]).toMatchObject({ role: "quota", firstDataRow: 2 });
    expect(reading.sheets[0].indexRow).toBeUndefined();
    expect(reading.units.map((u) => [u.name, u.quota?.cadreAndCivilServant?.province])).toEqual([
      ["Quảng Lợi", 21],
      ["Quảng Lâm", 19],
    ]);
  });

  it("is recognized in its usual forms", () => {
    for (const index of [["(1)", "(2)", "(3)", "(4)"], ["A", "B", 1, 2, 3], [1, 2, "3=4+5", 4]]) {
      const grid = workbookGrid([{ name: "DS", rows: [["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Ghi chú"], index, [1, "Nguyễn Văn A", "01/01/1980", "Chủ tịch UBND", ""]] }]);
      expect(readWorkbook(grid, { asOf }).sheets[0]).toMatchObject({ indexRow: 2, firstDataRow: 3 });
    }
  });
});

describe("unit names", () => {
  it("keep names that differ only in diacritics apart, and match an unaccented spelling to the one name it folds from", () => {
    const list = (name: string, unit: string): SheetSpec => ({ name, rows: [["STT", "Họ và tên", "Ngày sinh", "Đơn vị", "Chức vụ"], [1, `Người ${name}`, "01/01/1980", unit, "Chủ tịch UBND"]] });
    const reading = readWorkbook(
      workbookGrid([list("A", "Xã Đông Hà"), list("B", "Xã Đồng Hà"), list("C", "Xa Quang Lam"), list("D", "Xã Quảng Lâm"), list("E", "Xa Dong Ha")]),
      { asOf },
    );
    expect(reading.units.map((u) => u.id)).toEqual(["xã Đông Hà", "xã Đồng Hà", "xã Quảng Lâm"]);
    expect(reading.units.find((u) => u.name === "Quảng Lâm")!.staff.cadre).toBe(2);
    // "Xa Dong Ha" folds from both: reported, not guessed.
    expect(reading.findings.filter((f) => f.rule === "data.ambiguousUnit").map((f) => f.sheet)).toEqual(["E"]);
  });
});
