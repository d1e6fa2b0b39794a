import { readWorkbook } from "../../../src/core/reader";
import { flatFindings, workbookGrid } from "../../support/grid";
import { check, findingsOf, settingsSheet } from "./fixtures";
import { FINE, roster, type Column, type Person } from "./personFixtures";

const asOf = "2024-11-15";
const p = (post: string, extra: Partial<Person> = {}): Person => ({ ...FINE, post, ...extra });
function run(people: Person[], options: { omit?: Column[]; settings?: [string, string | number][]; units?: { label: string; people: Person[] }[] } = {}) {
  const sheets = [roster(options.units ?? [{ label: "Xã Quảng Lợi", people }], { omit: options.omit ?? [] })];
  if (options.settings) sheets.push(settingsSheet(options.settings));
  return check(sheets, asOf);
}
const flat = (report: ReturnType<typeof run>, rule: string) => flatFindings(findingsOf(report, rule), ["severity", "cell", "message"]);

describe("impossible dates", () => {
  it.each([
    ["16/11/2006", 17, true],
    ["15/11/2006", 18, false],
    ["15/11/1954", 70, false],
    ["14/11/1953", 71, true],
  ])("born %s: age %i on the reporting date → %s", (birth, _age, told) => {
    expect(findingsOf(run([p("Văn thư - lưu trữ", { birth })]), "data.implausibleAge").length).toBe(told ? 1 : 0);
  });

  it("names the age and the range, which the Quy định sheet may change", () => {
    expect(flat(run([p("Chủ tịch Hội Người cao tuổi", { birth: "1952" })]), "data.implausibleAge")).toEqual([["warning", "C5", 'Ngày sinh "1952" cho tuổi 72 vào ngày báo cáo, ngoài khoảng 18–70 tuổi; kiểm tra lại']]);
    expect(findingsOf(run([p("Chủ tịch Hội Người cao tuổi", { birth: "1952" })], { settings: [["data.implausibleAge.maxAge", 75]] }), "data.implausibleAge")).toEqual([]);
  });

  it("tells a birth date or an appointment date after the reporting date as an error, and an unreadable appointment date as a warning", () => {
    const report = run([p("Chủ tịch UBND", { birth: "20/11/2024" }), p("Bí thư Đảng ủy", { since: "01/12/2024" }), p("Chủ tịch HĐND", { since: "5 năm" })]);
    expect(flatFindings(report.findings.filter((f) => ["data.futureDate", "data.invalidDate"].includes(f.rule)), ["rule", "severity", "cell", "message"])).toEqual([
      ["data.futureDate", "error", "C5", 'Ngày sinh "20/11/2024" sau ngày báo cáo'],
      ["data.futureDate", "error", "O6", 'Ngày giữ chức vụ "01/12/2024" sau ngày báo cáo'],
      ["data.invalidDate", "warning", "O7", 'Ngày giữ chức vụ: không đọc được ngày "5 năm" (cần dạng ngày/tháng/năm, ví dụ 15/08/1985)'],
    ]);
    expect(findingsOf(report, "data.implausibleAge")).toEqual([]);
  });
});

describe("required values", () => {
  it("tells a missing birth date, sex or position on its cell", () => {
    const report = run([p("Chủ tịch UBND", { birth: undefined }), p("Phó Chủ tịch UBND", { sex: undefined }), { ...FINE }]);
    expect(flat(report, "data.missingValue")).toEqual([
      ["warning", "C5", "Thiếu ngày sinh (không có dữ liệu)"],
      ["warning", "D6", "Thiếu giới tính (không có dữ liệu)"],
      ["warning", "H7", "Thiếu chức vụ, chức danh (không có dữ liệu)"],
    ]);
  });

  it("tells a sheet without the column once, and takes more fields from the Quy định sheet", () => {
    const report = run([p("Chủ tịch UBND"), p("Phó Chủ tịch UBND", { id: "022075001234" })], { omit: ["sex"], settings: [["data.missingValue.fields.idNumber", "có"]] });
    expect(flatFindings(findingsOf(report, "data.missingValue"), ["severity", "sheet", "cell", "count", "message"])).toEqual([
      ["warning", "DS CBCC", undefined, 2, "Trang không có cột giới tính: 2 người không có giá trị này"],
      ["warning", "DS CBCC", "D5", undefined, "Thiếu số CCCD/CMND (không có dữ liệu)"],
    ]);
  });

  it("leaves out people who left", () => {
    expect(findingsOf(run([p("Chủ tịch UBND", { birth: undefined, note: "Đã chuyển công tác" })]), "data.missingValue")).toEqual([]);
  });
});

describe("duplicates", () => {
  const an = { name: "Nguyễn Văn An", birth: "12/05/1975" };

  it("by ID number: both rows flagged, the person counted once", () => {
    const report = run([p("Bí thư Đảng ủy", { ...an, id: "022075001234" }), p("Chủ tịch UBND", { name: "Nguyễn Văn Ân", birth: "1975", id: "022075001234" })]);
    expect(flat(report, "data.duplicatePerson")).toEqual([
      ["warning", "E5", 'Trùng với dòng 6 của trang "DS CBCC" (cùng số CCCD); chỉ đếm một lần'],
      ["warning", "E6", 'Trùng với dòng 5 của trang "DS CBCC" (cùng số CCCD); chỉ đếm một lần'],
    ]);
    expect(report.units[0].staff.cadre).toBe(1);
  });

  it("by name and full birth date in one unit: both rows flagged with the other as related, counted once", () => {
    const report = run([p("Chủ tịch Hội Liên hiệp Phụ nữ", an), p("Văn thư - lưu trữ"), p("Phó Chủ tịch Hội Nông dân", { ...an, name: "NGUYỄN VĂN AN" })]);
    expect(flatFindings(findingsOf(report, "data.duplicatePerson"), ["severity", "cell", "relatedRows", "message"])).toEqual([
      ["warning", "B5", [7], 'Trùng với dòng 7 của trang "DS CBCC" (cùng họ tên và ngày sinh); chỉ đếm một lần'],
      ["warning", "B7", [5], 'Trùng với dòng 5 của trang "DS CBCC" (cùng họ tên và ngày sinh); chỉ đếm một lần'],
    ]);
    expect(report.units[0].staff).toEqual({ cadre: 1, civilServant: 0, nonSpecializedCommune: 1, nonSpecializedVillage: 0 });
    expect(report.quality!.nonSpecializedCommune.count).toBe(1);
  });

  it("by name and only the birth year: a possible duplicate (info) on both rows, counted twice", () => {
    const report = run([p("Văn thư - lưu trữ", { ...an, birth: "1975" }), p("Trưởng Đài truyền thanh", { ...an, birth: "1975" })]);
    expect(flat(report, "data.possibleDuplicate")).toEqual([
      ["info", "B5", 'Có thể trùng với dòng 6 của trang "DS CBCC" (cùng họ tên, ngày sinh 1975 và 1975 không đủ để khẳng định); vẫn đếm riêng, cần kiểm tra lại'],
      ["info", "B6", 'Có thể trùng với dòng 5 của trang "DS CBCC" (cùng họ tên, ngày sinh 1975 và 1975 không đủ để khẳng định); vẫn đếm riêng, cần kiểm tra lại'],
    ]);
    expect(findingsOf(report, "data.duplicatePerson")).toEqual([]);
    expect(report.units[0].staff.nonSpecializedCommune).toBe(2);
  });

  it("a full date and a year that fit, or a month and year, are possible duplicates too; different full dates or different ID numbers are not", () => {
    const possible = (a: Partial<Person>, b: Partial<Person>) => findingsOf(run([p("Văn thư - lưu trữ", { ...an, ...a }), p("Trưởng Đài truyền thanh", { ...an, ...b })]), "data.possibleDuplicate").length;
    expect(possible({}, { birth: "1975" })).toBe(2);
    expect(possible({ birth: "05/1975" }, {})).toBe(2);
    expect(possible({ birth: "06/1975" }, {})).toBe(0);
    expect(possible({}, { birth: "13/05/1975" })).toBe(0);
    const ids = run([p("Văn thư - lưu trữ", { ...an, id: "022075001234" }), p("Trưởng Đài truyền thanh", { ...an, id: "022075009999" })]);
    expect(findingsOf(ids, "data.duplicatePerson")).toEqual([]);
    expect(ids.units[0].staff.nonSpecializedCommune).toBe(2);
  });

  it("the same name and full birth date in two units: a possible duplicate, counted in each", () => {
    const report = run([], { units: [{ label: "Xã Quảng Lợi", people: [p("Văn thư - lưu trữ", an)] }, { label: "Xã Quảng Lâm", people: [p("Văn thư - lưu trữ", an)] }] });
    expect(flatFindings(findingsOf(report, "data.possibleDuplicate"), ["cell", "unit", "message"])).toEqual([
      ["B5", "xã Quảng Lợi", 'Có thể trùng với dòng 7 của trang "DS CBCC" ở đơn vị khác (cùng họ tên và ngày sinh 12/05/1975); cần kiểm tra lại'],
      ["B7", "xã Quảng Lâm", 'Có thể trùng với dòng 5 của trang "DS CBCC" ở đơn vị khác (cùng họ tên và ngày sinh 12/05/1975); cần kiểm tra lại'],
    ]);
    expect(report.units.map((u) => u.staff.nonSpecializedCommune)).toEqual([1, 1]);
  });

  it("keeps every row and tells the reader which rows are one person", () => {
    const sheet = roster([{ label: "Xã Quảng Lợi", people: [p("Bí thư Đảng ủy", an), p("Chủ tịch UBND"), p("Chủ tịch HĐND", an)] }]);
    const reading = readWorkbook(workbookGrid([sheet]), { asOf: { year: 2024, month: 11, day: 15, precision: "day" } });
    expect(reading.records.length).toBe(3);
    expect(reading.personOf).toEqual([0, 1, 0]);
    expect(reading.counted).toEqual([true, true, false]);
  });
});
