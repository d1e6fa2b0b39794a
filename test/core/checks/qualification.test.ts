import { flatFindings } from "../../support/grid";
import { check, findingsOf, quotaSheet, settingsSheet } from "./fixtures";
import { FINE, letter, roster, type Column, type Person } from "./personFixtures";

const QL = "Xã Quảng Lợi";
/** Findings of a family for one unit's people, on a date, under a rule set. */
function run(people: Person[], asOf: string, options: { rules?: string; mountainous?: boolean; omit?: Column[]; settings?: [string, string | number][] } = {}) {
  const sheets = [roster([{ label: QL, people }], { omit: options.omit ?? [] }), quotaSheet([{ code: "06937", unit: "Quảng Lợi", cls: "II", mountainous: options.mountainous }])];
  if (options.settings) sheets.push(settingsSheet(options.settings));
  return check(sheets, asOf, options.rules ? { ruleSetId: options.rules } : {});
}
const flat = (report: ReturnType<typeof run>, rule: string) => flatFindings(findingsOf(report, rule), ["severity", "cell", "message"]);

describe("professional level under ND 33/2023, with the transition to 01/08/2028", () => {
  const chair: Person = { ...FINE, post: "Chủ tịch UBND", professional: "Trung cấp" };

  it.each([
    ["2024-11-15", undefined, "warning"],
    ["2028-08-01", undefined, "warning"], // the last day of the transition
    ["2028-08-02", undefined, "error"],
    ["2028-08-01", "15/07/2023", "warning"], // in post before 01/08/2023
    ["2024-11-15", "01/08/2023", "error"], // appointed under ND 33: the standard applies at once
  ])("on %s, appointed %s: %s", (asOf, since, severity) => {
    const report = run([{ ...chair, since }], asOf, { rules: "nd33-2023" });
    expect(findingsOf(report, "qualification.professionalLevel").map((f) => f.severity)).toEqual([severity]);
  });

  it("names the post, the value, the standard and the deadline", () => {
    expect(flat(run([chair], "2024-11-15"), "qualification.professionalLevel")).toEqual([
      ["warning", "K5", 'Chủ tịch UBND: trình độ chuyên môn "Trung cấp" (Trung cấp) chưa đạt tiêu chuẩn Đại học trở lên; còn trong thời hạn đạt chuẩn đến 01/08/2028'],
    ]);
    expect(flat(run([chair], "2028-08-02", { rules: "nd33-2023" }), "qualification.professionalLevel")[0][2]).toContain("đã hết thời hạn đạt chuẩn 01/08/2028");
  });

  it("is only a warning after the deadline under the 2025 reform, where ND 33 Art 8 is unconfirmed", () => {
    expect(flat(run([chair], "2028-08-02"), "qualification.professionalLevel")).toEqual([
      ["warning", "K5", 'Chủ tịch UBND: trình độ chuyên môn "Trung cấp" (Trung cấp) chưa đạt tiêu chuẩn Đại học trở lên; đã hết thời hạn đạt chuẩn 01/08/2028; tiêu chuẩn này chưa được xác nhận cho giai đoạn này, cần kiểm tra lại'],
    ]);
  });

  it("takes trung cấp in a difficult area (the unit's flag on the quota sheet)", () => {
    expect(flat(run([chair], "2024-11-15", { mountainous: true }), "qualification.professionalLevel")).toEqual([]);
    expect(flat(run([{ ...chair, professional: "Sơ cấp" }], "2024-11-15", { mountainous: true }), "qualification.professionalLevel")).toEqual([
      ["warning", "K5", 'Chủ tịch UBND: trình độ chuyên môn "Sơ cấp" (Sơ cấp) chưa đạt tiêu chuẩn Trung cấp trở lên (mức của đơn vị miền núi, vùng khó khăn); còn trong thời hạn đạt chuẩn đến 01/08/2028'],
    ]);
  });

  it("applies the civil servants' standard to every civil-servant title but the military commander, and not to the Party secretary", () => {
    const report = run(
      [
        { ...FINE, post: "Văn hóa - xã hội", professional: "Cao đẳng" },
        { ...FINE, post: "Chỉ huy trưởng Quân sự", professional: "Trung cấp" },
        { ...FINE, post: "Bí thư Đảng ủy", professional: "Trung cấp" },
        { ...FINE, post: "Chủ tịch Hội Nông dân", professional: "Sơ cấp" },
      ],
      "2024-11-15",
    );
    expect(flat(report, "qualification.professionalLevel").map((f) => f[1])).toEqual(["K5"]);
  });

  it("takes the strictest standard of a person's posts", () => {
    const report = run([{ ...FINE, post: "Chủ tịch Hội Nông dân kiêm Phó Chủ tịch HĐND", professional: "Trung cấp" }], "2024-11-15");
    expect(flat(report, "qualification.professionalLevel")[0][2]).toMatch(/^Phó Chủ tịch HĐND: /);
  });

  it("lets the Quy định sheet lower the standard", () => {
    const report = run([{ ...FINE, post: "Tư pháp - hộ tịch", professional: "Trung cấp" }], "2024-11-15", { settings: [["qualification.professionalLevel.civilServant.min", "intermediate"]] });
    expect(findingsOf(report, "qualification.professionalLevel")).toEqual([]);
    expect(report.ruleSet.overrides).toEqual([expect.objectContaining({ rule: "qualification.professionalLevel", key: "civilServant.min", value: "intermediate", source: "sheet" })]);
  });
});

describe("general education and political theory", () => {
  it("wants THPT of civil servants and chairs", () => {
    const report = run([{ ...FINE, post: "Văn phòng - thống kê", education: "9/12" }, { ...FINE, post: "Trưởng thôn", education: "7/10" }], "2024-11-15");
    expect(flat(report, "qualification.generalEducation")).toEqual([
      ["warning", "J5", 'Văn phòng - thống kê: trình độ văn hóa "9/12" (Trung học cơ sở) chưa đạt tiêu chuẩn Trung học phổ thông trở lên; còn trong thời hạn đạt chuẩn đến 01/08/2028'],
    ]);
  });

  it("wants trung cấp LLCT of council and committee chairs and vice-chairs", () => {
    const report = run([{ ...FINE, post: "Phó Chủ tịch UBND", theory: "Sơ cấp" }, { ...FINE, post: "Địa chính - xây dựng", theory: "Sơ cấp" }], "2024-11-15");
    expect(flat(report, "qualification.politicalTheory")).toEqual([
      ["warning", "M5", 'Phó Chủ tịch UBND: lý luận chính trị "Sơ cấp" (Sơ cấp) chưa đạt tiêu chuẩn Trung cấp trở lên; còn trong thời hạn đạt chuẩn đến 01/08/2028'],
    ]);
  });
});

describe("standards of the earlier regimes", () => {
  const clerk: Person = { ...FINE, post: "Tài chính - kế toán", professional: "Trung cấp" };

  it.each([
    ["2019-12-24", []], // TT 06/2012: trung cấp is enough
    ["2020-06-30", ["warning"]], // TT 13/2019: đại học; 5 years for staff in post
    ["2024-12-25", ["warning"]],
    ["2024-12-26", ["error"]],
  ])("ND 34/2019 on %s: a civil servant with trung cấp → %j", (asOf, severities) => {
    expect(findingsOf(run([clerk], asOf, { rules: "nd34-2019" }), "qualification.professionalLevel").map((f) => f.severity)).toEqual(severities);
  });

  it("tells the QĐ 04/2004 cadre standards as unconfirmed warnings, never errors", () => {
    const report = run([{ ...FINE, post: "Chủ tịch UBND", professional: "Sơ cấp", theory: "Sơ cấp", management: "Chưa qua bồi dưỡng" }], "2016-06-30", { rules: "nd92-2009" });
    expect(flatFindings(findingsOf(report, "qualification"), ["rule", "severity", "cell"])).toEqual([
      ["qualification.professionalLevel", "warning", "K5"],
      ["qualification.politicalTheory", "warning", "M5"],
      ["qualification.stateManagement", "warning", "N5"],
    ]);
    expect(findingsOf(report, "qualification.stateManagement")[0].message).toBe('Chủ tịch UBND: quản lý nhà nước "Chưa qua bồi dưỡng" (Chưa qua bồi dưỡng) chưa đạt tiêu chuẩn Cán sự trở lên; tiêu chuẩn này chưa được xác nhận cho giai đoạn này, cần kiểm tra lại');
  });
});

describe("missing values are a warning, never an error", () => {
  it("on the person's empty cell, 'không có dữ liệu'", () => {
    const report = run([{ ...FINE, post: "Chủ tịch UBND", professional: undefined }], "2028-08-02", { rules: "nd33-2023" });
    expect(flat(report, "qualification.professionalLevel")).toEqual([["warning", "K5", "Không có dữ liệu trình độ chuyên môn để kiểm tra tiêu chuẩn Chủ tịch UBND (cần Đại học trở lên)"]]);
  });

  it("on an unreadable value", () => {
    const report = run([{ ...FINE, post: "Chủ tịch HĐND", theory: "đang học" }], "2024-11-15");
    expect(flat(report, "qualification.politicalTheory")).toEqual([["warning", "M5", 'Không đọc được lý luận chính trị "đang học": không có dữ liệu để kiểm tra tiêu chuẩn Chủ tịch HĐND (cần Trung cấp trở lên)']]);
  });

  it("once per sheet when the sheet has no such column", () => {
    const people = [{ ...FINE, post: "Chủ tịch UBND" }, { ...FINE, post: "Phó Chủ tịch UBND" }, { ...FINE, post: "Trưởng thôn" }];
    const report = run(people, "2024-11-15", { omit: ["theory"] });
    expect(flatFindings(findingsOf(report, "qualification.politicalTheory"), ["severity", "sheet", "cell", "count", "unit", "message"])).toEqual([
      ["warning", "DS CBCC", undefined, 2, "06937", "Trang không có cột lý luận chính trị: không có dữ liệu để kiểm tra tiêu chuẩn của 2 người"],
    ]);
    expect(letter("professional", ["theory"])).toBe("K");
  });
});

describe("the field of training", () => {
  const field = (post: string, professional: string, f?: string) => flat(run([{ ...FINE, post, professional, field: f }], "2024-11-15"), "qualification.professionalField");

  it("wants law of the justice-civil status officer (Luật Hộ tịch Art 72)", () => {
    expect(field("Tư pháp - hộ tịch", "Đại học", "Luật kinh tế")).toEqual([]);
    expect(field("Tư pháp - hộ tịch", "Đại học", "Kinh tế")).toEqual([["warning", "L5", 'Tư pháp - hộ tịch: chuyên ngành "Kinh tế" không thuộc các ngành phù hợp (luật)']]);
    expect(field("Tư pháp - hộ tịch", "ĐH Luat", undefined)).toEqual([]);
  });

  it("says the lists of other titles are unconfirmed", () => {
    expect(field("Địa chính - nông nghiệp", "Đại học", "Quản lý đất đai")).toEqual([]);
    expect(field("Tài chính - kế toán", "Đại học", "Sư phạm Toán")[0][2]).toMatch(/không thuộc các ngành phù hợp \(kế toán; tài chính; .*\); danh sách ngành phù hợp chưa được xác nhận, cần kiểm tra lại$/);
  });

  it("is 'không có dữ liệu' when the field column is empty, and silent without a field column", () => {
    expect(field("Tư pháp - hộ tịch", "Đại học", undefined)).toEqual([["warning", "L5", "Không có dữ liệu chuyên ngành để kiểm tra Tư pháp - hộ tịch (ngành phù hợp: luật)"]]);
    const report = run([{ ...FINE, post: "Tư pháp - hộ tịch", professional: "Đại học" }], "2024-11-15", { omit: ["field"] });
    expect(findingsOf(report, "qualification.professionalField")).toEqual([]);
  });
});
