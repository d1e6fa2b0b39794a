import fc from "fast-check";
import {
  GENERAL_EDUCATION_TIERS,
  generalEducationRank,
  parseGeneralEducation,
  parseGeneralEducationCell,
  tierForGrade,
} from "../../../../src/core/text/vocab/generalEducation";
import { anyText } from "../arbitraries";

describe("parseGeneralEducation", () => {
  it.each([
    ["12/12", "upperSecondary", 12, 12],
    ["10/10", "upperSecondary", 10, 10],
    ["9/12", "lowerSecondary", 9, 12],
    ["11/12", "lowerSecondary", 11, 12],
    ["7/10", "lowerSecondary", 7, 10],
    ["8/10", "lowerSecondary", 8, 10],
    ["5/12", "primary", 5, 12],
    ["4/10", "primary", 4, 10],
    ["12 / 12", "upperSecondary", 12, 12],
  ])("reads %s as %s (grade %i, system %i)", (raw, tier, grade, system) => {
    expect(parseGeneralEducation(raw)).toMatchObject({ value: tier, grade, system, recognized: true });
  });

  it("reads 9/9 as upper secondary, flagged uncertain", () => {
    expect(parseGeneralEducation("9/9")).toMatchObject({ value: "upperSecondary", grade: 9, system: 9, uncertain: true });
  });

  it("reads bổ túc (supplementary) forms", () => {
    expect(parseGeneralEducation("BT 12/12")).toMatchObject({ value: "upperSecondary", supplementary: true, grade: 12, system: 12 });
    expect(parseGeneralEducation("12/12 (BT)")).toMatchObject({ value: "upperSecondary", supplementary: true });
    expect(parseGeneralEducation("Bổ túc 12/12")).toMatchObject({ value: "upperSecondary", supplementary: true });
    expect(parseGeneralEducation("BTVH 12/12")).toMatchObject({ value: "upperSecondary", supplementary: true });
    expect(parseGeneralEducation("Bổ túc THPT")).toMatchObject({ value: "upperSecondary", supplementary: true });
  });

  it.each([
    ["THPT", "upperSecondary"],
    ["Trung học phổ thông", "upperSecondary"],
    ["PTTH", "upperSecondary"],
    ["Cấp III", "upperSecondary"],
    ["THCS", "lowerSecondary"],
    ["Trung học cơ sở", "lowerSecondary"],
    ["Tiểu học", "primary"],
    ["TIỂU HỌC", "primary"],
    ["Tốt nghiệp THPT", "upperSecondary"],
  ])("reads %s as %s", (raw, tier) => {
    expect(parseGeneralEducation(raw)).toMatchObject({ value: tier, recognized: true });
  });

  it("assumes the 12-year system when only a grade is written", () => {
    expect(parseGeneralEducation("Lớp 9")).toMatchObject({ value: "lowerSecondary", grade: 9, assumedSystem: true });
    expect(parseGeneralEducation("12")).toMatchObject({ value: "upperSecondary", grade: 12, assumedSystem: true });
    expect(parseGeneralEducation("12").system).toBeUndefined();
  });

  it("matches NFD input", () => {
    expect(parseGeneralEducation("Trung học cơ sở".normalize("NFD")).value).toBe("lowerSecondary");
  });

  it("rejects impossible grade/system pairs with a suggestion", () => {
    expect(parseGeneralEducation("13/12")).toMatchObject({ recognized: false });
    expect(parseGeneralEducation("12/13")).toMatchObject({ recognized: false, suggestion: "upperSecondary" });
    expect(parseGeneralEducation("Trung hoc co so")).toMatchObject({ value: "lowerSecondary" });
    expect(parseGeneralEducation("Tiểu hoc")).toMatchObject({ recognized: false, suggestion: "primary" });
  });

  it("flags blanks as empty", () => {
    expect(parseGeneralEducation("")).toEqual({ raw: "", recognized: false, empty: true });
  });

  it("orders tiers primary < lowerSecondary < upperSecondary", () => {
    expect(GENERAL_EDUCATION_TIERS.map(generalEducationRank)).toEqual([0, 1, 2]);
    expect(tierForGrade(7, 10)).toBe("lowerSecondary");
    expect(tierForGrade(13, 12)).toBeUndefined();
  });

  it("never throws", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const r = parseGeneralEducation(s);
        expect(r.raw).toBe(s);
        if (r.recognized) expect(GENERAL_EDUCATION_TIERS).toContain(r.value);
      }),
    );
  });
});

describe("parseGeneralEducationCell", () => {
  it("reads back a 12/12 that Excel turned into 12 December", () => {
    expect(parseGeneralEducationCell(new Date(Date.UTC(2024, 11, 12)))).toMatchObject({
      value: "upperSecondary",
      grade: 12,
      system: 12,
      fromDate: true,
    });
    expect(parseGeneralEducationCell(new Date(Date.UTC(2024, 9, 7)))).toMatchObject({ value: "lowerSecondary", grade: 7, system: 10 });
  });

  it("reads date serials only when the number format is a date", () => {
    // 45638 = 12/12/2024 in the 1900 system.
    expect(parseGeneralEducationCell(45638, { numberFormat: "d/m" })).toMatchObject({ value: "upperSecondary", fromDate: true });
    expect(parseGeneralEducationCell(12)).toMatchObject({ value: "upperSecondary", assumedSystem: true });
    expect(parseGeneralEducationCell("9/12")).toMatchObject({ value: "lowerSecondary" });
  });

  it("never throws on any value", () => {
    fc.assert(fc.property(fc.oneof(fc.anything(), fc.date(), anyText), (v) => void parseGeneralEducationCell(v)));
  });
});
